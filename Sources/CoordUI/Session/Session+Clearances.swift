import CoordModel

extension Session {
    static func needsClearance(_ s: Session) -> String? {
        guard let id = s.selectedRow?.id, s.model.clearances[id] != nil else { return "select a clearance first" }
        return nil
    }

    /// Overdue and expiring items first, or back to the order they were entered.
    func toggleDeadlines() {
        deadlinesFirst.toggle()
        let over = model.overdueClearances(today: today).count, exp = model.expiringClearances(today: today).count
        message = Message(deadlinesFirst ? "deadlines first: \(over) overdue, \(exp) expiring within \(model.production.expiryWarningDays) days (D again: as entered)"
                                         : "clearances as entered")
        select(0)
    }

    /// One line of correspondence for the selected clearance, dated today.
    func startLogEntry() {
        guard let id = selectedRow?.id, model.clearances[id] != nil else { return }
        mode = .logEntry(LineEditor(), item: id)
    }

    func handleLogEntry(_ key: Key, _ e: inout LineEditor, _ item: RecordID) {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            mode = .normal
            message = Message(e.text.isEmpty ? "cancelled" : "cancelled: nothing was saved")
            return
        case .enter:
            let text = e.text.trimmingWhitespace()
            guard !text.isEmpty else { mode = .normal; message = Message("nothing to log"); return }
            let line = LineGrammar.line(noun: "log", verb: "add", pairs: [("item", item.raw), ("date", today.description), ("text", text)])
            if case .success = perform(lines: [line]) { mode = .normal }
            return
        default:
            _ = e.handle(key)
        }
        mode = .logEntry(e, item: item)
    }

    /// The edit form of the selected item, set to cleared today, granted rights as requested unless already given.
    func openClearForm() {
        guard let id = selectedRow?.id, let c = model.clearances[id] else { return }
        var values = ["status": "cleared", "cleared": c.cleared?.description ?? today.description]
        if c.grantedMedia.isEmpty { values["gmedia"] = c.media }
        if c.grantedTerritory.isEmpty { values["gterritory"] = c.territory }
        if c.grantedTerm.isEmpty { values["gterm"] = c.term }
        if c.grantedExclusivity.isEmpty { values["gexclusivity"] = c.exclusivity }
        openForm(.clearance, editing: id, prefill: values)
        // Start where clearing is decided: the rights granted, the fee and the status below them.
        if case .form(var f) = mode, let i = f.fields.firstIndex(where: { $0.key == "gmedia" }) {
            f.focus = i
            mode = .form(f)
        }
    }

    /// Facts the detail line adds beside a record's own fields.
    func extraDetail(_ id: RecordID) -> [(String, String)] {
        if pane == .budget { return budgetDetail(id) }
        if let c = model.clearances[id] {
            var out: [(String, String)] = []
            if let f = model.durationFrames(c) {
                out.append(("Duration", Timecode.minutes(f, base: model.production.timecodeBase)))
            }
            if !c.narrowerRights.isEmpty { out.append(("Granted less than asked", c.narrowerRights.joined(separator: "; "))) }
            if c.commitsFee {
                let open = model.openFee(c)
                out.append(open == .zero ? ("Fee", "invoiced (PO \(c.po))")
                                         : ("Committed", "\(model.production.currencySymbol)\(open.grouped) to \(c.account)"))
            }
            let log = model.log(of: id)
            if let last = log.last {
                out.append(("Log", "\(log.count) entr\(log.count == 1 ? "y" : "ies"), last \(last.date?.short ?? ""): \(last.text) (L adds one)"))
            }
            return out
        }
        if let s = model.strips[id], let items = model.unclearedByScene()[s.scene.uppercased()] {
            return [("Not cleared", items.map { "\($0.title) (\($0.status))" }.joined(separator: "; "))]
        }
        return []
    }
}
