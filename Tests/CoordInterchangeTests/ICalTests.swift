import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

@Suite struct ICalTests {
    static let feb25 = CalendarDate(year: 2027, month: 2, day: 25)!

    func text(_ m: Model, clock: Clock = .fixed(feb25)) throws -> String {
        String(decoding: try ICal.export(m, clock: clock).bytes, as: UTF8.self)
    }

    /// Content lines as a calendar reads them: CRLF + space joins a folded line back up.
    func unfolded(_ s: String) -> [String] {
        s.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    func values(_ s: String, _ name: String) -> [String] {
        unfolded(s).filter { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
            .map { String($0[$0.index(after: $0.firstIndex(of: ":")!)...]) }
    }

    @Test func oneEventPerShootDayOfTheActiveBoard() throws {
        let demo = try USSFixtures.demo
        let e = try ICal.export(demo, clock: .fixed(ICalTests.feb25))
        let s = String(decoding: e.bytes, as: UTF8.self)
        #expect(e.events == 6)
        #expect(s.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == 6)
        #expect(s.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(s.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(values(s, "SUMMARY").first == "Day 1 of 6 — The Lighthouse Keeper's Daughter")
        #expect(values(s, "SUMMARY").last == "Day 6 of 6 — The Lighthouse Keeper's Daughter")
        // The location's commas are escaped; the description lists the day's scenes.
        #expect(values(s, "LOCATION").first == #"Keeper's cottage\, Trewellard\, Pendeen"#)
        let description = try #require(values(s, "DESCRIPTION").first)
        #expect(description.contains(#"Sc 2 · INT · Keeper's cottage - kitchen · DAY · 1 6/8 pgs · cast 1\,2\n"#))
        #expect(description.contains(#"Sc 12A · INT · Keeper's cottage - stairs · NIGHT · 3/8 pgs"#))
    }

    @Test func linesEndInCRLFAndAreFoldedAt75Octets() throws {
        let s = try text(try USSFixtures.demo)
        let bytes = Array(s.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for (i, b) in bytes.enumerated() where b == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A) }
        let physical = s.components(separatedBy: "\r\n")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.contains { $0.hasPrefix(" ") }, "the demo's descriptions are long enough to fold")
    }

    @Test func foldingNeverSplitsAUTF8Sequence() {
        let line = "DESCRIPTION:" + String(repeating: "Zoë 🎬 Müller — ", count: 20)
        let folded = ICal.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        for (i, p) in physical.enumerated() {
            #expect(p.utf8.count <= 75)
            #expect(String(validating: Array(p.utf8), as: UTF8.self) != nil)
            if i > 0 { #expect(p.hasPrefix(" ")) }
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        // Exactly 75 octets stays one line; 76 folds.
        #expect(ICal.fold(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75))
        #expect(ICal.fold(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a")
        // A 4-octet character that would cross octet 75 moves whole to the next line.
        let edge = ICal.fold(String(repeating: "a", count: 73) + "🎬")
        #expect(edge == String(repeating: "a", count: 73) + "\r\n 🎬")
    }

    @Test func textIsEscaped() {
        #expect(ICal.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICal.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICal.escape("tab\tkept, bell\u{7} and esc\u{1B} dropped") == "tab\tkept\\, bell and esc dropped")
        #expect(ICal.escape("Zoë 🎬") == "Zoë 🎬")
    }

    @Test func uidsAreStableAcrossExportsAndUniquePerDay() throws {
        let demo = try USSFixtures.demo
        let early = try text(demo, clock: .fixed(ICalTests.feb25, hour: 9))
        let later = try text(demo, clock: .fixed(CalendarDate(year: 2027, month: 3, day: 2)!, hour: 18))
        let uids = values(early, "UID")
        #expect(uids.count == 6 && Set(uids).count == 6)
        #expect(values(later, "UID") == uids)
        #expect(values(early, "DTSTAMP") != values(later, "DTSTAMP"))
        #expect(values(early, "DTSTAMP").first == "20270225T090000Z")
        // The UID names the shoot day and the production.
        #expect(uids.first?.hasPrefix("d1-") == true && uids.first?.hasSuffix("@coord") == true)
        var renamed = demo.production
        renamed.title = "Another film"
        #expect(ICal.uid(day: "d1", production: renamed) != uids.first)
        // A day moved in the running order keeps its UID.
        let moved = try USSFixtures.journal(DemoJournal.text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
            + ["day move id=d6 before=d1"])
        #expect(Set(values(try text(moved), "UID")) == Set(uids))
    }

    @Test func callAndWrapGiveTheTimesAndANightShootEndsNextDay() throws {
        let s = try text(try USSFixtures.demo)
        #expect(values(s, "DTSTART").first == "20270301T080000")
        #expect(values(s, "DTEND").first == "20270301T183000")
        // Day 5: call 16:00, wrap 03:00.
        #expect(values(s, "DTSTART")[4] == "20270305T160000")
        #expect(values(s, "DTEND")[4] == "20270306T030000")
        // Floating local time: no TZID, no Z.
        #expect(!unfolded(s).contains { $0.hasPrefix("DTSTART") && ($0.contains("TZID") || $0.hasSuffix("Z")) })
    }

    @Test func aDayWithNoCallIsAllDayAndUndatedDaysAreLeftOut() throws {
        let m = try USSFixtures.journal([
            "production set title=\"Short; one, two\"",
            "board set id=main start=2027-06-07",
            "day add id=a1 board=main location=\"Studio 1\"",
            "day add id=a2 board=main call=07:00",
            "board add id=b2 name=Loose",
            "day add id=a3 board=b2",
            "day add id=a4 board=b2 date=2027-06-10 call=06:00 wrap=17:00",
        ])
        let s = try text(m)
        #expect(unfolded(s).contains("DTSTART;VALUE=DATE:20270607"))
        #expect(unfolded(s).contains("DTEND;VALUE=DATE:20270608"))
        // A call with no wrap: a start and no end.
        #expect(unfolded(s).contains("DTSTART:20270608T070000"))
        #expect(values(s, "DTEND").count == 1)
        #expect(values(s, "SUMMARY") == [#"Day 1 of 2 — Short\; one\, two"#, #"Day 2 of 2 — Short\; one\, two"#])
        // Another board made active: its undated day is left out, with a note.
        let loose = try USSFixtures.journal([
            "board add id=b2 name=Loose active=yes",
            "day add id=a3 board=b2",
            "day add id=a4 board=b2 date=2027-06-10 call=06:00 wrap=17:00",
        ])
        let e = try ICal.export(loose, clock: .fixed(ICalTests.feb25))
        #expect(e.events == 1)
        #expect(e.notes.contains { $0.contains("shoot day 1 of Loose has no date") })
        #expect(values(String(decoding: e.bytes, as: UTF8.self), "SUMMARY") == ["Day 2 of 2"])
    }

    @Test func nothingToExportIsAnError() throws {
        #expect(throws: ScheduleExportError.self) { try ICal.export(Model()) }
        let undated = try USSFixtures.journal(["day add id=x board=main"])
        do {
            _ = try ICal.export(undated)
            Issue.record("an undated board exported")
        } catch {
            #expect(error.message.contains("board set id=main start=YYYY-MM-DD"))
        }
    }
}
