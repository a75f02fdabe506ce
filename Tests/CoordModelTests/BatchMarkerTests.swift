import Foundation
import Testing
@testable import CoordModel

/// A batch of changes saved together is all or nothing, even when a crash cuts its write short.
@Suite struct BatchMarkerTests {
    @Test func aBatchOpensWithAMarkerAndOneChangeDoesNot() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/show.journal"
        let store = try openStore(path)
        try store.perform(lines: ["crew add name=One", "crew add name=Two", "crew add name=Three"])
        try store.perform(lines: ["crew add name=Four"])
        let lines = readText(path).split(separator: "\n")
        #expect(lines[1] == "# coord batch: 3 lines follow")
        #expect(lines.filter { $0.hasPrefix("# coord batch") }.count == 1)
        #expect(try JournalReader.replay(Array(readText(path).utf8), path: path).model.crew.count == 4)
        // A second writer that follows the file counts the marker's line too.
        let other = try openStore(path)
        try other.perform(lines: ["crew add name=Five", "crew add name=Six"])
        _ = try store.catchUp()
        try store.perform(lines: ["crew set id=\(store.model.crew.keys.last!) role=Runner"])
        #expect(try JournalReader.replay(Array(readText(path).utf8), path: path).model.crew.values.last?.role == "Runner")
    }

    @Test func aBatchThatACrashCutShortIsSetAsideWholeNeverHalfApplied() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/show.journal"
        let store = try openStore(path)
        try store.perform(lines: ["crew add name=Kept"])
        let before = readText(path)
        try store.perform(lines: (1...5).map { "crew add name=\"Batch \($0)\"" })
        let full = readText(path)
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
        // The kill came after the marker and two whole lines, in the middle of the third.
        let cut = lines.prefix(lines.count - 4).joined(separator: "\n") + "\n" + lines[lines.count - 4].prefix(10)
        writeText(path, String(cut))
        let replayed = try JournalReader.replay(Array(cut.utf8), path: path)
        #expect(replayed.model.crew.count == 1, "none of the batch is applied")
        #expect(replayed.torn?.batch == 5 && replayed.goodLength == before.utf8.count)
        let (reopened, warnings) = try ProductionStore.open(path: path, clock: fixedClock)
        #expect(reopened.model.crew.values.map(\.name) == ["Kept"])
        #expect(warnings.first?.contains("the last batch (5 lines) was unfinished") == true)
        #expect(readText(path) == before, "the journal is cut back to before the batch")
        let aside = readText(path + ".torn")
        #expect(aside.contains("a batch of 5 lines with only part of them written") && aside.contains("Batch 2"))
        // Whole but for its last newline: still unfinished.
        writeText(path, String(full.dropLast()))
        #expect(try JournalReader.replay(Array(full.dropLast().utf8), path: path).torn?.batch == 5)
    }

    @Test func compactionDropsBatchMarkers() throws {
        var text = DemoJournal.text + "\n"
        text += BatchMarker.line(2) + "\ncrew add id=zz1 name=A # 2027-03-01T10:00:00Z jo\ncrew set id=zz1 role=B # 2027-03-01T10:00:00Z jo\n"
        let r = try Compaction.compact(Array(text.utf8), path: "j")
        #expect(!r.text.contains("# coord batch"))
        #expect(try JournalReader.replay(Array(r.text.utf8), path: "c").model.crew["zz1"]?.role == "B")
    }
}
