import CoordModel

// Writing the production as a USS file (`USS.export`): cast, strips and banners as breakdowns,
// kit as elements, each board a stripboard with its own calendar.

/// What `USS.export` wrote, and what it could not carry.
public struct USSExport: Sendable {
    /// The file's bytes: UTF-8 JSON, ending in a newline.
    public var bytes: [UInt8]
    /// Things not carried into the file, or carried in another form.
    public var notes: [String]
    public var boards = 0
    public var strips = 0
    public var banners = 0
    public var elements = 0
}

struct USSExporter {
    let model: Model
    let now: String
    var notes: [String] = []
    var categories: [JSON] = []
    var elements: [JSON] = []
    var categoryID: [String: String] = [:]
    /// Element ids by kind (`ie`, `set`, `dn`) and value, and how many of each kind.
    var valueElements: [String: String] = [:]
    var valueCounts: [String: Int] = [:]
    /// Cast element ids by cast number.
    var castElement: [String: String] = [:]

    init(model: Model, now: String) {
        self.model = model
        self.now = now
    }

    static func category(_ id: String, _ name: String, _ ucid: Int, created: String) -> JSON {
        .object([.init("id", .string(id)), .init("created", .string(created)), .init("name", .string(name)),
                 .init("ucid", .number(Double(ucid)))])
    }

    func element(id: String, category: String, name: String, elementID: String = "", events: [JSON] = [],
                 isDood: Bool = false, isDrop: Bool = false, dropDays: Int = 0, isHold: Bool = false) -> JSON {
        .object([.init("id", .string(id)), .init("category", .string(category)), .init("created", .string(now)),
                 .init("daysOff", .array([])), .init("dropDayCount", .number(Double(dropDays))),
                 .init("elementId", .string(elementID)), .init("events", .array(events)), .init("isDood", .bool(isDood)),
                 .init("isDrop", .bool(isDrop)), .init("isHold", .bool(isHold)), .init("isIdLock", .bool(!elementID.isEmpty)),
                 .init("linkedElements", .array([])), .init("name", .string(name))])
    }

    static func date(_ d: CalendarDate) -> JSON { .string("\(d)T00:00:00.000Z") }

    /// An element for (role, value), made the first time it is asked for.
    mutating func valueElement(_ prefix: String, category: String, value: String) -> String {
        let key = prefix + "\u{1F}" + value
        if let id = valueElements[key] { return id }
        let n = (valueCounts[prefix] ?? 0) + 1
        valueCounts[prefix] = n
        let id = "\(prefix)\(n)"
        valueElements[key] = id
        elements.append(element(id: id, category: category, name: value))
        return id
    }

