import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

/// Every line the `?` help shows, paging through it as a person would.
func helpScreen(_ s: Session, key: Key = .char("?")) -> [String] {
    s.mode = .normal
    s.handle(key)
    var lines: [String] = []
    for _ in 0..<30 {
        let c = s.render()
        lines += (0..<c.height).map(c.row)
        s.handle(.pageDown)
    }
    s.handle(.escape)
    return lines
}

@Suite struct ConfigTests {
    @Test func settingsAreReadWithCommentsAndBlankLines() {
        let c = Config.parse("""
        # my settings
        theme = monochrome

        mouse = off   # no clicks
        rest = 12
        maxday = 10+1
        key.undo = U
        key.redo = Ctrl-Z
        """)
        #expect(c.problems == [])
        #expect(c.theme == "monochrome")
        #expect(c.mouse == false)
        #expect(c.workingRules == WorkingRules(rest: "12", maxDay: "11"), "10+1 is 11 hours, as the journal writes it")
        #expect(c.keys["undo"] == [.char("U")])
        #expect(c.keys["redo"] == [.ctrl("z")])
    }

    @Test func anEmptyFileIsTheDefaults() {
        let c = Config.parse("")
        #expect(c.problems == [] && c.theme == "colour" && c.mouse && c.keys.isEmpty)
        #expect(c.workingRules == WorkingRules(rest: "11", maxDay: "11"))
    }

    @Test(arguments: [
        ("key.undo = ??", "config line 1: key.undo = ?? — '??' is not a key (e.g. U, Ctrl-Z, F2, Space); kept u"),
        ("key.undo = d", "config line 1: key.undo = d — d is already delete in the same pane; kept u"),
        ("key.undoo = U", "config line 1: key.undoo = U — no action 'undoo' (`coord keys` lists them)"),
        ("key.undo =", "config line 1: key.undo =  — no key given; kept u"),
        ("key.undo = Ctrl-M", "config line 1: key.undo = Ctrl-M — Ctrl-M arrives as Enter from a terminal; kept u"),
        ("theme = purple", "config line 1: theme = purple — not a theme (colour, light, monochrome); kept colour"),
        ("mouse = maybe", "config line 1: mouse = maybe — mouse is on or off; kept on"),
        ("rest = soon", "config line 1: rest = soon — not a number of hours (e.g. 11 or 10+1); kept 11"),
        ("colour = red", "config line 1: colour = red — no such setting (theme, mouse, rest, maxday, key.ACTION)"),
        ("just words", "config line 1: 'just words' is not a setting (setting = value)"),
    ])
    func aBadLineIsReportedWithWhatWasKept(_ line: String, _ said: String) {
        let c = Config.parse(line)
        #expect(c.problems == [said])
        #expect(c.keys.isEmpty && c.theme == "colour" && c.mouse && c.rest == nil)
    }

    @Test func theLineNumberIsTheFilesAndGoodLinesStillCount() {
        let c = Config.parse("theme = light\n# note\n\nkey.undo = ??\nmouse = off\n")
        #expect(c.problems.count == 1)
        #expect(c.problems.first?.hasPrefix("config line 4: key.undo = ??") == true)
        #expect(c.theme == "light" && !c.mouse)
    }

    @Test func aFileWrittenOnWindowsReadsTheSame() {
        // CRLF: "\r\n" is one Character in Swift, so splitting on "\n" alone saw one line.
        let c = Config.parse("theme = light\r\n# note\r\nkey.undo = ??\r\nmouse = off\r\n")
        #expect(c.problems.count == 1)
        #expect(c.problems.first?.hasPrefix("config line 3: key.undo = ??") == true)
        #expect(c.theme == "light" && !c.mouse)
    }

    @Test func aKeyUsedInAnotherPaneOnlyIsFree() {
        // A adds a day in the schedule and an account in the budget: the clearances' C is not in either.
        let c = Config.parse("key.deadlines = A")
        #expect(c.problems == [])
        #expect(c.keys["deadlines"] == [.char("A")])
    }

    @Test func overridesAreCheckedInOrder() {
        // Once undo has moved off u, u is free for another action.
        let c = Config.parse("key.undo = U\nkey.theme = u")
        #expect(c.problems == [])
        let taken = Config.parse("key.theme = u\nkey.undo = U")
        #expect(taken.problems == ["config line 1: key.theme = u — u is already undo in the same pane; kept t"])
    }

