import Foundation
import Testing
@testable import CoordModel

/// `restore` brings back a removed record under its own id: what undoing an `rm` writes.
@Suite struct RestoreTests {
    static func replay(_ lines: [String]) throws -> Model {
        let text = JournalFormat.header + "\n" + lines.map { $0 + " # 2027-03-01T10:00:00Z jo" }.joined(separator: "\n") + "\n"
        return try JournalReader.replay(Array(text.utf8), path: "j").model
    }

    @Test func aRemovedRecordComesBackUnderItsOwnId() throws {
        let m = try Self.replay([
            "clearance add id=cl1 title=\"Harbour mural\" type=artwork status=requested",
            "log add id=lg1 item=cl1 date=2027-03-01 text=\"Emailed the artist\"",
            "clearance rm id=cl1",
            "clearance restore id=cl1 title=\"Harbour mural\" type=artwork status=requested",
            "clearance set id=cl1 status=cleared",
        ])
        #expect(m.clearances["cl1"]?.title == "Harbour mural" && m.clearances["cl1"]?.status == "cleared")
        #expect(m.removedNouns["cl1"] == nil && m.danglingReferences().isEmpty, "its log line names it again")
    }

    @Test func restoreRefusesWhatIsNotARemovedRecordOfThatKind() throws {
        let base = ["crew add id=p1 name=Pat", "crew add id=p2 name=Sam", "crew rm id=p2"]
        func refusal(_ line: String) -> String? {
            do { _ = try Self.replay(base + [line]); return nil } catch { return "\(error)" }
        }
        #expect(refusal("crew restore id=p1 name=Pat")?.contains("crew p1 is not removed: nothing to restore") == true)
        #expect(refusal("crew restore id=p9 name=Pat")?.contains("no removed crew with id p9") == true)
        #expect(refusal("kit restore id=p2 name=Sam")?.contains("p2 was a crew, not a kit") == true)
        #expect(refusal("crew restore name=Sam")?.contains("crew restore needs id=") == true)
        #expect(refusal("crew restore id=p2 role=Grip")?.contains("name is required") == true)
        #expect(refusal("crew restore id=p2 name=Sam") == nil)
    }

    @Test func compactionAndCheckpointsKeepRestoredRecords() throws {
        var lines = ["crew add id=p1 name=Pat", "crew set id=p1 role=Grip", "crew rm id=p1",
                     "crew restore id=p1 name=Pat role=Grip", "crew set id=p1 role=Gaffer", "crew add id=p2 name=Gone", "crew rm id=p2"]
        lines = lines.map { $0 + " # 2027-03-01T10:00:00Z jo" }
        let text = JournalFormat.header + "\n" + lines.joined(separator: "\n") + "\n"
        let original = try JournalReader.replay(Array(text.utf8), path: "j").model
        let compacted = try Compaction.compact(Array(text.utf8), path: "j")
        let again = try JournalReader.replay(Array(compacted.text.utf8), path: "c").model
        #expect(again.crew["p1"]?.role == "Gaffer")
        #expect(Compaction.difference(original, again) == nil)
        let decoded = try Checkpoint.encode(original).withUnsafeBytes { try Checkpoint.decode($0) }
        #expect(sameState(original, decoded) && decoded.removedNouns["p2"] == .crew)
    }
}
