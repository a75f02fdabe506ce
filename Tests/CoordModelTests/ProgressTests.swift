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
}
