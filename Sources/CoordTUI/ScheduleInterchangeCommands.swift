import ArgumentParser
import CoordInterchange
import CoordModel
import CoordUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `coord import uss`, `coord export uss`, `coord export ical`. The mapping, and what each
// direction leaves out, is in docs/INTERCHANGE.md.

/// `coord import uss FILE SCHEDULE.uss`
struct ImportUSS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uss",
        abstract: "Import a Universal Schedule Standard (USS) schedule into a journal.",
        discussion: """
        Every stripboard becomes a board with its shoot days, calendar and banners; scenes become
        strips; cast become crew in the Cast department; other breakdown elements become kit.
        All or nothing: if any change is refused, nothing is written. What was skipped is listed.
        """)

    @Argument(help: "The journal (created if missing).")
    var file: String

    @Argument(help: "The USS file (JSON).")
    var schedule: String

    func run() throws {
        let bytes = try readInput(schedule)
        let store = try openForWriting(file)
        let plan: ImportPlan
        do {
            plan = try USS.importPlan(bytes, into: store.model, name: schedule)
        } catch {
            complain(error.description)
            throw ExitCode(1)
        }
        try performImport(plan, into: store, source: schedule)
        print(TextWidth.inert("imported \(schedule) into \(file): \(importSummary(plan.commands))"))
        for n in plan.notes { print(TextWidth.inert("  note: " + n)) }
    }
}

/// `coord export uss FILE OUT.uss`
struct ExportUSS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uss",
        abstract: "Write the production's boards as a Universal Schedule Standard 1.0.0 file (JSON).",
        discussion: "Every board with its shoot days, boneyard and calendar; strips, banners, cast and kit. No phone numbers or other personal data.")

    @Argument(help: "The journal.")
    var file: String

    @Argument(help: "The file to write (.uss).")
    var out: String

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let model = try readJournal(file)
        let export: USSExport
        do {
            export = try USS.export(model)
        } catch {
            complain("\(file): \(error.description)")
            throw ExitCode(1)
        }
        try writeOutput(out, export.bytes, force: force)
        print(TextWidth.inert("wrote \(out): USS \(USS.version), \(count(export.boards, "board")), \(count(export.strips, "strip")), "
            + "\(count(export.banners, "banner")), \(count(export.elements, "element")) (\(export.bytes.count) bytes)"))
        for n in export.notes { print(TextWidth.inert("  note: " + n)) }
    }
}

/// `coord export ical FILE OUT.ics`
struct ExportICal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ical",
        abstract: "Write the active board's shoot days as an iCalendar file (.ics), one event per day.",
        discussion: "Each event keeps its UID from one export to the next, so importing the file again updates the days instead of adding them twice.")

    @Argument(help: "The journal.")
    var file: String

    @Argument(help: "The file to write (.ics).")
    var out: String

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let model = try readJournal(file)
        let export: ICalExport
        do {
            export = try ICal.export(model)
        } catch {
            complain("\(file): \(error.description)")
            throw ExitCode(1)
        }
        try writeOutput(out, export.bytes, force: force)
        print(TextWidth.inert("wrote \(out): \(count(export.events, "shoot day")) of board '\(export.board)' as iCalendar events (\(export.bytes.count) bytes)"))
        for n in export.notes { print(TextWidth.inert("  note: " + n)) }
    }
}

private func count(_ n: Int, _ thing: String) -> String { "\(n) \(thing)\(n == 1 ? "" : "s")" }

/// `4 boards, 173 strips, ...` from the import's commands.
private func importSummary(_ commands: [String]) -> String {
    var n: [String: Int] = [:]
    for c in commands {
        let words = c.split(separator: " ", maxSplits: 2)
        guard words.count >= 2 else { continue }
        n["\(words[0]) \(words[1])", default: 0] += 1
    }
    var parts: [String] = []
    let boards = (n["board add"] ?? 0) + (commands.contains { $0.hasPrefix("board set id=main name=") } ? 1 : 0)
    for (num, thing) in [(boards, "board"), (n["strip add"] ?? 0, "strip"), (n["day add"] ?? 0, "shoot day"),
                         (n["banner add"] ?? 0, "banner"), (n["calendar add"] ?? 0, "calendar day"),
                         (n["crew add"] ?? 0, "cast member"), (n["kit add"] ?? 0, "kit item"),
                         (n["booking add"] ?? 0, "booking")] where num > 0 {
        parts.append(count(num, thing))
    }
    if parts.isEmpty { parts.append("nothing new") }
    return parts.joined(separator: ", ") + " (\(count(commands.count, "journal line")))"
}
