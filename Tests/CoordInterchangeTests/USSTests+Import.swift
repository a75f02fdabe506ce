import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

extension USSTests {
    @Suite struct Import {
        @Test func theSmallSampleImportsEveryPart() throws {
            let (m, plan) = try USSFixtures.imported("small_sample_schedule.uss")
            #expect(m.production.title == "It's A Wonderful Life")
            #expect(m.production.company == "RKO Pictures")
            #expect(m.strips.count == 1)
            let s = try #require(m.strips.values.first)
            #expect(s.scene == "89PT1" && s.intExt == "EXT" && s.set == "BEDFORD FALLS BRIDGE" && s.dayNight == "NIGHT")
            #expect(s.pages == Pages(eighths: 2))
            #expect(s.cast == "1,2")
            #expect(s.synopsis == "George finds Zuzu's petals in his pocket")
            #expect(s.notes == "This scene must be shot at night")
            // Cast are crew in the Cast department, numbered by their elementId; other elements are kit.
            let cast = m.crew.values.filter { $0.dept == "Cast" }.map { "\($0.castNumber) \($0.name)" }
            #expect(cast == ["1 GEORGE", "2 CLARENCE"])
            #expect(m.kit.values.map { "\($0.category): \($0.name)" } == ["Props: Zuzu's Petals"])
            // GEORGE's travel and rehearsal dates are bookings.
            #expect(m.bookings.values.map { "\($0.date!) \($0.code)" }.sorted() == ["2022-06-06 T", "2022-06-07 R"])
            // Two stripboards: the first takes the main board; the calendar gives a start and days off.
            #expect(m.boards.values.map(\.name) == ["Script Order", "First Pass"])
            let first = try #require(m.boards.values.first { $0.name == "First Pass" })
            #expect(first.start == CalendarDate(year: 2022, month: 6, day: 20))
            #expect(first.daysOff == "sat,sun")
            #expect(m.activeBoard.id == first.id)
            #expect(m.calendar.values.filter { $0.board == first.id.raw }.map { "\($0.date!) \($0.kind)" } == ["2022-06-15 travel"])
            let layout = m.layout(of: first.id)
            #expect(layout.days.count == 1)
            #expect(layout.days[0].date == CalendarDate(year: 2022, month: 6, day: 20))
            #expect(layout.days[0].strips == [s.id])
            // The banner sits in the day, before the strip.
            #expect(m.banners.values.map(\.text) == ["It's A Wonderful Life Production Schedule"])
            #expect(layout.entries.count == 3)
            // A flat list is a running order with no days.
            let script = m.layout(of: Board.mainID)
            #expect(script.days.isEmpty && script.entries == [.strip(s.id, day: nil)])
            #expect(plan.notes.contains { $0.contains("banner") && $0.contains("boneyard") })
        }

        @Test func theFullSampleImportsWithItsQuirks() throws {
            let (m, plan) = try USSFixtures.imported("full_sample_schedule.uss")
            #expect(m.strips.count == 173)
            #expect(m.boards.values.map(\.name) == ["Script Order", "First Pass", "Second Pass", "Rev. WHITE"])
            let days = m.boards.values.map { m.layout(of: $0.id).days.count }
            #expect(days == [0, 60, 67, 56])
            #expect(m.activeBoard.name == "Rev. WHITE")
            #expect(m.crew.values.filter { $0.dept == "Cast" }.count == 59)
            // The first pass starts 2022-08-03 (a Wednesday) with weekends off; 2022-09-05 is a holiday.
            let firstPass = try #require(m.boards.values.first { $0.name == "First Pass" })
            #expect(firstPass.start == CalendarDate(year: 2022, month: 8, day: 3))
            let entries = m.calendar.values.filter { $0.board == firstPass.id.raw }.map { "\($0.date!) \($0.kind) \($0.name)" }
            #expect(entries == ["2022-09-05 holiday ", "2022-10-10 holiday ", "2022-08-07 off doodTravel"])
            let walked = m.layout(of: firstPass.id).days.compactMap(\.date)
            #expect(!walked.contains(CalendarDate(year: 2022, month: 9, day: 5)!))
            #expect(walked.allSatisfy { $0.weekday < 5 })
            // A scene with no number, and D/N words Coord does not have.
            #expect(m.strips.values.contains { $0.scene == "NOSCENE1" && $0.synopsis.hasPrefix("George walks down the street") })
            #expect(m.strips.values.contains { $0.dayNight.isEmpty && $0.notes.contains("D/N: LATER") })
            #expect(m.strips.values.filter { $0.intExt == "INT" }.count == 93 && m.strips.values.filter { $0.intExt == "EXT" }.count == 80)
            // A strip between shoot days joins the day before it, and the notes say so.
            #expect(plan.notes.contains { $0.contains("First Pass") && $0.contains("between shoot days") })
            #expect(plan.notes.contains { $0.contains("Background") && $0.contains("skipped") })
            #expect(plan.notes.contains { $0.contains("AFTERNOON") && $0.contains("DAY") })
        }

