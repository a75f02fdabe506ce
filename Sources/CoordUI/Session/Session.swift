import CoordModel

/// What the bottom line says after an action.
public struct Message: Sendable, Equatable {
    public enum Kind: Sendable { case info, ok, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) { self.text = text; self.kind = kind }
}

/// What the keyboard is talking to.
public enum Mode: Sendable {
    case normal
    case form(Form)
    case command(LineEditor)
    /// Typing a filter for the pane (`f`): rows narrow as you type.
    case filter(LineEditor)
    /// Typing one line of a clearance's correspondence log (`L`).
    case logEntry(LineEditor, item: RecordID)
    case confirm(noun: Noun, id: RecordID, label: String)
    /// The `?` help, scrolled to `top`, narrowed by its own `/` search.
    case help(top: Int, search: HelpSearch = HelpSearch())
    /// The call sheet of a shoot day, as it would be issued (`s`); `i` issues it.
    case callSheet(day: RecordID, top: Int)
    /// Typing a `/` search: the selection jumps to matches as you type; Esc goes back to row `from`.
    case search(LineEditor, from: Int, previous: String)
    /// The hits of `:find TEXT` across the four records; Enter goes to one.
    case find(FindList)
    /// A page of text that scrolls (`:help set`).
    case text(title: String, lines: [String], top: Int)
}

/// The running app: the open production, and every piece of screen state. No curses here.
public final class Session {
    /// The productions open side by side (`coord FILE1 FILE2 ...`); one is on screen.
    public let stores: [ProductionStore]
    public private(set) var current = 0
    public var store: ProductionStore { stores[current] }
    public var theme: Theme
    /// The theme's name, NO_COLOR, the config file (Config.swift); where the last frame put what a click can hit.
    public var looks = Looks()
    var hits = HitMap()
    public internal(set) var pane: PaneKind = .schedule
    public var budgetView: BudgetView = .report
    /// The board the schedule shows; nil follows the active board.
    public var viewedBoard: RecordID?
    public var scheduleView: ScheduleView = .board
    /// Clearances: overdue and expiring items first (`D`).
    public var deadlinesFirst = false
    /// The grid's selected shoot-day column (0 = day 1) and how far it is scrolled.
    public var gridColumn = 0
    var gridScroll = 0
    public var mode: Mode = .normal
    public var message: Message?
    public var width: Int
    public var height: Int
    public var wantsQuit = false
    /// Set when the screen must be repainted from scratch (Ctrl-L).
    public var wantsFullRedraw = false
    public internal(set) var actions: [Action] = []

    /// Filter and sort per pane (and per budget view, since its two tables differ).
    public var views: [String: TableView] = [:]
    var viewKey: String { pane == .budget ? "budget-\(budgetView)" : pane == .schedule ? "schedule-\(scheduleView)" : pane.title }
    public var tableView: TableView {
        get { views[viewKey] ?? TableView() }
        set { views[viewKey] = newValue }
    }
    var selection: [PaneKind: Int] = [:]
    var selectedID: [PaneKind: RecordID] = [:]
    var top: [PaneKind: Int] = [:]
    var history: [String] = []
    /// The user's own changes, newest last, and what undo took back (Session+Undo.swift).
    var undoStack: [UndoStep] = []
    var redoStack: [UndoStep] = []
    var undoSource = UndoSource.edit
    var reportedBroken = false
    /// The `?` help's lines, worked out when it opens: asking every action why it is off costs
    /// a search for the selected row each, too much to repeat on every key and frame.
    var helpCache: [HelpLine]?
    var historyIndex: Int?
    /// The `/` search (Session+Search.swift), the rows it matched, and Tab's cycle at the `:` line.
    var search = ""
    var searchCache: SearchCache?
    var completionCycle: CompletionCycle?
    /// Bumped by every change, so tables are rebuilt only when the model changed.
    var revision = 0
    /// What a pane's table was built from: rebuilt only when one of these changes.
    struct TableKey: Equatable {
        var revision: Int
        var view: BudgetView
        var deadlinesFirst: Bool
        var today: CalendarDate
        var board: RecordID
        var scheduleView: ScheduleView
        var production: Int
        var narrowing: TableView
    }
    var cache: [PaneKind: (key: TableKey, table: Table)] = [:]
    var summaryCache: (revision: Int, today: CalendarDate, summary: Summary)?
    /// Each production's schedule views and cost report, brought up to date change by change.
    let derived: [DerivedFigures]
    var costReportCache: (revision: Int, today: CalendarDate, production: Int, report: CostReport)?
    var deadlinesCache: (revision: Int, today: CalendarDate, production: Int, overdue: Int, expiring: Int)?

