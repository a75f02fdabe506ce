import ArgumentParser
import CoordInterchange
import CoordModel
import CoordUI

// `coord import costs`, `coord export costs`, `coord export ledger`: cost sheets as CSV, and the
// actual costs as a ledger/hledger journal. What each reads and writes is in docs/INTERCHANGE.md.

/// `coord import costs FILE COSTS.csv [--skip-bad] [--dry-run]`
struct ImportCosts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Import a cost sheet (CSV with a header row) into a journal as cost entries.",
        discussion: """
        Headings are matched by name (Date, Account or Nominal code, Supplier, Description, Net or \
        Amount, VAT, Gross, Currency, Rate, PO, Invoice, Kind, Paid, Approved by...); other columns \
        are listed and ignored. Every row is checked as `coord do` would check its `cost add` line \
        (the account must be in the chart, amounts must be unambiguous, a commitment needs its PO). \
        If any row is wrong, nothing is written and every bad row is listed by row and column, \
        unless --skip-bad is given. A row that is a cost already in the journal is not added again.
        """)

    @Argument(help: "The journal (created if missing).")
    var file: String

    @Argument(help: "The cost sheet (.csv, UTF-8).")
    var csv: String

    @Flag(help: "Write the good rows even if some are bad (the bad ones are listed).")
    var skipBad = false

    @Flag(help: "Check the sheet and say what would be imported, but write nothing.")
    var dryRun = false

    /// Bad rows listed in full; the rest are counted (a wholly wrong file repeats one mistake).
    static let shownProblems = 100

    func run() throws {
        let bytes = try readInput(csv)
        var store: ProductionStore?
        let model: Model
        let today: CalendarDate
        if dryRun {
            // Nothing is written, so the journal is read without its lock; a missing one is new.
            let exists: Bool
            do { exists = try JournalReader.readBytes(path: file) != nil } catch { complain(error.description); throw ExitCode(1) }
            model = exists ? try readJournal(file) : Model()
            today = Clock().today
        } else {
            let s = try openForWriting(file)
            store = s
            model = s.model
            today = s.today
        }
        let result: CostImport
        let bar = ProgressBar()
        do {
            defer { bar.finish() }
            result = try CostsCSV.importPlan(bytes, into: model, name: csv, today: today) { bar.show("Checking " + baseName(csv), $0, of: $1, "rows") }
        } catch {
            complain(error.description)
            throw ExitCode(1)
        }
        let nothing = dryRun ? "nothing was written (--dry-run)" : "nothing was written"
        func shown(_ problems: [String]) -> [String] {
            problems.count <= Self.shownProblems ? problems
                : Array(problems.prefix(Self.shownProblems)) + ["... and \(problems.count - Self.shownProblems) more bad rows"]
        }
        guard let lines = result.commandsToWrite(skipBad: skipBad) else {
            for p in shown(result.problems) { complain("\(csv): \(p)") }
            for n in result.plan.notes { complain("\(csv): note: \(n)") }
            let badCount = result.badRows.count
            complain("\(csv): \(badCount) bad row\(badCount == 1 ? "" : "s") of \(result.rows) — \(nothing)"
                + (result.goodRows > 0 ? " (fix \(badCount == 1 ? "it" : "them"), or add --skip-bad to import the \(result.goodRows) good row\(result.goodRows == 1 ? "" : "s"))" : ""))
            throw ExitCode(1)
        }
        if lines.isEmpty && result.goodRows == 0 {
            for p in shown(result.problems) { complain("\(csv): \(p)") }
            complain("\(csv): no good rows — \(nothing)")
            throw ExitCode(1)
        }
        if let store, !lines.isEmpty {
            try performImport(ImportPlan(commands: lines, notes: result.plan.notes), into: store, source: csv)
        }
        let count = "\(lines.count) journal line\(lines.count == 1 ? "" : "s")"
        let written = lines.isEmpty ? "; nothing to write" : dryRun ? " (\(count) — --dry-run: nothing was written)" : " (\(count))"
        print(TextWidth.inert("\(dryRun ? "would import" : "imported") \(csv) into \(file): \(result.summary)\(written)"))
        if !result.problems.isEmpty {
            let n = result.problems.count
            print(TextWidth.inert("  \(dryRun ? "would skip" : "skipped") \(n) bad row\(n == 1 ? "" : "s"):"))
            for p in shown(result.problems) { print(TextWidth.inert("    " + p)) }
        }
        for n in result.plan.notes { print(TextWidth.inert("  note: " + n)) }
    }
}

/// `coord export costs FILE OUT.csv`
struct ExportCosts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Write every cost entry as CSV, one row each in date order.",
        discussion: """
        Date, Account, Account name, Vendor, Description, Net, VAT, Currency, Rate, Net in the \
        production's currency, PO, Invoice, Kind, Paid, PO closed, Approved and, for a commitment, \
        what is still open on its PO. The file re-imports with `coord import costs`.
        """)

    @Argument(help: "The journal.")
    var file: String

    @Argument(help: "The file to write (.csv).")
    var out: String

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let model = try readJournal(file)
        let export: CostsCSVExport
        do {
            export = try CostsCSV.export(model)
        } catch {
            complain("\(file): \(error.description)")
            throw ExitCode(1)
        }
        try writeOutput(out, export.bytes, force: force)
        print(TextWidth.inert("wrote \(out): \(export.costs) cost entr\(export.costs == 1 ? "y" : "ies") (\(export.actuals) actual\(export.actuals == 1 ? "" : "s"), "
            + "\(export.commitments) commitment\(export.commitments == 1 ? "" : "s")), \(export.headings.count) columns (\(export.bytes.count) bytes)"))
    }
}

/// `coord export ledger FILE OUT.journal`
struct ExportLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Write the actual costs as a ledger/hledger journal, one transaction per cost.",
        discussion: """
        Net amounts go to Expenses:<ATL|BTL>:<category>:<account> in the production's currency \
        (foreign entries at their recorded rate), VAT to Assets:VAT reclaimable, the gross from \
        Assets:Bank (paid) or Liabilities:Accounts payable. Commitments are not posted; open POs are \
        listed in the header comment. `ledger -f OUT balance --flat ^Expenses` gives, per account, \
        the cost report's actual to date.
        """)

    @Argument(help: "The journal.")
    var file: String

    @Argument(help: "The file to write (.journal or .ledger).")
    var out: String

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let model = try readJournal(file)
        let export: LedgerExportResult
        do {
            export = try LedgerExport.export(model, source: file)
        } catch {
            complain("\(file): \(error.description)")
            throw ExitCode(1)
        }
        try writeOutput(out, export.bytes, force: force)
        let ccy = model.production.currency
        print(TextWidth.inert("wrote \(out): \(export.transactions) transaction\(export.transactions == 1 ? "" : "s") "
            + "(actual costs, net \(export.netTotal.grouped) \(ccy)), \(export.accounts) account\(export.accounts == 1 ? "" : "s") declared, "
            + "\(export.openPOs) open PO\(export.openPOs == 1 ? "" : "s") listed in its header (\(export.bytes.count) bytes)"))
        print(TextWidth.inert("  check: ledger -f \(out) balance --flat ^Expenses gives, per account, the actual to date of coord report cost \(file)"))
    }
}
