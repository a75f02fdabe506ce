import ArgumentParser
import CoordModel

struct ClearancesReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clearances",
        abstract: "The clearance log: every item with its rights requested and granted, status, dates, fee and the signed document's reference; overdue, expiring and narrower-than-asked items flagged.")
    @Argument(help: "The journal.") var file: String
    @Option(help: "Only items with this status (identified, requested, quoted, negotiating, cleared, denied, substituted, not-needed).")
    var status: String?
    @Flag(help: "CSV instead of a text table.") var csv = false

    func run() throws {
        var wanted: String?
        if let status {
            guard let s = Choices.clearanceStatus.canonical(status) else {
                complain("--status: '\(status)' is not one of \(Choices.clearanceStatus.values.joined(separator: ", "))")
                throw ExitCode(2)
            }
            wanted = s
        }
        let m = try loadForReport(file)
        emit(m.clearancesReport(status: wanted, today: Clock().today), csv: csv)
    }
}

struct CueSheetReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuesheet",
        abstract: "The music cue sheet: cue, title, composer/writers, publisher, PRO, master, usage, timecode in and out, duration, and the total music duration.",
        discussion: "Timecode is read at the production's frame rate (production set fps=...; 25 when not set). A song's sync and master items share a cue number (cue=1M1) and make one row.")
    @Argument(help: "The journal.") var file: String
    @Flag(help: "CSV instead of a text table.") var csv = false

    func run() throws {
        let m = try loadForReport(file)
        if !csv {
            let fps = m.production.fps.isEmpty ? "25" : m.production.fps
            print("Music cue sheet: \(m.production.title.isEmpty ? file : m.production.title) (timecode at \(fps) fps)")
            print("")
        }
        emit(m.cueSheetReport(), csv: csv)
    }
}