    public convenience init(store: ProductionStore, theme: Theme = .colour, width: Int = 80, height: Int = 24) {
        self.init(stores: [store], theme: theme, width: width, height: height)
    }

    public init(stores: [ProductionStore], theme: Theme = .colour, width: Int = 80, height: Int = 24) {
        precondition(!stores.isEmpty)
        self.stores = stores
        derived = stores.map { _ in DerivedFigures() }
        self.theme = theme
        self.width = width
        self.height = height
        actions = Action.table()
        history = CommandHistory.load(for: stores[0].path)
        for s in stores { s.keepsUndo = true }
    }

    public var model: Model { store.model }
    /// The board on screen: the one chosen with [ and ], else the active one.
    public var board: RecordID {
        if let b = viewedBoard, model.boards[b] != nil { return b }
        return model.activeBoard.id
    }
    public var today: CalendarDate { store.today }

    // MARK: tables and selection

    public func table(_ p: PaneKind) -> Table {
        let key = TableKey(revision: revision, view: budgetView, deadlinesFirst: deadlinesFirst, today: today, board: board, scheduleView: scheduleView,
                           production: current, narrowing: p == pane ? tableView : TableView())
        if let c = cache[p], c.key == key { return c.table }
        let t = p == .schedule && scheduleView == .combined
            ? GridTable.combined(stores.map { ($0.model.production.title.isEmpty ? $0.path : $0.model.production.title, $0.model) })
            : p.table(PaneContext(model: model, today: today, budgetView: budgetView, board: board, scheduleView: scheduleView,
                                  conflicts: p == .schedule && scheduleView == .board ? conflicts(of: board) : [],
                                  costReport: p == .budget && budgetView == .report ? costReport : nil,
                                  layout: p == .schedule && scheduleView == .board ? derived[current].layout(model, board: board) : nil,
                                  dood: p == .schedule && scheduleView == .grid ? dood : nil,
                                  deadlinesFirst: deadlinesFirst))
        if p == pane && !tableView.isPlain {
            let filtered = tableView.apply(to: t, onDay: onDayFilter())
            cache[p] = (key, filtered)
            return filtered
        }
        cache[p] = (key, t)
        return t
    }

    /// The selected row of the focused pane, kept on the same record across changes.
    /// Tab-bar alerts and schedule totals, derived once per change rather than per key.
    struct Summary {
        var alerts: [PaneKind: String] = [:]
        var pages = Pages(eighths: 0)
        /// Pages of done strips, and whether anything is marked shot at all.
        var pagesShot = Pages(eighths: 0)
        var anyShot = false
    }

    var summary: Summary {
        if let s = summaryCache, s.revision == revision, s.today == today { return s.summary }
        var s = Summary()
        for p in PaneKind.allCases {
            s.alerts[p] = p.alert(model, today: today, conflicts: p == .schedule ? conflicts(of: model.activeBoard.id).count : nil,
                                  over: p == .budget ? costReport.overAccounts.count : nil)
        }
        s.pages = model.totalPages
        s.pagesShot = model.pagesShot
        s.anyShot = model.hasShotMarks
        summaryCache = (revision, today, s)
        return s
    }

    public var selectedRow: Row? {
        let t = table(pane)
        guard !t.rows.isEmpty else { return nil }
        return t.rows[currentIndex(t)]
    }

    func currentIndex(_ t: Table) -> Int {
        // Where it was last is almost always where it is: a search only after the rows moved.
        if let id = selectedID[pane], let i = selection[pane], t.rows.indices.contains(i), t.rows[i].id == id { return i }
        if let id = selectedID[pane], let i = t.rows.firstIndex(where: { $0.id == id }) { return i }
        return max(0, min(selection[pane] ?? 0, t.rows.count - 1))
    }

