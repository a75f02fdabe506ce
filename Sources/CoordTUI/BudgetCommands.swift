import ArgumentParser
import CoordModel
import CoordUI

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
