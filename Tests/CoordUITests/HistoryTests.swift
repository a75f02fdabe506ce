import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

/// The `:` line remembers what was run, across sessions, in a hidden file beside the journal.
@Suite struct HistoryTests {
    @Test func aCommandRunYesterdayIsBackWithUpInTheNextSession() throws {
        let (s, path) = try demoSession()
        s.run(commandLine: "crew set id=cr-jo role=\"Script supervisor\"")
        s.run(commandLine: "crew set id=cr-jo notes=\"Back Tuesday\"")
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".demo.journal.history").path
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasSuffix("crew set id=cr-jo notes=\"Back Tuesday\"\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600, "history can hold personal details")

        let next = Session(store: try ProductionStore.open(path: path, clock: s.store.clock, idSeed: 2).0)
        next.handle(.char(":"))
        next.handle(.up)
        #expect(next.render().text.contains("notes=\"Back Tuesday\""))
        next.handle(.up)
        #expect(next.render().text.contains("role=\"Script supervisor\""))
    }
}
