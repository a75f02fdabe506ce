/// The ledger's running totals, kept by `Model.apply` as each change comes in: a cost, budget
/// line, transfer or estimate moves only its own account's figures, so the cost report of a
/// production with a hundred thousand costs is put together from a few hundred accounts
/// instead of a scan of every entry. `rebuilt(from:)` is the from-scratch reference (a test
/// holds the two equal) and what a checkpoint or an account's new code starts from.
public struct LedgerTotals: Sendable, Equatable {
    /// Dated invoices and receipts (not commitments), per account code, in home currency.
    var actual: [String: Money] = [:]
    /// The same per account and date, for a week's period column.
    var actualOn: [String: [CalendarDate: Money]] = [:]
    /// Invoices per PO number: dated ones (the cost report) and all (what is open on a PO).
    var invoicedDated: [String: Money] = [:]
    var invoicedAll: [String: Money] = [:]
    /// How many invoices name each PO number.
    var invoiceCount: [String: Int] = [:]
    /// What each PO number's commitment still has open (dated, not closed), and on which account.
    var openOnPO: [String: (account: String, amount: Money)] = [:]
    /// The sum of `openOnPO` per account.
    var committed: [String: Money] = [:]
    /// Budget lines' totals per account.
    var lines: [String: Money] = [:]
    /// Budget moved in (+) and out (-) per account.
    var transferred: [String: Money] = [:]
    /// The estimate to complete entered last for each account.
    var latestEstimate: [String: RecordID] = [:]

    public init() {}

    public static func == (a: LedgerTotals, b: LedgerTotals) -> Bool {
        func clean<K>(_ d: [K: Money]) -> [K: Money] { d.filter { $0.value != .zero } }
        return clean(a.actual) == clean(b.actual) && a.actualOn.mapValues(clean).filter { !$0.value.isEmpty } == b.actualOn.mapValues(clean).filter { !$0.value.isEmpty }
            && clean(a.invoicedDated) == clean(b.invoicedDated) && clean(a.invoicedAll) == clean(b.invoicedAll)
            && a.invoiceCount.filter { $0.value != 0 } == b.invoiceCount.filter { $0.value != 0 }
            && a.openOnPO.mapValues { "\($0.account) \($0.amount)" } == b.openOnPO.mapValues { "\($0.account) \($0.amount)" }
            && clean(a.committed) == clean(b.committed) && clean(a.lines) == clean(b.lines)
            && clean(a.transferred) == clean(b.transferred) && a.latestEstimate == b.latestEstimate
    }

    /// Every total worked out from the tables, as replaying them one change at a time would.
    public static func rebuilt(from m: Model) -> LedgerTotals {
        var t = LedgerTotals()
        for c in m.costs.values { t.count(c, sign: 1) }
        for po in Set(m.costs.values.map(\.po)) where !po.isEmpty { t.refreshPO(po, commitment: m.commitment(po: po)) }
        for l in m.budgetLines.values { t.count(l, sign: 1) }
        for x in m.transfers.values { t.count(x, sign: 1) }
        for e in m.estimates.values { t.latestEstimate[e.account] = e.id }
        return t
    }

    // MARK: one record in or out

    mutating func count(_ c: CostEntry, sign: Int) {
        guard !c.isCommitment else { return }
        let m = sign > 0 ? c.homeAmount : .zero - c.homeAmount
        if !c.po.isEmpty {
            invoicedAll[c.po, default: .zero] += m
            invoiceCount[c.po, default: 0] += sign
        }
        guard let d = c.date else { return }
        actual[c.account, default: .zero] += m
        actualOn[c.account, default: [:]][d, default: .zero] += m
        if !c.po.isEmpty { invoicedDated[c.po, default: .zero] += m }
    }

    mutating func count(_ l: BudgetLine, sign: Int) {
        lines[l.account, default: .zero] += sign > 0 ? l.total : .zero - l.total
    }

    mutating func count(_ x: Transfer, sign: Int) {
        let m = x.amount ?? .zero
        let s = sign > 0 ? m : .zero - m
        if !x.from.isEmpty { transferred[x.from, default: .zero] -= s }
        if !x.to.isEmpty { transferred[x.to, default: .zero] += s }
    }

    /// A PO number's open commitment, after its commitment or one of its invoices changed.
    /// Given the commitment, not the model: a model passed in while its totals change would
    /// share their storage and copy every dictionary on each change.
    mutating func refreshPO(_ po: String, commitment: CostEntry?) {
        guard !po.isEmpty else { return }
        if let old = openOnPO.removeValue(forKey: po) { committed[old.account, default: .zero] -= old.amount }
        guard let c = commitment, !c.isClosed, c.date != nil else { return }
        let open = c.homeAmount - (invoicedDated[po] ?? .zero)
        guard open > .zero else { return }
        openOnPO[po] = (c.account, open)
        committed[c.account, default: .zero] += open
    }


    // MARK: reading

    /// Dated actuals of `account` from `start` to `end`, both included.
    func actual(of account: String, from start: CalendarDate, to end: CalendarDate) -> Money {
        guard let byDate = actualOn[account] else { return .zero }
        var sum = Money.zero
        var d = start
        while d <= end { sum += byDate[d] ?? .zero; d = d.adding(days: 1) }
        return sum
    }

    /// Invoices against a PO number that no commitment carries (a licensor's, say).
    func invoicedWithoutCommitment(_ po: String, in m: Model) -> Money {
        m.commitmentByPO[po] == nil ? invoicedDated[po] ?? .zero : .zero
    }
}
