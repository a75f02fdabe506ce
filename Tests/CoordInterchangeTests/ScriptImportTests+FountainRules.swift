import CoordModel
import Foundation
import Testing
@testable import CoordInterchange

/// What Fountain says a heading, a cue, a note or a boneyard is.
extension ScriptImportTests {
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
}
