import CoordModel

/// Records named in a person's words, for the status line.
extension Session {
    /// "crew add Zoë Müller (k3x92)"
    func describe(_ e: Event, name before: String? = nil) -> String {
        let name = e.id.flatMap { label(of: $0) } ?? before ?? ""
        return "\(e.noun.rawValue) \(e.verb.rawValue)" + (name.isEmpty ? "" : " \(name)") + (e.id.map { " (\($0))" } ?? "")
    }

    /// A record's name in a person's words.
    func label(of id: RecordID) -> String? {
        let m = model
        if let r = m.crew[id] { return r.name }
        if let r = m.strips[id] { return "scene \(r.scene)" }
        if let day = m.days[id] {
            let layout = m.layout(of: RecordID(day.board))
            if let d = layout.days.first(where: { $0.id == id }) { return Session.dayLabel(d) }
            return "day"
        }
        if let r = m.accounts[id] { return "\(r.code) \(r.description)" }
        if let r = m.costs[id] { return "\(r.vendor) \(r.amount.map(\.grouped) ?? "")" }
        if let r = m.clearances[id] { return r.title }
        if let r = m.kit[id] { return r.name }
        if let r = m.locations[id] { return r.name }
        if let r = m.calls[id] {
            let who = r.who.isEmpty ? r.dept : (m.crew[RecordID(r.who)]?.name ?? r.who)
            return "\(who) \(r.time?.description ?? "")" + ((label(of: RecordID(r.day))).map { " on \($0)" } ?? "")
        }
        if let r = m.safety[id] { return r.hazard }
        if let r = m.progress[id] { return label(of: RecordID(r.day)) ?? r.day }
        if let r = m.travel[id] { return "\(m.crew[RecordID(r.who)]?.name ?? r.who) \(r.from)→\(r.to)" }
        if let r = m.banners[id] { return "banner \(r.text)" }
        if let r = m.boards[id] { return "board \(r.name)" }
        if let r = m.calendar[id] { return "\(r.kind) \(r.date.map(\.short) ?? "")" }
        if let r = m.bookings[id] {
            let who = label(of: RecordID(r.who)) ?? r.who
            return "\(who) \(r.code) on \(r.date.map(\.short) ?? "")"
        }
        return nil
    }

    /// "day 3 (Wed 25 Nov)"
    static func dayLabel(_ d: BoardLayout.Day) -> String { "day \(d.number)" + (d.date.map { " (\($0.short))" } ?? "") }

    /// Every day with its label: the days of board `first` in its order, then each other
    /// board's, then any day no board places. One layout per board, however many days.
    func dayLabels(first: RecordID) -> [(id: RecordID, label: String)] {
        let m = model
        var out: [(id: RecordID, label: String)] = []
        var boards = Set<RecordID>(), placed = Set<RecordID>()
        for b in [first] + m.boards.values.map(\.id) where boards.insert(b).inserted {
            for d in m.layout(of: b).days where placed.insert(d.id).inserted { out.append((d.id, Session.dayLabel(d))) }
        }
        for d in m.days.values where !placed.contains(d.id) { out.append((d.id, "day")) }
        return out
    }
}
