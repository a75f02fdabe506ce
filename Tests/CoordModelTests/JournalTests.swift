import Foundation
import Testing
@testable import CoordModel

@Suite struct JournalTests {
    /// One example of every verb on every noun, with hostile text in the text fields.
    static func everyVerb(_ hostile: String) -> [String] {
        let q = LineGrammar.quote(hostile)
        return [
            "production set title=\(q) company=\(q) currency=gbp start=2027-02-01 end=2027-03-31",
            "day add id=d1 date=2027-03-01 location=\(q) call=07:00 wrap=19:00 notes=\(q)",
            "day add id=d2 date=2027-03-02 unit=\"2nd unit\"",
            "strip add id=s1 day=d1 scene=12A ie=I dn=N pages=\"3 4/8\" set=\(q) synopsis=\(q) cast=1,2",
            "strip add id=s2 day=2027-03-02 scene=13",
            "strip set id=s1 day=d2 pages=4/8 notes=\(q)",
            "strip set id=s1 shot=done",
            "strip set id=s2 shot=complete day=d1",
            "strip set id=s1 shot=part shotday=2027-03-01",
            "progress add id=pr1 day=d1 crewcall=07:00 firstshot=0752 lunch=13:00 lunchend=14:00 camerawrap=18:20 unitwrap=01:10 setups=23 minutes=4 delays=\(q) incidents=\(q) notes=\(q)",
            "progress set id=pr1 day=2027-03-02 setups=+24 notes=\"\"",
            "progress add id=pr2 day=d1 note=\(q)",
            "progress rm id=pr2",
            "strip set id=s2 shot=\"\"",
            "crew add id=c1 name=\(q) role=\(q) dept=lighting phone=\"+44 7700 900123\" email=a@example.com rate=1,250",
            "crew set id=c1 status=conf rate=\"\"",
            "category add id=g1 code=2000 name=\(q) line=above",
            "account add id=a1 code=2100 category=\(q) description=\(q) budget=12000",
            "budget add id=bl1 account=2100 description=\(q) qty=2.5 unit=\(q) x=2 rate=450 fringe=13.8%",
            "account add id=a2 code=2200 description=Grip",
            "cost add id=k1 date=2027-02-01 account=2100 vendor=\(q) description=\(q) amount=£1,250.50 po=\(q) invoice=INV-1 kind=po",
            "cost add id=k2 date=2027-02-02 account=2200 amount=10",
            "cost set id=k1 kind=actual amount=1300",
            "account set id=a1 code=2150 budget=13000",
            "cost rm id=k2",
            "account rm id=a2",
            "approval add id=ap1 by=\(q) date=2027-02-05 note=\(q)",
            "transfer add id=bt1 date=2027-02-06 from=2150 amount=100 reason=\(q) by=\(q)",
            "etc add id=e1 account=2150 amount=50 reason=\(q) date=2027-02-10",
            "cost add id=k3 date=2027-02-03 account=2150 amount=100 currency=usd rate=0.79 vat=20 paid=y approved=\(q)",
            "cost add id=k4 date=2027-02-04 account=2150 amount=900 po=PO-9 kind=commitment",
            "cost set id=k4 closed=yes",
            "clearance add id=q1 title=\(q) type=archive licensor=\(q) contact=\(q) status=quote fee=450 media=\(q) territory=World term=\(q) due=2027-02-20 expiry=2030-01-01 notes=\(q)",
            "clearance set id=q1 status=cleared",
            "clearance rm id=q1",
            "board add id=b2 name=\(q) start=2027-03-01 daysoff=sat,sunday",
            "board set id=b2 active=yes",
            "calendar add id=h1 date=2027-03-03 kind=\"bank holiday\" name=\(q)",
            "day add id=d3 location=\(q)",
            "day add id=d4 before=d3 notes=\(q)",
            "strip move id=s1 day=d3",
            "strip move id=s1 board=b2 after=d4",
            "strip move id=s1 board=b2 boneyard=yes",
            "day move id=d3 before=d4",
            "board set id=main active=yes",
            "banner add id=n1 text=\(q) kind=lunch after=d1",
            "banner move id=n1 before=d1",
            "kit add id=t1 name=\(q) category=grip supplier=\(q)",
            "booking add id=bk1 who=t1 date=2027-03-01 code=start",
            "booking set id=bk1 code=W notes=\(q)",
            "booking add id=bk2 who=c1 date=2027-03-01 code=H",
            "crew set id=c1 castno=1 hold=drop dropdays=3 unavailable=2027-03-05,2027-03-04",
            "production set rest=\"10+1\" maxday=12",
            "booking rm id=bk1",
            "kit rm id=t1",
            "calendar rm id=h1",
            "board rm id=b2",
            "strip rm id=s2",
            "day rm id=d2",
            "crew rm id=c1",
        ]
    }

