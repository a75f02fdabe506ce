import CoordModel

/// The stripboard's and the grid's own actions: moving strips, day breaks, boards, codes.
extension Session {
    /// Why a stripboard action cannot run, or nil.
    static func needsBoardItem(_ s: Session) -> String? {
        if s.scheduleView != .board { return "that works on the stripboard (v switches back)" }
        guard let row = s.selectedRow, row.id != nil, let noun = row.noun, noun.isPlaced else {
            return "select a strip, day break or banner"
        }
        return nil
    }

    static func needsStrip(_ s: Session) -> String? {
        if let why = needsBoardItem(s) { return why }
        return s.selectedRow?.noun == .strip ? nil : "select a strip"
    }

    static func needsGrid(_ s: Session) -> String? {
        s.scheduleView != .board ? nil : "that works in the grid (v shows it)"
    }

    static func needsOwnGrid(_ s: Session) -> String? {
        s.scheduleView == .grid ? nil : s.scheduleView == .combined
            ? "the combined grid only shows; book people in a production's own grid" : "that works in the grid (v shows it)"
    }

    /// Runs one journal command made from words, saying what happened.
    func run(_ noun: Noun, _ verb: String, _ pairs: [(String, String)]) {
        perform([Command(noun: noun.rawValue, verb: verb, pairs: pairs.map { Command.Pair(key: $0.0, value: $0.1) })])
    }

    /// J and K: the selected strip, day break or banner one place down or up the board.
    func moveSelected(by delta: Int) {
        guard let row = selectedRow, let id = row.id, let noun = row.noun else { return }
        let items = model.boards[board]?.items ?? []
        guard let i = items.firstIndex(of: id) else {
            message = Message("that strip is in the boneyard: b puts it back on the board", .error)
            return
        }
        let j = i + delta
        guard items.indices.contains(j) else {
            message = Message(delta > 0 ? "already at the end of the board" : "already at the top of the board")
            return
        }
        var pairs = [("id", id.raw)]
        if noun == .strip { pairs.append(("board", board.raw)) }
        pairs.append(delta > 0 ? ("after", items[j].raw) : ("before", items[j].raw))
        run(noun, "move", pairs)
    }

    /// > and <: the selected strip to the end of the next or previous shoot day.
    func moveStripDay(by delta: Int) {
        guard let id = selectedRow?.id else { return }
        let layout = model.layout(of: board)
        guard let d = layout.dayOfStrip[id] else {
            message = Message("that strip is on no shoot day yet: b puts it on the last day", .error)
            return
        }
        guard layout.days.indices.contains(d + delta) else {
            message = Message(delta > 0 ? "there is no later shoot day (A adds one)" : "there is no earlier shoot day")
            return
        }
        run(.strip, "move", [("id", id.raw), ("day", layout.days[d + delta].id.raw)])
    }

    /// b: to the boneyard, or back from it to the end of the last shoot day.
    func toggleBoneyard() {
        guard let id = selectedRow?.id else { return }
        if model.boards[board]?.items.contains(id) == true {
            run(.strip, "move", [("id", id.raw), ("board", board.raw), ("boneyard", "yes")])
        } else if let last = model.layout(of: board).days.last {
            run(.strip, "move", [("id", id.raw), ("day", last.id.raw)])
        } else {
            run(.strip, "move", [("id", id.raw), ("board", board.raw)])
        }
    }

    /// B: a new shoot day starts at the selected strip.
    func insertDayBreak() {
        guard let id = selectedRow?.id else { return }
        guard model.boards[board]?.items.contains(id) == true else {
            message = Message("put the strip on the board first (b)", .error)
            return
        }
        run(.day, "add", [("board", board.raw), ("before", id.raw)])
    }

    /// m: a banner after the selected line of the board.
    func addBanner() {
        openForm(.banner, editing: nil)
        guard case .form(var f) = mode else { return }
        if let i = f.fields.firstIndex(where: { $0.key == "board" }) { f.editors[i].set(board.raw) }
        if let id = selectedRow?.id, model.boards[board]?.items.contains(id) == true {
            f.extra = [Command.Pair(key: "after", value: id.raw)]
        }
        mode = .form(f)
    }

    /// x: the selected strip's shot mark, round not shot → done → part → not shot. The day it
    /// was shot on is filled in by the journal's own rule (the day the strip is on).
    func cycleShot() {
        guard let id = selectedRow?.id, let strip = model.strips[id] else { return }
        let next = ["": "done", "done": "part"][strip.shot] ?? ""
        let pairs: [Command.Pair] = [.init(key: "id", value: id.raw), .init(key: "shot", value: next)]
        guard case .success = perform([Command(noun: Noun.strip.rawValue, verb: "set", pairs: pairs)]) else { return }
        let day = model.strips[id].flatMap { $0.shotDay.isEmpty ? nil : label(of: RecordID($0.shotDay)) }
        let what = next == "done" ? "shot" : next == "part" ? "part-shot" : "not shot"
        message = Message("saved: scene \(strip.scene) marked \(what)" + (day.map { " on \($0)" } ?? ""), .ok)
    }