    func select(_ i: Int) {
        let t = table(pane)
        guard !t.rows.isEmpty else { selection[pane] = 0; return }
        let j = max(0, min(i, t.rows.count - 1))
        selection[pane] = j
        selectedID[pane] = t.rows[j].id
    }

    func move(by delta: Int) { select(currentIndex(table(pane)) + delta) }

    func select(id: RecordID) {
        if let i = table(pane).rows.firstIndex(where: { $0.id == id }) { select(i) }
    }

    public func focus(_ p: PaneKind) { pane = p }

    /// Rows of the table body (for paging).
    var bodyRows: Int { max(1, height - 5) }

    // MARK: changes

    /// Performs commands through the store; says what happened. True when saved.
    @discardableResult
    func perform(_ commands: [Command]) -> Result<[Event], StoreError> {
        // Names are read before the change: a removed record has none after it.
        let before = commands.last?.value("id").flatMap { label(of: RecordID($0)) }
        let priorReport = costReportCache.flatMap { $0.revision == revision && $0.production == current ? $0.report : nil }
        do {
            let events = try store.perform(commands)
            revision += 1
            if let e = events.last { record(events, inverses: store.lastUndo, what: describe(e, name: before), source: undoSource) }
            if let e = events.last {
                // A budget change says how its account moved, in place of the record's name.
                if let moved = priorReport.flatMap({ budgetMoves(from: $0, events: events) }) {
                    message = Message("saved: \(e.noun.rawValue) \(e.verb.rawValue) · " + moved, .ok)
                } else {
                    message = Message("saved: " + describe(e, name: before), .ok)
                }
            }
            return .success(events)
        } catch {
            // Another writer's lines may have been read before the refusal: redraw from the model.
            revision += 1
            message = Message(error.description, .error)
            return .failure(error)
        }
    }

    /// How a strip's day shows in a form: its id (dates move when the schedule does).
    func dayText(_ raw: String) -> String { raw }

    /// The shoot day a strip is on, on the board on screen.
    func dayOfStrip(_ id: RecordID) -> RecordID? {
        let layout = model.layout(of: board)
        return layout.dayOfStrip[id].map { layout.days[$0].id }
    }

    func openForm(_ noun: Noun, editing id: RecordID?, prefill: [String: String] = [:]) {
        var values = prefill
        if let id {
            for (f, v) in model.fieldValues(of: id) where prefill[f.key] == nil { values[f.key] = v.journalText }
            if noun == .strip { values["day"] = dayOfStrip(id)?.raw ?? "" }
        } else {
            let row = selectedRow
            switch noun {
            case .strip:
                if let row, let id = row.id {
                    if row.noun == .day { values["day"] = dayText(id.raw) }
                    if row.noun == .strip, let d = dayOfStrip(id) { values["day"] = dayText(d.raw) }
                }
            case .cost, .budget, .etc:
                if let row, let id = row.id, let a = model.accounts[id] { values["account"] = a.code }
                if let row, let id = row.id, let c = model.costs[id] { values["account"] = c.account }
            case .day:
                let next = model.daysInOrder.last?.date?.adding(days: 1)
                values["date"] = next?.description ?? ""
            default: break
            }
            for f in noun.fields where values[f.key] == nil {
                values[f.key] = f.defaultText == "today" ? today.description : f.defaultText
            }
        }
        var form = Form(noun: noun, verb: id == nil ? .add : .set, id: id, values: values)
        if let id, !prefill.isEmpty {
            // Pre-filled changes to a record are changes: compare with what it holds now.
            var held: [String: String] = [:]
            for (f, v) in model.fieldValues(of: id) { held[f.key] = v.journalText }
            form.original = form.fields.map { held[$0.key] ?? "" }
        }
        mode = .form(form)
    }

