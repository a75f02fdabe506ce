import Testing
@testable import CoordModel

/// The clearance tracker as a delivery would test it: the cue sheet's arithmetic, deadlines,
/// rights granted against asked, fees committed to the budget, and flags on strips.
@Suite struct ClearanceTests {
    static let demoToday = DemoJournal.writtenFor
    static func demo() throws -> Model { try JournalReader.replay(DemoJournal.bytes, path: "demo").model }

    @Test func timecodeIsReadAtTheProductionsFrameRate() throws {
        #expect(Timecode.frames("00:14:32:10", base: 25) == (14 * 60 + 32) * 25 + 10)
        #expect(Timecode.text(21810, base: 25) == "00:14:32:10")
        #expect(Timecode.frames("00:00:01:24", base: 24) == nil && Timecode.frames("00:00:01:24", base: 25) == 49)
        for bad in ["1:2:3:4", "00:60:00:00", "00:00:00", "00:00:00:00:00", "aa:bb:cc:dd", ""] {
            #expect(Timecode.frames(bad, base: 25) == nil, "\(bad)")
        }
        #expect(Timecode.minutes(25 * 92 + 15, base: 25) == "1:33" && Timecode.minutes(25 * 92 + 12, base: 25) == "1:32")
        var m = try BudgetTests.model(["clearance add id=c1 title=Song type=music tcin=00:01:00:00 tcout=00:02:00:00"])
        #expect(m.clearances["c1"]?.type == "sync", "music is the song (sync) unless it says master")
        #expect(BudgetTests.refusal(m, "clearance set id=c1 tcin=1:00:00")?.contains("is not a timecode (HH:MM:SS:FF, frames 00-24 at 25 fps)") == true)
        #expect(BudgetTests.refusal(m, "clearance set id=c1 tcout=00:00:30:00") == "tcout 00:00:30:00 is before tcin 00:01:00:00")
        m = try BudgetTests.model(["production set fps=23.98"], into: m)
        #expect(m.production.fps == "23.976" && m.production.timecodeBase == 24)
        #expect(BudgetTests.refusal(m, "clearance set id=c1 tcout=00:02:00:24")?.contains("frames 00-23 at 23.976 fps") == true)
    }

    @Test func theDemoCueSheetSumsItsDurations() throws {
        let m = try Self.demo()
        let cues = m.cueSheet()
        #expect(cues.map(\.cue) == ["0M1", "1M1", "3M1"], "in timecode order")
        #expect(cues[1].title == "The Keeper's Lament" && cues[1].publisher == "Halyard Music Publishing" && cues[1].label == "Saltings Records")
        #expect(cues[1].status == "quoted + requested", "sync and master are tracked separately")
        let table = m.cueSheetReport()
        #expect(table.rows.map { $0[9] } == ["1:12", "1:33", "1:02", "3:47"])
        // 1:12:00 + 1:32:15 + 1:02:12 = 3:47:02 at 25 fps.
        let total: Int = cues.compactMap(\.frames).reduce(0, +)
        let expected: Int = 1800 + 2315 + 1562
        #expect(total == expected)
    }

    @Test func deadlinesCountOverdueAndExpiringItems() throws {
        let m = try Self.demo()
        #expect(m.overdueClearances(today: Self.demoToday).map(\.id.raw) == ["cl01", "cl02", "cl10"])
        #expect(m.expiringClearances(today: Self.demoToday).map(\.id.raw) == ["cl07"], "permission lapses 15 Apr, within 90 days")
        let later = try BudgetTests.model(["production set expirywarning=30"], into: m)
        #expect(later.expiringClearances(today: Self.demoToday).isEmpty)
        let report = m.clearancesReport(today: Self.demoToday)
        let flags = Dictionary(uniqueKeysWithValues: report.rows.map { ($0[0], $0[14]) })
        #expect(flags["cl01"] == "OVERDUE" && flags["cl07"] == "EXPIRING")
        #expect(flags["cl04"] == "NARROWER: media: Festivals and online (asked All media)")
        #expect(flags["cl16"] == "", "granted as asked")
        #expect(m.clearancesReport(status: "cleared", today: Self.demoToday).rows.allSatisfy { $0[5] == "cleared" })
    }

