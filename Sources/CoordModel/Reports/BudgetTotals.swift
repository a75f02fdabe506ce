/// Spend against one account: invoiced actuals and open commitments.
public struct AccountSpend: Sendable, Equatable {
    public var actual = Money.zero
    public var committed = Money.zero
    public var total: Money { actual + committed }
    public init() {}
}

extension Model {
    /// Actual and committed spend per account code.
    public func spendByAccount() -> [String: AccountSpend] {
        var out: [String: AccountSpend] = [:]
        for c in costs.values {
            let amount = c.amount ?? .zero
            if c.isCommitment { out[c.account, default: .init()].committed += amount }
            else { out[c.account, default: .init()].actual += amount }
        }
        return out
    }

    /// Accounts whose estimated final cost is more than their budget.
    public func overBudgetCodes(today: CalendarDate) -> [String] {
        costReport(periodEnd: nil, today: today).overAccounts.map(\.code)
    }

    /// Clearances past their due date and not settled.
    public func overdueClearances(today: CalendarDate) -> [Clearance] {
        clearances.values.filter { $0.isOverdue(today: today) }
    }

    public var totalPages: Pages { strips.values.reduce(Pages(eighths: 0)) { $0 + $1.pages } }
}
