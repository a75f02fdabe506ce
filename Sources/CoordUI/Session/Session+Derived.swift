import CoordModel

/// Figures derived from the model, worked out once per change and shared by whoever asks.
extension Session {
    /// What is still open on each PO, once per change (the detail line asks on every key).
    var openCommitments: [RecordID: Money] { commitmentFigures.open }

    /// How many invoices each PO number has, once per change.
    var invoiceCounts: [String: Int] { commitmentFigures.invoices }

    private var commitmentFigures: (open: [RecordID: Money], invoices: [String: Int]) {
        if let c = openCommitmentsCache, c.revision == revision, c.production == current { return (c.open, c.invoices) }
        let open = model.openCommitments()
        var invoices: [String: Int] = [:]
        for c in model.costs.values where !c.isCommitment && !c.po.isEmpty { invoices[c.po, default: 0] += 1 }
        openCommitmentsCache = (revision, current, open, invoices)
        return (open, invoices)
    }

    /// Clearances overdue and expiring, counted once per change (the status bar shows them on every frame).
    var deadlineCounts: (overdue: Int, expiring: Int) {
        if let c = deadlinesCache, c.revision == revision, c.today == today, c.production == current { return (c.overdue, c.expiring) }
        let over = model.overdueClearances(today: today).count, exp = model.expiringClearances(today: today).count
        deadlinesCache = (revision, today, current, over, exp)
        return (over, exp)
    }

    /// The cost report, worked out once per change (the tab alert and the budget pane share it).
    var costReport: CostReport {
        if let c = costReportCache, c.revision == revision, c.today == today, c.production == current { return c.report }
        let r = model.costReport(periodEnd: nil, today: today)
        costReportCache = (revision, today, current, r)
        return r
    }

    /// A board's conflicts, worked out once per change (the tab alert and the stripboard share them).
    func conflicts(of board: RecordID) -> [Conflict] {
        if let c = conflictsCache, c.revision == revision, c.board == board, c.production == current { return c.conflicts }
        let found = model.conflicts(board: board)
        conflictsCache = (revision, board, current, found)
        return found
    }
}