    @Test func narrowerRightsAreFlaggedOnlyWhenTheyAre() throws {
        func flags(_ asked: String, _ got: String) throws -> [String] {
            try BudgetTests.model(["clearance add id=c title=X status=cleared \(asked) \(got)"]).clearances["c"]!.narrowerRights
        }
        #expect(try flags("territory=World", "gterritory=UK") == ["territory: UK (asked World)"])
        #expect(try flags("territory=UK", "gterritory=World").isEmpty, "wider is fine")
        #expect(try flags("term=\"10 years\"", "gterm=\"5 years\"") == ["term: 5 years (asked 10 years)"])
        #expect(try flags("term=\"5 years\"", "gterm=Perpetuity").isEmpty)
        #expect(try flags("exclusivity=exclusive", "gexclusivity=non").count == 1)
        #expect(try flags("media=\"All media\"", "gmedia=\"all media\"").isEmpty, "same words, any case")
    }

    @Test func anAgreedFeeIsCommittedToItsAccountUntilTheLicensorsInvoice() throws {
        var m = try BudgetTests.model(BudgetTests.chart + [
            "clearance add id=c1 title=Song type=sync scenes=12 fee=450 account=2100 po=PO-9 status=quoted",
            "strip add id=s12 scene=12",
        ])
        #expect(m.costReport(periodEnd: nil, today: BudgetTests.day).account("2100")?.figures.committed == .zero, "a quote commits nothing")
        #expect(m.unclearedByScene()["12"]?.map(\.id) == ["c1"])
        m = try BudgetTests.model(["clearance set id=c1 status=cleared"], into: m)
        #expect(m.costReport(periodEnd: nil, today: BudgetTests.day).account("2100")?.figures.committed == Money(minor: 45_000))
        #expect(m.unclearedByScene()["12"] == nil, "the strip's flag goes")
        m = try BudgetTests.model(["cost add account=2100 amount=450 po=PO-9 invoice=H-1"], into: m)
        let f = try #require(m.costReport(periodEnd: nil, today: BudgetTests.day).account("2100")?.figures)
        #expect(f.committed == .zero && f.actual == Money(minor: 45_000), "the invoice relieves it: never counted twice")
        #expect(BudgetTests.refusal(try BudgetTests.model(["cost add account=2100 amount=1 po=PO-1 kind=po"], into: m),
                                    "clearance set id=c1 po=PO-1")?.contains("PO PO-1 is already open") == true)
    }

    @Test func aMinorsReleaseNeedsAChaperoneAndTheLicence() throws {
        let m = try BudgetTests.model(["clearance add id=r1 title=\"Release - child\" type=release minor=yes"])
        #expect(BudgetTests.refusal(m, "clearance set id=r1 status=cleared")?.hasPrefix("a minor's release is cleared only with a chaperone") == true)
        #expect(BudgetTests.refusal(m, "clearance set id=r1 status=cleared chaperone=\"M Hosking\" document=CPL-1") == nil)
    }

    @Test func theLogTakesDatedLinesForALiveClearance() throws {
        let m = try BudgetTests.model(["clearance add id=c1 title=Song", "log add item=c1 text=\"emailed licensor\"",
                                       "log add item=c1 date=2027-03-01 text=\"quote received 450.00\""])
        #expect(m.log(of: "c1").map(\.text) == ["quote received 450.00", "emailed licensor"], "oldest first")
        #expect(m.log(of: "c1").last?.date == BudgetTests.day, "dated today unless it says")
        #expect(BudgetTests.refusal(m, "log add item=nope text=x") == "item: no clearance with id nope")
        #expect(BudgetTests.refusal(m, "log add item=c1")?.contains("text is required") == true)
    }
}
