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

extension USSTests {
    @Suite struct BadInput {
        func message(_ bytes: [UInt8]) -> String? {
            do {
                _ = try USS.importPlan(bytes, into: Model(), name: "in.uss")
                return nil
            } catch {
                return error.message
            }
        }

        @Test func notJSON() {
            let m = message(Array("INT. KITCHEN - DAY\nMara arrives.\n".utf8))
            #expect(m?.hasPrefix("in.uss is not a USS file: not valid JSON at line 1, column 1") == true)
        }

        @Test func truncated() throws {
            let whole = try USSFixtures.bytes("small_sample_schedule.uss")
            for cut in [1, 100, whole.count / 2, whole.count - 3] {
                let m = message(Array(whole.prefix(cut)))
                #expect(m?.contains("ends early") == true, "cut at \(cut): \(m ?? "accepted")")
            }
        }

        @Test func binary() {
            var rng = SplitMix(seed: 7)
            let noise = (0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            #expect(message(noise)?.contains("not UTF-8 text") == true)
            #expect(message([0x7B, 0x00, 0x7D])?.contains("not UTF-8 text") == true)
        }

        @Test func emptyAndWrongShapes() {
            #expect(message([])?.contains("it is empty") == true)
            #expect(message(Array("  \n".utf8))?.contains("it is empty") == true)
            #expect(message(Array(#"{"schedule": {}}"#.utf8)) == #"in.uss is JSON but not a USS file: it has no "universalScheduleStandard" object at the top"#)
            #expect(message(Array("[1, 2]".utf8))?.contains("no \"universalScheduleStandard\"") == true)
            #expect(message(Array(#"{"universalScheduleStandard": [1]}"#.utf8))?.contains("is a list, not an object") == true)
            #expect(message(Array(#"{"universalScheduleStandard": {"breakdowns": "x"}}"#.utf8))?
                .contains("universalScheduleStandard.breakdowns should be a list, but it is a string") == true)
            #expect(message(Array(#"{"universalScheduleStandard": {"breakdowns": []}}"#.utf8))?.contains("nothing to import") == true)
            #expect(message(Array(#"{"universalScheduleStandard": {}} x"#.utf8))?.contains("more text after the end") == true)
            #expect(message(Array(#"{"a": "b\qc"}"#.utf8))?.contains("not a JSON escape") == true)
        }

        /// Applies the plan's lines to a model in memory, as a journal would check them.
        func apply(_ plan: ImportPlan) throws -> Model {
            var m = Model()
            let context = ValidationContext(today: CalendarDate(year: 2027, month: 1, day: 1))
            for line in plan.commands {
                guard let cmd = try LineGrammar.parse(line) else { continue }
                m.apply(try m.validate(cmd, context: context) { RecordID("unexpected") })
            }
            return m
        }

