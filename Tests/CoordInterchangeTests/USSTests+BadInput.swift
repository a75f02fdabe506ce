import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

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
