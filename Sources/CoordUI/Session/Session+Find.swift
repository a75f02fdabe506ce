import CoordModel

/// One record holding the words of a `:find`, and the field they were found in.
public struct FindHit: Sendable, Equatable {
    public var id: RecordID
    public var noun: Noun
    public var pane: PaneKind
    public var label: String
    /// "Role: Director of photography"
    public var field: String
}

/// The `:find` overlay: the hits, the one selected, and how far the list is scrolled.
public struct FindList: Sendable, Equatable {
    public var query: String
    public var hits: [FindHit]
    public var selected = 0
    public var top = 0
}

/// `:find TEXT` lists every record of the four panes holding TEXT; Enter goes to one.
extension Session {
    /// The records a pane shows, in the order the find list gives them.
    static let findNouns: [(Noun, PaneKind)] = [(.strip, .schedule), (.day, .schedule), (.banner, .schedule), (.crew, .crew),
                                                 (.account, .budget), (.budget, .budget), (.cost, .budget), (.clearance, .clearances)]

    func findHits(_ query: String) -> [FindHit] {
        guard let m = TextMatch(query) else { return [] }
        let model = self.model
        var hits: [FindHit] = []
        // The days laid out once per board, not once per day found.
        let days = dayLabels(first: board)
        let dayLabel = Dictionary(days.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        for (noun, pane) in Session.findNouns {
            for id in noun == .day ? days.map(\.id) : ids(of: noun, in: model) {
                let label = (noun == .day ? dayLabel[id] : self.label(of: id)) ?? id.raw
                let fields = model.fieldValues(of: id)
                if let (f, v) = fields.first(where: { m.matches($0.1.journalText) }) {
                    hits.append(FindHit(id: id, noun: noun, pane: pane, label: label, field: f.label + ": " + v.journalText))
                } else if m.matches(label) || m.matches(id.raw) {
                    hits.append(FindHit(id: id, noun: noun, pane: pane, label: label, field: m.matches(id.raw) ? "id: \(id.raw)" : ""))
                }
            }
        }
        return hits
    }

    /// A noun's ids in its table's order (the order it was added in), so the list is the same
    /// each time; days come from `dayLabels`, in each board's running order.
    private func ids(of noun: Noun, in m: Model) -> [RecordID] {
        switch noun {
        case .strip: return m.strips.values.map(\.id)
        case .banner: return m.banners.values.map(\.id)
        case .crew: return m.crew.values.map(\.id)
        case .account: return m.accounts.values.map(\.id)
        case .budget: return m.budgetLines.values.map(\.id)
        case .cost: return m.costs.values.map(\.id)
        case .clearance: return m.clearances.values.map(\.id)
        default: return []
        }
    }

    func startFind(_ query: String) {
        let q = query.trimmingWhitespace()
        guard !q.isEmpty else {
            message = Message("find what? :find TEXT lists every strip, day, person, account, cost and clearance holding TEXT", .error)
            return
        }
        let hits = findHits(q)
        guard !hits.isEmpty else {
            message = Message("no strip, day, person, budget record or clearance holds \"\(q)\"", .error)
            return
        }
        mode = .find(FindList(query: q, hits: hits))
        message = Message("\(hits.count) hit\(hits.count == 1 ? "" : "s") for \"\(q)\": Enter goes to one, Esc closes")
    }

    var findPage: Int { max(1, height - 5) }

    func handleFind(_ key: Key, _ l: inout FindList) {
        let last = l.hits.count - 1
        switch key {
        case .escape, .char("q"), .ctrl("c"), .ctrl("g"):
            mode = .normal
            message = nil
            return
        case .enter:
            goTo(l.hits[l.selected])
            return
        case .char("j"), .down: l.selected = min(last, l.selected + 1)
        case .char("k"), .up: l.selected = max(0, l.selected - 1)
        case .pageDown, .char(" "), .ctrl("f"): l.selected = min(last, l.selected + findPage)
        case .pageUp, .ctrl("b"): l.selected = max(0, l.selected - findPage)
        case .char("g"), .home: l.selected = 0
        case .char("G"), .end: l.selected = last
        default: break
        }
        if l.selected < l.top { l.top = l.selected }
        if l.selected >= l.top + findPage { l.top = l.selected - findPage + 1 }
        mode = .find(l)
    }

    /// The hit's pane, in the view that shows it, with it selected.
    func goTo(_ hit: FindHit) {
        mode = .normal
        pane = hit.pane
        switch hit.noun {
        case .account: budgetView = .report
        case .budget: budgetView = .lines
        case .cost: budgetView = .costs
        case .strip, .day, .banner:
            scheduleView = .board
            // A day or banner of another board: that board is shown.
            let b = hit.noun == .day ? model.days[hit.id]?.board : hit.noun == .banner ? model.banners[hit.id]?.board : nil
            if let b, model.boards[RecordID(b)] != nil { viewedBoard = RecordID(b) }
        default: break
        }
        var note = ""
        if !table(pane).rows.contains(where: { $0.id == hit.id }), !tableView.filter.isEmpty {
            // The pane's filter hides it: the filter goes, so the record can be shown.
            var v = tableView
            v.filter = ""
            tableView = v
            note = " (the filter was cleared to show it)"
        }
        select(id: hit.id)
        let shown = selectedRow?.id == hit.id
        message = Message(shown ? "\(hit.noun.title) \(hit.label)" + note : "\(hit.noun.title) \(hit.label) is not shown in this view",
                          shown ? .info : .error)
    }

    /// "Synopsis: …out to look at the light…": a long field cut so the words found show.
    static func snippet(_ field: String, room: Int, _ m: TextMatch?) -> String {
        let chars = Array(field)
        guard TextWidth.of(field) > room, let m, let r = m.ranges(in: field).first,
              TextWidth.of(String(chars[..<r.upperBound])) > room - 1 else { return TextWidth.truncate(field, to: room) }
        let name = field.firstRange(of: ": ").map { String(field[..<$0.upperBound]) } ?? ""
        let from = max(name.count, r.lowerBound - 12)
        return TextWidth.truncate(name + "…" + String(chars[from...]), to: room)
    }

    func drawFind(_ c: inout Canvas, _ l: FindList) {
        let h = height - 3
        c.box(0, 1, width, h, title: "Find \"\(l.query)\" — \(l.hits.count) hit\(l.hits.count == 1 ? "" : "s") · j/k move · Enter goes to it · Esc closes",
              theme.frame)
        let m = TextMatch(l.query)
        let kindW = 14, labelW = max(10, (width - 4 - kindW) * 2 / 5)
        for i in 0..<max(0, h - 2) where l.top + i < l.hits.count {
            let hit = l.hits[l.top + i]
            let y = 2 + i
            let selected = l.top + i == l.selected
            if selected { c.put(1, y, Table.marker, theme.marker) }
            var x = 2
            x += c.put(x, y, TextWidth.fit(hit.noun.title, kindW - 1) + " ", theme.dim)
            let label = TextWidth.fit(hit.label, labelW - 1) + " "
            c.put(x, y, label, selected ? theme.selectedCell : theme.text)
            let field = Session.snippet(hit.field, room: max(0, width - 2 - x - labelW), m)
            c.put(x + labelW, y, field, theme.text)
            // The words found, marked as the / search marks them.
            if let m {
                let chars = Array(field)
                for r in m.ranges(in: field) {
                    c.put(x + labelW + TextWidth.of(String(chars[..<r.lowerBound])), y, String(chars[r]), theme.match)
                }
            }
        }
    }
}
