import CoordModel
import Foundation
import Testing
@testable import CoordInterchange

/// Screenplay import (docs/SCRIPTS.md), checked the way a coordinator would see it: in the
/// journal after the plan is applied.
@Suite final class ScriptImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static let original = fixture("last-orders.fountain")
    static let blue = fixture("last-orders-blue.fountain")
    static let fdx = fixture("last-orders-6-to-14.fdx")

    /// This test's own directory, removed when it ends.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coord-script-\(UUID().uuidString)")
    init() { try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: dir) }

    /// A fresh journal path.
    func journal() -> String { dir.appendingPathComponent("film-\(UUID().uuidString).journal").path }

    /// Writes `bytes` to a file named `name` (in a directory of its own) and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) -> String {
        let sub = dir.appendingPathComponent(UUID().uuidString)
        try? FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let path = sub.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
    func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// Opens (or creates) the journal, imports `script` with `plan` and returns the store.
    @discardableResult
    static func importing(_ script: String, into path: String, fdx: Bool = false) throws -> (ProductionStore, ImportPlan) {
        let (store, _) = try ProductionStore.open(path: path)
        let plan = fdx ? try FDX.plan(path: script, model: store.model) : try Fountain.plan(path: script, model: store.model)
        _ = try store.perform(lines: plan.commands)
        return (store, plan)
    }

    static func strip(_ scene: String, in model: Model) -> Strip? { model.strips.values.first { $0.scene == scene } }
    static func castMember(_ character: String, in model: Model) -> CrewMember? {
        model.crew.values.first { $0.dept == "Cast" && $0.role == character }
    }

    /// The error a throwing import gives, as text.
    static func failure(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as ImportError { return e.message } catch { return "not an ImportError: \(error)" }
        return "(no error)"
    }

    static func parse(_ fountain: String) throws -> ScriptParse { try Fountain.parse(text: fountain, file: "test.fountain") }

    // MARK: - The fixture screenplay

    @Test func everySceneHeadingBecomesOneStripInTheBoneyard() throws {
        let (store, plan) = try Self.importing(Self.original, into: journal())
        let m = store.model
        #expect(m.strips.count == 42)
        let scenes = m.strips.values.map(\.scene)
        #expect(scenes.prefix(14) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "12A", "13"])
        #expect(scenes.contains("27A") && scenes.last == "40")
        // New strips wait in the boneyard: none is on a shoot day.
        #expect(m.layout(of: m.activeBoard.id).boneyard.count == 42)
        #expect(ScriptImport.summary(of: plan) == .init(stripsAdded: 42, stripsUpdated: 0, castAdded: 13))
    }

    @Test func headingsGiveIntExtSetAndDayNight() throws {
        let (store, plan) = try Self.importing(Self.original, into: journal())
        let m = store.model
        func check(_ scene: String, _ ie: String, _ set: String, _ dn: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let s = Self.strip(scene, in: m)
            #expect(s?.intExt == ie, "scene \(scene) I/E", sourceLocation: sourceLocation)
            #expect(s?.set == set, "scene \(scene) set", sourceLocation: sourceLocation)
            #expect(s?.dayNight == dn, "scene \(scene) D/N", sourceLocation: sourceLocation)
        }
        check("1", "EXT", "SALTBY HARBOUR", "DAWN")                       // EST. is an exterior
        check("2", "INT", "THE ANCHOR - BAR", "DAY")                      // the set runs to the last " - "
        check("4", "INT", "DANNY'S FLAT, LEEDS", "NIGHT")
        check("5", "INT/EXT", "DANNY'S VAN", "DAY")                       // INT./EXT.
        check("8", "INT", "THE ANCHOR - KITCHEN", "CONTINUOUS")
        check("12A", "INT", "PRIYA'S CAR", "DAY")
        check("15", "INT", "whitby hospital - corridor", "NIGHT")         // lower-case heading
        check("19", "", "FLASHBACK: THE ANCHOR FLOOD", "NIGHT")          // forced with ".", (1989) dropped
        check("27", "EXT", "CLIFF TOP", "DUSK")
        check("27A", "EXT", "CLIFF TOP", "CONTINUOUS")
        check("31", "INT/EXT", "SALTBY LIFEBOAT STATION", "DAY")         // I/E.
        check("37", "EXT", "SALTBY HARBOUR", "")                          // LATER is no D/N
        check("38", "INT", "THE ANCHOR - BAR", "DAY")                     // MORNING is DAY
        #expect(plan.notes.contains("scene 37: 'LATER' is not one of DAY, NIGHT, DAWN, DUSK, CONTINUOUS; D/N left empty"))
        #expect(plan.notes.contains { $0.hasPrefix("scene 19: no INT/EXT in the heading") })

        // Once the coordinator fills them in, a re-import no longer mentions them.
        _ = try store.perform(lines: ["strip set id=\(Self.strip("19", in: m)!.id) ie=INT", "strip set id=\(Self.strip("37", in: m)!.id) dn=NIGHT"])
        let again = try Fountain.plan(path: Self.original, model: store.model)
        #expect(again.commands.isEmpty && again.notes.isEmpty)
        #expect(Self.strip("19", in: store.model)?.intExt == "INT")
    }

    @Test func boneyardNotesTitlePageAndSectionsAreNotScript() throws {
        let (store, _) = try Self.importing(Self.original, into: journal())
        let m = store.model
        // The /* */ boneyard holds a cellar scene at NIGHT: it must not become a strip.
        #expect(!m.strips.values.contains { $0.set == "THE ANCHOR - CELLAR" && $0.dayNight == "NIGHT" })
        #expect(!m.strips.values.contains { $0.synopsis.contains("art dept") || $0.synopsis.contains("Nell Garside") })
        #expect(!m.crew.values.contains { $0.name.contains("Contact") || $0.name.contains("ACT") })
    }

    @Test func synopsisIsTheEqualsLineElseTheFirstActionLine() throws {
        let (store, _) = try Self.importing(Self.original, into: journal())
        let m = store.model
        #expect(Self.strip("2", in: m)?.synopsis == "June opens up; Frank is waiting, as always.")
        #expect(Self.strip("1", in: m)?.synopsis == "Grey water, lobster pots stacked on the quay.")
        // Cut at a word, with an ellipsis, when no sentence ends in the first 80 characters.
        #expect(Self.strip("3", in: m)?.synopsis == "A low brick vault. June heaves a keg onto the coupler, breathing harder than\u{2026}")
        #expect(m.strips.values.allSatisfy { $0.synopsis.count <= 80 })
    }

    @Test func pageCountsFollowFiftyFiveLinesAPage() throws {
        let (store, _) = try Self.importing(Self.original, into: journal())
        let m = store.model
        // Scene 2: 34 printed lines (docs/SCRIPTS.md) = 34/55 of a page = 4.95 eighths.
        #expect(Self.strip("2", in: m)?.pages.description == "5/8")
        #expect(Self.strip("30", in: m)?.pages.description == "1")
        #expect(Self.strip("1", in: m)?.pages.description == "1/8")
        #expect(Self.strip("12A", in: m)?.pages.description == "3/8")
        #expect(Self.strip("27", in: m)?.pages.description == "1/8")
        let total = m.strips.values.reduce(0) { $0 + $1.pages.eighths }
        #expect(total == 110) // 13 6/8 pages
    }

    @Test func theWorkedExampleInTheDocs() throws {
        let text = """
        INT. HARBOURMASTER'S HUT - DAY

        Rain on the window. TOM (60s) fills a kettle and looks at the tide table pinned above the sink, then at the clock.

        MARA
        (quietly)
        He said he'd be back by six. He's never late. Not once in thirty years.

        TOM
        Sit down, love.

        """
        let scene = try #require(try Self.parse(text).scenes.first)
        // 2 (blank + heading) + 3 (blank + action on 2 lines) + 6 (blank + cue + paren + 3 dialogue lines)
        // + 3 (blank + cue + 1 dialogue line) = 14 lines.
        #expect(ScriptPages.wrappedLines("Rain on the window. TOM (60s) fills a kettle and looks at the tide table pinned above the sink, then at the clock.", width: 61) == 2)
        #expect(ScriptPages.wrappedLines("He said he'd be back by six. He's never late. Not once in thirty years.", width: 35) == 3)
        #expect(scene.eighths == 2) // 14 / 55 * 8 = 2.04
    }

    @Test func wrappingAndRounding() {
        #expect(ScriptPages.wrappedLines("", width: 35) == 1)
        #expect(ScriptPages.wrappedLines(String(repeating: "x", count: 35), width: 35) == 1)
        #expect(ScriptPages.wrappedLines(String(repeating: "x", count: 36), width: 35) == 2)
        #expect(ScriptPages.wrappedLines("aaaa bbbb", width: 9) == 1)
        #expect(ScriptPages.wrappedLines("aaaa bbbbb", width: 9) == 2)
        #expect(ScriptPages.eighths(lines: 1) == 1)   // never less than 1/8
        #expect(ScriptPages.eighths(lines: 55) == 8)  // a full page
        #expect(ScriptPages.eighths(lines: 31) == 5)  // 4.51 rounds up
        #expect(ScriptPages.eighths(lines: 30) == 4)  // 4.36 rounds down
    }

    @Test func speakingCharactersBecomeNumberedCast() throws {
        let (store, _) = try Self.importing(Self.original, into: journal())
        let m = store.model
        let cast = m.crew.values.filter { $0.dept == "Cast" }
        #expect(cast.count == 13)
        // Most scenes first: Danny speaks in the most, then Kelly, Frank, June.
        #expect(Self.castMember("DANNY", in: m)?.castNumber == "1")
        #expect(Self.castMember("KELLY", in: m)?.castNumber == "2")
        #expect(Self.castMember("FRANK", in: m)?.castNumber == "3")
        #expect(Self.castMember("JUNE", in: m)?.castNumber == "4")
        #expect(Self.castMember("JUNE", in: m)?.status == "pencilled")
        // Extensions are not part of the name; @ forces a mixed-case name.
        #expect(!cast.contains { $0.name.contains("(") || $0.name.contains("^") || $0.name.contains("@") })
        #expect(Self.castMember("McALLISTER", in: m) != nil)
        #expect(Self.castMember("DR. OKAFOR", in: m) != nil)
        #expect(Self.castMember("RADIO PRESENTER", in: m) != nil) // a V.O. is still cast
        // Strips carry the numbers.
        #expect(Self.strip("7", in: m)?.cast == "1,2,3,4")
        #expect(Self.strip("9", in: m)?.cast == "2,3,6")       // dual dialogue: both speakers
        #expect(Self.strip("1", in: m)?.cast == "")
        #expect(Self.strip("12A", in: m)?.cast == "5,8")
    }

    @Test func existingCastIsMatchedByRoleOrName() throws {
        let path = journal()
        let (store, _) = try ProductionStore.open(path: path)
        _ = try store.perform(lines: [
            #"crew add id=c-june name="Harriet Lane" role="June (the landlady)" dept=Cast castno=1"#,
            #"crew add id=c-frank name="Bill Tate" role="Frank - regular" dept=Cast"#,
            #"crew add id=c-gary name="Gary" dept=Cast castno=7"#,
            #"crew add id=c-dop name="Sam Reid" role="Director of photography" dept=Camera"#,
        ])
        let plan = try Fountain.plan(path: Self.original, model: store.model)
        _ = try store.perform(lines: plan.commands)
        let m = store.model
        #expect(m.crew.count == 4 + 10)
        #expect(m.crew["c-june"]?.castNumber == "1")
        #expect(m.crew["c-gary"]?.castNumber == "7")
        // Frank had no number: he gets the next one after the highest in use (7), by scene count.
        #expect(plan.commands.contains("crew set id=c-frank castno=10"))
        #expect(Self.castMember("DANNY", in: m)?.castNumber == "8")
        #expect(Self.castMember("KELLY", in: m)?.castNumber == "9")
        #expect(Self.strip("2", in: m)?.cast == "1,9,10")
        #expect(Self.strip("24", in: m)?.cast == "7,9")
    }

    // MARK: - Final Draft

    @Test func finalDraftGivesTheSameStripsAsFountain() throws {
        let fdx = try FDX.parse(path: Self.fdx)
        let fountain = try Fountain.parse(path: Self.original)
        #expect(fdx.scenes.map(\.number) == ["6", "7", "8", "9", "10", "11", "12", "12A", "13", "14"])
        for s in fdx.scenes {
            let f = try #require(fountain.scenes.first { $0.number == s.number })
            #expect(s.intExt == f.intExt && s.set == f.set && s.dayNight == f.dayNight, "scene \(s.number)")
            #expect(s.characters == f.characters, "scene \(s.number)")
            #expect(s.synopsis == f.synopsis, "scene \(s.number)")
            // Scene 8 states its length (SceneProperties Length="5/8"); the others are counted alike.
            #expect(s.eighths == (s.number == "8" ? 5 : f.eighths), "scene \(s.number)")
        }
        // The title page's "scene heading" and the scene's arc beats are not the screenplay.
        #expect(!fdx.scenes.contains { $0.set.contains("NOT A SCENE") })
    }

    @Test func finalDraftImportsIntoAJournal() throws {
        let (store, plan) = try Self.importing(Self.fdx, into: journal(), fdx: true)
        let m = store.model
        #expect(m.strips.count == 10)
        #expect(Self.strip("8", in: m)?.pages.description == "5/8")
        #expect(Self.strip("9", in: m)?.synopsis == "Quiz night. Danny sees what the pub means to people.")
        #expect(Self.strip("9", in: m)?.cast.split(separator: ",").count == 3)
        #expect(Self.castMember("McALLISTER", in: m) != nil)
        #expect(ScriptImport.summary(of: plan).castAdded == 7)
    }
}
