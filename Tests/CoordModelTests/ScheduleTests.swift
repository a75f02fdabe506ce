import Foundation
import Testing
@testable import CoordModel

@Suite struct ScheduleTests {
    /// A small board: five days from Monday 1 March 2027, weekends off.
    func board(_ extra: [String] = []) throws -> ProductionStore {
        let dir = tempDir()
        let store = try openStore(dir + "/s.journal")
        var lines = [
            "board set id=main name=\"First pass\" start=2027-03-01 daysoff=sat,sun",
            "crew add id=lead name=\"Lowenna Hart\" dept=Cast castno=1",
            "crew add id=tom name=\"Gareth P\" dept=Cast castno=2",
            "crew add id=kid name=\"Isla Rowe\" dept=Cast castno=3 hold=drop",
        ]
        for d in 1...5 { lines.append("day add id=d\(d) call=07:00 wrap=18:00") }
        lines += [
            "strip add id=a scene=1 cast=1,2 pages=\"1 4/8\" day=d1",
            "strip add id=b scene=2 cast=1,3 pages=4/8 day=d1",
            "strip add id=c scene=3 cast=1 day=d3",
            "strip add id=e scene=5 cast=1,2,3 day=d5",
            "strip add id=f scene=6 cast=2",
        ]
        try store.perform(lines: lines + extra)
        return store
    }

