import ArgumentParser
import CoordModel
import CoordUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `coord callsheet FILE --day N`: the call sheet of a shoot day of the active board, printed or
/// written to a file; `--issue` records it in the journal as the next version.
struct CallSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callsheet",
        abstract: "Print or write the call sheet of shoot day N of the active board (text, Markdown or HTML).",
        discussion: "The general copy leaves out personal phone numbers, emails and home addresses; --crew-copy puts them in. "
            + "--issue records the sheet in the journal as the next version (callsheet add day=... version=... hash=...); "
            + "a sheet changed since its last issue says OUT OF DATE. What each section takes from the journal: docs/CALLSHEET.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html
        init?(argument: String) {
            switch argument.lowercased() {
            case "text", "txt", "plain": self = .text
            case "md", "markdown": self = .md
            case "html", "htm": self = .html
            default: return nil
            }
        }
    }

    @Argument(help: "The journal.")
    var file: String

    @Option(help: "The shoot day number on the active board (1 is the first).")
    var day: Int

    @Option(help: "text (80 columns), md (Markdown) or html (one printable A4 file).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .customLong("crew-copy"), help: "Include personal phone numbers, emails and home addresses.")
    var crewCopy = false

    @Flag(help: "Record this sheet in the journal as issued (the next version).")
    var issue = false

    @Flag(help: "With -o, replace an existing file.")
    var force = false

    func run() throws {
        // An issue is only recorded for a sheet that can be written.
        if let output { try checkWritable(output, force: force) }
        var model: Model
        var issuedMessage: String?
        if issue {
            let store: ProductionStore
            do {
                store = try ProductionStore.open(path: file, create: false, checkpoints: CheckpointStore.standard()).0
                // Whatever other writers appended counts: the fingerprint is of the journal as it is now.
                try store.catchUp()
            } catch {
                complain(error.description)
                throw ExitCode(1)
            }
            let sheet = try sheet(of: store.model)
            do {
                try store.perform(lines: [sheet.issueCommand])
            } catch {
                complain("\(file): \(error.description) — the call sheet was not issued")
                throw ExitCode(1)
            }
            model = store.model
            issuedMessage = "issued call sheet day \(day) version \(sheet.nextVersion)"
        } else {
            model = try loadForReport(file)
        }
        let sheet = try sheet(of: model)
        let body: String
        switch format {
        case .text: body = sheet.text(crewCopy: crewCopy)
        case .md: body = sheet.markdown(crewCopy: crewCopy)
        case .html: body = sheet.html(crewCopy: crewCopy)
        }
        if let output {
            try CallSheetCommand.save(body, to: output, replace: force, personal: crewCopy)
            if let issuedMessage { print(issuedMessage) }
        } else {
            print(body, terminator: "")
            // The sheet is on standard output (maybe piped to mail): the note goes to standard error.
            if let issuedMessage { CallSheetCommand.note(issuedMessage) }
        }
    }

    /// The sheet of `--day`, or a message saying how many days there are.
    func sheet(of model: Model) throws -> CallSheet {
        guard let s = model.callSheet(day: day) else {
            let n = model.layout(of: model.activeBoard.id).days.count
            let board = model.activeBoard.name.isEmpty ? model.activeBoard.id.raw : model.activeBoard.name
            complain(n == 0 ? "\(file): the active board '\(board)' has no shoot days"
                            : "\(file): there is no shoot day \(day): the active board '\(board)' has \(n) shoot day\(n == 1 ? "" : "s") (1-\(n))")
            throw ExitCode(1)
        }
        return s
    }

    static func note(_ message: String) {
        let line = TextWidth.inert(message) + "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }

    /// The sheet written through the commands' one safe writer (temp file, sync, link or rename).
    static func save(_ text: String, to path: String, replace: Bool, personal: Bool) throws {
        try writeOutput(path, Array(text.utf8), force: replace, personal: personal)
    }
}
