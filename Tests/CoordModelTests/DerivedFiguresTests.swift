import Foundation
import Testing
@testable import CoordModel

/// The ledger's running totals and the schedule's kept views must always equal what working
/// them out from scratch gives, however the changes came (costs, invoices, moves, removals).
@Suite struct DerivedFiguresTests {
    static let today = CalendarDate(year: 2027, month: 3, day: 10)!

    /// A report's lines as text, so two reports compare in full.
    static func text(_ r: CostReport) -> [String] {
        r.lines.map { "\($0.kind) \($0.code) \($0.figures.budget) \($0.figures.period) \($0.figures.actual) \($0.figures.committed) \($0.figures.etc) \($0.etcSource?.label ?? "")" }
    }

    static func rows(_ d: DayOutOfDays) -> [String] {
        d.rows.map { "\($0.who) \($0.name) \($0.kind) \($0.codes.joined(separator: ",")) \($0.work) \($0.hold) \($0.total)" }
    }

    @Test func runningTotalsEqualTotalsWorkedOutFromScratchAllAlongAnOfficesJournal() throws {
        let lines = OfficeGenerator.journal(events: 6000).split(separator: "\n", omittingEmptySubsequences: false)
        var m = Model()
        var at = 0
        // Checked every few hundred changes, not only at the end: a total that drifts and drifts back still fails.
        for stop in stride(from: 500, through: lines.count, by: 500) + [lines.count] {
            let chunk = lines[at..<min(stop, lines.count)].joined(separator: "\n") + "\n"
            _ = try JournalReader.replay(Array(chunk.utf8), path: "office", into: &m, firstLine: at + 1)
            at = min(stop, lines.count)
            #expect(m.totals == LedgerTotals.rebuilt(from: m), "after line \(at)")
            #expect(Self.text(m.costReport(periodEnd: nil, today: Self.today))
                    == Self.text(m.costReport(periodEnd: nil, today: Self.today, fromScratch: true)), "after line \(at)")
        }
        #expect(m.costs.count > 1000)
        for c in m.costs.values where c.isCommitment {
            let invoiced = m.costs.values.filter { !$0.isCommitment && $0.po == c.po }.reduce(Money.zero) { $0 + $1.homeAmount }
            let left = c.homeAmount - invoiced
            #expect(m.open(on: c) == (c.isClosed || left.isNegative ? .zero : left))
        }
    }

    @Test func invoicesClosingAndRecodingMoveOnlyWhatTheyShould() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try openStore(dir + "/t.journal")
        try s.perform(lines: [
            "account add id=a1 code=2100 description=Camera budget=10000",
            "account add id=a2 code=2200 description=Grip budget=5000",
            "cost add id=po1 kind=commitment account=2100 amount=3000 po=PO-1 date=2027-03-01",
            "cost add id=i1 kind=actual account=2100 amount=1000 po=PO-1 date=2027-03-02",
            "cost add id=i2 kind=actual account=2200 amount=400 po=PO-9 date=2027-03-08",
            "etc add id=e1 account=2100 amount=500 reason=first",
            "etc add id=e2 account=2100 amount=700 reason=second",
        ])
        func check(_ why: String) {
            #expect(s.model.totals == LedgerTotals.rebuilt(from: s.model), "\(why)")
            #expect(Self.text(s.model.costReport(periodEnd: nil, today: Self.today))
                    == Self.text(s.model.costReport(periodEnd: nil, today: Self.today, fromScratch: true)), "\(why)")
        }
        check("start")
        #expect(s.model.costReport(periodEnd: nil, today: Self.today).account("2100")?.figures.committed.plain == "2000.00")
        try s.perform(lines: ["cost set id=i1 amount=3500"]); check("an invoice over the PO")
        #expect(s.model.costReport(periodEnd: nil, today: Self.today).account("2100")?.figures.committed == .zero)
        try s.perform(lines: ["cost set id=po1 closed=yes"]); check("PO closed")
        try s.perform(lines: ["cost set id=i2 po=PO-1 account=2100"]); check("an invoice moved to another PO and account")
        try s.perform(lines: ["etc rm id=e2"]); check("the latest ETC removed")
        #expect(s.model.costReport(periodEnd: nil, today: Self.today).account("2100")?.figures.etc.plain == "500.00")
        try s.perform(lines: ["account set id=a1 code=2150"]); check("an account's new code")
        try s.perform(lines: ["cost rm id=i1", "cost rm id=po1"]); check("removed")
    }

    @Test func aBookingRedoesOnePersonsRowAndAMoveBuildsTheBoardAgain() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try openStore(dir + "/t.journal")
        try s.perform(lines: [
            "board set id=main start=2027-03-01",
            "day add id=d1", "strip add id=a scene=1 cast=1 pages=1", "day add id=d2", "strip add id=b scene=2 cast=1,2 pages=1",
            "day add id=d3", "strip add id=c scene=3 cast=2 pages=1",
            "crew add id=lead name=Ana castno=1 unavailable=2027-03-03", "crew add id=tom name=Tom castno=2",
            "crew add id=gaffer name=Connor", "kit add id=crane name=Crane",
        ])
        let d = DerivedFigures()
        func check(_ why: String) {
            #expect(Self.rows(d.dayOutOfDays(s.model, board: "main")) == Self.rows(s.model.dayOutOfDays(board: "main")), "\(why)")
            #expect(d.conflicts(s.model, board: "main").map(\.message) == s.model.conflicts(board: "main").map(\.message), "\(why)")
            #expect(d.layout(s.model, board: "main").days.map(\.strips) == s.model.layout(of: "main").days.map(\.strips), "\(why)")
        }
        check("first build")
        #expect(d.builds == 1)
        try s.perform(lines: ["booking add id=bk1 who=gaffer date=2027-03-02 code=SW"]); check("a booking")
        try s.perform(lines: ["booking add id=bk2 who=lead date=2027-03-03 code=T"]); check("a booking on an unavailable day")
        #expect(d.conflicts(s.model, board: "main").contains { $0.message.contains("Ana") })
        try s.perform(lines: ["booking set id=bk1 who=crane"]); check("a booking moved to someone else")
        try s.perform(lines: ["crew set id=lead unavailable=2027-03-05"]); check("unavailability changed")
        try s.perform(lines: ["booking rm id=bk2", "crew set id=gaffer name=\"Connor Byrne\""]); check("removed, renamed")
        #expect(d.builds == 1, "bookings and a person's own record redo rows, not the board")
        #expect(d.rowsRedone >= 5)
        try s.perform(lines: ["strip move id=c day=d1"]); check("a strip moved")
        try s.perform(lines: ["crew set id=tom castno=3"]); check("a cast number changed")
        try s.perform(lines: ["crew rm id=gaffer"]); check("someone removed")
        #expect(d.builds == 4, "a move, a cast number and a removal each build the board again")
    }
}