    @Test func shootDaysAreDatedByWalkingTheCalendar() throws {
        let s = try board()
        let dates = s.model.layout(of: "main").days.map { $0.date!.description }
        #expect(dates == ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"])
        try s.perform(lines: ["calendar add date=2027-03-02 kind=holiday name=\"Bank holiday\""])
        let moved = s.model.layout(of: "main").days.map { $0.date!.description }
        #expect(moved == ["2027-03-01", "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-08"],
                "a holiday re-dates every day after it, skipping the weekend")
    }

    @Test func dayBreaksGroupStripsAndCarryPages() throws {
        let s = try board()
        let l = s.model.layout(of: "main")
        #expect(l.days[0].strips == ["a", "b"] && l.days[0].pages.description == "2")
        #expect(l.boneyard == ["f"])
        // A new day break before strip b splits day 1; the later days shift on by one.
        try s.perform(lines: ["day add id=d0 before=b"])
        let split = s.model.layout(of: "main")
        #expect(split.days.count == 6 && split.days[1].strips == ["b"])
        #expect(split.days[2].date?.description == "2027-03-03")
        // Removing it joins b back onto day 1.
        try s.perform(lines: ["day rm id=d0"])
        #expect(s.model.layout(of: "main").days[0].strips == ["a", "b"])
    }

    @Test func dayOutOfDaysCodesFollowTheStrips() throws {
        let s = try board()
        let dood = s.model.dayOutOfDays(board: "main")
        func codes(_ who: RecordID) -> [String] { dood.rows.first { $0.who == who }!.codes }
        #expect(codes("lead") == ["SW", "H", "W", "H", "WF"])
        #expect(codes("tom") == ["SW", "H", "H", "H", "WF"])
        #expect(codes("kid") == ["SW", "D", "", "", "WF"], "hold=drop: dropped after day 1, back on day 5")
        let lead = dood.rows.first { $0.who == "lead" }!
        #expect((lead.work, lead.hold, lead.total) == (3, 2, 5))
        #expect(lead.start?.description == "2027-03-01" && lead.finish?.description == "2027-03-05")
    }

    @Test func dropDaysTurnALongHoldIntoADropAndPickUp() throws {
        let s = try board(["crew set id=tom dropdays=1", "strip move id=c day=d3", "strip add id=g scene=7 cast=2 day=d4"])
        let tom = s.model.dayOutOfDays(board: "main").rows.first { $0.who == "tom" }!
        #expect(tom.codes == ["SW", "D", "", "PU", "WF"])
    }

    @Test func bookingsFillCrewAndKitRows() throws {
        let s = try board(["kit add id=crane name=\"Technocrane 22\"", "booking add who=crane date=2027-03-03 code=SWF",
                           "crew add id=gaffer name=Connor dept=Electric", "booking add who=gaffer date=2027-03-01 code=SW",
                           "booking add who=gaffer date=2027-03-02 code=WF", "booking add who=lead date=2027-03-02 code=R"])
        let dood = s.model.dayOutOfDays(board: "main")
        #expect(dood.rows.first { $0.who == "crane" }!.codes == ["", "", "SWF", "", ""])
        #expect(dood.rows.first { $0.who == "gaffer" }!.codes == ["SW", "WF", "", "", ""])
        #expect(dood.rows.first { $0.who == "lead" }!.codes[1] == "R", "a rehearsal booking replaces a hold")
        #expect(throws: StoreError.self) { try s.perform(lines: ["booking add who=crane date=2027-03-03 code=W"]) }
    }

    @Test func conflictsAreFound() throws {
        let s = try board(["crew set id=kid unavailable=2027-03-05",
                           "day set id=d2 wrap=23:30", "day set id=d3 call=08:00",
                           "production set maxday=\"10+1\""])
        let found = s.model.conflicts(board: "main")
        let kinds = found.map(\.kind)
        #expect(kinds.contains(.unavailable))
        #expect(found.first { $0.kind == .unavailable }?.strips == ["e"])
        #expect(found.contains { $0.kind == .turnaround && $0.message.contains("8h30") })
        #expect(found.contains { $0.kind == .longDay && $0.message.contains("day 2") })
    }

    @Test func peopleBookedInTwoProductionsAreFlagged() throws {
        let a = try board()
        let b = try openStore(tempDir() + "/other.journal")
        try b.perform(lines: ["board set id=main start=2027-03-03", "day add id=x1",
                              "crew add id=l2 name=\"lowenna hart\" dept=Cast castno=1", "strip add scene=1 cast=1 day=x1"])
        let found = Model.crossProductionConflicts([("A", a.model), ("B", b.model)])
        #expect(found.count == 1)
        #expect(found[0].message.contains("Lowenna Hart") && found[0].date?.description == "2027-03-03")
    }

    @Test func reportsPrintAsTextAndCSV() throws {
        let s = try board(["day set id=d1 location=\"Keeper's cottage, Pendeen\""])
        let days = s.model.daysReport(board: "main")
        #expect(days.rows[0] == ["1", "2027-03-01", "Mon", "Keeper's cottage, Pendeen", "07:00", "18:00", "2", "2", "1 2"])
        #expect(days.csv.hasPrefix("day,date,dow,location,call,wrap,strips,pages,scenes\r\n1,2027-03-01,Mon,\"Keeper's cottage, Pendeen\","))
        let dood = s.model.doodReport(board: "main")
        #expect(dood.header.prefix(3) == ["#", "name", "D1 2027-03-01"])
        #expect(dood.text.contains("Lowenna Hart"))
        #expect(ReportTable.csvField("=SUM(A1)") == "'=SUM(A1)", "a formula is kept inert for spreadsheets")
    }

    @Test func placementErrorsSayWhatIsWrong() throws {
        let s = try board()
        let cases: [(String, String)] = [
            ("strip move id=a", "move needs board=, day=, after=, before= or boneyard=yes"),
            ("strip move id=a after=zzz", "zzz is not on board"),
            ("strip move id=a after=a", "cannot go after itself"),
            ("strip move id=a day=d1 after=b", "give one of"),
            ("day move id=d2 day=d3", "day has no field 'day'"),
            ("strip move id=a scene=9", "move only places"),
            ("board rm id=main", "cannot be removed"),
            ("board set id=main active=no", "make another board active"),
            ("day set id=d1 board=main", "stays on its board"),
            ("crew add name=X dropdays=-1", "not a whole number"),
            ("board add name=B daysoff=sat,funday", "not a weekday"),
        ]
        for (line, words) in cases {
            #expect {
                try s.perform(lines: [line])
            } throws: { ($0 as? StoreError)?.description.contains(words) == true }
        }
    }
}
