import ArgumentParser
import CoordModel
import CoordUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `coord report ...`: what the office prints and sends.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a report from a journal (text, or CSV with --csv; progress: text, Markdown or HTML).",
        subcommands: [DaysReport.self, DoodReport.self, ConflictsReport.self, MovementsReport.self, ProgressReport.self,
                      CostReportCommand.self, ClearancesReport.self, CueSheetReport.self])
}

/// Reads a journal for a report; says what is wrong and exits 1 if it cannot.
func loadForReport(_ path: String) throws -> Model {
    let bytes = try readInput(path)
    let bar = ProgressBar()
    do {
        let checkpoints = CheckpointStore.standard()
        let opened = try JournalReader.load(bytes, path: path, checkpoints: checkpoints, progress: bar.lines("Reading " + baseName(path)))
        bar.finish()
        JournalReader.keep(opened, path: path, bytes: bytes, in: checkpoints)
        let loaded = opened.loaded
        if let torn = loaded.torn { complain("\(path):\(torn.line): \(torn.what) is unfinished (a write cut short) and is left out") }
        return loaded.model
    } catch let e as JournalError {
        bar.finish()
        complain(e.description)
        throw ExitCode(1)
    }
}

func pickBoard(_ m: Model, _ name: String?, _ path: String) throws -> Board {
    guard let b = m.board(named: name) else {
        complain("\(path): no board '\(name ?? "")' (boards: \(m.boards.values.map(\.name).joined(separator: ", ")))")
        throw ExitCode(1)
    }
    return b
}

func emit(_ table: ReportTable, csv: Bool) {
    // Data is shown inert: a control character in a name never reaches the terminal raw.
    print(csv ? table.csv : table.text.split(separator: "\n").map { TextWidth.inert(String($0)) }.joined(separator: "\n") + "\n",
          terminator: "")
}

struct DaysReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days", abstract: "Shoot days: date, location, call, wrap, strips and pages in eighths.")
    @Argument(help: "The journal.") var file: String
    @Option(help: "The board (id or name); default: the active board.") var board: String?
    @Flag(help: "CSV instead of a text table.") var csv = false

    func run() throws {
        let m = try loadForReport(file)
        emit(m.daysReport(board: try pickBoard(m, board, file).id), csv: csv)
    }
}

struct DoodReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dood", abstract: "Day out of days: each cast member, crew member and kit item by shoot day, with totals.")
    @Argument(help: "The journal.") var file: String
    @Option(help: "The board (id or name); default: the active board.") var board: String?
    @Flag(help: "CSV instead of a text table.") var csv = false

    func run() throws {
        let m = try loadForReport(file)
        emit(m.doodReport(board: try pickBoard(m, board, file).id), csv: csv)
    }
}

struct ConflictsReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Unavailable people on working days, short turnarounds, long days; with several journals, people and kit booked in two productions on one date.",
        discussion: "Exits 1 when there is any conflict, so a script can check a schedule.")
    @Argument(help: "One or more journals (parallel productions).") var files: [String]
    @Flag(help: "CSV instead of text.") var csv = false

    func run() throws {
        guard !files.isEmpty else { complain("report conflicts needs at least one journal"); throw ExitCode(2) }
        var productions: [(name: String, model: Model)] = []
        var rows: [[String]] = []
        for f in files {
            let m = try loadForReport(f)
            let name = m.production.title.isEmpty ? f : m.production.title
            productions.append((name, m))
            for c in m.conflicts(board: m.activeBoard.id) {
                rows.append([name, c.kind.rawValue, c.date?.description ?? "", c.message])
            }
        }
        if productions.count > 1 {
            for c in Model.crossProductionConflicts(productions) {
                rows.append(["(all)", c.kind.rawValue, c.date?.description ?? "", c.message])
            }
        }
        if rows.isEmpty && !csv { print("no conflicts"); return }
        emit(ReportTable(header: ["production", "kind", "date", "what"], rows: rows), csv: csv)
        if !rows.isEmpty { throw ExitCode(1) }
    }
}

struct MovementsReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movements", abstract: "Travel and hotels on one shoot day: who, pick-up, from, to, how, booking reference.")
    @Argument(help: "The journal.") var file: String
    @Option(help: "The shoot day number (1 = the first day of the active board).") var day: Int
    @Flag(help: "CSV instead of a text table.") var csv = false

    func run() throws {
        let m = try loadForReport(file)
        guard let table = m.movementsReport(board: m.activeBoard.id, day: day) else {
            complain("\(file): there is no shoot day \(day) (the active board has \(m.layout(of: m.activeBoard.id).days.count))")
            throw ExitCode(1)
        }
        emit(table, csv: csv)
    }
}

struct ProgressReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "The daily progress report of shoot day N: times, scenes completed, part-shot and not shot, pages and minutes, set-ups, delays.",
        discussion: "From the day's progress record (progress add day=...) and the strips' shot marks (strip set id=... shot=done|part). "
            + "What it takes from the journal: docs/PROGRESS.md.")
    @Argument(help: "The journal.") var file: String
    @Option(help: "The shoot day number on the active board (1 is the first).") var day: Int
    @Option(help: "text (80 columns), md (Markdown) or html (one printable A4 file).") var format: CallSheetCommand.Format = .text
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?
    @Flag(help: "With -o, replace an existing file.") var force = false

    func run() throws {
        if let output, !force, access(output, F_OK) == 0 {
            complain("\(output) already exists (add --force to replace it)")
            throw ExitCode(1)
        }
        let m = try loadForReport(file)
        guard let report = m.progressReport(day: day) else {
            let n = m.layout(of: m.activeBoard.id).days.count
            let board = m.activeBoard.name.isEmpty ? m.activeBoard.id.raw : m.activeBoard.name
            complain(n == 0 ? "\(file): the active board '\(board)' has no shoot days"
                            : "\(file): there is no shoot day \(day): the active board '\(board)' has \(n) shoot day\(n == 1 ? "" : "s") (1-\(n))")
            throw ExitCode(1)
        }
        let body: String
        switch format {
        case .text: body = report.text()
        case .md: body = report.markdown()
        case .html: body = report.html()
        }
        if let output {
            try CallSheetCommand.save(body, to: output, replace: force, personal: false)
        } else {
            print(body, terminator: "")
        }
    }
}