    /// s: the call sheet of the selected shoot day (or of the selected strip's day).
    func previewCallSheet() {
        guard let row = selectedRow, let id = row.id else { return }
        let day: RecordID? = row.noun == .day ? id : dayOfStrip(id)
        guard let day, model.callSheet(dayID: day) != nil else {
            message = Message("select a shoot day, or a strip on one", .error)
            return
        }
        mode = .callSheet(day: day, top: 0)
    }

    func callSheetLines(_ day: RecordID) -> [String] {
        (model.callSheet(dayID: day)?.text(crewCopy: false) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// [ and ]: show the previous or next board.
    func cycleBoard(by delta: Int) {
        let ids = Array(model.boards.keys)
        guard ids.count > 1, let i = ids.firstIndex(of: board) else {
            message = Message("there is one board; add another with :board add name=\"...\"")
            return
        }
        viewedBoard = ids[(i + delta + ids.count) % ids.count]
        message = Message("board: \(model.boards[board]?.name ?? board.raw)" + (model.boards[board]?.isActive == true ? " (active)" : " — * makes it active"))
    }

    func activateBoard() {
        guard model.boards[board]?.isActive == false else {
            message = Message("\(model.boards[board]?.name ?? board.raw) is already the active board")
            return
        }
        run(.board, "set", [("id", board.raw), ("active", "yes")])
    }

    /// Space in the grid: the selected person's or kit item's code on that day, round the usual codes.
    func cycleCode() {
        guard let row = selectedRow, let who = row.id else { return }
        let dood = self.dood
        guard dood.columns.indices.contains(gridColumn), let date = dood.columns[gridColumn].date else {
            message = Message("this shoot day has no date yet (give the board a start date)", .error)
            return
        }
        if let r = dood.rows.first(where: { $0.who == who }), r.fromStrips.contains(gridColumn), model.bookingAt[Model.BookingKey(who: who.raw, date: date)] == nil {
            message = Message("\(r.name) works this day because of the strips on it: move the strips to change it", .error)
            return
        }
        let order = ["", "W", "H", "T", "R", "F", "SW", "WF", "SWF", "D", "PU"]
        let existing = model.bookingAt[Model.BookingKey(who: who.raw, date: date)]
        let current = existing.flatMap { model.bookings[$0]?.code } ?? ""
        let next = order[((order.firstIndex(of: current) ?? 0) + 1) % order.count]
        if let existing {
            if next.isEmpty { run(.booking, "rm", [("id", existing.raw)]) } else { run(.booking, "set", [("id", existing.raw), ("code", next)]) }
        } else {
            run(.booking, "add", [("who", who.raw), ("date", date.description), ("code", next)])
        }
    }

    /// The day out of days of the board on screen, kept up to date change by change.
    var dood: DayOutOfDays { derived[current].dayOutOfDays(model, board: board) }

    /// The grid's detail lines: the selected cell in words.
    func gridDetail() -> [String] {
        let dood = self.dood
        guard let row = selectedRow, let who = row.id, let r = dood.rows.first(where: { $0.who == who }),
              dood.columns.indices.contains(gridColumn) else {
            return ["Day out of days: h/l choose a day, Space cycles a crew or kit code; cast days come from the strips"]
        }
        let col = dood.columns[gridColumn]
        let code = r.codes[gridColumn]
        let name = r.kind == .cast ? "\(r.name) (cast \(r.number))" : r.name
        var first = "Day \(col.number)" + (col.date.map { " · \($0.short)" } ?? "") + " · \(name): " + (code.isEmpty ? "not booked" : code)
        if r.fromStrips.contains(gridColumn), let day = model.layout(of: board).days.first(where: { $0.id == col.day }) {
            let scenes = day.strips.compactMap { model.strips[$0] }.filter { $0.castNumbers.contains(r.number) }.map(\.scene)
            if !scenes.isEmpty { first += " · scenes " + scenes.joined(separator: ", ") }
        }
        if let d = col.date, model.crew[who]?.unavailableDates.contains(d) == true { first += " · NOT AVAILABLE" }
        let second = "work \(r.work) · hold \(r.hold) · travel \(r.travel) · total \(r.total)"
            + (r.start.map { " · from \($0.short)" } ?? "") + (r.finish.map { " to \($0.short)" } ?? "")
        return [first, second]
    }
}
