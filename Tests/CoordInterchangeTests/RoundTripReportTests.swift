import Foundation
import Testing
@testable import CoordInterchange
@testable import CoordModel

/// What a coordinator would compare by eye: the `coord report days` and `coord report dood`
/// text of every board, before and after a USS export and re-import.
@Suite struct RoundTripReportTests {
    func imported(_ bytes: [UInt8], into path: String) throws -> Model {
        let store = try ProductionStore.open(path: path).0
        let plan = try USS.importPlan(bytes, into: store.model, name: path)
        try store.perform(lines: plan.commands)
        return store.model
    }

    func reports(_ m: Model) -> [String: String] {
        var out: [String: String] = [:]
        for b in m.boards.values where !b.items.isEmpty {
            out[b.name] = m.daysReport(board: b.id).text + m.doodReport(board: b.id).text
        }
        return out
    }

    @Test(arguments: ["small_sample_schedule.uss", "full_sample_schedule.uss", "large_sample_schedule.uss"])
    func exportThenReimportGivesTheSameDaysAndDoodReports(_ name: String) throws {
        let dir = NSTemporaryDirectory() + "coord-rt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sample = try [UInt8](Data(contentsOf: USSFixtures.dir.appendingPathComponent(name)))
        let first = try imported(sample, into: dir + "/a.journal")
        let exported = try USS.export(first).bytes
        let second = try imported(exported, into: dir + "/b.journal")
        let before = reports(first), after = reports(second)
        #expect(!before.isEmpty)
        #expect(Set(before.keys) == Set(after.keys))
        for (board, text) in before {
            #expect(after[board] == text, "board \(board): the reports differ after export and re-import")
        }
    }
}