    @Test(arguments: hostileStrings)
    func everyVerbRoundTripsThroughTheCodec(_ hostile: String) throws {
        var model = Model()
        var n = 0
        for text in Self.everyVerb(hostile) {
            let cmd = try #require(try LineGrammar.parse(text))
            let event = try model.validate(cmd, context: ValidationContext(today: nil)) { n += 1; return RecordID("g\(n)") }
            // The canonical line reads back to the same event against the same model.
            let again = try model.validate(try #require(try LineGrammar.parse(event.line)), context: .replay) { RecordID("x") }
            #expect(again == event, "\(event.line)")
            model.apply(event)
        }
        #expect(model.production.title == hostile.trimmingWhitespace())
        #expect(model.accounts.values.map(\.code) == ["2150"])
        #expect(model.costs.values.first?.account == "2150", "costs follow their account's new code")
        #expect(model.budgetLines["bl1"]?.account == "2150" && model.accounts["a1"]?.category == "2000")
        #expect(model.budgetLines["bl1"]?.total == Money(minor: 256_050), "2.5 x 2 x 450.00 + 13.8%")
        #expect(model.costs["k3"]?.homeAmount == Money(minor: 7900))
        #expect(model.layout(of: "main").dayOfStrip["s1"] == 0, "a removed day break joins its strips to the day before")
        #expect(model.layout(of: "main").entries.first == .banner("n1"))
        #expect(model.boards["main"]?.isActive == true && model.boards["b2"] == nil)
        #expect(model.kit.isEmpty && model.bookings.isEmpty && model.calendar.isEmpty)
        #expect(model.crew.isEmpty && model.clearances.isEmpty)
        #expect(model.usedIDs.contains("c1"), "removed ids stay used")
        #expect(model.progress["pr1"]?.day == "d2" && model.progress["pr1"]?.setups == "24" && model.progress["pr2"] == nil)
        #expect(model.strips["s1"]?.shot == "part" && model.strips["s1"]?.shotDay == "d1")
    }

    @Test func replayRebuildsTheSameModel() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/p.journal"
        let store = try openStore(path)
        for line in Self.everyVerb("Zoë \"Z\" Müller") { try store.perform(lines: [line]) }
        try store.perform(lines: ["crew add name=Again dept=Camera", "cost add account=2150 amount=5"])
        let again = try openStore(path)
        #expect(again.model.crew == store.model.crew)
        #expect(again.model.costs == store.model.costs)
        #expect(again.model.accounts == store.model.accounts)
        #expect(again.model.strips == store.model.strips)
        #expect(again.model.days == store.model.days)
        #expect(again.model.production == store.model.production)
        #expect(again.model.usedIDs == store.model.usedIDs)
    }

