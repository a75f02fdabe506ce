import Testing
@testable import CoordModel

@Suite struct CompactionTests {
    static func journal(_ extra: [String]) -> [UInt8] {
        let stamped = extra.map { $0 + " # 2027-03-01T10:00:00Z jo" }
        return Array((DemoJournal.text + "\n" + stamped.joined(separator: "\n") + "\n").utf8)
    }

    @Test func compactionSquashesEachRecordsChangesAndKeepsTheSameRecords() throws {
        var extra: [String] = []
        for i in 1...40 { extra.append("crew set id=cr-jo role=\"Producer \(i)\""); extra.append("cost set id=k001 paid=\(i % 2 == 0 ? "yes" : "no")") }
        extra += ["crew add id=gone1 name=Temp", "crew set id=gone1 role=Runner", "crew rm id=gone1",
                  "account set id=a2100 code=2150", "strip move id=s3 day=d2"]
        let bytes = Self.journal(extra)
        let original = try JournalReader.replay(bytes, path: "j").model
        let r = try Compaction.compact(bytes, path: "j")
        let again = try JournalReader.replay(Array(r.text.utf8), path: "c").model
        #expect(Compaction.difference(original, again) == nil)
        #expect(r.linesAfter < r.linesBefore - 80, "80 sets squashed into 2")
        #expect(again.usedIDs.contains("gone1") && again.crew["gone1"] == nil, "a removed id stays used")
        #expect(again.crew["cr-jo"]?.role == "Producer 40" && again.costs["k001"]?.paid == "yes")
        #expect(again.costs.values.contains { $0.account == "2150" }, "costs follow the account's code as before")
        #expect(r.text.contains("# k039 was the same fuel receipt entered twice"), "people's comments stay")
        let lines = r.text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("crew set id=cr-jo") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("crew") && $0.contains("gone1") }.count == 2, "add and rm, no set")
        // Compacting again changes nothing more.
        #expect(try Compaction.compact(Array(r.text.utf8), path: "c").text == r.text)
    }

    @Test func aJournalThatDoesNotReplayIsNotCompacted() {
        let bad = Array("# coord journal v1\ncrew add id=a name=A\ncrew set id=zz role=x\n".utf8)
        #expect(throws: Compaction.Failure.self) { try Compaction.compact(bad, path: "bad") }
    }
}
