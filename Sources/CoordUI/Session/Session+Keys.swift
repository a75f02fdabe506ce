import CoordModel

/// What each key does in each mode: the table for normal mode, editing for forms and the `:` line.
extension Session {

    public func handle(_ key: Key) {
        if key == .resize { return }
        if case .help = mode {} else { helpCache = nil }
        // Nothing is visible on the "too small" screen, so nothing may act on it but quit.
        if width < Session.minWidth || height < Session.minHeight {
            if key == .char("q") || key == .ctrl("c") { wantsQuit = true }
            return
        }
        switch mode {
        case .normal: handleNormal(key)
        case .form(var f): handleForm(key, &f)
        case .command(var e): handleCommand(key, &e)
        case .filter(var e): handleFilter(key, &e)
        case .logEntry(var e, let item): handleLogEntry(key, &e, item)
        case .confirm(let noun, let id, _): handleConfirm(key, noun, id)
        case .help(let t, let q): handleHelp(key, t, q)
        case .callSheet(let day, let t): handleCallSheet(key, day, t)
        case .search(var e, let from, let previous): handleSearch(key, &e, from: from, previous: previous)
        case .find(var l): handleFind(key, &l)
        case .text(let title, let lines, let t): handleText(key, title: title, lines: lines, top: t)
        }
    }

    func handleNormal(_ key: Key) {
        guard let action = actions.first(where: { $0.keys.contains(key) && $0.applies(to: pane) }) else {
            if case .char(let c) = key { message = Message("'\(c)' does nothing here — ? lists the keys") }
            return
        }
        if let why = action.disabledReason(self) {
            message = Message("\(action.help): \(why)", .error)
            return
        }
        action.run(self)
    }

