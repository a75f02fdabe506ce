import CoordModel

/// Figures derived from the model. The ledger's totals are kept by the model as each change
/// comes in and the schedule's views by `DerivedFigures`, so nothing here scans every record.
extension Session {
    /// What is still open on a PO (the detail line asks on every key).
    func openOn(_ c: CostEntry) -> Money { model.open(on: c) }

    /// How many invoices a PO number has.
    func invoiceCount(_ po: String) -> Int { model.invoiceCount(po: po) }

    /// Clearances overdue and expiring, counted once per change (the status bar shows them on every frame).
    var deadlineCounts: (overdue: Int, expiring: Int) {
        if let c = deadlinesCache, c.revision == revision, c.today == today, c.production == current { return (c.overdue, c.expiring) }
        let over = model.overdueClearances(today: today).count, exp = model.expiringClearances(today: today).count
        deadlinesCache = (revision, today, current, over, exp)
        return (over, exp)
    }

    /// The cost report, put together once per change from the running totals (the tab alert
    /// and the budget pane share it).
    var costReport: CostReport {
        if let c = costReportCache, c.revision == revision, c.today == today, c.production == current { return c.report }
        let r = derived[current].costReport(model, today: today)
        costReportCache = (revision, today, current, r)
        return r
    }

    /// A board's conflicts, brought up to date by the changes since they were last asked for.
    func conflicts(of board: RecordID) -> [Conflict] { derived[current].conflicts(model, board: board) }
}
