import Testing
@testable import CoordModel
@testable import CoordUI

/// `/` and n/N in a pane, `:find` across the records, and `:help WORD` in the app.
@Suite struct SearchTests {
    func type(_ s: Session, _ text: String) { for c in text { s.handle(.char(c)) } }

    /// The cells of screen row `y` drawn in `style`, as text.
    func styled(_ c: Canvas, _ y: Int, _ style: Style) -> String {
        (0..<c.width).filter { c[$0, y].style == style }.map { c[$0, y].text }.joined()
    }

    @Test func slashFindsAPersonByPartOfTheirNameWithoutTheAccent() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("/"))
        type(s, "zoe")
        #expect(s.selectedRow?.cells.first == "Zoë Marchetti", "the selection jumps as you type")
        let frame = s.render()
        #expect(frame.row(23).hasPrefix("/zoe"), "the search is typed on the bottom line")
        #expect(frame.row(22).contains("/zoe 1 of 1"), "the status bar says which match of how many")
        let y = (0..<frame.height).first { frame.row($0).contains("Zoë Marchetti") }!
        #expect(styled(frame, y, s.theme.match) == "Zoëzoe", "the name and the e-mail are marked where they match")
        s.handle(.enter)
        guard case .normal = s.mode else { Issue.record("Enter should end the search"); return }
        #expect(s.selectedRow?.cells.first == "Zoë Marchetti", "Enter keeps the place")
        #expect(s.render().row(22).contains("/zoe"), "the search stays in the status bar while it is highlighted")
    }

    @Test func escapeGoesBackToWhereYouWere() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("j")); s.handle(.char("j"))
        let before = s.selectedRow?.cells.first
        s.handle(.char("/"))
        type(s, "tom")
        #expect(s.selectedRow?.cells.first != before)
        s.handle(.escape)
        #expect(s.selectedRow?.cells.first == before)
        #expect(!s.render().row(22).contains("/tom"), "a cancelled search is not highlighted")
    }

    @Test func nAndNGoRoundTheMatchesAndSayWhenTheyWrap() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("/")); type(s, "electrician"); s.handle(.enter)
        let first = s.selectedRow?.cells.first
        #expect(first == "Priya Shah")
        s.handle(.char("n"))
        #expect(s.selectedRow?.cells.first == "Tom Angove")
        #expect(s.message?.text.hasPrefix("match 2 of 2") == true)
        s.handle(.char("n"))
        #expect(s.selectedRow?.cells.first == "Priya Shah")
        #expect(s.message?.text.contains("search wrapped to the top") == true)
        #expect(s.message?.text.contains("match 1 of 2") == true)
        s.handle(.char("N"))
        #expect(s.selectedRow?.cells.first == "Tom Angove")
        #expect(s.message?.text.contains("search wrapped to the bottom") == true)
    }

    @Test func nothingMatchingIsSaidPlainly() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        let before = s.selectedRow?.cells.first
        s.handle(.char("/")); type(s, "xyzzy")
        #expect(s.selectedRow?.cells.first == before, "the selection stays put")
        #expect(s.render().row(22).contains("/xyzzy no match"))
        s.handle(.enter)
        #expect(s.message == Message("nothing in crew matches \"xyzzy\"", .error))
    }

    @Test func nBeforeAnySearchSaysHowToSearch() throws {
        let (s, _) = try demoSession()
        s.handle(.char("n"))
        #expect(s.message?.text.contains("no search yet: / searches the pane") == true)
    }

    @Test func bothThemesMarkMatches() {
        #expect(Theme.colour.match != Theme.colour.text)
        #expect(Theme.monochrome.match.fg == nil && Theme.monochrome.match.bg == nil, "no colour without colour")
        #expect(Theme.monochrome.match.reverse)
    }

    @Test func findListsHitsAcrossTheRecordsAndJumpsToOne() throws {
        let (s, _) = try demoSession(width: 100, height: 30)
        s.handle(.char(":")); type(s, "find brunel"); s.handle(.enter)
        guard case .find(let list) = s.mode else { Issue.record("no find list"); return }
        #expect(list.hits.map(\.noun).contains(.cost))
        let frame = s.render().text
        #expect(frame.contains("Find \"brunel\""))
        #expect(frame.contains("Vendor: Brunel Lighting Ltd"), "each hit names the field that matched")
        let i = list.hits.firstIndex { $0.noun == .cost }!
        for _ in 0..<i { s.handle(.char("j")) }
        s.handle(.enter)
        #expect(s.pane == .budget)
        #expect(s.budgetView == .costs, "a cost is shown in the cost entries")
        #expect(s.selectedRow?.id == list.hits[i].id)
    }

    @Test func findClearsAFilterThatHidesTheHit() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("f")); type(s, "camera"); s.handle(.enter)
        s.handle(.char(":")); type(s, "find gaffer"); s.handle(.enter)
        guard case .find(let list) = s.mode, let i = list.hits.firstIndex(where: { $0.noun == .crew }) else {
            Issue.record("the gaffer is not in the list"); return
        }
        for _ in 0..<i { s.handle(.down) }
        s.handle(.enter)
        #expect(s.selectedRow?.cells.first == "Connor Burke")
        #expect(s.message?.text.contains("the filter was cleared to show it") == true)
    }

    @Test func findWithNothingToFindSaysSo() throws {
        let (s, _) = try demoSession()
        s.run(commandLine: "find")
        #expect(s.message?.text.hasPrefix("find what?") == true)
        s.run(commandLine: "find qqqzzz")
        #expect(s.message?.kind == .error)
        guard case .normal = s.mode else { Issue.record("no list for no hits"); return }
        s.handle(.char("F"))
        guard case .command(let e) = s.mode else { Issue.record("F opens the : line"); return }
        #expect(e.text == "find ")
    }

    @Test func helpOnAVerbShowsWhatCoordHelpPrints() throws {
        let (s, _) = try demoSession()
        s.run(commandLine: "help set")
        guard case .text(_, let lines, _) = s.mode else { Issue.record("no help page"); return }
        #expect(lines.joined(separator: "\n") == JournalHelp.text("set"))
        #expect(s.render().text.contains("set: change fields of a record"))
        s.handle(.escape)
        s.run(commandLine: "help crew")
        let page = s.render().text
        #expect(page.contains("name") && page.contains("Name: text (required)"))
        s.handle(.char("G"))
        #expect(s.render().text.contains("emergency"), "a long page scrolls")
        s.handle(.escape)
        s.run(commandLine: "help frobnicate")
        #expect(s.message?.text.hasPrefix("no help on \"frobnicate\"") == true)
        s.run(commandLine: "help")
        guard case .help = s.mode else { Issue.record(":help alone is the key help"); return }
    }

    @Test func typingOnNarrowsAndBackspaceWidensAgain() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("/"))
        type(s, "e")
        let wide = s.searchMatches()
        type(s, "lec")
        let narrow = s.searchMatches()
        #expect(!narrow.isEmpty && narrow.count < wide.count && narrow.allSatisfy(wide.contains))
        s.search = "elec"; s.searchCache = nil
        #expect(s.searchMatches() == narrow, "narrowed from the last matches as from the whole table")
        s.handle(.char("t")); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace)
        #expect(s.searchMatches() == wide, "a shorter search looks at every row again")
    }

    @Test func theStatusBarCountsTheSelectedMatch() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2"))
        s.handle(.char("/")); type(s, "electrician"); s.handle(.enter)
        #expect(s.render().row(22).contains("/electrician 1 of 2"))
        s.handle(.char("n"))
        #expect(s.render().row(22).contains("/electrician 2 of 2"))
        s.handle(.char("g"))
        #expect(s.render().row(22).contains("/electrician 2 matches"))
    }

    @Test func findGoesToABannerOnAnotherBoard() throws {
        let (s, _) = try demoSession()
        s.run(commandLine: "board add name=Second")
        let b = try #require(s.model.boards.values.last?.id)
        s.run(commandLine: "banner add board=\(b.raw) text=\"Zebra crossing\"")
        s.run(commandLine: "find zebra")
        guard case .find = s.mode else { Issue.record("no hits: \(s.message?.text ?? "")"); return }
        s.handle(.enter)
        #expect(s.board == b, "the banner's board is shown")
        #expect(s.selectedRow?.cells.first?.contains("Zebra") == true)
        #expect(s.message?.text.contains("not shown") == false)
    }

    @Test func findListsTheSameHitsInTheSameOrder() throws {
        let (s, _) = try demoSession()
        let hits = s.findHits("a")
        #expect(hits.count > 5)
        #expect(s.findHits("a") == hits)
        #expect(hits.filter { $0.noun == .crew }.map(\.id) == s.model.crew.values.map(\.id).filter { id in hits.contains { $0.id == id } })
    }
}