    func handleForm(_ key: Key, _ f: inout Form) {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            mode = .normal
            message = Message(f.hasChanges ? "cancelled: nothing was saved" : "cancelled")
            return
        case .tab, .down:
            f.check(f.focus, model: model, today: today)
            f.focus = (f.focus + 1) % f.fields.count
        case .backTab, .up:
            f.check(f.focus, model: model, today: today)
            f.focus = (f.focus + f.fields.count - 1) % f.fields.count
        case .enter:
            submit(&f)
            return
        default:
            _ = f.editors[f.focus].handle(key)
            if f.errors[f.focus] != nil { f.check(f.focus, model: model, today: today) }
        }
        mode = .form(f)
    }

    func submit(_ f: inout Form) {
        for i in f.fields.indices { f.check(i, model: model, today: today) }
        if let bad = f.errors.firstIndex(where: { $0 != nil }) {
            f.focus = bad
            f.formError = "fix the marked field\(f.errors.compactMap { $0 }.count > 1 ? "s" : "") first"
            mode = .form(f)
            return
        }
        let cmd = f.command()
        if f.verb == .set && cmd.pairs.count <= 1 {
            mode = .normal
            message = Message("nothing changed")
            return
        }
        switch perform([cmd]) {
        case .success(let events):
            mode = .normal
            if f.verb == .add, let id = events.last?.id {
                if pane.secondaryNoun == f.noun || pane.primaryNoun == f.noun { select(id: id) }
            }
        case .failure(let error):
            if let key = error.key, let i = f.fields.firstIndex(where: { $0.key == key }) {
                f.errors[i] = message?.text
                f.focus = i
                f.formError = nil
            } else {
                f.formError = error.description
            }
            // Journal errors already say "not saved"; a refused field does not.
            let text = error.description
            message = Message(text.hasPrefix("not saved") ? text : "not saved: " + text, .error)
            mode = .form(f)
        }
    }

    func handleCommand(_ key: Key, _ e: inout LineEditor) {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            mode = .normal
            message = nil
            completionCycle = nil
            return
        case .enter:
            mode = .normal
            completionCycle = nil
            run(commandLine: e.text)
            return
        case .up, .down:
            guard !history.isEmpty else { break }
            var i = historyIndex ?? history.count
            i = key == .up ? max(0, i - 1) : min(history.count, i + 1)
            historyIndex = i
            e.set(i < history.count ? history[i] : "")
        case .backspace where e.text.isEmpty:
            mode = .normal
            completionCycle = nil
            return
        case .tab, .backTab:
            complete(&e, backward: key == .backTab)
            mode = .command(e)
            return
        default:
            _ = e.handle(key)
        }
        completionCycle = nil
        mode = .command(e)
    }

    /// Runs what was typed at `:` — a journal command, or q / help.
    public func run(commandLine text: String) {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty else { return }
        if history.last != t {
            history.append(t)
            CommandHistory.append(t, for: store.path)
        }
        historyIndex = nil
        switch t {
        case "q", "quit", "q!", "wq", "x": wantsQuit = true; return
        case "help", "h": mode = .help(top: 0); return
        case "w": message = Message("every change is already saved to \(store.path)", .ok); return
        default: break
        }
        if runAppCommand(t) { return }
        let result = perform(lines: [t])
        if case .failure(.journal(let e)) = result {
            // Not saved (a full disk, a read-only file): the line is kept in the history to try again.
            message = Message(e.description + " — : then ↑ brings the command back", .error)
            return
        }
        if case .success(let events) = result, let id = events.last?.id,
           let e = events.last, e.verb == .add {
            if let p = PaneKind.allCases.first(where: { $0.primaryNoun == e.noun || $0.secondaryNoun == e.noun }) {
                switch e.noun {
                case .cost: budgetView = .costs
                case .budget: budgetView = .lines
                case .account, .etc, .transfer, .category: budgetView = .report
                default: break
                }
                pane = p
                select(id: id)
            }
        }
    }

    func perform(lines: [String]) -> Result<[Event], StoreError> {
        do throws(SyntaxError) {
            var cmds: [Command] = []
            for l in lines { if let c = try LineGrammar.parse(l) { cmds.append(c) } }
            return perform(cmds)
        } catch {
            message = Message(error.description, .error)
            return .failure(.syntax(index: 0, error))
        }
    }

    func handleFilter(_ key: Key, _ e: inout LineEditor) {
        var v = tableView
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            v.filter = ""
            tableView = v
            mode = .normal
            message = Message("filter cleared")
            return
        case .enter, .down, .up:
            mode = .normal
            message = Message(v.filter.isEmpty ? "no filter" : "filter: \(v.filter) (f changes it, Esc in it clears it)")
            if key != .enter { handleNormal(key) }
            return
        default:
            _ = e.handle(key)
        }
        v.filter = e.text
        tableView = v
        selectedID[pane] = nil
        selection[pane] = 0
        mode = .filter(e)
    }

    func handleCallSheet(_ key: Key, _ day: RecordID, _ t: Int) {
        let lines = callSheetLines(day)
        let page = max(1, height - 4)
        let last = max(0, lines.count - page)
        switch key {
        case .escape, .char("q"), .char("s"), .ctrl("c"): mode = .normal
        case .char("j"), .down: mode = .callSheet(day: day, top: min(last, t + 1))
        case .char("k"), .up: mode = .callSheet(day: day, top: max(0, t - 1))
        case .pageDown, .char(" "): mode = .callSheet(day: day, top: min(last, t + page))
        case .pageUp: mode = .callSheet(day: day, top: max(0, t - page))
        case .char("g"), .home: mode = .callSheet(day: day, top: 0)
        case .char("G"), .end: mode = .callSheet(day: day, top: last)
        case .char("i"):
            guard let sheet = model.callSheet(dayID: day) else { return }
            if case .success = perform(lines: [sheet.issueCommand]) {
                message = Message("issued the call sheet for day \(sheet.number), version \(sheet.nextVersion)", .ok)
            }
        default: break
        }
    }

    func handleConfirm(_ key: Key, _ noun: Noun, _ id: RecordID) {
        mode = .normal
        if key == .char("y") || key == .char("Y") {
            let before = currentIndex(table(pane))
            if case .success = perform([Command(noun: noun.rawValue, verb: "rm", pairs: [.init(key: "id", value: id.raw)])]) {
                selectedID[pane] = nil
                select(before)
            }
        } else {
            message = Message("not deleted")
        }
    }
}
