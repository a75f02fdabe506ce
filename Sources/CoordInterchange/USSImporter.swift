import CoordModel

// Reading a USS file (`USS.importPlan`): the production, categories, elements and cast.
// Breakdowns become strips in USSImporter+Strips.swift, stripboards boards in USSImporter+Boards.swift.

struct USSImporter {
    let name: String
    let model: Model
    var plan = ImportPlan()
    /// Ids of the journal and of this plan: never given twice.
    var used: Set<String>
    var counts: [String: Int] = [:]

    enum Role: Equatable {
        case set, intExt, dayNight, cast
        /// Kept in the strip's notes, as `Label: value`.
        case stripNote(String)
        case kit(String)
        case people(String)
        case field(String)
    }
    struct Element {
        var name: String
        var role: Role
    }
    var roleOfCategory: [String: Role] = [:]
    var elements: [String: Element] = [:]
    var castNumberOfElement: [String: String] = [:]
    /// Breakdown id to strip id, and to scene (for notes).
    var stripOf: [String: String] = [:]
    var sceneOf: [String: String] = [:]
    /// Each strip's `strip add` pairs, made when read and written where it is first placed.
    var stripPairs: [String: [(String, String)]] = [:]
    var stripOrder: [String] = []
    var stripsAdded = Set<String>()
    var banners: [String: JSON] = [:]
    var bannersPlaced = Set<String>()
    /// Tallied notes: text, how many, a few examples.
    var tallies: [(text: String, count: Int, examples: [String])] = []

    init(name: String, model: Model) {
        self.name = name
        self.model = model
        used = Set(model.usedIDs.map(\.raw))
    }

    mutating func note(_ s: String) { plan.notes.append(s) }

    /// Counts one more of `text`; the note says how many, with examples.
    mutating func tally(_ text: String, _ example: String? = nil) {
        if let i = tallies.firstIndex(where: { $0.text == text }) {
            tallies[i].count += 1
            if let example, tallies[i].examples.count < 6, !tallies[i].examples.contains(example) { tallies[i].examples.append(example) }
        } else {
            tallies.append((text, 1, example.map { [$0] } ?? []))
        }
    }

    mutating func finish() -> ImportPlan {
        for t in tallies {
            var s = "\(t.text): \(t.count)"
            if !t.examples.isEmpty {
                s += " (" + t.examples.prefix(5).joined(separator: ", ") + (t.count > 5 ? ", ..." : "") + ")"
            }
            plan.notes.append(s)
        }
        return plan
    }

    mutating func emit(_ noun: String, _ verb: String, _ pairs: [(String, String)]) {
        plan.commands.append(LineGrammar.line(noun: noun, verb: verb, pairs: pairs.filter { !$0.1.isEmpty || $0.0 == "id" }))
    }

    /// `base` if it is free, else `base-2`, `base-3`...; at most 32 characters.
    mutating func freshID(_ base: String) -> String {
        let b = String(base.prefix(28))
        var id = b, n = 1
        while used.contains(id) { n += 1; id = "\(b)-\(n)" }
        used.insert(id)
        return id
    }

