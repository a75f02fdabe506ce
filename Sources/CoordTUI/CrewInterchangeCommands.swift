import ArgumentParser
import CoordInterchange
import CoordModel
import CoordUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `coord import crew`, `coord export crew`, `coord export vcard`: crew lists as CSV and
// vCard. What each direction reads, writes and leaves out is in docs/INTERCHANGE.md.

/// `coord import crew FILE CREW.csv [--skip-bad]`
struct ImportCrew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crew",
        abstract: "Import a crew list (CSV with a header row) into a journal.",
        discussion: """
        Headings are matched by name (Name, Role or Job title, Department, Mobile, Email, Day rate, \
        Agent, Status, Cast no., Dietary, Emergency contact, Address, Notes...); other columns are \
        listed and ignored. A person already in the journal (same name, any case) is updated, not \
        added twice. If any row is wrong, nothing is written and every bad row is listed by row and \
        column, unless --skip-bad is given.
        """)

    @Argument(help: "The journal (created if missing).")
    var file: String

    @Argument(help: "The crew list (.csv, UTF-8).")
    var csv: String

    @Flag(help: "Write the good rows even if some are bad (the bad ones are listed).")
    var skipBad = false

    func run() throws {
        let bytes = try readInput(csv)
        let store = try openForWriting(file)
        let result: CrewImport
        let bar = ProgressBar()
        do {
            defer { bar.finish() }
            result = try CrewCSV.importPlan(bytes, into: store.model, name: csv, today: store.today) { bar.show("Checking " + baseName(csv), $0, of: $1, "rows") }
        } catch {
            complain(error.description)
            throw ExitCode(1)
        }
        guard let lines = result.commandsToWrite(skipBad: skipBad) else {
            for p in result.problems { complain("\(csv): \(p)") }
            for n in result.plan.notes { complain("\(csv): note: \(n)") }
            let badCount = result.badRows.count
            complain("\(csv): \(badCount) bad row\(badCount == 1 ? "" : "s") of \(result.rows) — nothing was written"
                + (result.goodRows > 0 ? " (fix \(badCount == 1 ? "it" : "them"), or add --skip-bad to import the \(result.goodRows) good row\(result.goodRows == 1 ? "" : "s"))" : ""))
            throw ExitCode(1)
        }
        if lines.isEmpty && result.goodRows == 0 {
            for p in result.problems { complain("\(csv): \(p)") }
            complain("\(csv): no good rows — nothing was written")
            throw ExitCode(1)
        }
        do {
            try store.perform(lines: lines)
        } catch {
            if let i = error.index, i < result.rowOfCommand.count {
                complain("\(csv): row \(result.rowOfCommand[i]): \(error.description) — nothing was written")
            } else {
                complain("\(error.description) — nothing was written")
            }
            throw ExitCode(1)
        }
        let written = lines.isEmpty ? "; nothing to write" : " (\(lines.count) journal line\(lines.count == 1 ? "" : "s"))"
        print(TextWidth.inert("imported \(csv) into \(file): \(result.summary)\(written)"))
        if !result.problems.isEmpty {
            print(TextWidth.inert("  skipped \(result.problems.count) bad row\(result.problems.count == 1 ? "" : "s"):"))
            for p in result.problems { print(TextWidth.inert("    " + p)) }
        }
        for n in result.plan.notes { print(TextWidth.inert("  note: " + n)) }
    }
}

/// `coord export crew FILE OUT.csv [--personal]`
struct ExportCrew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crew",
        abstract: "Write the crew list as CSV, one row per person in department order.",
        discussion: """
        Every professional field (role, department, status, rate, agent, deal memo...). Phone, \
        email, address, emergency contact, dietary and access needs are personal data (GDPR) and \
        are written only with --personal. The file re-imports with `coord import crew`.
        """)

    @Argument(help: "The journal.")
    var file: String

    @Argument(help: "The file to write (.csv).")
    var out: String

    @Flag(help: "Also write phone, email, address, emergency contact, dietary and access needs.")
    var personal = false

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let model = try readJournal(file)
        let export: CrewCSVExport
        do {
            export = try CrewCSV.export(model, personal: personal)
        } catch {
            complain("\(file): \(error.description)")
            throw ExitCode(1)
        }
        try writeOutput(out, export.bytes, force: force, personal: personal)
        print(TextWidth.inert("wrote \(out): \(export.people) \(export.people == 1 ? "person" : "people"), "
            + "\(export.headings.count) columns (\(export.bytes.count) bytes)"))
        if export.leftOut.isEmpty {
            print("  note: includes personal data (phone, email, address, emergency contact, dietary and access needs): share it only with people who need it")
        } else {
            print(TextWidth.inert("  note: personal data left out (GDPR): \(export.leftOut.joined(separator: ", ")) — add --personal to include \(export.leftOut.count == 1 ? "it" : "them")"))
        }
    }
}

/// `coord export vcard FILE OUT.vcf [--dept NAME]`
struct ExportVCard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "Write the crew as contact cards (vCard 4.0, .vcf), one per person.",
        discussion: """
        Each card has the name, the production (ORG), role (TITLE), department (ROLE), mobile and \
        email; never the address, emergency contact, dietary or access needs.
        """)

    @Argument(help: "The journal.")
    var file: String

    @Argument(help: "The file to write (.vcf).")
    var out: String

    @Option(help: "Only the people in this department (e.g. Camera).")
    var dept: String?

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func run() throws {
        let model = try readJournal(file)
        let export: VCardExport
        do {
            export = try VCard.export(model, department: dept)
        } catch {
            complain("\(file): \(error.description)")
            throw ExitCode(1)
        }
        try writeOutput(out, export.bytes, force: force, personal: true)
        let scope = export.department.map { " in \($0)" } ?? ""
        print(TextWidth.inert("wrote \(out): \(export.cards) contact card\(export.cards == 1 ? "" : "s")\(scope) (vCard 4.0, \(export.bytes.count) bytes)"))
        if export.unreachable > 0 {
            print("  note: \(export.unreachable) of them \(export.unreachable == 1 ? "has" : "have") no phone or email")
        }
    }
}
