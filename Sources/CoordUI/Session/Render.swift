import CoordModel

extension Session {
    public static let minWidth = 80
    public static let minHeight = 24

    /// Draws the whole frame. Handlers never draw; this reads state only.
    public func render() -> Canvas {
        var c = Canvas(width: width, height: height)
        hits = HitMap()
        guard width >= Session.minWidth, height >= Session.minHeight else {
            let lines = ["terminal too small (need \(Session.minWidth)x\(Session.minHeight))", "now \(width)x\(height)", "q quits"]
            for (i, l) in lines.enumerated() where height > 0 {
                let y = max(0, height / 2 - 1) + i
                c.put(max(0, (width - TextWidth.of(l)) / 2), y, l, i == 0 ? theme.error : theme.text)
            }
            return c
        }
        drawTabs(&c)
        // The table, one detail line, the status bar and the message line.
        let tableH = height - 4
        drawTable(&c, y: 1, h: tableH)
        drawDetail(&c, y: height - 3)
        drawStatus(&c, y: height - 2)
        drawBottom(&c, y: height - 1)
        switch mode {
        case .form(let f):
            let cur = f.draw(into: &c, x: 1, y: 1, w: width - 2, h: height - 3, theme: theme)
            c.cursor = (cur.0, cur.1)
        case .help(let top, let search):
            drawHelp(&c, top: top, search: search)
        case .callSheet(let day, let top):
            let lines = callSheetLines(day)
            let h = height - 2
            c.box(0, 1, width, h, title: "Call sheet — i issues it · j/k scroll · Esc closes", theme.frame)
            for i in 0..<(h - 2) where top + i < lines.count {
                let line = lines[top + i]
                c.put(2, 2 + i, TextWidth.truncate(line, to: width - 4), line.contains("OUT OF DATE") ? theme.error : theme.text)
            }
        case .find(let l): drawFind(&c, l)
        case .text(let title, let lines, let top): drawText(&c, title: title, lines: lines, top: top)
        case .command: drawCompletions(&c, y: height - 2)
        default: break
        }
        return c
    }

    func drawTabs(_ c: inout Canvas) {
        var x = 0
        for p in PaneKind.allCases {
            if p.rawValue > 0 { x += c.put(x, 0, "│", theme.dim) }
            let label = " \(p.rawValue + 1) \(p.title) \(p.count(model)) "
            let style = p == pane ? theme.tabActive : theme.tab
            let start = x
            x += c.put(x, 0, label, style)
            if let alert = summary.alerts[p] {
                x += c.put(x, 0, alert + " ", p == pane ? theme.tabActive : (p.alertIsProblem ? theme.alert : theme.warn))
            }
            hits.tabs.append((p, start..<x))
        }
        let title = model.production.title
        let room = width - x - 2
        if room > 8, !title.isEmpty {
            let t = TextWidth.truncate(title, to: room)
            c.put(width - TextWidth.of(t) - 1, 0, t, theme.dim)
        }
    }

    func drawTable(_ c: inout Canvas, y: Int, h: Int) {
        let t = table(pane)
        let visible = h - 1
        var sel = currentIndex(t)
        if t.rows.isEmpty { sel = 0 }
        var first = top[pane] ?? 0
        if sel < first { first = sel }
        if sel >= first + visible { first = sel - visible + 1 }
        first = max(0, min(first, max(0, t.rows.count - visible)))
        top[pane] = first
        (hits.headerY, hits.bodyY, hits.bodyRows, hits.top) = (y, y + 1, visible, first)
        if pane == .schedule && scheduleView != .board {
            let days = max(0, t.columns.count - t.frozen - (scheduleView == .grid ? 6 : 0))
            gridColumn = max(0, min(gridColumn, days - 1))
            // Keep the selected day in view: scroll so it is among the visible columns.
            let fixedWidth = t.columns.prefix(t.frozen).map { $0.width + 1 }.reduce(0, +)
            let fits = max(1, (width - fixedWidth) / (scheduleView == .grid ? 5 : 8))
            if gridColumn < gridScroll { gridScroll = gridColumn }
            if gridColumn >= gridScroll + fits - 1 { gridScroll = gridColumn - fits + 2 }
            gridScroll = max(0, gridScroll)
            t.draw(into: &c, x: 0, y: y, width: width, height: h, top: first, selected: t.rows.isEmpty ? nil : sel, theme: theme,
                   scroll: gridScroll, selectedColumn: t.frozen + gridColumn)
        } else {
            t.draw(into: &c, x: 0, y: y, width: width, height: h, top: first, selected: t.rows.isEmpty ? nil : sel, theme: theme)
        }
        if !search.isEmpty { drawMatches(&c, t, y: y, h: h, first: first, scroll: pane == .schedule && scheduleView != .board ? gridScroll : 0) }
        if t.rows.isEmpty || (pane == .schedule && model.days.isEmpty && model.strips.isEmpty) {
            let hint = emptyHint()
            c.put(2, y + 3, hint, theme.dim, maxWidth: width - 4)
        }
    }

