import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

/// Opens a copy of the demo at a fixed date (so overdue counts never drift) in a session.
func demoSession(width: Int = 80, height: Int = 24, theme: Theme = .monochrome) throws -> (Session, String) {
    let dir = NSTemporaryDirectory() + "coord-ui-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/demo.journal"
    let clock = Clock.fixed(CalendarDate(year: 2027, month: 2, day: 25)!)
    try DemoJournal.write(to: path, today: clock.today)
    let store = try ProductionStore.open(path: path, clock: clock, idSeed: 1).0
    return (Session(store: store, theme: theme, width: width, height: height), path)
}

let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

/// Compares a frame with Golden/NAME.txt; COORD_UPDATE_GOLDEN=1 rewrites the file instead.
func expectGolden(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = goldenDir + "/" + name + ".txt"
    let text = canvas.text.replacingOccurrences(of: "/coord-ui-[^/]*/", with: "/TMP/", options: .regularExpression) + "\n"
    if ProcessInfo.processInfo.environment["COORD_UPDATE_GOLDEN"] == "1" {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing \(path))"
    #expect(text == expected, "golden \(name) differs; COORD_UPDATE_GOLDEN=1 swift test rewrites it", sourceLocation: sourceLocation)
}

@Suite struct GoldenTests {
    @Test(arguments: [(PaneKind.schedule, "schedule"), (.crew, "crew"), (.budget, "budget"), (.clearances, "clearances")])
    func eachPaneAt80x24(_ pane: PaneKind, _ name: String) throws {
        let (s, _) = try demoSession()
        s.focus(pane)
        s.message = nil
        expectGolden(s.render(), name + "-80x24")
    }

    @Test func costEntriesView() throws {
        let (s, _) = try demoSession()
        s.focus(.budget)
        s.handle(.char("v"))
        s.message = nil
        expectGolden(s.render(), "costs-80x24")
    }

    @Test func dayOutOfDaysGrid() throws {
        let (s, _) = try demoSession(width: 100, height: 30)
        s.handle(.char("v"))
        s.handle(.char("j")); s.handle(.char("j")); s.handle(.char("j")); s.handle(.char("j"))
        s.handle(.char("l")); s.handle(.char("l"))
        s.message = nil
        expectGolden(s.render(), "grid-100x30")
    }

    @Test func addFormAt100x30() throws {
        let (s, _) = try demoSession(width: 100, height: 30)
        s.focus(.crew)
        s.handle(.char("a"))
        for c in "Zoë" { s.handle(.char(c)) }
        s.handle(.tab)
        s.handle(.tab)
        s.handle(.tab)
        for c in "12" { s.handle(.char(c)) }
        s.handle(.tab)
        expectGolden(s.render(), "crew-form-100x30")
    }

    @Test func tooSmallSaysSoAndRecovers() throws {
        let (s, _) = try demoSession(width: 60, height: 20)
        #expect(s.render().text.contains("terminal too small (need 80x24)"))
        s.width = 80; s.height = 24
        #expect(s.render().text.contains("Schedule"))
    }
}
