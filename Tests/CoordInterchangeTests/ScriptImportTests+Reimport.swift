import CoordModel
import Foundation
import Testing
@testable import CoordInterchange

/// Importing a newer draft: strips are matched by scene number and stay where they are.
extension ScriptImportTests {
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
}
