import Foundation
import Testing
@testable import CoordModel

/// The call sheet of the demo production's day 2 (Pendeen Watch), with the logistics a
/// coordinator adds the day before: the location record, calls, a safety note and travel.
/// Serialized: one test changes TZ for the process.
@Suite(.serialized) struct CallSheetTests {
    static let logistics = [
        "location add id=pw name=\"Pendeen Watch\" address=\"Pendeen, Penzance TR19 7ED\" parking=\"Lighthouse car park, 6 vehicles\" base=\"Pendeen chapel car park\" contact=\"Alan Rowe\" phone=\"+44 7700 900555\" hospital=\"West Cornwall Hospital\" hospitaladdress=\"St Clare St, Penzance TR18 2PF\" lat=50.1609 lon=-5.6717",
        "day set id=d2 site=pw",
        // The demo's own calls for day 2 (Camera 06:30, Mara 06:00), restated as a coordinator would.
        "call set id=ca1 time=06:30",
        "call set id=ca2 time=06:00 pickup=05:15 note=\"Make-up first\"",
        "safety add day=d2 hazard=\"Stair tower\" risk=\"All crew\" controls=\"Hard hats; 6 max in lamp room\"",
        "travel add who=cr-mara date=2027-03-02 from=Penzance to=\"Pendeen Watch\" how=car pickup=05:15",
    ]

    /// The demo journal, dated for 2027-02-25, with the day-2 logistics added.
    func demo(_ extra: [String] = []) throws -> (ProductionStore, String) {
        let dir = tempDir()
        let path = dir + "/demo.journal"
        try DemoJournal.write(to: path, today: CalendarDate(year: 2027, month: 2, day: 25)!)
        let store = try ProductionStore.open(path: path, create: false, clock: fixedClock, idSeed: 7).0
        try store.perform(lines: CallSheetTests.logistics + extra)
        return (store, dir)
    }