        @Test func hugeAndOddNumbersAreNoCrash() throws {
            let json = #"""
            {"universalScheduleStandard": {"ussVersion": "1.0.0", "name": "N",
              "breakdowns": [{"id": "b1", "type": "scene", "scene": "1", "pages": 1e300, "elements": ["e1", "e2"]}],
              "categories": [{"id": "c1", "ucid": 1e300, "name": "Props"}, {"id": "c2", "ucid": 100, "name": "Cast"}],
              "elements": [{"id": "e1", "category": "c1", "name": "Lamp"},
                           {"id": "e2", "category": "c2", "name": "A", "elementId": "999999999999999999999",
                            "isDrop": true, "dropDayCount": 1e300}],
              "stripboards": [{"id": "s", "name": "S", "calendar": "c", "boards": [{"id": "x", "name": "stripboard", "breakdownIds": [["b1"]]}]}],
              "calendars": [{"id": "c", "daysOff": [1e300, -5, 3.5, 6], "events": [{"id": "e", "type": "start", "name": null, "date": "99999-01-01"}], "name": "c"}]
            }}
            """#
            let plan = try USS.importPlan(Array(json.utf8), into: Model(), name: "n.uss")
            let m = try apply(plan)
            #expect(m.strips.values.first?.pages == Pages(eighths: 999 * 8 + 7))
            #expect(m.kit.count == 1 && m.crew.count == 1)
            #expect(m.boards[Board.mainID]?.daysOff == "sat")
        }

        @Test func mangledSamplesNeverCrashAndWhatImportsApplies() throws {
            let whole = try USSFixtures.bytes("small_sample_schedule.uss")
            var rng = SplitMix(seed: 42)
            let alphabet = Array(#"{}[]",:0123456789.-e nulltruefalse\u00"#.utf8)
            var imported = 0
            for _ in 0..<400 {
                var b = whole
                for _ in 0..<Int(rng.next() % 4 + 1) {
                    let at = Int(rng.next() % UInt64(b.count))
                    switch rng.next() % 3 {
                    case 0: b[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                    case 1: b.remove(at: at)
                    default: b.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                    }
                }
                do {
                    let plan = try USS.importPlan(b, into: Model(), name: "m.uss")
                    _ = try apply(plan)
                    imported += 1
                } catch let e as ImportError {
                    #expect(!e.message.isEmpty)
                }
            }
            #expect(imported > 0)
        }

        @Test func deepNestingIsRefusedNotACrash() {
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            #expect(message(Array(deep.utf8))?.contains("nested more than") == true)
        }

        @Test func oddButReadableBreakdownsAreNoted() throws {
            let json = #"""
            {"universalScheduleStandard": {"ussVersion": "1.0.0", "name": "Odd",
              "breakdowns": [
                {"id": "b1", "type": "scene", "scene": "12 A", "pages": 0.3, "elements": ["e1", "nope"]},
                {"id": "b2", "type": "weird"},
                {"id": "b3", "type": "scene", "scene": null, "pages": -1, "elements": []}
              ],
              "categories": [{"id": "c1", "ucid": 2, "name": "Day/Night"}],
              "elements": [{"id": "e1", "category": "c1", "name": "SPACE"}],
              "stripboards": [{"id": "sb", "name": "One", "calendar": "missing",
                               "boards": [{"id": "x", "name": "stripboard", "breakdownIds": [["b1", "b3", "zz"], "b1"]}]}]
            }}
            """#
            let plan = try USS.importPlan(Array(json.utf8), into: Model(), name: "odd.uss")
            let m = try USSFixtures.journal(plan.commands)
            #expect(m.strips.values.map(\.scene).sorted() == ["12-A", "NOSCENE1"])
            let s = try #require(m.strips.values.first { $0.scene == "12-A" })
            #expect(s.pages == Pages(eighths: 2))
            #expect(s.dayNight.isEmpty && s.notes.contains("D/N: SPACE") && s.notes.contains("USS scene: 12 A"))
            let notes = plan.notes.joined(separator: "\n")
            for needle in ["rounded to the nearest eighth", "unknown type", "negative page counts", "no scene number",
                           "calendar missing is not in the file", "name no scene or banner", "listed twice", "element references"] {
                #expect(notes.contains(needle), "\(needle)")
            }
        }
    }
}

extension USSTests {
    @Suite struct Export {
        func export(_ m: Model) throws -> [UInt8] {
            try USS.export(m, clock: .fixed(CalendarDate(year: 2027, month: 2, day: 25)!)).bytes
        }

        @Test func reimportingAnExportGivesTheSameDays() throws {
            for name in USSFixtures.samples {
                let (a, _) = try USSFixtures.imported(name)
                let b = try USSFixtures.journal(try USS.importPlan(try export(a), into: Model(), name: "export").commands)
                #expect(USSFixtures.daysText(b) == USSFixtures.daysText(a), "\(name)")
                #expect(b.activeBoard.name == a.activeBoard.name)
            }
        }

        @Test func theDemoRoundTrips() throws {
            let demo = try USSFixtures.demo
            let plan = try USS.importPlan(try export(demo), into: Model(), name: "demo.uss")
            let back = try USSFixtures.journal(plan.commands)
            #expect(USSFixtures.daysText(back) == USSFixtures.daysText(demo))
            #expect(USSFixtures.daysText(back).contains("day 5 2027-03-05"))
            // Cast numbers, banners and kit come back; the cast's names are their characters.
            #expect(back.strips.values.map(\.cast) == demo.strips.values.map(\.cast))
            #expect(back.banners.values.map { "\($0.kind) \($0.text)" } == demo.banners.values.map { "\($0.kind) \($0.text)" })
            #expect(back.kit.values.map { "\($0.category) \($0.name)" } == demo.kit.values.map { "\($0.category) \($0.name)" })
            #expect(back.crew.values.first { $0.castNumber == "5" }?.unavailable == "2027-03-03")
        }

        @Test func dayDatesOfABoardWithNoStartSurvive() throws {
            let m = try USSFixtures.journal([
                "production set title=Dated",
                "board add id=b2 name=Loose",
                "day add id=x1 board=b2 date=2027-05-07",   // a Friday
                "day add id=x2 board=b2 date=2027-05-08",   // a Saturday: weekends off does not fit
                "day add id=x3 board=b2 date=2027-05-12",
                "strip add id=t1 scene=1 ie=INT set=Hall dn=DAY pages=1 day=x1",
                "strip add id=t2 scene=2 ie=EXT set=Yard dn=NIGHT pages=3/8 day=x3",
            ])
            let e = try USS.export(m, clock: .fixed(CalendarDate(year: 2027, month: 2, day: 25)!))
            let back = try USSFixtures.journal(try USS.importPlan(e.bytes, into: Model(), name: "x").commands)
            let loose = try #require(back.boards.values.first { $0.name == "Loose" })
            #expect(back.layout(of: loose.id).days.map { $0.date?.description ?? "-" } == ["2027-05-07", "2027-05-08", "2027-05-12"])
            #expect(e.notes.contains { $0.contains("Loose has no start date") })
        }

        @Test func anEmptyProductionIsRefused() throws {
            #expect(throws: ScheduleExportError.self) { try USS.export(Model()) }
        }

        @Test func theExportValidatesAgainstTheSchema() throws {
            let schema = try JSONParser.parse(try USSFixtures.bytes("uss-schema-1.0.0.json"))
            // The checker agrees with the samples' notice: small and large validate, full does not.
            #expect(SchemaCheck.errors(try JSONParser.parse(try USSFixtures.bytes("small_sample_schedule.uss")), schema).isEmpty)
            #expect(SchemaCheck.errors(try JSONParser.parse(try USSFixtures.bytes("large_sample_schedule.uss")), schema).isEmpty)
            #expect(!SchemaCheck.errors(try JSONParser.parse(try USSFixtures.bytes("full_sample_schedule.uss")), schema).isEmpty)
            var models = [try USSFixtures.demo]
            for name in USSFixtures.samples { models.append(try USSFixtures.imported(name).0) }
            for m in models {
                let doc = try JSONParser.parse(try export(m))
                let errors = SchemaCheck.errors(doc, schema)
                #expect(errors.isEmpty, "\(errors.prefix(5))")
            }
        }

        @Test func theFileIsStableAndReadable() throws {
            let demo = try USSFixtures.demo
            let one = try export(demo), two = try export(demo)
            #expect(one == two)
            let text = String(decoding: one, as: UTF8.self)
            #expect(text.hasPrefix("{\n  \"universalScheduleStandard\": {\n    \"id\": \"coord"))
            #expect(text.contains(#""pages": 1.75,"#))
            #expect(text.contains(#""ussVersion": "1.0.0""#))
            #expect(!text.contains("07700"), "no phone numbers")
            #expect(!text.contains("example.co"), "no email addresses")
        }

        @Test func jsonTextRoundTrips() throws {
            let value = JSON.object([.init("a", .string("quote \" backslash \\ newline \n tab \t nul \u{0} é 🎬 \u{2028}")),
                                     .init("n", .array([.number(0), .number(-1.5), .eighths(19), .null, .bool(true)]))])
            let text = JSONWriter.write(value)
            let back = try JSONParser.parse(text)
            #expect(back["a"] == value["a"])
            #expect(back["n"]?.array?.compactMap(\.number) == [0, -1.5, 2.375])
            #expect(try JSONParser.parse(Array(#""\ud83c\udfac""#.utf8)) == .string("🎬"))
        }
    }
}

/// The part of JSON Schema (draft 4 to 2020-12) that uss-schema-1.0.0.json uses: type,
/// properties, required, additionalProperties: false, items, enum, oneOf, minItems, maxItems,
/// uniqueItems, minimum, maximum, multipleOf.
enum SchemaCheck {
    static func errors(_ v: JSON, _ s: JSON, at path: String = "$") -> [String] {
        var out: [String] = []
        if let t = s["type"] {
            let types = t.array?.compactMap(\.string) ?? [t.string ?? ""]
            if !types.contains(where: { matches(v, $0) }) { out.append("\(path): is \(v.kind), not \(types.joined(separator: "|"))") ; return out }
        }
        if let e = s["enum"]?.array, !e.contains(v) { out.append("\(path): not one of the enum") }
        if let one = s["oneOf"]?.array, one.filter({ errors(v, $0, at: path).isEmpty }).count != 1 {
            out.append("\(path): not exactly one of oneOf")
        }
        switch v {
        case .object(let members):
            let props = s["properties"]
            for r in s["required"]?.array?.compactMap(\.string) ?? [] where v[r] == nil { out.append("\(path): \(r) is required") }
            for m in members {
                if let ps = props?[m.key] { out += errors(m.value, ps, at: "\(path).\(m.key)") }
                else if s["additionalProperties"] == .bool(false) { out.append("\(path): \(m.key) is not allowed") }
            }
        case .array(let items):
            if let n = s["minItems"]?.number, Double(items.count) < n { out.append("\(path): fewer than \(Int(n)) items") }
            if let n = s["maxItems"]?.number, Double(items.count) > n { out.append("\(path): more than \(Int(n)) items") }
            if s["uniqueItems"] == .bool(true) {
                for (i, x) in items.enumerated() where items[..<i].contains(x) { out.append("\(path)[\(i)]: repeated") }
            }
            if let each = s["items"] { for (i, x) in items.enumerated() { out += errors(x, each, at: "\(path)[\(i)]") } }
        default:
            if let d = v.number {
                if let min = s["minimum"]?.number, d < min { out.append("\(path): below \(min)") }
                if let max = s["maximum"]?.number, d > max { out.append("\(path): above \(max)") }
                if let step = s["multipleOf"]?.number, (d / step).rounded() != d / step { out.append("\(path): not a multiple of \(step)") }
            }
        }
        return out
    }

    static func matches(_ v: JSON, _ type: String) -> Bool {
        switch (v, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"),
             (.number, "number"), (.eighths, "number"): return true
        case (.number(let d), "integer"): return d == d.rounded()
        default: return false
        }
    }
}

