import ArgumentParser
import CoordInterchange
import CoordModel
import CoordUI

/// `coord import fountain FILE SCRIPT`: one strip per scene heading (docs/SCRIPTS.md).
struct ImportFountain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fountain",
        abstract: "Import a Fountain screenplay into FILE: a strip per scene, cast for speaking characters.",
        discussion: "All or nothing. A re-import updates strips by scene number and never moves or removes one. Rules: docs/SCRIPTS.md.")

    @Argument(help: "The journal (created if missing).")
    var file: String

    @Argument(help: "The Fountain screenplay (.fountain).")
    var script: String

    func run() throws { try ScriptImportRun.run(file: file, script: script) { () throws(ImportError) -> ScriptParse in try Fountain.parse(path: script) } }
}

/// `coord import fdx FILE SCRIPT`: the same from a Final Draft file.
struct ImportFDX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fdx",
        abstract: "Import a Final Draft (.fdx) screenplay into FILE: a strip per scene, cast for speaking characters.",
        discussion: "All or nothing. A re-import updates strips by scene number and never moves or removes one. Rules: docs/SCRIPTS.md.")

    @Argument(help: "The journal (created if missing).")
    var file: String

    @Argument(help: "The Final Draft screenplay (.fdx).")
    var script: String

    func run() throws { try ScriptImportRun.run(file: file, script: script) { () throws(ImportError) -> ScriptParse in try FDX.parse(path: script) } }
}

enum ScriptImportRun {
    static func run(file: String, script: String, parse: () throws(ImportError) -> ScriptParse) throws {
        let store = try openForWriting(file, context: "\(script): not imported")
        let parsed: ScriptParse
        do {
            parsed = try parse()
        } catch {
            complain(error.description)
            throw ExitCode(1)
        }
        let plan = ScriptImport.plan(parsed, model: store.model)
        try performImport(plan, into: store, source: script)
        let n = ScriptImport.summary(of: plan)
        let scenes = parsed.scenes.filter { !$0.omitted }.count
        print("imported \(scenes) scene\(scenes == 1 ? "" : "s"): \(n.stripsAdded) strip\(n.stripsAdded == 1 ? "" : "s") added, \(n.stripsUpdated) updated, \(n.castAdded) cast added")
        for note in plan.notes { print("  " + TextWidth.inert(note)) }
    }
}
