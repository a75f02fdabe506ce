import ArgumentParser
import CoordModel
import CoordUI
import CoordInterchange
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct CostReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "The cost report: per account, per category, above/below the line and in total: budget, this period, actual to date, committed, total to date, ETC, EFC and variance.",
        discussion: """
            Without --period every cost recorded counts and this period is the current week (Monday to Sunday). \
            With --period DATE only costs dated up to DATE count and this period is the 7 days ending on DATE. \
            Commitments count only what is still open on their PO (invoices against it move to actual). \
            ETC is the latest one entered (etc add account=... amount=... reason=...), else the days still booked \
            for crew coded to the account at their rates, else what is left of the budget. Variance = budget - EFC: \
            negative is over budget (marked OVER).
            """)
    @Argument(help: "The journal.") var file: String
    @Option(help: "The week ending this date (YYYY-MM-DD): costs after it are left out.") var period: String?
    @Flag(help: "CSV (plain numbers) instead of a text table.") var csv = false

    func run() throws {
        let m = try loadForReport(file)
        let today = Clock().today
        var end: CalendarDate?
        if let period {
            switch CalendarDate.parse(period, today: today) {
            case .success(let d): end = d
            case .failure(let e):
                complain("--period: \(e.message)")
                throw ExitCode(2)
            }
        }
        let report = m.costReport(periodEnd: end, today: today)
        if !csv {
            let title = m.production.title.isEmpty ? file : m.production.title
            let scope = end.map { "costs to \($0)" } ?? "all costs recorded"
            print(TextWidth.inert("Cost report: \(title) (\(m.production.currency)) - \(scope); this period \(report.periodStart) to \(report.periodEnd)"))
            print("")
        }
        emit(report.table(csv: csv), csv: csv)
    }
}

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Start a budget from a standard chart of accounts: drama (film and TV) or commercial (AICP bid form sections).",
        discussion: "Adds the categories and accounts as ordinary journal lines (edit them like any other); codes the journal already has are kept as they are. Creates the journal if it is missing.")
    @Argument(help: "The journal.") var file: String
    @Argument(help: "drama or commercial.") var template: String
    @Flag(help: "Print the lines instead of writing them.") var dryRun = false

    func run() throws {
        guard let chart = StandardChart(rawValue: template.lowercased()) else {
            complain("no chart '\(template)' (charts: \(StandardChart.allCases.map(\.rawValue).joined(separator: ", ")))")
            throw ExitCode(2)
        }
        if dryRun {
            let m = access(file, F_OK) == 0 ? try readJournal(file) : Model()
            for line in chart.commands(for: m).lines { print(line) }
            return
        }
        let store = try openForWriting(file)
        let (lines, kept) = chart.commands(for: store.model)
        if !kept.isEmpty {
            let list = kept.count <= 8 ? kept.joined(separator: ", ") : kept.prefix(6).joined(separator: ", ") + " and \(kept.count - 6) more"
            complain("kept as they are (already in the journal): \(list)")
        }
        guard !lines.isEmpty else { print("\(file): nothing to add; the chart is already there"); return }
        try performImport(ImportPlan(commands: lines), into: store, source: "chart \(chart.rawValue)")
        let cats = lines.filter { $0.hasPrefix("category") }.count
        print("\(file): \(cats) categor\(cats == 1 ? "y" : "ies") and \(lines.count - cats) accounts added from the \(chart.rawValue) chart")
    }
}
