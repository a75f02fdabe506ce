import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

@Suite struct SessionTests {
    func type(_ s: Session, _ text: String) { for c in text { s.handle(.char(c)) } }

    @Test func tabAndNumbersChangePane() throws {
        let (s, _) = try demoSession()
        #expect(s.pane == .schedule)
        s.handle(.tab); #expect(s.pane == .crew)
        s.handle(.backTab); s.handle(.backTab); #expect(s.pane == .clearances)
        s.handle(.char("3")); #expect(s.pane == .budget)
        #expect(s.render().row(0).contains("3 Budget 36"))
    }

    @Test func addThroughTheFormIsSavedToTheJournal() throws {
        let (s, path) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("a"))
        type(s, "Ann Bell"); s.handle(.tab)
        type(s, "Runner"); s.handle(.tab)
        type(s, "prod"); s.handle(.tab)
        type(s, "07700 900999"); s.handle(.tab)
        type(s, "ann@"); s.handle(.tab)
        guard case .form(let f) = s.mode else { Issue.record("form closed"); return }
        #expect(f.errors[4] != nil, "a bad email is flagged as the field is left")
        #expect(s.render().text.contains("is not an email"))
        s.handle(.backTab)
        type(s, "example.com")
        s.handle(.enter)
        guard case .normal = s.mode else { Issue.record("form still open"); return }
        #expect(s.message?.text.hasPrefix("saved: crew add Ann Bell") == true)
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains(#"name="Ann Bell" role=Runner dept=Production phone="07700 900999" email=ann@example.com status=pencilled"#))
        #expect(s.selectedRow?.cells.first == "Ann Bell", "the new record is selected")
    }

    @Test func escapeCancelsAFormAndSavesNothing() throws {
        let (s, path) = try demoSession()
        let before = try String(contentsOfFile: path, encoding: .utf8)
        s.handle(.char("a")); type(s, "12B"); s.handle(.escape)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        #expect(s.message?.text.contains("nothing was saved") == true)
    }

