import CoordModel

/// What `CostsCSV.importPlan` made of a cost sheet.
public struct CostImport: Sendable {
    /// `cost add` lines for the good rows, and notes on the columns (ignored, read together).
    public var plan = ImportPlan()
    /// The CSV row (1-based, the header is row 1) each command came from.
    public var rowOfCommand: [Int] = []
    /// One line per bad row, e.g. `row 7, column E (Amount): '1.250,00' is ambiguous: ...`.
    public var problems: [String] = []
    public var badRows: [Int] = []
    /// Rows with something on them (blank rows are not counted).
    public var rows = 0
    public var actuals = 0
    public var commitments = 0
    /// Rows that are a cost already in the journal (same date, account, amounts, vendor,
    /// description, PO, invoice and kind): not added again.
    public var alreadyInJournal = 0
    /// The net amounts added, in the production's currency (foreign entries at their rate).
    public var netActual = Money.zero
    public var netCommitted = Money.zero
    /// The production's currency code.
    public var currency = ""

    public var added: Int { actuals + commitments }
    public var goodRows: Int { rows - badRows.count }
    public var netAdded: Money { netActual + netCommitted }

    /// What to write: every row's cost when no row is bad; with `skipBad`, the good rows';
    /// otherwise nil (nothing at all).
    public func commandsToWrite(skipBad: Bool) -> [String]? {
        badRows.isEmpty || skipBad ? plan.commands : nil
    }

    /// `12 costs added (10 actuals, 2 commitments), net 4,250.00 GBP (actuals 3,000.00, commitments 1,250.00)`;
    /// `1 actual cost added, net 240.00 GBP`; `no costs added; 45 already in the journal (not added again)`.
    public var summary: String {
        var s: String
        switch (actuals, commitments) {
        case (0, 0): s = "no costs added"
        case (_, 0): s = "\(actuals) actual cost\(actuals == 1 ? "" : "s") added, net \(netAdded.grouped) \(currency)"
        case (0, _): s = "\(commitments) commitment\(commitments == 1 ? "" : "s") (PO) added, net \(netAdded.grouped) \(currency)"
        default:
            s = "\(added) costs added (\(actuals) actual\(actuals == 1 ? "" : "s"), \(commitments) commitment\(commitments == 1 ? "" : "s")), "
                + "net \(netAdded.grouped) \(currency) (actuals \(netActual.grouped), commitments \(netCommitted.grouped))"
        }
        if alreadyInJournal > 0 {
            s += "; \(alreadyInJournal) already in the journal (not added again)"
        }
        return s
    }
}

/// What `CostsCSV.export` wrote.
public struct CostsCSVExport: Sendable {
    /// The file: UTF-8 with a byte order mark, CRLF line ends.
    public var bytes: [UInt8]
    public var costs: Int
    public var actuals: Int
    public var commitments: Int
    public var headings: [String]
}
