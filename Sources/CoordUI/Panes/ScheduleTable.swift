import CoordModel

/// Shoot days in date order, each followed by its strips; then the boneyard.
enum ScheduleTable {
    static let columns = [
        Column("Sc", 6).showing("scene"), Column("I/E", 7).showing("ie"), Column("Set", 14, flex: 2).showing("set"),
        Column("D/N", 5).showing("dn"), Column("Pgs", 5, right: true).showing("pages"), Column("Cast", 7).showing("cast"),
        Column("Synopsis", 12, flex: 3).showing("synopsis"),
    ]

    static func build(_ m: Model, board: RecordID, conflicts: [Conflict], layout given: BoardLayout? = nil) -> Table {
        let layout = given ?? m.layout(of: board)
        let clashing = Set(conflicts.flatMap(\.strips))
        let uncleared = m.unclearedByScene()
        var rows: [Row] = []
        for entry in layout.entries {
            switch entry {
            case .day(let i):
                let d = layout.days[i]
                guard let day = m.days[d.id] else { continue }
                let problems = conflicts.filter { $0.day == d.id && $0.strips.isEmpty }.map { "⚠ " + $0.kind.rawValue }
                let (heading, fields) = dayHeading(day, d, of: layout.days.count)
                var row = Row(id: d.id, noun: .day, cells: [([heading] + problems).joined(separator: " · ")], kind: .group)
                row.headingFields = fields
                rows.append(row)
            case .strip(let id, _):
                if let s = m.strips[id] {
                    var row = stripRow(s)
                    if clashing.contains(id) { row.mark = .alert; row.cells[0] += "!" }
                    // © : something on screen or on the soundtrack in this scene is not cleared yet.
                    if uncleared[s.scene.uppercased()] != nil { row.cells[0] += "©" }
                    rows.append(row)
                }
            case .banner(let id):
                if let b = m.banners[id] {
                    let mark = b.kind == "meal" ? "Meal" : b.kind == "move" ? "Company move" : "Note"
                    var row = Row(id: id, noun: .banner, cells: ["── \(mark): \(b.text) ──"], kind: .banner)
                    let line = TextWidth.of(row.cells[0])
                    row.headingFields = [("board", 0), ("kind", line), ("text", line)]
                    rows.append(row)
                }
            }
        }
        rows.append(Row(id: nil, noun: nil, cells: ["Boneyard · \(layout.boneyard.count) unscheduled"], kind: .group))
        rows += layout.boneyard.compactMap { m.strips[$0] }.map(stripRow)
        return Table(columns: columns, rows: rows)
    }

    /// The day's heading line, and which of the day's fields it shows, ending where.
    static func dayHeading(_ d: ShootDay, _ info: BoardLayout.Day, of total: Int) -> (String, [(key: String, end: Int)]) {
        var text = "Day \(info.number) of \(total)"
        // The board is the one on screen; Main is the unit unless the heading says otherwise.
        var fields: [(key: String, end: Int)] = [("board", 0)]
        func add(_ part: String, _ keys: [String]) {
            text += " · " + part
            fields += keys.map { ($0, TextWidth.of(text)) }
        }
        add(info.date?.short ?? "no date", ["date"])
        if d.unit != "Main" && !d.unit.isEmpty { add(d.unit, ["unit"]) } else { fields.append(("unit", 0)) }
        if let c = d.call { add("\(c)" + (d.wrap.map { "–\($0)" } ?? ""), ["call", "wrap"]) }
        add("\(info.pages) pgs", [])
        add("\(info.strips.count) \(info.strips.count == 1 ? "strip" : "strips")", [])
        if !d.location.isEmpty { add(d.location, ["location"]) }
        return (text, fields)
    }