    mutating func run() throws(ScheduleExportError) -> USSExport {
        let p = model.production
        guard !model.strips.isEmpty || !model.banners.isEmpty else {
            throw ScheduleExportError("nothing to export: the production has no strips (USS needs at least one scene)")
        }
        for (id, name, ucid) in [("cat-set", "Set", USS.setUCID), ("cat-ie", "INT/EXT", USS.intExtUCID),
                                 ("cat-dn", "Day/Night", USS.dayNightUCID), ("cat-cast", "Cast", USS.castUCID)] {
            categories.append(USSExporter.category(id, name, ucid, created: now))
        }

        // Cast: the crew in the Cast department with a cast number. The element's name is the
        // character (the crew member's role) when there is one: no personal data leaves.
        for c in model.crew.values where c.dept == "Cast" && !c.castNumber.isEmpty && castElement[c.castNumber] == nil {
            var events: [JSON] = []
            let eventName = ["T": "travel", "R": "rehearsal", "F": "fitting"]
            for b in model.bookings.values where b.who == c.id.raw {
                if let name = eventName[b.code], let d = b.date {
                    events.append(.object([.init("id", .string(b.id.raw)), .init("date", USSExporter.date(d)),
                                           .init("type", .string("event")), .init("name", .string(name))]))
                }
            }
            for (i, d) in c.unavailableDates.sorted().enumerated() {
                events.append(.object([.init("id", .string("\(c.id.raw)-off\(i + 1)")), .init("date", USSExporter.date(d)),
                                       .init("type", .string("dayOff")), .init("name", .string("dayOff"))]))
            }
            let dropDays = Int(c.dropDays) ?? 0
            castElement[c.castNumber] = c.id.raw
            elements.append(element(id: c.id.raw, category: "cat-cast", name: c.role.isEmpty ? c.name : c.role,
                                    elementID: c.castNumber, events: events, isDood: true,
                                    isDrop: dropDays > 0 || c.hold == "drop", dropDays: dropDays, isHold: c.hold != "drop"))
        }

        // Strips.
        var breakdowns: [JSON] = []
        var missingCast = Set<String>()
        for s in model.strips.values {
            var refs: [JSON] = []
            if !s.intExt.isEmpty { refs.append(.string(valueElement("ie", category: "cat-ie", value: s.intExt))) }
            if !s.set.isEmpty { refs.append(.string(valueElement("set", category: "cat-set", value: s.set))) }
            if !s.dayNight.isEmpty { refs.append(.string(valueElement("dn", category: "cat-dn", value: s.dayNight))) }
            for n in s.castNumbers {
                if castElement[n] == nil {
                    missingCast.insert(n)
                    castElement[n] = "cast-\(n)"
                    elements.append(element(id: "cast-\(n)", category: "cat-cast", name: "Cast \(n)", elementID: n, isDood: true, isHold: true))
                }
                refs.append(.string(castElement[n]!))
            }
            breakdowns.append(.object([
                .init("id", .string(s.id.raw)), .init("bannerText", .null), .init("comments", USSExporter.text(s.notes)),
                .init("created", .string(now)), .init("description", USSExporter.text(s.synopsis)), .init("elements", .array(refs)),
                .init("pages", .eighths(s.pages.eighths)), .init("scene", .string(s.scene)), .init("scriptPage", .null),
                .init("duration", .null), .init("type", .string("scene")),
            ]))
        }
        if !missingCast.isEmpty {
            let list = missingCast.sorted(by: castOrder)
            notes.append("cast number\(list.count == 1 ? "" : "s") \(list.joined(separator: ", ")) on strips but on no cast member: written as 'Cast N'")
        }
        for b in model.banners.values {
            breakdowns.append(.object([
                .init("id", .string(b.id.raw)), .init("bannerText", .string(b.text)), .init("comments", .string(b.kind)),
                .init("created", .string(now)), .init("description", .null), .init("elements", .array([])),
                .init("pages", .null), .init("scene", .null), .init("scriptPage", .null), .init("duration", .null),
                .init("type", .string("banner")),
            ]))
        }

        // Kit, in categories by name: a standard ucid when the name is one, else 1000 and up.
        var customUCID = 1000
        var emptyCategory = 0
        for k in model.kit.values {
            var cat = k.category.trimmingWhitespace()
            if cat.isEmpty { cat = "Other"; emptyCategory += 1 }
            let key = USS.fold(cat)
            if categoryID[key] == nil {
                let id = "cat-kit\(categoryID.count + 1)"
                categoryID[key] = id
                var ucid = customUCID
                if let standard = USS.kitCategories.first(where: { USS.fold($0.name) == key }) { ucid = standard.ucid } else { customUCID += 1 }
                categories.append(USSExporter.category(id, cat, ucid, created: now))
            }
            elements.append(element(id: k.id.raw, category: categoryID[key]!, name: k.name))
        }
        if emptyCategory > 0 { notes.append("\(emptyCategory) kit item\(emptyCategory == 1 ? "" : "s") with no category written under Other") }
        guard !elements.isEmpty else {
            throw ScheduleExportError("nothing to export: USS needs at least one element, and no strip has an INT/EXT, set, D/N or cast, and there is no kit")
        }

        // Boards: each a stripboard (running order, boneyard) with its own calendar.
        var stripboards: [JSON] = []
        var calendars: [JSON] = []
        for board in model.boards.values {
            let layout = model.layout(of: board.id)
            var top: [JSON] = []
            var day: [JSON]? = nil
            for entry in layout.entries {
                switch entry {
                case .day:
                    if let d = day { top.append(.array(d)) }
                    day = []
                case .strip(let id, _), .banner(let id):
                    if day != nil { day!.append(.string(id.raw)) } else { top.append(.string(id.raw)) }
                }
            }
            if let d = day { top.append(.array(d)) }
            let bone = layout.boneyard.map { JSON.string($0.raw) }
            stripboards.append(.object([
                .init("id", .string(board.id.raw)),
                .init("boards", .array([
                    .object([.init("id", .string("\(board.id.raw)-stripboard")), .init("name", .string("stripboard")),
                             .init("breakdownIds", .array(top))]),
                    .object([.init("id", .string("\(board.id.raw)-boneyard")), .init("name", .string("boneyard")),
                             .init("breakdownIds", .array(bone))]),
                ])),
                .init("calendar", .string("\(board.id.raw)-calendar")),
                .init("name", .string(board.name.isEmpty ? board.id.raw : board.name)),
            ]))
            calendars.append(calendar(board, layout: layout))
        }

        let name = model.activeBoard.name.isEmpty ? (p.title.isEmpty ? "Coord schedule" : p.title) : model.activeBoard.name
        let root = JSON.object([.init("universalScheduleStandard", .object([
            .init("id", .string("coord" + productionHash(p))),
            .init("author", .null),
            .init("company", USSExporter.text(p.company)),
            .init("created", .string(now)),
            .init("description", .string("Exported by Coord")),
            .init("episode", .null),
            .init("episodeName", .null),
            .init("name", .string(name)),
            .init("project", USSExporter.text(p.title)),
            .init("schedColor", .null),
            .init("schedDate", .null),
            .init("scriptColor", .null),
            .init("scriptDate", .null),
            .init("season", .null),
            .init("source", .string("Coord")),
            .init("ussVersion", .string(USS.version)),
            .init("breakdowns", .array(breakdowns)),
            .init("categories", .array(categories)),
            .init("elements", .array(elements)),
            .init("stripboards", .array(stripboards)),
            .init("calendars", .array(calendars)),
        ]))])
        notes.append("not in USS, so not written: shoot days' unit, location, call, wrap and notes; crew other than cast; budget and clearances")
        return USSExport(bytes: JSONWriter.write(root), notes: notes, boards: stripboards.count, strips: model.strips.count,
                         banners: model.banners.count, elements: elements.count)
    }