    @Test func newJournalHasHeaderAndOwnerOnlyMode() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/new.journal"
        let store = try openStore(path)
        try store.perform(lines: [#"crew add name="Zoë Müller" role="1st AC" dept=Camera"#])
        let text = readText(path)
        #expect(text.hasPrefix("# coord journal v1\n"))
        let line = text.split(separator: "\n")[1]
        #expect(line.hasPrefix(#"crew add id="#))
        #expect(line.contains(#"name="Zoë Müller" role="1st AC" dept=Camera status=pencilled # 2027-02-25T12:00:00Z"#))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aBatchIsAllOrNothing() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/b.journal"
        let store = try openStore(path)
        try store.perform(lines: ["crew add name=One"])
        let before = readText(path)
        #expect(throws: StoreError.self) {
            try store.perform(lines: ["crew add name=Two", "crew add role=nameless", "crew add name=Three"])
        }
        #expect(readText(path) == before)
        #expect(store.model.crew.count == 1)
        do {
            try store.perform(lines: ["crew add name=Two", "cost add account=9999 amount=1"])
        } catch {
            #expect(error.index == 1)
            #expect(error.description.contains("no account with code 9999"))
        }
    }

    @Test func tornLastLineIsSetAsideNotApplied() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/t.journal"
        writeText(path, "# coord journal v1\ncrew add id=a1 name=Whole\ncrew add id=a2 name=\"Cut sh")
        let loaded = try JournalReader.replay(Array(readText(path).utf8), path: path)
        #expect(loaded.torn?.line == 3)
        #expect(loaded.model.crew.count == 1)
        let (store, warnings) = try ProductionStore.open(path: path, clock: fixedClock)
        #expect(warnings.count == 1 && warnings[0].contains("t.journal:3"))
        #expect(store.model.crew.count == 1)
        #expect(readText(path) == "# coord journal v1\ncrew add id=a1 name=Whole\n")
        #expect(readText(path + ".torn").contains("crew add id=a2 name=\"Cut sh"))
        try store.perform(lines: ["crew add name=Next"])
        let reopened = try openStore(path)
        #expect(reopened.model.crew.count == 2)
    }

    @Test func badLineStopsTheOpenWithItsLineAndColumn() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bad.journal"
        let good = "# coord journal v1\ncrew add id=a1 name=A\n"
        writeText(path, good + "crew add id=a2 name=B colour=red\ncrew add id=a3 name=C\n")
        #expect {
            _ = try ProductionStore.open(path: path, clock: fixedClock)
        } throws: { error in
            (error as? JournalError)?.description.hasPrefix("\(path):3:23: crew has no field 'colour'") == true
        }
        // Nothing was written to the journal it could not read.
        #expect(readText(path) == good + "crew add id=a2 name=B colour=red\ncrew add id=a3 name=C\n")
        writeText(path, good + "garbage\n")
        #expect(throws: JournalError.badLine(path: path, line: 3, column: 8, message: "'garbage' needs a verb (add, set, move or rm)")) {
            _ = try JournalReader.replay(Array(readText(path).utf8), path: path)
        }
    }

    @Test func journalsItCannotReadAreRefused() throws {
        let notJournal = Array("hello\n".utf8)
        #expect(throws: JournalError.self) { _ = try JournalReader.replay(notJournal, path: "x") }
        let newer = Array("# coord journal v2\n".utf8)
        #expect(throws: JournalError.newerFormat(path: "x", version: 2)) { _ = try JournalReader.replay(newer, path: "x") }
        let addWithoutID = Array("# coord journal v1\ncrew add name=X\n".utf8)
        #expect(throws: JournalError.self) { _ = try JournalReader.replay(addWithoutID, path: "x") }
        let relative = Array("# coord journal v1\nday add id=d1 date=today\n".utf8)
        #expect(throws: JournalError.self) { _ = try JournalReader.replay(relative, path: "x") }
        let binary: [UInt8] = Array("# coord journal v1\ncrew add id=a name=".utf8) + [0xFF, 0xFE, 0x0A]
        #expect(throws: JournalError.self) { _ = try JournalReader.replay(binary, path: "x") }
    }

    @Test func rulesThatProtectData() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try openStore(dir + "/r.journal")
        try store.perform(lines: ["account add id=a1 code=2100 description=Camera", "cost add id=k1 account=2100 amount=1"])
        #expect(store.model.costs["k1"]?.date?.description == "2027-02-25", "a cost without a date is dated today, explicitly")
        let cases: [(String, String)] = [
            ("account rm id=a1", "has 1 cost entry"),
            ("account add code=2100 description=Again", "already used"),
            ("crew add id=a1 name=X", "already used"),
            ("crew set id=k1 name=X", "is a cost, not a crew"),
            ("cost rm id=nope", "no cost with id nope"),
            ("crew set id=zz name=X", "no crew with id zz"),
            ("crew set name=X", "needs id="),
            ("production add title=X", "production takes set"),
            ("crew add name=X email=not-an-email", "not an email"),
            ("day add date=2027-13-01", "not a real date"),
            ("strip add scene=1 day=2027-03-09", "no shoot day on 2027-03-09"),
            ("cost add account=2100 amount=1,25", "ambiguous"),
            ("crew add name=\"\"", "name is required"),
        ]
        for (line, words) in cases {
            #expect {
                try store.perform(lines: [line])
            } throws: { error in
                (error as? StoreError)?.description.contains(words) == true
            }
        }
        try store.perform(lines: ["cost rm id=k1"])
        #expect {
            try store.perform(lines: ["cost add id=k1 account=2100 amount=1"])
        } throws: { ($0 as? StoreError)?.description.contains("never reused") == true }
    }

    @Test func twoWritersSeeEachOtherAndNeverClash() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/shared.journal"
        let a = try openStore(path)
        try a.perform(lines: ["crew add id=p1 name=Pat dept=Camera"])
        let b = try openStore(path)
        try a.perform(lines: ["crew add id=p2 name=Sam"])
        #expect(try b.catchUp().changes == 1)
        #expect(b.model.crew["p2"]?.name == "Sam")
        // A removes what B is about to edit: B's edit is checked against the journal as it is now.
        try a.perform(lines: ["crew rm id=p1"])
        #expect {
            try b.perform(lines: ["crew set id=p1 role=DP"])
        } throws: { ($0 as? StoreError)?.description.contains("crew p1 was removed") == true }
        try b.perform(lines: ["crew add id=p3 name=Lee"])
        #expect(try a.catchUp().changes == 1)
        let replayed = try openStore(path)
        #expect(replayed.model.crew.keys.elements == ["p2", "p3"])
    }

    @Test func aJournalReplacedOnDiskIsReadAgainNotWrittenBlind() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/pulled.journal"
        let store = try openStore(path)
        try store.perform(lines: ["crew add id=p1 name=Mine"])
        // What `git pull` or an editor does: write a new file and rename it over the old one.
        writeText(path + ".new", readText(path) + "crew add id=p2 name=Colleague\n")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".new", toPath: path)
        try store.perform(lines: ["crew add id=p3 name=AfterPull"])
        let reread = try openStore(path)
        #expect(reread.model.crew.keys.elements == ["p1", "p2", "p3"])
        #expect(store.model.crew.count == 3)
    }

    @Test func aJournalMovedAwayRefusesSavesUntilItIsBack() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/away.journal"
        let store = try openStore(path)
        try store.perform(lines: ["crew add id=p1 name=Before"])
        try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
        #expect {
            try store.perform(lines: ["crew add id=p2 name=WhileAway"])
        } throws: { ($0 as? StoreError)?.description.contains("moved or deleted") == true }
        try FileManager.default.moveItem(atPath: path + ".moved", toPath: path)
        try store.perform(lines: ["crew add id=p3 name=Back"])
        #expect(try openStore(path).model.crew.keys.elements == ["p1", "p3"])
    }

    @Test func aRefusedDoLeavesATornTailWhereItIs() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/t.journal"
        let torn: [UInt8] = Array("# coord journal v1\ncrew add id=a1 name=A\ncrew add id=a2 name=\"Zo".utf8) + [0xC3]
        FileManager.default.createFile(atPath: path, contents: Data(torn))
        let (store, warnings) = try ProductionStore.open(path: path, clock: fixedClock, setAsideTorn: false)
        #expect(warnings.first?.contains("never applied") == true)
        #expect(throws: StoreError.self) { try store.perform(lines: ["crew add nme=B"]) }
        #expect(FileManager.default.contents(atPath: path) == Data(torn), "a refused change writes nothing")
        try store.perform(lines: ["crew add id=b1 name=B"])
        let aside = try #require(FileManager.default.contents(atPath: path + ".torn"))
        #expect(aside.suffix(10) == Data(Array("name=\"Zo".utf8) + [0xC3, 0x0A]), "the torn bytes are kept exactly")
        #expect(try openStore(path).model.crew.keys.elements == ["a1", "b1"])
    }

    @Test func valuesThatWouldMisleadAreRefused() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try openStore(dir + "/v.journal")
        try store.perform(lines: ["account add code=2100 description=Camera", "crew add id=c1 name=A status=\"\""])
        #expect(store.model.crew["c1"]?.status == "pencilled", "an empty choice takes its default")
        for (line, words) in [("cost add account=2100 amount=$40", "not in GBP"),
                              ("crew set id=c1 status=\"\"", "cannot be emptied"),
                              ("day add date=+202-03-01", "not a date")] {
            #expect {
                try store.perform(lines: [line])
            } throws: { ($0 as? StoreError)?.description.contains(words) == true }
        }
        try store.perform(lines: ["cost add account=2100 amount=£40"])
    }

    @Test func doLinesAreCountedWithBlankAndCommentLines() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try openStore(dir + "/d.journal")
        do {
            try store.perform(lines: ["crew add name=A", "", "# note", "crew add role=x"])
            Issue.record("should have failed")
        } catch {
            #expect(error.index == 3)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/nothing.journal"))
        let untouched = try openStore(dir + "/nothing.journal")
        #expect(throws: StoreError.self) { try untouched.perform(lines: ["crew add role=x"]) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/nothing.journal"), "a refused change creates no file")
    }

    @Test func aNonJournalIsNeverTouched() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/notes.txt"
        writeText(path, "hello")
        #expect(throws: JournalError.self) { _ = try openStore(path) }
        #expect(readText(path) == "hello")
        #expect(!FileManager.default.fileExists(atPath: path + ".torn"))
    }

    @Test func theDemoIsAlwaysDatedJustBeforeTheShoot() throws {
        let today = CalendarDate(year: 2026, month: 11, day: 22)!
        let m = try JournalReader.replay(DemoJournal.bytes(for: today), path: "demo").model
        let first = try #require(m.daysInOrder.first?.date)
        #expect(first > today && first.dayNumber - today.dayNumber <= 10)
        #expect(first.weekday == 0, "shoot days keep their weekdays")
        #expect(m.overdueClearances(today: today).count >= 2)
    }

    @Test func theDemoIsARealisticOffice() throws {
        let loaded = try JournalReader.replay(DemoJournal.bytes, path: "demo")
        let m = loaded.model
        #expect(loaded.torn == nil)
        #expect(m.crew.count >= 15)
        #expect(Set(m.crew.values.map(\.dept)).count >= 6)
        #expect(m.days.count >= 5)
        #expect(m.layout(of: m.activeBoard.id).dayOfStrip.count >= 12)
        #expect(m.accounts.count >= 25)
        #expect(m.costs.values.contains { $0.isCommitment } && m.costs.values.contains { !$0.isCommitment })
        #expect(m.clearances.count >= 8)
        #expect(Set(m.clearances.values.map(\.type)).count >= 4)
        #expect(Set(m.clearances.values.map(\.status)).count >= 4)
    }
}