    /// `u` and the last 10 letters and digits of a USS id.
    static func derived(_ ussID: String) -> String {
        let safe = ussID.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }
        var out = "u"
        out.unicodeScalars.append(contentsOf: safe.suffix(10))
        return out
    }

    /// `obj[key]` as a list (missing or null: empty); `path` names `obj` in the message.
    func list(_ obj: JSON, _ key: String, in path: String) throws(ImportError) -> [JSON] {
        guard let v = obj[key] else { return [] }
        switch v {
        case .null: return []
        case .array(let a): return a
        default: throw ImportError("\(name): \(path).\(key) should be a list, but it is \(v.kind)")
        }
    }

    mutating func run(_ uss: JSON) throws(ImportError) {
        let version = uss["ussVersion"]?.string ?? ""
        if !version.hasPrefix("1.") {
            note(version.isEmpty ? "the file does not give its USS version: read as \(USS.version)"
                                 : "the file is USS \(version): read as \(USS.version)")
        }
        let breakdowns = try list(uss, "breakdowns", in: "universalScheduleStandard")
        if breakdowns.isEmpty { throw ImportError("\(name) has no breakdowns (scenes): nothing to import") }
        let categories = try list(uss, "categories", in: "universalScheduleStandard")
        let elements = try list(uss, "elements", in: "universalScheduleStandard")
        let stripboards = try list(uss, "stripboards", in: "universalScheduleStandard")
        let calendars = try list(uss, "calendars", in: "universalScheduleStandard")

        production(uss)
        readCategories(categories)
        readElements(elements)
        readBreakdowns(breakdowns)
        try readStripboards(stripboards, calendars: calendars)
        let unplaced = banners.keys.filter { !bannersPlaced.contains($0) }
        if !unplaced.isEmpty {
            note("\(unplaced.count) banner\(unplaced.count == 1 ? " is" : "s are") on no board (or only in a boneyard): not imported, since a Coord banner sits on a board")
        }
    }

    // MARK: production

    mutating func production(_ uss: JSON) {
        let title = (uss["project"]?.string).flatMap { $0.isEmpty ? nil : $0 } ?? uss["name"]?.string ?? ""
        let company = uss["company"]?.string ?? ""
        var pairs: [(String, String)] = []
        if !title.trimmingWhitespace().isEmpty {
            if model.production.title.isEmpty { pairs.append(("title", title)) }
            else if model.production.title != title { note("kept the production's title '\(model.production.title)' (the file calls it '\(title)')") }
        }
        if !company.trimmingWhitespace().isEmpty {
            if model.production.company.isEmpty { pairs.append(("company", company)) }
            else if model.production.company != company { note("kept the production's company '\(model.production.company)' (the file says '\(company)')") }
        }
        if !pairs.isEmpty { emit("production", "set", pairs) }
        var skipped: [String] = []
        for (key, label) in [("name", "schedule name"), ("author", "author"), ("schedColor", "schedule colour"),
                             ("scriptColor", "script colour"), ("schedDate", "schedule date"), ("scriptDate", "script date"),
                             ("episode", "episode"), ("episodeName", "episode name"), ("season", "season")] {
            if let v = uss[key]?.string, !v.trimmingWhitespace().isEmpty, !(key == "name" && v == title) {
                skipped.append("\(label) '\(v)'")
            }
        }
        if !skipped.isEmpty { note("not kept (Coord has no field for them): " + skipped.joined(separator: ", ")) }
    }

    // MARK: categories and elements

    mutating func readCategories(_ categories: [JSON]) {
        var named: [(id: String, name: String, ucid: Int?)] = []
        for c in categories {
            guard let id = c["id"]?.idText else { tally("categories with no id skipped"); continue }
            named.append((id, c["name"]?.string ?? "", c["ucid"]?.int))
        }
        // The standard numbers first; a file without them (the large sample's Set is 50) by name.
        let has = Set(named.compactMap(\.ucid))
        for c in named {
            let f = USS.fold(c.name)
            let role: Role
            switch c.ucid {
            case USS.setUCID?: role = .set
            case USS.intExtUCID?: role = .intExt
            case USS.dayNightUCID?: role = .dayNight
            case USS.castUCID?: role = .cast
            default:
                if f == "set", !has.contains(USS.setUCID) { role = .set }
                else if f == "int/ext" || f == "intext", !has.contains(USS.intExtUCID) { role = .intExt }
                else if f == "day/night" || f == "daynight", !has.contains(USS.dayNightUCID) { role = .dayNight }
                else if f == "cast" || f == "castmembers", !has.contains(USS.castUCID) { role = .cast }
                else if let u = c.ucid, USS.noteUCIDs.contains(u) { role = .stripNote(c.name) }
                else if let u = c.ucid, USS.peopleUCIDs.contains(u) { role = .people(c.name) }
                else if let u = c.ucid, USS.fieldUCIDs.contains(u) { role = .field(c.name) }
                else { role = .kit(c.name.isEmpty ? "Other" : c.name) }
            }
            roleOfCategory[c.id] = role
        }
    }

    mutating func readElements(_ list: [JSON]) {
        struct Cast { var elementID: String; var number: String; var name: String; var json: JSON }
        var cast: [Cast] = []
        var kitSeen = Set<String>()
        for k in model.kit.values { kitSeen.insert(USS.fold(k.category) + "\u{1F}" + k.name) }
        for e in list {
            guard let id = e["id"]?.idText else { tally("elements with no id skipped"); continue }
            let elementName = (e["name"]?.string ?? "").trimmingWhitespace()
            guard let cat = e["category"]?.idText, let role = roleOfCategory[cat] else {
                tally("elements whose category is not in the file skipped", elementName)
                continue
            }
            elements[id] = Element(name: elementName, role: role)
            if let linked = e["linkedElements"]?.array, !linked.isEmpty { tally("links between elements not kept (Coord has no element links)", elementName) }
            switch role {
            case .cast:
                cast.append(Cast(elementID: id, number: (e["elementId"]?.idText ?? "").trimmingWhitespace(), name: elementName, json: e))
            case .kit(let category):
                guard !elementName.isEmpty else { tally("\(category) elements with no name skipped"); continue }
                if let ev = e["events"]?.array, !ev.isEmpty { tally("dates on kit elements not kept", elementName) }
                guard kitSeen.insert(USS.fold(category) + "\u{1F}" + elementName).inserted else { continue }
                let kid = freshID(USSImporter.derived(id))
                emit("kit", "add", [("id", kid), ("name", elementName), ("category", category)])
                tally("\(category) elements added as kit, not linked to their scenes (a Coord strip lists only its cast)")
            case .people(let category):
                tally("\(category) elements skipped (people other than cast: add them as crew or supporting artists)", elementName)
            case .field(let category):
                tally("\(category) elements skipped (they repeat the breakdown's own fields)", elementName)
            case .set, .intExt, .dayNight, .stripNote:
                break
            }
        }
        // Cast numbers: the element's `elementId`; a missing or clashing one gets the next free number.
        var taken = Set(model.crew.values.map(\.castNumber).filter { !$0.isEmpty })
        var next = (cast.compactMap { Int($0.number) } + taken.compactMap { Int($0) }).filter { $0 < 1_000_000 }.max() ?? 0
        var numberOwner: [String: String] = [:]
        for c in cast where isCode(c.number) && numberOwner[c.number] == nil { numberOwner[c.number] = c.elementID }
        for c in cast {
            var number = c.number
            if !isCode(number) || numberOwner[number] != c.elementID {
                next += 1
                while taken.contains(String(next)) { next += 1 }
                number = String(next)
                note("cast \(c.name.isEmpty ? c.elementID : c.name): \(c.number.isEmpty ? "no cast number" : "cast number '\(c.number)' \(isCode(c.number) ? "used twice" : "is not a code")"); given \(number)")
            }
            castNumberOfElement[c.elementID] = number
            if let existing = model.crew.values.first(where: { $0.castNumber == number }) {
                let same = [existing.name, existing.role].contains { $0.lowercased() == c.name.lowercased() }
                if same {
                    tally("cast already in the journal (same cast number and name) not added again", "\(number) \(c.name)")
                } else {
                    note("cast number \(number) is \(existing.name) in the journal but \(c.name.isEmpty ? "unnamed" : c.name) in the file: the strips' cast \(number) means \(existing.name)")
                }
                continue
            }
            taken.insert(number)
            addCast(c.json, elementID: c.elementID, number: number, name: c.name)
        }
    }

    mutating func addCast(_ e: JSON, elementID: String, number: String, name: String) {
        let cid = freshID(USSImporter.derived(elementID))
        let display = name.isEmpty ? "Cast \(number)" : name
        var pairs: [(String, String)] = [("id", cid), ("name", display), ("role", display), ("dept", "Cast"),
                                         ("castno", number), ("status", "pencilled")]
        // USS: drop (and pick up) when work days are more than dropDayCount apart; the full sample spells it doodDayCount.
        let dropCount = e["dropDayCount"]?.int ?? e["doodDayCount"]?.int
        if e["isDrop"]?.bool == true, let n = dropCount, n > 0, n < 100_000 { pairs.append(("dropdays", String(n))) }
        var unavailable: [CalendarDate] = []
        var bookings: [(CalendarDate, String)] = []
        if let days = e["daysOff"]?.array, !days.isEmpty { tally("weekly days off of cast not kept (Coord has unavailable dates, not weekdays)", display) }
        for ev in e["events"]?.array ?? [] {
            guard let date = USSImporter.date(ev["date"]) else { tally("cast dates that do not read as a date skipped", display); continue }
            let type = USS.fold(ev["type"]?.string ?? ""), what = USS.fold(ev["name"]?.string ?? "")
            if type == "dayoff" || what == "dayoff" {
                unavailable.append(date)
            } else if let code = ["travel": "T", "doodtravel": "T", "rehearsal": "R", "doodrehearsal": "R",
                                  "fitting": "F", "doodfitting": "F"][what] {
                if !bookings.contains(where: { $0.0 == date }) { bookings.append((date, code)) }
            } else {
                tally("cast dates of a kind Coord does not book skipped", "\(display) \(ev["name"]?.string ?? ev["type"]?.string ?? "?")")
            }
        }
        if !unavailable.isEmpty {
            pairs.append(("unavailable", Array(Set(unavailable)).sorted().map(\.description).joined(separator: ",")))
        }
        emit("crew", "add", pairs)
        for (date, code) in bookings {
            emit("booking", "add", [("id", freshID(cid + "-" + code.lowercased() + compactDate(date))), ("who", cid),
                                    ("date", date.description), ("code", code)])
        }
    }

    /// The date of a USS time stamp (`2022-06-20T08:00:00.000Z`): its first ten characters.
    static func date(_ v: JSON?) -> CalendarDate? {
        guard let s = v?.string else { return nil }
        let head = String(s.prefix(10))
        guard case .success(let d) = CalendarDate.parse(head, today: nil) else { return nil }
        return d
    }
}
