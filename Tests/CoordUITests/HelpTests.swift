import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

@Suite struct HelpTests {
    func type(_ s: Session, _ text: String) { for c in text { s.handle(.char(c)) } }

    /// The help box's inside, one string per row.
    func helpBox(_ s: Session) -> [String] {
        let c = s.render()
        return (2..<(s.height - 2)).map { c.row($0) }
    }

    @Test func searchingTheHelpShowsTheUndoKeyAndWhyItIsOff() throws {
        let (s, _) = try demoSession()
        s.handle(.char("?"))
        #expect(helpBox(s)[0].contains("Type / and words to narrow this list"), "the first line says how to search")
        s.handle(.char("/")); type(s, "undo")
        let box = helpBox(s)
        let row = try #require(box.firstIndex { $0.contains("undo your last change") })
        #expect(box[row...].joined().contains("not now: nothing to undo yet"))
        #expect(!box.contains { $0.contains("move down") }, "lines without the word are gone")
        // The disabled key is drawn dimmed; an enabled one is not.
        let c = s.render()
        let x = try #require(c.row(2 + row).range(of: "undo your").map { c.row(2 + row).distance(from: c.row(2 + row).startIndex, to: $0.lowerBound) })
        #expect(c[x, 2 + row].style.dim)
        #expect(s.render().row(s.height - 1).hasPrefix("/undo"), "the search is typed on the bottom line")
    }

    @Test func afterAChangeUndoIsNoLongerDimmed() throws {
        let (s, _) = try demoSession()
        s.run(commandLine: #"crew add name="Ann Bell" role=Runner dept=Production"#)
        #expect(s.message?.text.hasPrefix("saved") == true)
        s.handle(.char("?")); s.handle(.char("/")); type(s, "undo"); s.handle(.enter)
        let text = helpBox(s).joined(separator: "\n")
        #expect(text.contains("undo your last change"))
        #expect(!text.contains("nothing to undo yet"))
        #expect(text.contains("not now: nothing undone to redo"))
    }

    @Test func escClearsTheSearchThenCloses() throws {
        let (s, _) = try demoSession()
        s.handle(.char("?")); s.handle(.char("/")); type(s, "board"); s.handle(.enter)
        var text = helpBox(s).joined(separator: "\n")
        #expect(text.contains("show the next board") && text.contains("make the board on screen the active one"))
        #expect(!text.contains("go to the crew list"))
        s.handle(.char("j")) // scroll keys work again after Enter
        s.handle(.escape)
        guard case .help(_, let q) = s.mode else { Issue.record("the first Esc closed the help"); return }
        #expect(q.text.isEmpty)
        text = helpBox(s).joined(separator: "\n")
        #expect(text.contains("go to the crew list"), "every key is back")
        s.handle(.escape)
        guard case .normal = s.mode else { Issue.record("the second Esc did not close the help"); return }
    }

    @Test func theHelpListsEveryKeyByPaneAndTheOtherModes() throws {
        let (s, _) = try demoSession()
        let lines = s.helpLines().map(\.text)
        for heading in ["Everywhere", "Schedule (the pane you are in)", "Crew", "Budget", "Clearances",
                        "In a form", "At the : line", "Delete confirmation", "Help overlay"] {
            #expect(lines.contains(heading), "no heading \(heading)")
        }
        for a in s.actions {
            #expect(lines.contains { $0.contains(a.keyLabel) && $0.contains(a.help) }, "\(a.name) is missing from the help")
        }
        // Another pane's keys are listed without a reason: the reasons are about this pane now.
        #expect(lines.contains { $0.contains("set the estimate to complete") && !$0.contains("not now") })
        s.handle(.char("3"))
        #expect(s.helpLines().contains { $0.text == "Budget (the pane you are in)" })
    }

    @Test func longLinesWrapInsteadOfBeingCut() throws {
        let (s, _) = try demoSession()
        s.handle(.char("?")); s.handle(.char("/")); type(s, "combined grid")
        let text = helpBox(s).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }.joined(separator: " ")
        #expect(text.contains("and (with several productions) the combined grid"))
        #expect(!text.contains("…"))
    }

    @Test func aSearchThatFindsNothingSaysSo() throws {
        let (s, _) = try demoSession()
        s.handle(.char("?")); s.handle(.char("/")); type(s, "zzqx")
        #expect(helpBox(s).joined().contains("Nothing here holds \"zzqx\""))
        s.handle(.backspace); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace)
        s.handle(.backspace) // on an empty search: back to scrolling
        guard case .help(_, let q) = s.mode else { Issue.record("help closed"); return }
        #expect(!q.typing)
    }

    // MARK: the first run

    @Test func theFirstRunIsClaimedOnceUnderXDGStateHome() throws {
        let dir = NSTemporaryDirectory() + "coord-first-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env: (String) -> String? = { $0 == "XDG_STATE_HOME" ? dir + "/state" : $0 == "HOME" ? "/nonexistent" : nil }
        #expect(FirstRun.markerPath(env) == dir + "/state/coord/first-run-done")
        #expect(FirstRun.claim(env))
        #expect(!FirstRun.claim(env), "only the first run")
        #expect(FirstRun.markerPath { $0 == "HOME" ? "/home/ann" : nil } == "/home/ann/.local/state/coord/first-run-done")
        #expect(FirstRun.markerPath { _ in nil } == nil)
    }

    @Test func theOpeningMessageShowsTheHintOnlyOnTheFirstRun() {
        let usual = "a.journal · every change is saved as you make it · ? for help"
        #expect(FirstRun.opening(usual: usual, notes: [], claim: { true }).text == FirstRun.hint)
        #expect(FirstRun.opening(usual: usual, notes: [], claim: { false }).text == usual)
        #expect(FirstRun.opening(usual: usual, notes: ["/tmp/a.journal: a new journal"], claim: { true }).text == FirstRun.hint)
        #expect(FirstRun.opening(usual: usual, notes: ["demo journal written to /x/demo.journal"], claim: { true }).text == FirstRun.hint)
        var claimed = false
        let warned = FirstRun.opening(usual: usual, notes: ["/a.journal is read-only (Permission denied): you can look but not change it"],
                                      claim: { claimed = true; return true })
        #expect(warned.text.contains("read-only") && warned.kind == .error)
        #expect(!claimed, "a warning is shown, and the hint waits for the next run")
    }

    @Test func theHintFitsEightyColumnsAndNamesRealKeys() throws {
        #expect(TextWidth.of(FirstRun.hint) <= 80)
        let keys = Set(Action.table().flatMap(\.keys).map(\.description))
        for part in FirstRun.hint.split(separator: "·") {
            let words = part.split(separator: " ")
            let key = String(words[words.first == "New" ? 2 : 0])
            // "j/k" is two keys; "/" is one.
            for k in key == "/" ? ["/"] : key.split(separator: "/").map(String.init) {
                #expect(keys.contains(k), "the hint names \(k), which is no key")
            }
        }
    }
}