    static func stripRow(_ s: Strip) -> Row {
        // Dusk and dawn print as night strips; INT/EXT as an exterior.
        let night = ["NIGHT", "DUSK", "DAWN"].contains(s.dayNight)
        let ext = s.intExt == "EXT" || s.intExt == "INT/EXT"
        var mark: RowMark = night ? (ext ? .extNight : .intNight) : (ext ? .extDay : .intDay)
        // Shot at wrap: done strips fade back (in monochrome too) so what is left stands out.
        if s.shot == "done" { mark = .dim }
        let shot = s.shot == "done" ? "✓" : s.shot == "part" ? "½" : ""
        return Row(id: s.id, noun: .strip,
                   cells: [s.scene + shot, s.intExt, s.set, s.dayNight, s.pages.eighths == 0 ? "" : s.pages.description, s.cast, s.synopsis],
                   mark: mark)
    }
}

/// The crew list in the usual department order.
enum CrewTable {
    static let columns = [
        Column("Name", 12, flex: 2).showing("name"), Column("Role", 10, flex: 2).showing("role"),
        Column("Dept", 8, flex: 1).showing("dept"), Column("Phone", 15).showing("phone"), Column("Email", 7, flex: 2).showing("email"),
        Column.money("Rate", 8).showing("rate"), Column("Booking", 9).showing("status"),
    ]

    static func build(_ m: Model) -> Table {
        let people = m.crew.values.enumerated().sorted { a, b in
            let ra = Choices.departmentRank(a.element.dept), rb = Choices.departmentRank(b.element.dept)
            if ra != rb { return ra < rb }
            if ra == Choices.departments.count && a.element.dept != b.element.dept { return a.element.dept < b.element.dept }
            return a.offset < b.offset
        }.map(\.element)
        // Grouped by department in the usual running order, as crew lists are printed.
        var rows: [Row] = []
        var dept: String?
        for p in people {
            if p.dept != dept {
                dept = p.dept
                let n = people.filter { $0.dept == p.dept }.count
                rows.append(Row(id: nil, noun: nil, cells: ["\(p.dept.isEmpty ? "No department" : p.dept) · \(n)"], kind: .group))
            }
            rows.append(Row(id: p.id, noun: .crew, cells: [p.name, p.role, p.dept, p.phone, p.email, money(p.rate), p.status],
                            mark: p.status == "released" ? .dim : p.status == "pencilled" ? .warn : .none))
        }
        return Table(columns: columns, rows: rows)
    }
}

/// Open and settled rights: overdue ones in red, expiring and narrower-than-asked ones marked.
enum ClearanceTable {
    static let columns = [
        Column("Title", 14, flex: 3).showing("title"), Column("Type", 8).showing("type"), Column("Status", 11).showing("status"),
        Column("Sc", 6, flex: 1).dropping(2).showing("scenes"), Column("Rights holder", 9, flex: 2).dropping(1).showing("licensor"),
        Column.money("Fee", 8).showing("fee"), Column("Due", 10).showing("due"), Column("Flag", 7),
    ]

    static func build(_ m: Model, today: CalendarDate, deadlinesFirst: Bool = false) -> Table {
        let window = m.production.expiryWarningDays
        var items = Array(m.clearances.values)
        if deadlinesFirst {
            // Overdue first (earliest due first), then expiring (soonest first), then the rest as entered.
            func rank(_ c: Clearance) -> (Int, Int32) {
                if c.isOverdue(today: today) { return (0, c.due?.dayNumber ?? 0) }
                if c.isExpiring(today: today, within: window) { return (1, c.expiry?.dayNumber ?? 0) }
                if !c.isSettled, let due = c.due { return (2, due.dayNumber) }
                return (3, 0)
            }
            items = items.enumerated().sorted { a, b in
                let ra = rank(a.element), rb = rank(b.element)
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
        }
        let rows = items.map { c -> Row in
            let overdue = c.isOverdue(today: today), expiring = c.isExpiring(today: today, within: window)
            let narrower = !c.narrowerRights.isEmpty
            let flag = overdue ? "OVERDUE" : expiring ? "EXPIRES" : narrower ? "NARROW" : ""
            return Row(id: c.id, noun: .clearance,
                       cells: [c.title, c.type, c.status, c.scenes, c.licensor, money(c.fee), date(c.due), flag],
                       mark: overdue ? .alert : (expiring || narrower || !c.isSettled) ? .warn : .none)
        }
        return Table(columns: columns, rows: rows)
    }
}
