import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

/// USS import, bad input and export.
enum USSTests {}

/// The fixtures: the three USS samples (see Fixtures/NOTICE.md) and the USS 1.0.0 schema.
enum USSFixtures {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let samples = ["small_sample_schedule.uss", "full_sample_schedule.uss", "large_sample_schedule.uss"]

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
    }

    /// A new journal in a temporary directory, with `lines` applied (all or nothing).
    static func journal(_ lines: [String], start: Model? = nil) throws -> Model {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("coord-uss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: d) }
        let (store, _) = try ProductionStore.open(path: d.appendingPathComponent("p.journal").path)
        try store.perform(lines: lines)
        return store.model
    }

    static func imported(_ name: String) throws -> (Model, ImportPlan) {
        let plan = try USS.importPlan(try bytes(name), into: Model(), name: name)
        return (try journal(plan.commands), plan)
    }

    static var demo: Model {
        get throws { try JournalReader.replay(DemoJournal.bytes, path: "demo.journal").model }
    }

    /// Per board: its days with number and date, and the strips of each day in order
    /// (scene, I/E, set, D/N, pages); strips before the first day break as day "-".
    static func daysText(_ m: Model) -> String {
        func strip(_ id: RecordID) -> String {
            guard let s = m.strips[id] else { return "    ?\(id)\n" }
            return "    \(s.scene) | \(s.intExt) | \(s.set) | \(s.dayNight) | \(s.pages)\n"
        }
        var out = ""
        for b in m.boards.values {
            let layout = m.layout(of: b.id)
            out += "board \(b.name) (days off \(b.daysOff), start \(b.start?.description ?? "-"))\n"
            let loose = layout.entries.compactMap { e -> RecordID? in if case .strip(let id, nil) = e { return id }; return nil }
            if !loose.isEmpty { out += "  day -\n" + loose.map(strip).joined() }
            for d in layout.days {
                out += "  day \(d.number) \(d.date?.description ?? "-") \(d.pages)\n" + d.strips.map(strip).joined()
            }
        }
        return out
    }
}