    /// Picks up what another Coord or `coord do` appended; true when the screen must change.
    public func poll() -> Bool {
        do {
            // Other productions first: their changes show in the combined grid.
            for (i, other) in stores.enumerated() where i != current {
                if (try? other.catchUp())?.changes ?? 0 > 0 { revision += 1 }
            }
            // The record being edited, or else the one selected: if another writer changes it, say so.
            var watched: RecordID?
            if case .form(let f) = mode, let id = f.id { watched = id } else { watched = selectedRow?.id }
            let before = watched.map { model.fieldValues(of: $0).map(\.1) }
            let found = try store.catchUp()
            if found.reloaded {
                revision += 1
                message = Message("\(store.path) was replaced on disk (a git pull or an editor?) and has been read again", .info)
                return true
            }
            let n = found.changes
            guard n > 0 else { return false }
            revision += 1
            message = Message("\(n) change\(n == 1 ? "" : "s") from another writer of this journal", .info)
            if let id = watched, let before, model.fieldValues(of: id).map(\.1) != before {
                let name = label(of: id) ?? id.raw
                let gone = model.nounOf[id] == nil
                if case .form = mode {
                    message = Message(gone ? "\(name) was removed by another writer while you edit it: saving will be refused"
                                           : "\(name) was changed by another writer while you edit it: the fields you change replace theirs, the rest stay theirs",
                                      .error)
                } else {
                    message = Message(gone ? "\(name) was removed by another writer" : "\(name) was just changed by another writer", .info)
                }
            }
            return true
        } catch {
            guard !reportedBroken else { return false }
            reportedBroken = true
            message = Message(error.description + " — nothing more can be saved until it is reopened", .error)
            return true
        }
    }

    /// People and kit working or booked on the shoot day named by `on:N` in the filter.
    func onDayFilter() -> Set<RecordID>? {
        guard let word = tableView.filter.lowercased().split(separator: " ").first(where: { $0.hasPrefix("on:") }) else { return nil }
        let dood = self.dood
        guard let n = Int(word.dropFirst(3)), dood.columns.indices.contains(n - 1) else { return [] }
        return Set(dood.rows.filter { !$0.codes[n - 1].isEmpty && $0.codes[n - 1] != "D" }.map(\.who))
    }

    /// c in the crew pane: a call form for the person, on the next shoot day from today
    /// (their existing call there is edited rather than doubled).
    func openCallForm() {
        guard let who = selectedRow?.id, model.crew[who] != nil else { return }
        let days = model.layout(of: model.activeBoard.id).days
        guard let next = days.first(where: { ($0.date ?? today) > today }) ?? days.last else {
            message = Message("there are no shoot days yet", .error)
            return
        }
        if let existing = model.calls.values.first(where: { $0.who == who.raw && $0.day == next.id.raw }) {
            openForm(.call, editing: existing.id)
            return
        }
        openForm(.call, editing: nil)
        guard case .form(var f) = mode else { return }
        for (key, value) in [("day", next.id.raw), ("who", who.raw), ("time", model.days[next.id]?.call?.description ?? "")] {
            if let i = f.fields.firstIndex(where: { $0.key == key }) { f.editors[i].set(value) }
        }
        f.focus = f.fields.firstIndex { $0.key == "time" } ?? 0
        mode = .form(f)
    }

    /// f: narrow the pane to rows holding the words typed (live); Enter keeps it, Esc clears it.
    func startFilter() {
        mode = .filter(LineEditor(tableView.filter))
    }

    /// o: sort by the next column, and back to the pane's own order after the last.
    func cycleSort() {
        let columns = table(pane).columns.count
        var v = tableView
        let next = (v.sortColumn ?? -1) + 1
        v.sortColumn = next < columns ? next : nil
        tableView = v
        selection[pane] = 0
        let title = v.sortColumn.flatMap { c in table(pane).columns.indices.contains(c) ? table(pane).columns[c].title : nil }
        message = Message(title.map { "sorted by \(String($0.filter { $0 != "▲" }))" } ?? "in the usual order")
    }

    /// Forgets every derived table, as if the journal had just been opened.
    public func invalidate() { revision += 1 }

    /// p: the next production open side by side.
    func switchProduction(by delta: Int) {
        guard stores.count > 1 else {
            message = Message("one production is open; open several with coord FILE1 FILE2 ...")
            return
        }
        current = (current + delta + stores.count) % stores.count
        viewedBoard = nil
        selection = [:]; selectedID = [:]; top = [:]
        if scheduleView == .combined { scheduleView = .board }
        revision += 1
        let title = model.production.title.isEmpty ? store.path : model.production.title
        message = Message("production \(current + 1) of \(stores.count): \(title)")
    }
}
