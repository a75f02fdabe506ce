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

    // MARK: - Re-import

    @Test func reimportUpdatesStripsBySceneNumberAndLeavesThemWhereTheyAre() throws {
        let path = journal()
        let (store, _) = try Self.importing(Self.original, into: path)
        let s10 = try #require(Self.strip("10", in: store.model))
        let s13 = try #require(Self.strip("13", in: store.model))
        _ = try store.perform(lines: ["day add id=D date=2027-03-01", "strip move id=\(s10.id) day=D"])

        let (again, _) = try ProductionStore.open(path: path)
        let plan = try Fountain.plan(path: Self.blue, model: again.model)
        #expect(!plan.commands.contains { $0.contains("day=") || $0.hasPrefix("strip rm") || $0.hasPrefix("strip move") })
        _ = try again.perform(lines: plan.commands)
        let m = again.model

        #expect(m.strips.count == 43)                        // 42, plus 12B; 14 is kept
        let moved = try #require(m.strips[s10.id])           // the same strip, changed in place
        #expect(moved.set == "THE ANCHOR - SMOKING SHELTER")
        #expect(moved.dayNight == "DUSK")
        let layout = m.layout(of: m.activeBoard.id)
        #expect(layout.dayOfStrip[s10.id].map { layout.days[$0].id } == "D")   // still on its shoot day
        #expect(m.strips[s13.id]!.pages.eighths > s13.pages.eighths)          // scene 13 grew
        #expect(Self.strip("7", in: m)?.cast == "1,2,4")                       // Frank's line was cut
        let added = try #require(Self.strip("12B", in: m))
        #expect(added.set == "SALTBY HARBOUR - SLIPWAY")
        #expect(Self.castMember("HARBOURMASTER", in: m)?.castNumber == "14")
        #expect(added.cast == "5,14")
        #expect(Self.strip("14", in: m) != nil)
        #expect(plan.notes.contains("scene 14 is no longer in the script; its strip is kept"))
        #expect(ScriptImport.summary(of: plan) == .init(stripsAdded: 1, stripsUpdated: 3, castAdded: 1))
    }

    @Test func reimportingTheSameScriptChangesNothing() throws {
        let path = journal()
        let (store, _) = try Self.importing(Self.original, into: path)
        let plan = try Fountain.plan(path: Self.original, model: store.model)
        #expect(plan.commands.isEmpty)
        // Nor does the same scenes from Final Draft, apart from the length it states for scene 8.
        let fdxPlan = try FDX.plan(path: Self.fdx, model: store.model)
        #expect(fdxPlan.commands == ["strip set id=\(Self.strip("8", in: store.model)!.id) pages=5/8"])
        #expect(fdxPlan.notes == ["32 scenes are no longer in the script (1, 2, 3, 4, 5, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 27A, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40); their strips are kept"])
    }

    @Test func whatTheCoordinatorTypedIsKept() throws {
        let path = journal()
        let (store, _) = try Self.importing(Self.original, into: path)
        let s2 = try #require(Self.strip("2", in: store.model))
        // Own synopsis, set in nicer case, and an extra (non-speaking) cast number 99.
        _ = try store.perform(lines: [#"strip set id=\#(s2.id) synopsis="June opens; Frank waits." set="The Anchor - bar" cast=2,3,4,99"#])
        let plan = try Fountain.plan(path: Self.blue, model: store.model)
        #expect(!plan.commands.contains { $0.contains("id=\(s2.id) ") })
        _ = try store.perform(lines: plan.commands)
        let after = store.model.strips[s2.id]!
        #expect(after.synopsis == "June opens; Frank waits.")
        #expect(after.set == "The Anchor - bar")
        #expect(after.cast == "2,3,4,99")
    }

    @Test func omittedScenesKeepTheirStrips() throws {
        let path = journal()
        let (store, _) = try Self.importing(file("a.fountain", "INT. A - DAY #1#\n\nA.\n\nEXT. B - NIGHT #2#\n\nB.\n"), into: path)
        let plan = try Fountain.plan(path: file("b.fountain", "INT. A - DAY #1#\n\nA.\n\n.OMITTED #2#\n"), model: store.model)
        #expect(plan.commands.isEmpty)
        #expect(plan.notes == ["scene 2 is OMITTED in the script; its strip is kept"])
    }

    // MARK: - Fountain rules

    @Test func whatIsAndIsNotASceneHeading() throws {
        let p = try Self.parse("""
        Title: Test
        Author: Someone

        INT. KITCHEN - DAY

        ...and then she left.

        INTERIOR decorators are expensive.
        EXT. NOT A HEADING - DAY (no blank line before it)

        .ABOVE THE CLOUDS - NIGHT

        ..not forced

        int/ext car - dusk

        I/E. BUS SHELTER - DAY

        EST. SALTBY - DAWN

        INT.KITCHEN - NIGHT

        """)
        #expect(p.scenes.map(\.heading) == ["INT. KITCHEN - DAY", "ABOVE THE CLOUDS - NIGHT", "int/ext car - dusk",
                                            "I/E. BUS SHELTER - DAY", "EST. SALTBY - DAWN", "INT.KITCHEN - NIGHT"])
        #expect(p.scenes.map(\.intExt) == ["INT", "", "INT/EXT", "INT/EXT", "EXT", "INT"])
        #expect(p.scenes.map(\.set) == ["KITCHEN", "ABOVE THE CLOUDS", "car", "BUS SHELTER", "SALTBY", "KITCHEN"])
        #expect(p.scenes.map(\.dayNight) == ["DAY", "NIGHT", "DUSK", "DAY", "DAWN", "NIGHT"])
    }

    @Test func scenesWithoutNumbersAreNumberedInOrder() throws {
        let plain = try Self.parse("INT. A - DAY\n\nx\n\nINT. B - DAY\n\ny\n\nEXT. C - NIGHT\n\nz\n")
        let plan = ScriptImport.plan(plain, model: Model())
        #expect(plan.commands.map { $0.components(separatedBy: " ")[2] } == ["scene=1", "scene=2", "scene=3"])
        #expect(plan.notes == ["the script has no scene numbers: its scenes are numbered 1 to 3 in order"])

        // Mixed: an unnumbered scene takes its position, with a letter if that number is taken.
        let mixed = try Self.parse("INT. A - DAY #2#\n\nx\n\nINT. B - DAY\n\ny\n\nINT. C - DAY #2#\n\nz\n\nINT. D - DAY #no good#\n\nw\n")
        let m = ScriptImport.plan(mixed, model: Model())
        #expect(m.commands.map { $0.components(separatedBy: " ")[2] } == ["scene=2", "scene=2A", "scene=2-2", "scene=4"])
        #expect(m.notes.contains("line 5: 'INT. B - DAY' has no scene number; imported as scene 2A"))
        #expect(m.notes.contains("line 9: scene 2 is numbered twice; this one is imported as scene 2-2"))
        #expect(m.notes.contains { $0.hasPrefix("line 13: scene number 'no good' is not usable") })
    }

    @Test func characterCuesAndExtensions() throws {
        let p = try Self.parse("""
        INT. ROOM - DAY

        MARA (V.O.)
        One.

        MARA (CONT'D)
        Two.

        @McKAY
        Three.

        TOM ^
        Four.

        THE LIGHTS GO OUT.

        !LOUD BANG
        Nobody moves.

        MRS. O'NEILL-JONES (O.S.) (cont'd)
        Five.

        CUT TO:

        """)
        #expect(p.scenes[0].characters == ["MARA", "McKAY", "TOM", "MRS. O'NEILL-JONES"])
    }

    @Test func notesAndBoneyardMaySpanLines() throws {
        let p = try Self.parse("""
        INT. A - DAY #1#

        She waits. [[Is this
        too slow?]] Then she goes.
        /*
        EXT. CUT - NIGHT #2#

        Gone.
        */

        EXT. B - NIGHT #3#

        A [[stray note opener.

        Still here.]]

        """)
        #expect(p.scenes.map(\.number) == ["1", "3"])
        #expect(p.scenes[0].synopsis == "She waits. Then she goes.")
        #expect(p.notes == ["test.fountain:13: '[[' is not closed with ']]' before a blank line; read as text"])
    }

    @Test func textBeforeTheFirstHeadingIsNoted() throws {
        let p = try Self.parse("FADE IN:\n\nA cold open with no heading.\n\nINT. A - DAY\n\nx\n")
        #expect(p.scenes.count == 1)
        #expect(p.notes == ["test.fountain: line 3 comes before the first scene heading and belongs to no strip"])
    }

    @Test func awkwardTextIsQuotedSafely() throws {
        let script = "INT. \"THE\" PUB \\ BAR # 2 - NIGHT #5#\n\nJO\nA \"quote\".\n"
        let (store, _) = try Self.importing(file("q.fountain", script), into: journal())
        #expect(store.model.strips.values.first?.set == "\"THE\" PUB \\ BAR # 2")
    }

    // MARK: - Bad files

    @Test func badFountainFilesGiveClearErrors() {
        let binary = file("photo.fountain", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00])
        #expect(Self.failure { _ = try Fountain.parse(path: binary) } == "\(binary):1: binary data (a NUL byte): not a Fountain screenplay")
        let empty = file("empty.fountain", "")
        #expect(Self.failure { _ = try Fountain.parse(path: empty) } == "\(empty): the file is empty: no screenplay in it")
        let blank = file("blank.fountain", "\n\n   \n")
        #expect(Self.failure { _ = try Fountain.parse(path: blank) } == "\(blank): the file is empty: no screenplay in it")
        let latin1 = file("latin1.fountain", Array("INT. CAF".utf8) + [0xC9] + Array(" - DAY\n".utf8))
        #expect(Self.failure { _ = try Fountain.parse(path: latin1) }.hasPrefix("\(latin1):1: not UTF-8 text"))
        let cut = file("cut.fountain", "INT. A - DAY #1#\n\nx\n\n/* an old scene\n\nINT. B - DAY #2#\n")
        #expect(Self.failure { _ = try Fountain.parse(path: cut) }.hasPrefix("\(cut):5: '/*' starts a boneyard that is never closed"))
        let prose = file("notes.fountain", "Shopping list\n\nmilk, eggs\n")
        #expect(Self.failure { _ = try Fountain.parse(path: prose) }.hasPrefix("\(prose): no scene headings found"))
        #expect(Self.failure { _ = try Fountain.parse(path: Self.fdx) }.hasSuffix("not Fountain: use `coord import fdx`"))
        #expect(Self.failure { _ = try Fountain.parse(path: "/nonexistent/x.fountain") } == "/nonexistent/x.fountain: no such file")
        #expect(Self.failure { _ = try Fountain.parse(path: Self.fixtures.path) }.hasSuffix("is a directory, not a script"))
    }

    @Test func badFinalDraftFilesGiveClearErrors() throws {
        let binary = file("script.fdx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])
        #expect(Self.failure { _ = try FDX.parse(path: binary) } == "\(binary): not Final Draft XML: it holds binary data (a zip archive?)")
        let empty = file("empty.fdx", "")
        #expect(Self.failure { _ = try FDX.parse(path: empty) } == "\(empty): the file is empty: no screenplay in it")
        let html = file("page.fdx", "<?xml version=\"1.0\"?>\n<html><body>hi</body></html>\n")
        #expect(Self.failure { _ = try FDX.parse(path: html) } == "\(html): not Final Draft XML: no <FinalDraft> element (it starts with <html>)")
        let fountain = Self.failure { _ = try FDX.parse(path: Self.original) }
        #expect(fountain == "\(Self.original): not Final Draft XML: no <FinalDraft> element (plain text: a Fountain script? use `coord import fountain`)")

        // The real file cut off part way through.
        let whole = try #require(FileManager.default.contents(atPath: Self.fdx))
        let truncated = file("cut.fdx", Array(whole.prefix(whole.count / 2)))
        let message = Self.failure { _ = try FDX.parse(path: truncated) }
        #expect(message.hasPrefix("\(truncated):"))
        #expect(message.hasSuffix("(it looks cut short)"))

        let broken = file("broken.fdx", "<FinalDraft>\n<Content>\n<Paragraph Type=\"Action\"><Text>a & b</Text></Paragraph>\n</Content>\n</FinalDraft>\n")
        let brokenMessage = Self.failure { _ = try FDX.parse(path: broken) }
        #expect(brokenMessage.hasPrefix("\(broken):3:"), "\(brokenMessage)")
        let noScenes = file("none.fdx", "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>x</Text></Paragraph></Content></FinalDraft>")
        #expect(Self.failure { _ = try FDX.parse(path: noScenes) }.hasPrefix("\(noScenes): no scene headings found"))
    }

    @Test func aBadFileWritesNothing() throws {
        let path = journal()
        let bad = file("bad.fountain", [0, 1, 2, 3])
        let (store, _) = try ProductionStore.open(path: path)
        #expect(throws: ImportError.self) { _ = try Fountain.plan(path: bad, model: store.model) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
extension ScriptImportTests {
    /// Random bytes after a Final Draft opening, and after nothing: an error every time, never a
    /// crash (XMLParser itself traps on some bytes that are not UTF-8, so those never reach it).
    @Test func junkNeverCrashes() {
        var seed: UInt64 = 0x5EED
        func next() -> UInt64 {
            seed &+= 0x9E3779B97F4A7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        let openings = ["", "<FinalDraft><Content><Paragraph Type=\"Scene Heading\"><Text>", "<?xml version=\"1.0\"?><FinalDraft>"]
        for round in 0..<3000 {
            let junk = Array(openings[round % 3].utf8) + (0..<(1 + Int(next() % 600))).map { _ in UInt8(1 + next() % 255) }
            #expect(throws: ImportError.self) { _ = try FDX.parse(bytes: junk, file: "junk.fdx") }
            #expect(throws: ImportError.self) { _ = try Fountain.parse(bytes: junk, file: "junk.fountain") }
        }
    }
}
