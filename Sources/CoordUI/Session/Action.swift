import CoordModel

/// One thing a key can do. This one table drives key dispatch, the status-bar hints,
/// the help overlay and docs/KEYS.md.
public struct Action {
    public let name: String
    public let keys: [Key]
    /// The panes it works in; nil means every pane.
    public let panes: [PaneKind]?
    /// The word in the status bar, or nil to keep it out of the bar.
    public let hint: String?
    public let help: String
    let disabled: (Session) -> String?
    let run: (Session) -> Void

    init(_ name: String, _ keys: [Key], panes: [PaneKind]? = nil, hint: String? = nil, _ help: String,
         disabled: @escaping (Session) -> String? = { _ in nil }, run: @escaping (Session) -> Void) {
        self.name = name; self.keys = keys; self.panes = panes; self.hint = hint; self.help = help
        self.disabled = disabled; self.run = run
    }

    public func applies(to p: PaneKind) -> Bool { panes?.contains(p) ?? true }
    public func disabledReason(_ s: Session) -> String? { disabled(s) }
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }

    /// Why an action on the selected row cannot run, or nil.
    static func needsRecord(_ s: Session) -> String? {
        guard let row = s.selectedRow else { return "nothing to select in this pane yet" }
        return row.id == nil ? "the selected line is a heading, not a record" : nil
    }

    static func table() -> [Action] {
        [
            Action("next-pane", [.tab], "next pane") { s in s.focus(PaneKind(rawValue: (s.pane.rawValue + 1) % 4)!) },
            Action("previous-pane", [.backTab], "previous pane") { s in s.focus(PaneKind(rawValue: (s.pane.rawValue + 3) % 4)!) },
            Action("schedule", [.char("1")], "go to the schedule") { $0.focus(.schedule) },
            Action("crew", [.char("2")], "go to the crew list") { $0.focus(.crew) },
            Action("budget", [.char("3")], "go to the budget") { $0.focus(.budget) },
            Action("clearances", [.char("4")], "go to the clearances") { $0.focus(.clearances) },
            Action("down", [.char("j"), .down], "move down") { $0.move(by: 1) },
            Action("up", [.char("k"), .up], "move up") { $0.move(by: -1) },
            Action("top", [.char("g"), .home], "go to the first row") { $0.select(0) },
            Action("bottom", [.char("G"), .end], "go to the last row") { $0.select(Int.max) },
            Action("page-down", [.pageDown, .ctrl("f")], "page down") { $0.move(by: $0.bodyRows) },
            Action("page-up", [.pageUp, .ctrl("b")], "page up") { $0.move(by: -$0.bodyRows) },
            Action("add", [.char("a")], hint: "add",
                   "add a record (strip, crew member, cost or budget line, clearance)") { s in s.openForm(s.addNoun, editing: nil) },
            Action("edit", [.char("e"), .enter], hint: "edit", "edit the selected record in a form",
                   disabled: needsRecord) { s in
                if let row = s.selectedRow, let id = row.id, let noun = row.noun { s.openForm(noun, editing: id) }
            },
            Action("delete", [.char("d"), .delete], hint: "delete", "delete the selected record (asks y/n)",
                   disabled: needsRecord) { s in
                if let row = s.selectedRow, let id = row.id, let noun = row.noun {
                    s.mode = .confirm(noun: noun, id: id, label: s.label(of: id) ?? id.raw)
                }
            },
            Action("call", [.char("c")], panes: [.crew], hint: "call",
                   "set the selected person's call on a shoot day (the next one, unless you change it)",
                   disabled: needsRecord) { $0.openCallForm() },
            Action("filter", [.char("f"), .char("\\")], hint: "filter",
                   "filter the pane to rows with these words (over: accounts over budget; on:N: people working shoot day N)") { $0.startFilter() },
            Action("sort", [.char("o")], "sort by the next column (then back to the usual order)") { $0.cycleSort() },
            Action("undo", [.char("u")], hint: "undo", "undo your last change (appends its inverse to the journal)",
                   disabled: { $0.undoStack.isEmpty ? "nothing to undo yet" : nil }) { $0.undo() },
            Action("redo", [.ctrl("r")], "redo what you last undid",
                   disabled: { $0.redoStack.isEmpty ? "nothing undone to redo" : nil }) { $0.redo() },
            Action("search", [.char("/")], hint: "search",
                   "search the pane as you type (any case, accents optional); Enter keeps the place, Esc goes back") { $0.startSearch() },
            Action("next-match", [.char("n")], "go to the next match of the search (round to the top after the last)",
                   disabled: { $0.search.isEmpty ? "no search yet: / searches the pane" : nil }) { $0.jumpToMatch(forward: true) },
            Action("previous-match", [.char("N")], "go to the previous match of the search",
                   disabled: { $0.search.isEmpty ? "no search yet: / searches the pane" : nil }) { $0.jumpToMatch(forward: false) },
            Action("clear-search", [.escape], "clear the search's highlight") { $0.clearSearch() },
            Action("find", [.char("F")], hint: "find",
                   "find a word in every pane (:find TEXT): a list of the records holding it; Enter goes to one") { s in
                s.mode = .command(LineEditor("find "))
                s.historyIndex = nil
            },
            Action("command", [.char(":")], hint: "command", "type a journal command (e.g. crew add name=...)") { s in
                s.mode = .command(LineEditor())
                s.historyIndex = nil
            },
            Action("add-day", [.char("A")], panes: [.schedule], hint: "add day", "add a shoot day") { s in
                s.openForm(.day, editing: nil)
            },
            Action("add-account", [.char("A")], panes: [.budget], hint: "add account", "add a budget account") { s in
                s.openForm(.account, editing: nil)
            },
            Action("budget-view", [.char("v")], panes: [.budget], hint: "view",
                   "switch between the cost report, the cost entries and the budget lines") { $0.cycleBudgetView() },
            Action("etc", [.char("E")], panes: [.budget], hint: "ETC",
                   "set the estimate to complete of the selected account, with its reason",
                   disabled: Session.needsAccount) { $0.openETCForm() },
            Action("invoice", [.char("I")], panes: [.budget], hint: "invoice",
                   "record the invoice of the selected open PO: committed turns into actual",
                   disabled: Session.needsOpenPO) { $0.openInvoiceForm() },
            Action("transfer", [.char("T")], panes: [.budget],
                   "move budget from the selected account to another, with its reason (once the budget is approved)") {
                $0.openTransferForm()
            },
            Action("deadlines", [.char("D")], panes: [.clearances], hint: "deadlines",
                   "list overdue and expiring items first (again: as entered)") { $0.toggleDeadlines() },
            Action("log", [.char("L")], panes: [.clearances], hint: "log",
                   "add a dated line to the selected item's correspondence log (\"emailed licensor\")",
                   disabled: Session.needsClearance) { $0.startLogEntry() },
            Action("clear", [.char("C")], panes: [.clearances], hint: "clear",
                   "mark the selected item cleared today: a form with the fee, account and rights granted",
                   disabled: Session.needsClearance) { $0.openClearForm() },
            Action("board-grid", [.char("v")], panes: [.schedule], hint: "board/grid",
                   "switch between the stripboard, the day-out-of-days grid and (with several productions) the combined grid") { s in
                switch s.scheduleView {
                case .board: s.scheduleView = .grid
                case .grid: s.scheduleView = s.stores.count > 1 ? .combined : .board
                case .combined: s.scheduleView = .board
                }
            },
            Action("next-production", [.char("p")], hint: nil, "show the next production (coord FILE1 FILE2 ...)") {
                $0.switchProduction(by: 1)
            },
            Action("move-down", [.char("J")], panes: [.schedule], "move the strip, day break or banner down one place",
                   disabled: Session.needsBoardItem) { $0.moveSelected(by: 1) },
            Action("move-up", [.char("K")], panes: [.schedule], "move the strip, day break or banner up one place",
                   disabled: Session.needsBoardItem) { $0.moveSelected(by: -1) },
            Action("next-day", [.char(">")], panes: [.schedule], "move the strip to the end of the next shoot day",
                   disabled: Session.needsStrip) { $0.moveStripDay(by: 1) },
            Action("previous-day", [.char("<")], panes: [.schedule], "move the strip to the end of the previous shoot day",
                   disabled: Session.needsStrip) { $0.moveStripDay(by: -1) },
            Action("boneyard", [.char("b")], panes: [.schedule], "send the strip to the boneyard, or bring it back to the last day",
                   disabled: Session.needsStrip) { $0.toggleBoneyard() },
            Action("day-break", [.char("B")], panes: [.schedule], "insert a day break: a new shoot day starts at the strip",
                   disabled: Session.needsStrip) { $0.insertDayBreak() },
            Action("banner", [.char("m")], panes: [.schedule], "add a banner (meal, company move, note) after the line",
                   disabled: { $0.scheduleView != .board ? "that works on the stripboard (v switches back)" : nil }) { $0.addBanner() },
            Action("shot", [.char("x")], panes: [.schedule],
                   "mark the strip at wrap: not shot, shot (✓, done), part-shot (½), round again",
                   disabled: Session.needsStrip) { $0.cycleShot() },
            Action("call-sheet", [.char("s")], panes: [.schedule], hint: "call sheet",
                   "preview the call sheet of the selected day (i in it issues a new version)",
                   disabled: { $0.scheduleView != .board ? "that works on the stripboard (v switches back)" : nil }) { $0.previewCallSheet() },
            Action("previous-board", [.char("[")], panes: [.schedule], "show the previous board (scenario)") { $0.cycleBoard(by: -1) },
            Action("next-board", [.char("]")], panes: [.schedule], "show the next board (scenario)") { $0.cycleBoard(by: 1) },
            Action("activate-board", [.char("*")], panes: [.schedule], "make the board on screen the active one") { $0.activateBoard() },
            Action("grid-left", [.char("h"), .left], panes: [.schedule], "grid: the shoot day before",
                   disabled: Session.needsGrid) { $0.gridColumn = max(0, $0.gridColumn - 1) },
            Action("grid-right", [.char("l"), .right], panes: [.schedule], "grid: the shoot day after",
                   disabled: Session.needsGrid) { $0.gridColumn += 1 },
            Action("cycle-code", [.char(" ")], panes: [.schedule], hint: "code",
                   "grid: cycle a crew or kit member's code on the day (W H T R F SW WF SWF D PU, none)",
                   disabled: Session.needsOwnGrid) { $0.cycleCode() },
            Action("help", [.char("?"), .function(1)], hint: "help", "show every key") { $0.mode = .help(top: 0) },
            Action("redraw", [.ctrl("l")], "redraw the screen") { $0.wantsFullRedraw = true },
            Action("theme", [.char("t")], "change the theme: colour, light, monochrome (theme = in the config keeps one)") {
                $0.cycleTheme()
            },
            Action("quit", [.char("q")], hint: "quit", "quit (every change is already saved)") { $0.wantsQuit = true },
            Action("quit", [.ctrl("c")], "quit") { $0.wantsQuit = true },
        ]
    }
}
