import CoordModel

/// The chart of accounts with spend against budget, or the cost entries themselves.
enum BudgetTable {
    static let accountColumns = [
        Column("Code", 5), Column("Account", 14, flex: 3), Column("Category", 8, flex: 1),
        .money("Budget"), .money("Actual"), .money("Committed"), .money("Remaining"),
    ]

    static func accounts(_ m: Model) -> Table {
        let spend = m.spendByAccount()
        var total = (budget: Money.zero, actual: Money.zero, committed: Money.zero)
        var rows = m.accounts.values.sorted { $0.code < $1.code }.map { a -> Row in
            let s = spend[a.code] ?? AccountSpend()
            let budget = a.budget ?? .zero
            total.budget += budget; total.actual += s.actual; total.committed += s.committed
            let remaining = budget - s.total
            return Row(id: a.id, noun: .account,
                       cells: [a.code, a.description, a.category, budget.grouped, s.actual.grouped,
                               s.committed.grouped, remaining.grouped],
                       mark: remaining.isNegative ? .alert : .none)
        }
        let remaining = total.budget - total.actual - total.committed
        rows.append(Row(id: nil, noun: nil,
                        cells: ["", "Total", "", total.budget.grouped, total.actual.grouped, total.committed.grouped,
                                remaining.grouped], kind: .total))
        return Table(columns: accountColumns, rows: rows)
    }

    static let costColumns = [
        Column("Date", 10), Column("Acct", 5), Column("Vendor", 12, flex: 2), Column("Description", 12, flex: 3),
        .money("Amount"), Column("PO", 8), Column("Invoice", 8), Column("Kind", 6),
    ]

    static func costs(_ m: Model) -> Table {
        let sorted = m.costs.values.enumerated().sorted { a, b in
            let da = a.element.date ?? CalendarDate(dayNumber: 0), db = b.element.date ?? CalendarDate(dayNumber: 0)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        var actual = Money.zero, committed = Money.zero
        var rows = sorted.map { c -> Row in
            if c.isCommitment { committed += c.amount ?? .zero } else { actual += c.amount ?? .zero }
            return Row(id: c.id, noun: .cost,
                       cells: [date(c.date), c.account, c.vendor, c.description, money(c.amount), c.po, c.invoice,
                               c.isCommitment ? "PO" : "actual"],
                       mark: c.isCommitment ? .warn : .none)
        }
        for (label, amount) in [("Actual", actual), ("Committed", committed), ("Total", actual + committed)] {
            rows.append(Row(id: nil, noun: nil, cells: ["", "", "", label, amount.grouped, "", "", ""], kind: .total))
        }
        return Table(columns: costColumns, rows: rows)
    }
}