        @Test func theLargeSampleImportsWithSetUnderAnotherNumber() throws {
            let (m, plan) = try USSFixtures.imported("large_sample_schedule.uss")
            #expect(m.production.title == "Friendship Pod Affair")
            #expect(m.strips.count == 147)
            // Its Set category is ucid 50, not 0: read by name.
            #expect(m.strips.values.filter { !$0.set.isEmpty }.count == 147)
            #expect(m.boards.values.map(\.name) == ["Script Order", "First Pass"])
            let firstPass = try #require(m.boards.values.first { $0.name == "First Pass" })
            let layout = m.layout(of: firstPass.id)
            #expect(layout.days.count == 31)
            #expect(layout.days[0].date == CalendarDate(year: 2025, month: 4, day: 7))
            // Days off in the calendar (type dayOff) are kind=off; 2025-05-16 also has travel.
            let off = m.calendar.values.filter { $0.board == firstPass.id.raw && $0.kind == "off" }
            #expect(off.count == 5)
            #expect(m.banners.values.contains { $0.text == "GREECE UNIT" })
            #expect(!plan.notes.isEmpty)
        }

        @Test func everySampleImportsIntoAJournalThatReplays() throws {
            for name in USSFixtures.samples {
                let plan = try USS.importPlan(try USSFixtures.bytes(name), into: Model(), name: name)
                // Replaying the written lines (as `coord check` would) gives the same model.
                let d = FileManager.default.temporaryDirectory.appendingPathComponent("coord-uss-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: d) }
                let path = d.appendingPathComponent("p.journal").path
                let (store, _) = try ProductionStore.open(path: path)
                try store.perform(lines: plan.commands)
                let replayed = try JournalReader.replay([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path).model
                #expect(USSFixtures.daysText(replayed) == USSFixtures.daysText(store.model), "\(name)")
            }
        }

        @Test func importingTwiceGivesNewIdsAndSaysSo() throws {
            let bytes = try USSFixtures.bytes("small_sample_schedule.uss")
            let first = try USS.importPlan(bytes, into: Model(), name: "s")
            let once = try USSFixtures.journal(first.commands)
            let second = try USS.importPlan(bytes, into: once, name: "s")
            let twice = try USSFixtures.journal(first.commands + second.commands)
            #expect(twice.strips.count == 2)
            #expect(twice.boards.values.map(\.name) == ["Script Order", "First Pass", "Script Order (2)", "First Pass (2)"])
            // Cast already there (by cast number) are not added again.
            #expect(twice.crew.count == 2)
            // The journal's active board stays; a note says how to switch.
            #expect(twice.activeBoard.name == "First Pass")
            #expect(second.notes.contains { $0.hasPrefix("the active board is still 'First Pass'") && $0.hasSuffix("active=yes") })
            #expect(second.notes.contains { $0.contains("imported before") })
            #expect(second.notes.contains { $0.contains("kept the production's title") } == false)
        }

        @Test func flatBoardsNumberIdsAndACalendarWithNoDaysOff() throws {
            let json = #"""
            {"universalScheduleStandard": {"ussVersion": "1.0.0", "name": "Flat", "project": "Flat",
              "breakdowns": [
                {"id": 1, "type": "scene", "scene": 1, "pages": 1, "elements": [10]},
                {"id": 2, "type": "scene", "scene": "2", "pages": 0.5, "elements": []},
                {"id": "bn", "type": "banner", "bannerText": "Lunch", "elements": []}
              ],
              "categories": [{"id": "c", "ucid": 1, "name": "INT/EXT"}],
              "elements": [{"id": 10, "category": "c", "name": "E/I"}],
              "stripboards": [
                {"id": "a", "name": "Script order", "calendar": null, "boards": [{"id": "x", "name": "stripboard", "breakdownIds": [1, 2]}]},
                {"id": "b", "name": "Reversed", "calendar": null, "boards": [{"id": "y", "name": "stripboard", "breakdownIds": [2, 1]}]},
                {"id": "c", "name": "Days", "calendar": "cal", "boards": [{"id": "z", "name": "stripboard", "breakdownIds": [2, [1, "bn"], []]}]}
              ],
              "calendars": [{"id": "cal", "daysOff": [], "name": "c",
                             "events": [{"id": "s", "type": "start", "name": null, "date": "2027-05-01T00:00:00.000Z"}]}]
            }}
            """#
            let plan = try USS.importPlan(Array(json.utf8), into: Model(), name: "flat.uss")
            let m = try USSFixtures.journal(plan.commands)
            let expected = """
            board Script order (days off sat,sun, start -)
              day -
                1 | INT/EXT |  |  | 1
                2 |  |  |  | 4/8
            board Reversed (days off sat,sun, start -)
              day -
                2 |  |  |  | 4/8
                1 | INT/EXT |  |  | 1
            board Days (days off none, start 2027-05-01)
              day -
                2 |  |  |  | 4/8
              day 1 2027-05-01 1
                1 | INT/EXT |  |  | 1
              day 2 2027-05-02 0

            """
            #expect(USSFixtures.daysText(m) == expected)
            #expect(m.banners.values.map(\.text) == ["Lunch"])
            #expect(m.activeBoard.name == "Days")
            // Two boards of nothing but the same strips: the second is placed against a passing banner.
            #expect(plan.notes.contains { $0.hasPrefix("board Reversed: its strips were placed against a banner") })
            // And it all comes back from an export.
            let back = try USSFixtures.journal(try USS.importPlan(try USS.export(m).bytes, into: Model(), name: "x").commands)
            #expect(USSFixtures.daysText(back) == expected)
        }

        @Test func weekdaysAreTranslated() {
            // USS 0 = Sunday ... 6 = Saturday; Coord 0 = Monday ... 6 = Sunday.
            #expect(USS.coordWeekday(uss: 0) == 6 && USS.coordWeekday(uss: 6) == 5 && USS.coordWeekday(uss: 1) == 0)
            for n in 0..<7 { #expect(USS.ussWeekday(coord: USS.coordWeekday(uss: n)) == n) }
        }
    }
}