    @Test func namedKeysReadAsHelpWritesThem() throws {
        for (word, key) in [("Space", Key.char(" ")), ("F2", .function(2)), ("PgDn", .pageDown), ("ctrl-x", .ctrl("x")),
                            ("^X", .ctrl("x")), ("Shift-Tab", .backTab), ("é", .char("é"))] {
            #expect(try Config.key(word).get() == key, "\(word)")
            if case .char = key {} else { #expect(try Config.key(key.description).get() == key, "\(key.description) reads back") }
        }
    }

    @Test func theFileIsFoundUnderXDGConfigHomeThenHome() throws {
        #expect(Config.path(env: { ["XDG_CONFIG_HOME": "/x", "HOME": "/h"][$0] }) == "/x/coord/config")
        #expect(Config.path(env: { ["XDG_CONFIG_HOME": "", "HOME": "/h"][$0] }) == "/h/.config/coord/config")
        let dir = NSTemporaryDirectory() + "coord-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/coord", withIntermediateDirectories: true)
        try "theme = light\nkey.help = ??\n".write(toFile: dir + "/coord/config", atomically: true, encoding: .utf8)
        let c = Config.load(env: { ["XDG_CONFIG_HOME": dir, "HOME": "/nowhere"][$0] })
        #expect(c.theme == "light")
        #expect(c.problems.count == 1)
        let none = Config.load(env: { ["XDG_CONFIG_HOME": dir + "/missing"][$0] })
        #expect(none.problems == [], "no file is not a problem")
    }

    @Test func keyOverridesReachTheKeysHelpAndHints() throws {
        let (s, _) = try demoSession()
        let c = Config.parse("key.undo = U\nkey.help = H")
        s.apply(keys: c.keys)
        #expect(s.render().row(22).contains("H help"), "the status bar shows the new key")
        s.handle(.char("u"))
        #expect(s.message?.text.contains("does nothing here") == true, "the old key no longer undoes")
        s.handle(.char("H"))
        guard case .help = s.mode else { Issue.record("H did not open help"); return }
        #expect(helpScreen(s, key: .char("H")).contains { $0.contains(#/│\s+U\s+undo your last change/#) }, "help lists U for undo")
    }

    @Test func tCyclesTheThemesAndSaysHowToKeepOne() throws {
        let (s, _) = try demoSession(theme: .colour)
        s.looks.configPath = "~/.config/coord/config"
        s.handle(.char("t"))
        #expect(s.looks.themeName == "light")
        #expect(s.message?.text == "theme: light — put `theme = light` in ~/.config/coord/config to keep it")
        #expect(s.theme.extDay == Theme.light.extDay)
        s.handle(.char("t"))
        #expect(s.looks.themeName == "monochrome" && s.theme.warn == Theme.monochrome.warn)
        s.handle(.char("t"))
        #expect(s.looks.themeName == "colour")
        #expect(helpScreen(s).contains { $0.contains(#/│\s+t\s+change the theme/#) }, "? shows the key")
    }

    @Test func noColorKeepsTheThemeMonochrome() throws {
        let (s, _) = try demoSession()
        s.looks = Looks()
        s.looks.themeName = "monochrome"
        s.looks.colourAllowed = false
        s.handle(.char("t"))
        #expect(s.looks.themeName == "monochrome")
        #expect(s.message?.text.contains("NO_COLOR") == true)
    }

    @Test func theWorkingTimeDefaultsReachTheConflictsWhereTheJournalSetsNone() throws {
        let (s, _) = try demoSession()
        let m = s.model
        let strict = WorkingRules(rest: "23", maxDay: "2")
        let before = m.conflicts(board: m.activeBoard.id)
        let after = WorkingRules.$override.withValue(strict) { m.conflicts(board: m.activeBoard.id) }
        #expect(after.count > before.count, "a 23-hour rest and 2-hour day flag more")
        #expect(after.contains { $0.message.contains("the rule is 23 hours") })
        // The journal's own rule wins over the default.
        try s.store.perform(lines: ["production set rest=9"])
        let own = WorkingRules.$override.withValue(strict) { s.model.conflicts(board: s.model.activeBoard.id) }
        #expect(!own.contains { $0.message.contains("the rule is 23 hours") })
    }

    @Test func undoingTheJournalsFirstRuleGoesBackToTheDefault() throws {
        let (s, path) = try demoSession()
        s.run(commandLine: "production set rest=9")
        #expect(s.model.production.rest == "9")
        s.handle(.char("u"))
        #expect(s.message?.kind != .error, "\(s.message?.text ?? "")")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(#"production set rest="""#))
        let back = WorkingRules.$override.withValue(WorkingRules(rest: "23")) { s.model.production.rest }
        #expect(back == "23", "an emptied rule follows the default again")
    }
}
