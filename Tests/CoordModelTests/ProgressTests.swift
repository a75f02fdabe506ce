import Foundation
import Testing
@testable import CoordModel

/// Progress reports and shot marks: the journal verbs, the rules, and the report on the demo.
@Suite struct ProgressTests {
    /// A small board: two days, three strips on day 1, one in the boneyard.
    static let board = [
        "day add id=d1 date=2027-03-01 call=08:00",
        "day add id=d2 date=2027-03-02",
        "strip add id=s1 scene=1 pages=\"1 2/8\" day=d1",
        "strip add id=s2 scene=2 pages=6/8 day=d1",
        "strip add id=s3 scene=3 pages=4/8 day=d1",
        "strip add id=s4 scene=4 pages=1",
    ]

    /// Typed lines checked and applied in turn; returns the model and each canonical line.
    func replay(_ lines: [String]) throws -> (Model, [String]) {
        var model = Model()
        var out: [String] = []
        var n = 0
        for text in lines {
            let cmd = try #require(try LineGrammar.parse(text))
            let event = try model.validate(cmd, context: ValidationContext(today: CalendarDate(year: 2027, month: 3, day: 1)!)) {
                n += 1; return RecordID("g\(n)")
            }
            // The canonical line means the same when read back from a journal.
            let again = try model.validate(try #require(try LineGrammar.parse(event.line)), context: .replay) { RecordID("x") }
            #expect(again == event, "\(event.line)")
            model.apply(event)
            out.append(event.line)
        }
        return (model, out)
    }

    func refusal(_ model: Model, _ line: String) throws -> String {
        let cmd = try #require(try LineGrammar.parse(line))
        do throws(CommandError) {
            _ = try model.validate(cmd, context: .replay) { RecordID("x") }
            return ""
        } catch {
            return error.message
        }
    }

    @Test func verbsWriteTheirCanonicalLines() throws {
        let (m, lines) = try replay(Self.board + [
            "progress add id=pr1 day=2027-03-01 crewcall=8:00 firstshot=0852 lunch=13:00 lunchend=14:00 camerawrap=18:20 unitwrap=18:50 setups=23 minutes=4 delay=\"Generator failed: 40 min\"",
            "progress set id=pr1 incidents=\"Spark cut a finger; first aid\" notes=\"Rain from 16:00\"",
            "strip set id=s1 shot=done",
            "strip set id=s2 shot=partial",
            "strip set id=s3 shot=done shotday=d2",
            "strip set id=s3 shot=\"\"",
            "strip add id=s5 scene=5 day=d2 shot=done",
            "progress add id=pr2 day=d2 unitwrap=01:30",
            "progress rm id=pr2",
        ])
        #expect(Array(lines.suffix(9)) == [
            "progress add id=pr1 day=d1 crewcall=08:00 firstshot=08:52 lunch=13:00 lunchend=14:00 camerawrap=18:20 unitwrap=18:50 setups=23 minutes=4 delays=\"Generator failed: 40 min\"",
            "progress set id=pr1 incidents=\"Spark cut a finger; first aid\" notes=\"Rain from 16:00\"",
            "strip set id=s1 shot=done shotday=d1",
            "strip set id=s2 shot=part shotday=d1",
            "strip set id=s3 shot=done shotday=d2",
            "strip set id=s3 shot=\"\" shotday=\"\"",
            "strip add id=s5 scene=5 shot=done shotday=d2 day=d2",
            "progress add id=pr2 day=d2 unitwrap=01:30",
            "progress rm id=pr2",
        ])
        #expect(m.progress["pr1"]?.firstShot?.description == "08:52" && m.progress["pr1"]?.setups == "23")
        #expect(m.strips["s3"]?.shot == "" && m.strips["s3"]?.shotDay == "", "clearing the mark clears the day")
    }

    @Test func rulesThatKeepMarksMeaningful() throws {
        let (m, _) = try replay(Self.board + ["progress add id=pr1 day=d1", "progress add id=pr2 day=d2"])
        #expect(try refusal(m, "progress add id=pr3 day=d1") == "day d1 already has a progress report (pr1); change that one")
        #expect(try refusal(m, "progress set id=pr2 day=d1") == "day d1 already has a progress report (pr1); change that one")
        #expect(try refusal(m, "progress add id=pr3 setups=2") == "day is required (Shoot day: day id or date)")
        #expect(try refusal(m, "progress add id=pr3 day=d9") == "day: no shoot day 'd9' (give a day id or a date)")
        #expect(try refusal(m, "progress set id=pr1 setups=lots") == "setups: 'lots' is not a whole number")
        #expect(try refusal(m, "strip set id=s4 shot=done") == "s4 is on no shoot day of the active board: say which day it was shot on (shotday=)")
        #expect(try refusal(m, "strip set id=s1 shotday=d1") == "shotday goes with shot=done or shot=part")
        #expect(try refusal(m, "strip set id=s1 shot=yes") == "shot: 'yes' is not one of done, part")
        #expect(try refusal(m, "strip set id=s4 shot=done shotday=d2").isEmpty, "a boneyard strip takes the day it was shot on")
    }

    /// The demo as written (day 1 is Monday 1 March 2027), with typed changes applied.
    func demo(_ lines: [String] = []) throws -> Model {
        var m = try JournalReader.replay(DemoJournal.bytes, path: "demo").model
        var n = 0
        for text in lines {
            let cmd = try #require(try LineGrammar.parse(text))
            m.apply(try m.validate(cmd, context: ValidationContext(today: CalendarDate(year: 2027, month: 3, day: 1)!)) {
                n += 1; return RecordID("t\(n)")
            })
        }
        return m
    }

    @Test func theDemosDayOneReport() throws {
        let r = try #require(try demo().progressReport(day: 1))
        let text = r.text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.prefix(5) == [
            String(repeating: "=", count: 80),
            "THE LIGHTHOUSE KEEPER'S DAUGHTER                           DAILY PROGRESS REPORT",
            "Saltwater Pictures Ltd                                                Day 1 of 6",
            "Monday 1 March 2027                                                    Main unit",
            String(repeating: "=", count: 80),
        ])
        for line in ["  Crew call    08:00", "  First shot   08:52", "  Lunch        13:00–14:00", "  Camera wrap  18:20",
                     "  Unit wrap    18:50", "  Day length   10h50 from crew call to unit wrap",
                     "  Scenes completed    3 (2 7/8 pgs)", "  Part-shot           1 (1 1/8 pgs)", "  Not shot            0 (0 pgs)",
                     "  Pages shot today    2 7/8 of 4 scheduled", "  Pages shot to date  2 7/8 of 18 6/8",
                     "  Scenes to date      3 of 24", "  Screen minutes      4", "  Set-ups             23"] {
            #expect(lines.contains(line), "\(line)")
        }
        #expect(r.completed.map(\.scene) == ["2", "3", "12A"] && r.partShot.map(\.scene) == ["7"] && r.notShot.isEmpty)
        #expect(text.contains("Blacking out the kitchen for sc 7 took 50 min longer"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "80 columns")
    }

    @Test func pagesShotToDateCountDoneStripsOnly() throws {
        let m = try demo(["strip set id=s4 shot=done", "strip set id=s5 shot=part"])
        #expect(m.pagesShot.description == "3 3/8", "day 1's 2 7/8 and scene 4's 4/8; part-shot scene 5 is not counted")
        #expect(try #require(m.progressReport(day: 1)).pagesToDate.description == "2 7/8", "a day's report counts up to that day")
        let day2 = try #require(m.progressReport(day: 2))
        #expect(day2.pagesToDate.description == "3 3/8" && day2.scenesToDate == 4 && day2.totalPages.description == "18 6/8")
        #expect(day2.partPages.description == "3 4/8" && day2.notShot.map(\.scene) == ["6", "13"])
        #expect(day2.record == nil && day2.text().contains("No progress report has been written for this day yet."))
        #expect(day2.text().contains("  Crew call    —"), "a day with no record prints empty times")
    }

    @Test func aSceneNotShotMovedToALaterDayLeavesTheList() throws {
        var m = try demo(["strip set id=s12a shot=\"\""])
        #expect(try #require(m.progressReport(day: 1)).notShot.map(\.scene) == ["12A"])
        m = try demo(["strip set id=s12a shot=\"\"", "strip move id=s12a day=d6"])
        #expect(try #require(m.progressReport(day: 1)).notShot.isEmpty)
        #expect(try #require(m.progressReport(day: 6)).notShot.map(\.scene).contains("12A"))
        m = try demo(["strip set id=s12a shot=\"\"", "strip move id=s12a boneyard=yes"])
        #expect(try #require(m.progressReport(day: 1)).notShot.isEmpty, "or to the boneyard")
        // A part-shot scene moved on is still part-shot on its day, and not shot on the new one until done there.
        m = try demo(["strip move id=s7 day=d6"])
        #expect(try #require(m.progressReport(day: 1)).partShot.map(\.scene) == ["7"])
        #expect(try #require(m.progressReport(day: 6)).notShot.map(\.scene).contains("7"))
        m = try demo(["strip move id=s7 day=d6", "strip set id=s7 shot=done"])
        #expect(m.strips["s7"]?.shotDay == "d6")
        #expect(try #require(m.progressReport(day: 6)).completed.map(\.scene) == ["7"])
        #expect(try #require(m.progressReport(day: 1)).partShot.isEmpty)
    }

    @Test func markdownAndHTMLShowJournalTextInert() throws {
        let m = try demo(["progress set id=pr1 incidents=\"<script>alert(1)</script> *bold* \\u{1b}[31m\""])
        let r = try #require(m.progressReport(day: 1))
        let html = r.html()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script"))
        #expect(html.contains("@page { size: A4; margin: 12mm; }") && !html.contains("http") && !html.contains("<link"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x1B } && html.contains("␛[31m"))
        let md = r.markdown()
        #expect(md.contains("\\<script\\>alert(1)\\</script\\> \\*bold\\*"))
        #expect(md.hasPrefix("# The Lighthouse Keeper's Daughter — Daily progress report\n"))
        #expect(m.progressReport(day: 7) == nil)
    }
}