    @Test func editChangesOnlyWhatChanged() throws {
        let (s, path) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("j")) // past the Production heading
        s.handle(.enter)
        s.handle(.tab)
        s.handle(.ctrl("u")); type(s, "Line producer")
        s.handle(.enter)
        let last = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").last ?? ""
        #expect(last.hasPrefix(#"crew set id=cr-jo role="Line producer" #"#))
    }

    @Test func commandLineRunsJournalCommands() throws {
        let (s, path) = try demoSession()
        s.handle(.char(":"))
        type(s, #"cost add account=2100 amount=1250.00 vendor="Panavision" po=PO-0042"#)
        s.handle(.enter)
        #expect(s.message?.kind == .ok)
        #expect(s.pane == .budget && s.budgetView == .costs)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("account=2100 vendor=Panavision amount=1250.00 po=PO-0042 kind=actual"))
        s.handle(.char(":")); type(s, "crew add role=nameless"); s.handle(.enter)
        #expect(s.message?.kind == .error && s.message?.text.contains("name is required") == true)
        s.handle(.char(":")); s.handle(.up)
        guard case .command(let e) = s.mode else { Issue.record("not at the : line"); return }
        #expect(e.text == "crew add role=nameless", "Up recalls the last command")
    }

    @Test func anInvoiceAgainstAnOpenPOMovesCommittedToActualAtOnce() throws {
        let (s, path) = try demoSession(width: 100, height: 30)
        s.focus(.budget)
        let before = try #require(s.costReport.account("3200")?.figures)
        #expect(before.committed == Money(minor: 185_000) && before.actual == .zero)
        s.handle(.char("I"))
        #expect(s.message?.text.contains("select an open PO") == true, "I on an account says what it needs")
        s.handle(.char("v"))
        #expect(s.budgetView == .costs)
        s.handle(.char("f")); type(s, "Brunel"); s.handle(.enter)
        s.handle(.char("I"))
        guard case .form(var f) = s.mode else { Issue.record("no form"); return }
        #expect(f.noun == .cost && f.editors[f.fields.firstIndex { $0.key == "po" }!].text == "PO-0010")
        // The invoice comes in 250.00 over the PO.
        let amount = f.fields.firstIndex { $0.key == "amount" }!
        f.editors[amount] = LineEditor("2100.00")
        s.mode = .form(f)
        s.handle(.enter)
        #expect(s.message?.kind == .ok)
        #expect(s.message?.text.contains("saved: cost add · 3200 actual +2,100.00, committed -1,850.00 · EFC 2,100.00, variance -100.00 OVER") == true,
                "\(s.message?.text ?? "")")
        let after = try #require(s.costReport.account("3200")?.figures)
        #expect(after.committed == .zero && after.actual == Money(minor: 210_000) && after.isOver)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("amount=2100.00 po=PO-0010 kind=actual"))
    }

    @Test func etcKeySetsTheSelectedAccountsEstimateWithItsReason() throws {
        let (s, path) = try demoSession(width: 100, height: 30)
        s.focus(.budget)
        s.select(id: try #require(s.model.accountIDByCode["2200"]))
        s.handle(.char("E"))
        guard case .form(var f) = s.mode else { Issue.record("no form"); return }
        #expect(f.noun == .etc && f.editors[0].text == "2200" && f.editors[1].text == "1000.00")
        f.editors[1] = LineEditor("1400")
        s.mode = .form(f)
        s.handle(.enter)
        guard case .form(var g) = s.mode else { Issue.record("the form closed without a reason"); return }
        #expect(g.errors[2] != nil, "the reason is marked as needed")
        g.editors[2] = LineEditor("Second grip for the harbour days")
        s.mode = .form(g)
        s.handle(.enter)
        #expect(s.message?.text.contains("saved: etc add · 2200 ETC +400.00 · EFC 1,400.00, variance -400.00 OVER") == true, "\(s.message?.text ?? "")")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(#"etc add id="#))
    }

    @Test func deleteAsksFirst() throws {
        let (s, _) = try demoSession()
        s.handle(.char("4"))
        let count = s.model.clearances.count
        s.handle(.char("d"))
        #expect(s.render().row(23).contains("? y/n"))
        s.handle(.char("n"))
        #expect(s.model.clearances.count == count)
        s.handle(.char("d")); s.handle(.char("y"))
        #expect(s.model.clearances.count == count - 1)
        #expect(s.message?.text.contains("clearance rm") == true)
    }

    @Test func headingsCannotBeEditedAndSaySo() throws {
        let (s, _) = try demoSession()
        s.handle(.char("G")) // the boneyard's last strip
        s.handle(.char("k")); s.handle(.char("k")) // the boneyard heading
        #expect(s.selectedRow?.id == nil)
        s.handle(.char("e"))
        #expect(s.message?.text.contains("heading") == true)
    }

    @Test func stripsMoveBetweenDaysAndTheBoardReDatesAndReTotals() throws {
        let (s, path) = try demoSession()
        // Scene 3 is the second strip of day 1.
        s.select(id: "s3")
        s.handle(.char(">"))
        #expect(s.message?.text == "saved: strip move scene 3 (s3)")
        let layout = s.model.layout(of: "main")
        #expect(layout.days[0].pages.description == "3 2/8" && layout.days[1].pages.description == "5 2/8")
        #expect(layout.days[1].strips.last == "s3", "to the end of the next day")
        s.handle(.char("K"))
        #expect(s.model.layout(of: "main").days[1].strips.suffix(2) == ["s3", "s13"], "K moves it up one place")
        s.handle(.char("b"))
        #expect(s.model.layout(of: "main").boneyard.contains("s3"))
        s.handle(.char("b"))
        #expect(s.model.layout(of: "main").days.last?.strips.last == "s3", "b brings it back to the last day")
        // A holiday on day 2's date pushes day 2 and everything after it one working day on.
        let before = s.model.layout(of: "main").days.map { $0.date! }
        s.run(commandLine: "calendar add date=\(before[1]) kind=holiday name=\"Bank holiday\"")
        let after = s.model.layout(of: "main").days.map { $0.date! }
        #expect(after[0] == before[0] && after[1] == before[2] && after[3] == before[4])
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("strip move id=s3 day=d2"))
        let reopened = try ProductionStore.open(path: path, clock: s.store.clock).0
        #expect(reopened.model.layout(of: "main").days.map(\.date) == s.model.layout(of: "main").days.map(\.date))
    }

    @Test func xMarksAStripShotAndTheStatusBarCountsPagesShot() throws {
        let (s, path) = try demoSession()
        s.select(id: "s4") // day 2's first strip, not shot yet
        func row() -> String { s.render().text.split(separator: "\n").first { $0.contains("Mara walks the comp") }.map(String.init) ?? "" }
        #expect(row().hasPrefix("▸4      EXT"))
        #expect(s.render().row(22).contains("2 7/8 of 18 6/8 pgs shot"), "the demo's day 1 is shot")
        s.handle(.char("x"))
        #expect(s.message?.text == "saved: scene 4 marked shot on day 2 (Tue 2 Mar)")
        #expect(row().hasPrefix("▸4✓     EXT"))
        #expect(s.render().row(22).contains("3 3/8 of 18 6/8 pgs shot"))
        #expect(s.render().row(21).hasPrefix(" id: s4 · Set: Lighthouse - compound · Synopsis: Mara walks"),
                "the detail line gives what the row cuts short, and leaves out what it shows whole (Day/Night, Pages)")
        let y = s.render().text.split(separator: "\n").firstIndex { $0.contains("Mara walks the comp") }!
        s.handle(.char("j"))
        #expect(s.render()[3, y].style.dim, "a done strip is drawn dim")
        s.handle(.char("k"))
        s.handle(.char("x"))
        #expect(row().hasPrefix("▸4½     EXT") && s.render().row(22).contains("2 7/8 of 18 6/8 pgs shot"), "part-shot pages are not counted")
        s.handle(.char("x"))
        #expect(row().hasPrefix("▸4      EXT") && s.message?.text == "saved: scene 4 marked not shot")
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("strip set id=s4 shot=done shotday=d2 #") && journal.contains("strip set id=s4 shot=part shotday=d2 #")
                && journal.contains("strip set id=s4 shot=\"\" shotday=\"\" #"))
        s.select(id: "s20") // in the boneyard: on no day, so the journal asks which day
        s.handle(.char("x"))
        #expect(s.message?.kind == .error && s.message?.text.contains("shotday=") == true)
    }

    @Test func progressIsRecordedAtTheCommandLine() throws {
        let (s, path) = try demoSession()
        s.run(commandLine: "progress set id=pr1 setups=24 incidents=\"Spark cut a finger\"")
        #expect(s.message?.text == "saved: progress set day 1 (Mon 1 Mar) (pr1)")
        s.run(commandLine: "progress add day=d1")
        #expect(s.message?.text == "column 14: day d1 already has a progress report (pr1); change that one")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("progress set id=pr1 setups=24 incidents=\"Spark cut a finger\" #"))
    }

    @Test func theGridCyclesACrewCodeAndLeavesCastToTheStrips() throws {
        let (s, _) = try demoSession()
        s.handle(.char("v"))
        #expect(s.render().text.contains("D1   D2"))
        s.select(id: "cr-jo")
        s.handle(.char("l"))
        s.handle(.char(" "))
        #expect(s.message?.text.hasPrefix("saved: booking add Jo Alder W on") == true)
        s.handle(.char(" "))
        #expect(s.model.bookings.values.contains { $0.who == "cr-jo" && $0.code == "H" })
        s.handle(.char("2"))
        s.select(id: "cr-jo")
        #expect(s.render().text.contains("Booked: 1 day Tue 2 Mar (H)"), "the crew pane shows the grid's bookings")
        s.handle(.char("1"))
        s.select(id: "cr-mara")
        s.handle(.char(" "))
        #expect(s.message?.text.contains("because of the strips") == true)
        s.handle(.char("J"))
        #expect(s.message?.text.contains("stripboard") == true, "board keys say why they are off in the grid")
    }

    @Test func parallelProductionsSwitchAndShareAGrid() throws {
        let (s1, _) = try demoSession()
        let dir = NSTemporaryDirectory() + "coord-ui-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let other = try ProductionStore.open(path: dir + "/b.journal", clock: s1.store.clock).0
        // The DP is also on a commercial shooting the demo's day 2.
        try other.perform(lines: ["production set title=\"Pasty Advert\"", "board set id=main start=2027-03-02",
                                  "day add id=x1", "crew add id=dp name=\"Zoë Marchetti\" dept=Camera",
                                  "booking add who=dp date=2027-03-02 code=SWF"])
        let s = Session(stores: [s1.store, other], theme: .monochrome, width: 100, height: 30)
        s.handle(.char("p"))
        #expect(s.model.production.title == "Pasty Advert")
        #expect(s.render().row(28).contains("[B] Schedule"))
        s.handle(.char("v")); s.handle(.char("v"))
        let screen = s.render().text
        #expect(screen.contains("Zoë Marchetti") && screen.contains("AB!!"), "the combined grid shows the clash")
        s.handle(.char("p"))
        #expect(s.model.production.title == "The Lighthouse Keeper's Daughter")
    }

    @Test func theCrewFiltersByDepartmentAndACallIsSetForTheNextDay() throws {
        let (s, path) = try demoSession()
        s.handle(.char("2"))
        #expect(s.render().text.contains("Camera · 3"), "the crew list is grouped by department")
        s.handle(.char("f")); type(s, "camera")
        let names = s.table(.crew).rows.filter { $0.kind == .record }.map { $0.cells[0] }
        #expect(names == ["Zoë Marchetti", "Arjun Mehta", "Holly Jenkin"])
        s.handle(.enter)
        #expect(s.render().row(22).contains("filter: camera"))
        s.handle(.char("j"))
        s.handle(.char("c"))
        s.handle(.ctrl("u")); type(s, "06:30"); s.handle(.tab); type(s, "05:45")
        s.handle(.enter)
        #expect(s.message?.text.hasPrefix("saved: call add Zoë Marchetti 06:30 on day 1") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("call add id="))
        s.handle(.char("f")); s.handle(.escape)
        #expect(s.table(.crew).rows.filter { $0.kind == .record }.count == 30, "Esc in the filter clears it")
        s.handle(.char("f")); type(s, "on:3")
        #expect(s.table(.crew).rows.filter { $0.kind == .record }.map(\.id).contains("cr-chap"), "on:3 keeps who works day 3")
        s.handle(.escape)
        s.handle(.char("o"))
        #expect(s.table(.crew).columns[0].title == "Name▲" && s.table(.crew).rows.first?.cells[0] == "Arjun Mehta")
    }

    @Test func keysDocIsGeneratedFromTheActionTable() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/KEYS.md").path
        let text = (try? String(contentsOfFile: docs, encoding: .utf8)) ?? ""
        #expect(text == Action.markdown(), "docs/KEYS.md drifted: run `swift run coord keys > docs/KEYS.md`")
    }
}

@Suite struct CanvasTests {
    @Test func wideCharactersStayAligned() {
        var c = Canvas(width: 12, height: 1)
        c.put(0, 0, TextWidth.fit("東京", 6) + "|")
        #expect(c.row(0).hasPrefix("東京  |"))
        #expect(TextWidth.of("東京ロケ") == 8)
        #expect(TextWidth.of("Zoë") == 3)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("🇬🇧 flag") == 6, "a flag is drawn as one narrow symbol")
        #expect(TextWidth.of("👩‍👩‍👧 x") == 4, "an emoji sequence is drawn as its first symbol")
    }

    @Test func controlCharactersAreNeverDrawnRaw() {
        var c = Canvas(width: 20, height: 1)
        c.put(0, 0, "a\u{1B}[31mb\nc\u{7F}\u{202E}")
        let row = c.row(0)
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x202E })
        #expect(row.hasPrefix("a␛[31mb␊c␡"))
    }

    @Test func aWideCharacterThatDoesNotFitIsNotSplit() {
        var c = Canvas(width: 3, height: 1)
        c.put(0, 0, "ab東")
        #expect(c.row(0) == "ab ")
    }
}