    static func text(_ s: String) -> JSON { s.isEmpty ? .null : .string(s) }

    /// A board's calendar. A board with no start date whose days carry their own dates in
    /// order gets a start and blocked dates that walk to the same dates (USS dates days only
    /// through the calendar).
    mutating func calendar(_ board: Board, layout: BoardLayout) -> JSON {
        var start = board.start
        var off = board.offWeekdays
        var events: [JSON] = []
        var entries = model.calendar.values.filter { $0.board == board.id.raw }
        if start == nil, !layout.days.isEmpty {
            let dates = layout.days.map { model.days[$0.id]?.date }
            let known = dates.compactMap { $0 }
            let increasing = known.count == dates.count && zip(known, known.dropFirst()).allSatisfy { $0 < $1 }
            if increasing {
                off.subtract(known.map(\.weekday))
                start = known[0]
                let shootDates = Set(known)
                let clashing = entries.filter { $0.date.map { shootDates.contains($0) } ?? false }
                if !clashing.isEmpty {
                    notes.append("board \(board.name): \(clashing.count) calendar day\(clashing.count == 1 ? "" : "s") on a shoot date not written")
                    entries.removeAll { e in clashing.contains { $0.id == e.id } }
                }
                let blocked = Set(entries.compactMap(\.date))
                var gap = 0
                for (a, b) in zip(known, known.dropFirst()) {
                    var d = a.adding(days: 1)
                    while d < b {
                        if !off.contains(d.weekday) && !blocked.contains(d) {
                            gap += 1
                            events.append(.object([.init("id", .string("\(board.id.raw)-gap\(gap)")), .init("date", USSExporter.date(d)),
                                                   .init("type", .string("dayOff")), .init("name", .string("dayOff"))]))
                        }
                        d = d.adding(days: 1)
                    }
                }
                notes.append("board \(board.name) has no start date: its days' own dates were written as a USS calendar starting \(known[0])")
            }
            if start == nil, !known.isEmpty {
                notes.append("board \(board.name): the days' own dates are not written (USS dates days only through a calendar, and these are not one date after another)")
            }
        }
        if let start {
            events.insert(.object([.init("id", .string("\(board.id.raw)-start")), .init("date", USSExporter.date(start)),
                                   .init("type", .string("start")), .init("name", .null)]), at: 0)
        }
        for e in entries {
            guard let d = e.date else { continue }
            let isOff = e.kind == "off"
            events.append(.object([.init("id", .string(e.id.raw)), .init("date", USSExporter.date(d)),
                                   .init("type", .string(isOff ? "dayOff" : "event")),
                                   .init("name", .string(isOff ? (e.name.isEmpty ? "dayOff" : e.name) : e.kind))]))
        }
        let daysOff = off.map(USS.ussWeekday).sorted().map { JSON.number(Double($0)) }
        return .object([.init("id", .string("\(board.id.raw)-calendar")), .init("daysOff", .array(daysOff)),
                        .init("events", .array(events)), .init("name", .string("\(board.name) calendar"))])
    }
}