    @Test func headerDayAndScenes() throws {
        let (store, dir) = try demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheet = try #require(store.model.callSheet(day: 2))
        let text = sheet.text(crewCopy: false)
        #expect(text.contains("THE LIGHTHOUSE KEEPER'S DAUGHTER"))
        #expect(text.contains("Saltwater Pictures Ltd"))
        #expect(text.contains("Day 2 of 6"))
        #expect(text.contains("Tuesday 2 March 2027"))
        #expect(text.contains("General crew call  07:00") && text.contains("Estimated wrap     18:00"))
        #expect(sheet.scenes.map(\.scene) == ["4", "5", "6", "13"])
        #expect(sheet.pages.description == "4 4/8")
        #expect(text.split(separator: "\n").contains { $0.contains("Total") && $0.hasSuffix(" 4 4/8") },
                "the total pages under the scenes")
        #expect(text.contains("Tom shows Mara the lens"), "the synopsis under its scene")
        #expect(sheet.contacts.map(\.title) == ["Director", "Producer", "1st AD", "Coordinator"])
        #expect(sheet.contacts.map(\.name) == ["Nkechi Okafor", "Jo Alder", "Ben Trevail", "Siân Pascoe"],
                "the director, not the director of photography or the 1st assistant director")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "80 columns")
    }

    @Test func callsLocationSafetyAndAdvance() throws {
        let (store, dir) = try demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheet = try #require(store.model.callSheet(day: 2))
        let text = sheet.text(crewCopy: false)
        // Cast: Mara (1) with her own call and pick-up; Tom (2) on the general call.
        #expect(sheet.cast.map(\.number) == ["1", "2"])
        let mara = try #require(sheet.cast.first)
        #expect(mara.name == "Lowenna Hart" && mara.call?.description == "06:00" && mara.pickup?.description == "05:15")
        #expect(sheet.cast[1].call?.description == "07:00")
        #expect(text.contains("Lowenna Hart") && text.contains("06:00  05:15"))
        // Crew: the DP is the one booked on 2 March; the Camera department's call applies to her.
        let camera = try #require(sheet.departments.first { $0.name == "Camera" })
        #expect(camera.call?.description == "06:30")
        #expect(camera.people.map(\.name) == ["Zoë Marchetti", "Arjun Mehta", "Holly Jenkin"] && camera.people[0].call?.description == "06:30",
                "the DP is booked; the rest of camera are confirmed for the whole shoot")
        #expect(text.contains("Camera — department call 06:30"))
        #expect(text.contains("West Cornwall Hospital") && text.contains("St Clare St, Penzance TR18 2PF"))
        #expect(text.contains("Stair tower. At risk: All crew. Controls: Hard hats; 6 max in lamp room"))
        #expect(text.contains("Lowenna Hart: Penzance → Pendeen Watch (car); pick-up 05:15"))
        #expect(text.contains("Lamp room holds 6 max"), "the day's notes")
        // The advance schedule is day 3 at Sennen Cove.
        let next = try #require(sheet.advance)
        #expect(next.number == 3 && next.scenes.map(\.scene) == ["1", "8", "9", "10"] && next.pages.description == "2 2/8")
        #expect(text.contains("ADVANCE SCHEDULE: DAY 3 OF 6") && text.contains("Sennen Cove harbour"))
        #expect(sheet.sun?.rise != nil && sheet.sun?.set != nil)
        #expect(text.contains("Sunrise") && text.contains("Sunset"))
    }

    @Test func crewWithNoBookingsAreOnEveryDayAndDayPlayersOnlyOnTheirs() throws {
        let (store, dir) = try demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The gaffer is booked on days 4 and 5 only; the DP's day 2 booking goes.
        try store.perform(lines: ["booking rm id=bk10"])
        let sheet = try #require(store.model.callSheet(day: 2))
        let names = sheet.departments.flatMap { $0.people.map(\.name) }
        #expect(names.contains("Jo Alder") && !names.contains("Priya Shah"),
                "confirmed crew with no bookings are on every day (not the released spark)")
        #expect(!names.contains("Zoë Marchetti") && !names.contains("Connor Burke"), "booked crew only on their booked days")
        #expect(try #require(store.model.callSheet(day: 4)).departments.flatMap { $0.people.map(\.name) }.contains("Connor Burke"))
        #expect(!names.contains("Lowenna Hart"), "cast are in the cast calls")
        let order = sheet.departments.map(\.name)
        #expect(order == order.sorted { Choices.departmentRank($0) < Choices.departmentRank($1) })
        #expect(order.first == "Production")
    }

    @Test func personalDetailsOnlyOnTheCrewCopy() throws {
        let (store, dir) = try demo(["crew set id=cr-mara address=\"4 Chapel St, Penzance\" dietary=\"Vegan, nut allergy\""])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheet = try #require(store.model.callSheet(day: 2))
        for (copy, crew) in [(sheet.text(crewCopy: false), false), (sheet.markdown(crewCopy: false), false),
                             (sheet.html(crewCopy: false), false), (sheet.text(crewCopy: true), true),
                             (sheet.markdown(crewCopy: true), true), (sheet.html(crewCopy: true), true)] {
            #expect(copy.contains("+44 7700 900301") == crew, "Mara's phone")
            #expect(copy.contains("+44 7700 900110") == crew, "the director's phone (a key contact)")
            #expect(copy.contains("+44 7700 900555") == crew, "the location contact's phone")
            #expect(copy.contains("lowenna.hart@example.co.uk") == crew)
            #expect(copy.contains("4 Chapel St, Penzance") == crew)
            if !crew { #expect(!copy.contains("+44 7700 9"), "no phone numbers at all on the general copy") }
            #expect(!copy.contains("nut allergy"), "dietary needs never")
        }
    }

    @Test func htmlIsSelfContainedAndPrintable() throws {
        let (store, dir) = try demo(["safety add day=d2 hazard=\"<script>alert('x')</script> & \\u{1b}[31m\" risk=crew"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheet = try #require(store.model.callSheet(day: 2))
        let html = sheet.html(crewCopy: true)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"))
        #expect(!html.lowercased().contains("http"), "no external resources")
        #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("<script>"))
        #expect(html.contains("@page { size: A4; margin: 12mm; }"))
        #expect(html.contains("page-break-inside: avoid"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; ␛[31m"))
        #expect(html.contains("Day 2 of 6") && html.contains("West Cornwall Hospital"))
        let text = sheet.text(crewCopy: false), md = sheet.markdown(crewCopy: false)
        #expect(!text.contains("\u{1b}") && text.contains("␛[31m"), "control characters inert in text")
        #expect(!md.contains("\u{1b}") && md.contains("\\<script\\>"), "and in Markdown, escaped")
        #expect(md.contains("## Scenes") && md.contains("| Sc | I/E | Set | D/N | Pages | Cast | Synopsis |"))
    }

    @Test func hostileTextNeverReachesTheSheetRaw() throws {
        let (store, dir) = try demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for h in hostileStrings {
            let q = LineGrammar.quote(h)
            try store.perform(lines: ["production set title=\(q)", "strip set id=s4 set=\(q) synopsis=\(q)",
                                      "day set id=d2 notes=\(q)", "location set id=pw name=\(q) hospital=\(q)",
                                      "crew set id=cr-dp name=\(q) role=\(q)"])
            let sheet = try #require(store.model.callSheet(day: 2))
            for out in [sheet.text(crewCopy: true), sheet.markdown(crewCopy: true), sheet.html(crewCopy: true)] {
                let raw = out.unicodeScalars.filter { $0 != "\n" && $0.value != 0x200D && LineGrammar.needsEscape($0) }
                #expect(raw.isEmpty, "\(h.debugDescription): \(raw.map { String($0.value, radix: 16) })")
            }
            let html = sheet.html(crewCopy: false)
            #expect(!html.contains("\"hello\"") && !html.contains("'single'"), "quotes are entities in HTML")
        }
    }

    @Test func issuingAndOutOfDate() throws {
        let (store, dir) = try demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fresh = try #require(store.model.callSheet(day: 2))
        #expect(fresh.issued == nil && fresh.text(crewCopy: false).contains("Not issued"))
        #expect(fresh.fingerprint.count == 16 && fresh.fingerprint.allSatisfy(\.isHexDigit))
        #expect(fresh.issueCommand == "callsheet add day=d2 version=1 hash=\(fresh.fingerprint)")
        // What `coord callsheet --issue` does.
        try store.perform(lines: [fresh.issueCommand])
        let issued = try #require(store.model.callSheet(day: 2))
        #expect(issued.fingerprint == fresh.fingerprint, "issuing does not change the fingerprint")
        #expect(issued.issued == CallSheet.Issue(version: 1, hash: fresh.fingerprint, outOfDate: false))
        #expect(issued.text(crewCopy: false).contains("Issued version 1"))
        #expect(try #require(store.model.callSheet(day: 3)).issued == nil, "an issue is per day")
        try store.perform(lines: ["day set id=d2 call=07:30"])
        let changed = try #require(store.model.callSheet(day: 2))
        #expect(changed.issued?.outOfDate == true)
        #expect(changed.text(crewCopy: false).contains("Version 1 issued — OUT OF DATE: changed since"))
        #expect(changed.html(crewCopy: false).contains("OUT OF DATE"))
        #expect(changed.nextVersion == 2)
        try store.perform(lines: [changed.issueCommand])
        let reissued = try #require(store.model.callSheet(day: 2))
        #expect(reissued.issued?.version == 2 && reissued.issued?.outOfDate == false)
        #expect(reissued.text(crewCopy: false).contains("Issued version 2"))
    }

    @Test func dayNumbersOutOfRange() throws {
        let (store, dir) = try demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(store.model.callSheet(day: 0) == nil && store.model.callSheet(day: 7) == nil)
        let last = try #require(store.model.callSheet(day: 6))
        #expect(last.advance == nil && last.text(crewCopy: false).contains("Last shoot day"))
        #expect(try #require(store.model.callSheet(day: 1)).site.name == "Keeper's cottage",
                "no location record: the day's location text")
    }

    @Test func sunriseAndSunsetInTheLocalTimeZone() throws {
        let saved = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", "Europe/London", 1); tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let march1 = CalendarDate(year: 2027, month: 3, day: 1)!
        let (rise, set) = SolarTimes.riseAndSet(date: march1, latitude: 50.1186, longitude: -5.5372)
        // Penzance, 1 March 2027: sunrise 07:06, sunset 18:04 (GMT). Solar noon there is about
        // 12:34 GMT (5.54° west: 22 minutes; the equation of time in early March: 12 more), so
        // rise and set lie either side of it; the demo's own notes give sunset 18:02 at Pendeen.
        #expect(abs(try #require(rise).minutes - (7 * 60 + 6)) <= 1)
        #expect(abs(try #require(set).minutes - (18 * 60 + 4)) <= 1)
        // London the same day, for a place everyone can look up: 06:46 and 17:40.
        let london = SolarTimes.riseAndSet(date: march1, latitude: 51.5074, longitude: -0.1278)
        let (londonRise, londonSet) = (try #require(london.0), try #require(london.1))
        #expect(abs(londonRise.minutes - (6 * 60 + 46)) <= 2 && abs(londonSet.minutes - (17 * 60 + 40)) <= 2)
        // After the clocks go forward (28 March 2027) the same place reads in BST.
        let april = SolarTimes.riseAndSet(date: CalendarDate(year: 2027, month: 4, day: 1)!, latitude: 50.1186, longitude: -5.5372)
        let (aprilRise, aprilSet) = (try #require(april.0), try #require(april.1))
        #expect(abs(aprilRise.minutes - (6 * 60 + 59)) <= 1 && abs(aprilSet.minutes - (19 * 60 + 54)) <= 1, "BST")
        // Above the Arctic circle in midwinter the sun does not rise.
        let polar = SolarTimes.riseAndSet(date: CalendarDate(year: 2027, month: 12, day: 21)!, latitude: 78.22, longitude: 15.65)
        #expect(polar.0 == nil && polar.1 == nil)
        // The same instant in another zone reads differently: the time zone is the machine's.
        setenv("TZ", "America/New_York", 1); tzset()
        let ny = SolarTimes.riseAndSet(date: march1, latitude: 50.1186, longitude: -5.5372)
        let (nyRise, gmtRise) = (try #require(ny.0), try #require(rise))
        #expect(nyRise.minutes == gmtRise.minutes - 5 * 60)
    }

    @Test func fingerprintIsFNV1a64() {
        #expect(CallSheet.fnv1a64("") == "cbf29ce484222325")
        #expect(CallSheet.fnv1a64("a") == "af63dc4c8601ec8c")
    }
}