    func emptyHint() -> String {
        switch pane {
        case .schedule: return "No shoot days yet: A adds a day, a adds a strip (or :day add date=2027-03-01)"
        case .crew: return "No crew yet: a adds a person (or :crew add name=\"...\" role=\"...\" dept=Camera)"
        case .budget:
            switch budgetView {
            case .report: return model.accounts.isEmpty
                ? "No accounts yet: A adds one, or start from a chart: coord chart FILE drama|commercial"
                : "No accounts yet"
            case .costs: return "No costs yet: a adds a cost (or :cost add account=2100 amount=1250.00 vendor=...)"
            case .lines: return "No budget lines yet: a adds one (or :budget add account=2100 qty=5 unit=days rate=450)"
            }
        case .clearances: return "No clearances yet: a adds one (or :clearance add title=\"...\" type=music)"
        }
    }

    func drawStatus(_ c: inout Canvas, y: Int) {
        c.fill(0, y, width, 1, theme.status)
        var left = stores.count > 1 ? " [\(String(UnicodeScalar(UInt8(65 + current % 26))))] \(pane.title)" : " \(pane.title)"
        switch pane {
        case .schedule:
            let b = model.boards[board]
            // At 80 columns the active board's name gives way to the key hints; another board always shows.
            if b?.isActive != true || width >= 100 || model.boards.count > 1 {
                left += " · " + (b?.name ?? board.raw) + (b?.isActive == true ? "" : " (not active)")
            }
            let pages = summary.anyShot ? "\(summary.pagesShot) of \(summary.pages) pgs shot" : "\(summary.pages) pgs"
            left += scheduleView == .grid ? " · grid" : scheduleView == .combined ? " · all productions" : " · " + pages
        case .crew: left += " · \(model.crew.count) people"
        case .budget:
            left += budgetView == .costs ? " · \(model.costs.count) costs" : " · \(budgetView.title)"
            if budgetView == .report, width >= 100 { left += model.budgetLock == nil ? " · not approved" : " · approved" }
        case .clearances:
            left += " · \(model.clearances.count) items"
            let (over, exp) = deadlineCounts
            if over > 0 { left += " · \(over) overdue" }
            if exp > 0 { left += " · \(exp) expiring" }
            if deadlinesFirst { left += " · deadlines first" }
        }
        if store.readOnly != nil { left += " · READ-ONLY" }
        if !tableView.filter.isEmpty { left += " · filter: \(tableView.filter)" }
        left += searchStatus
        let rows = table(pane).rows.count
        if rows > bodyRows {
            // As wide at row 9 as at row 10, so the hints to its right stay where they are.
            let at = String(currentIndex(table(pane)) + 1), all = String(rows)
            left += " · " + String(repeating: " ", count: max(0, all.count - at.count)) + at + "/" + all
        }
        let lw = c.put(0, y, left + " ", theme.status)
        var hints: [String] = []
        var seen = Set<String>()
        var hintKeys: [String: Key] = [:]
        for a in actions where a.applies(to: pane) {
            guard let h = a.hint, seen.insert(h).inserted, let k = a.keys.first else { continue }
            hints.append("\(k) \(h)")
            hintKeys[hints.last!] = k
        }
        // Help and quit always show; the others as room allows, in table order.
        var text = hints.joined(separator: "  ")
        while TextWidth.of(text) > width - lw - 2,
              let drop = hints.lastIndex(where: { !$0.hasSuffix(" help") && !$0.hasSuffix(" quit") }) {
            hints.remove(at: drop)
            text = hints.joined(separator: "  ")
        }
        c.put(width - TextWidth.of(text) - 1, y, text, theme.status)
        // Where each hint is, so a click on it runs it.
        hits.statusY = y
        var hx = width - TextWidth.of(text) - 1
        for h in hints {
            if let k = hintKeys[h] { hits.hints.append((hx..<hx + TextWidth.of(h), k)) }
            hx += TextWidth.of(h) + 2
        }
    }

    func drawBottom(_ c: inout Canvas, y: Int) {
        switch mode {
        case .command(let e):
            c.put(0, y, ":", theme.label)
            let x = e.draw(into: &c, x: 1, y: y, width: width - 2, style: theme.text)
            c.cursor = (x, y)
        case .search(let e, _, _):
            c.put(0, y, "/", theme.label)
            c.cursor = (e.draw(into: &c, x: 1, y: y, width: width - 2, style: theme.text), y)
        case .filter(let e):
            let label = "filter \(pane.title.lowercased()): "
            c.put(0, y, label, theme.label)
            let x = e.draw(into: &c, x: TextWidth.of(label), y: y, width: width - TextWidth.of(label) - 1, style: theme.text)
            c.cursor = (x, y)
        case .logEntry(let e, let item):
            let label = "log for \(TextWidth.truncate(model.clearances[item]?.title ?? item.raw, to: max(8, width / 3))): "
            c.put(0, y, label, theme.label)
            let x = e.draw(into: &c, x: TextWidth.of(label), y: y, width: width - TextWidth.of(label) - 1, style: theme.text)
            c.cursor = (x, y)
        case .confirm(let noun, let id, let label):
            c.put(0, y, "Delete \(noun.title) \(label) (\(id))? y/n", theme.warn, maxWidth: width)
        default:
            guard let m = message else { return }
            let style = m.kind == .error ? theme.error : m.kind == .ok ? theme.ok : theme.text
            c.put(0, y, TextWidth.truncate(m.text, to: width), style)
        }
    }
}
