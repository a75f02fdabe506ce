import CoordModel

// Universal Schedule Standard (USS) 1.0.0: JSON schedules from Think Crew and other
// schedulers. `USS.importPlan` turns a file into journal commands; `USS.export` writes the
// production's boards back out as a file that validates against uss-schema-1.0.0.json.
// How each field maps, and what is skipped, is in docs/INTERCHANGE.md.

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

/// A production that cannot be written in a format, and why.
public struct ScheduleExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public enum USS {
    public static let version = "1.0.0"

    /// The journal commands that bring `bytes` (a USS file) into `model`. `name` is how
    /// error messages call the file. Bad input throws an `ImportError` that says why.
    public static func importPlan(_ bytes: [UInt8], into model: Model, name: String = "the file") throws(ImportError) -> ImportPlan {
        let root: JSON
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ImportError("\(name) is not a USS file: \(error.message)")
        }
        guard let uss = root["universalScheduleStandard"] else {
            throw ImportError("\(name) is JSON but not a USS file: it has no \"universalScheduleStandard\" object at the top")
        }
        guard case .object = uss else {
            throw ImportError("\(name) is not a USS file: \"universalScheduleStandard\" is \(uss.kind), not an object")
        }
        var importer = USSImporter(name: name, model: model)
        try importer.run(uss)
        return importer.finish()
    }

    /// The production's boards, strips, banners, cast and kit as a USS 1.0.0 file.
    public static func export(_ model: Model, clock: Clock = Clock()) throws(ScheduleExportError) -> USSExport {
        var exporter = USSExporter(model: model, now: isoStamp(clock))
        return try exporter.run()
    }

    /// `2026-11-22T13:44:01.000Z`, the form USS files use.
    static func isoStamp(_ clock: Clock) -> String {
        var s = clock.stamp
        if s.hasSuffix("Z") { s.removeLast(); s += ".000Z" }
        return s
    }

    /// USS weekdays run 0 = Sunday ... 6 = Saturday; Coord's 0 = Monday ... 6 = Sunday.
    static func coordWeekday(uss n: Int) -> Int { (n + 6) % 7 }
    static func ussWeekday(coord n: Int) -> Int { (n + 1) % 7 }

    /// The standard USS category numbers (ucid) of breakdown elements.
    static let setUCID = 0, intExtUCID = 1, dayNightUCID = 2, castUCID = 100
    /// Scene attributes kept in a strip's notes: Script Day, Unit, Sequence, Location, Notes, Comments.
    static let noteUCIDs: Set<Int> = [3, 4, 5, 6, 123, 124, 56]
    /// People other than cast: Background, Stunts, Animal Handler, Security, Additional Labor.
    static let peopleUCIDs: Set<Int> = [101, 102, 109, 118, 120]
    /// Categories that repeat a breakdown's own fields: Scene Number, Description, Pages, Script Page, Duration.
    static let fieldUCIDs: Set<Int> = [51, 52, 53, 54, 55]
    /// Standard categories a Coord kit category may be written as.
    static let kitCategories: [(ucid: Int, name: String)] = [
        (103, "Vehicles"), (104, "Props"), (105, "SFX"), (106, "Wardrobe"), (107, "Makeup/Hair"), (108, "Animals"),
        (110, "Camera"), (111, "Grip"), (112, "Electric"), (113, "Sound"), (114, "Music"), (115, "Art Department"),
        (116, "Set Dressing"), (117, "Greenery"), (119, "Special Equipment"), (121, "VFX"), (122, "MFX"),
        (125, "Misc"), (126, "Other"),
    ]

    /// Case, spaces, dots, dashes and underscores ignored.
    static func fold(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "." })
    }
}

// MARK: - Import

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

    /// Letters, digits, `- . /`, up to 24: what a cast number or scene may be.
    func isCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 24 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }
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

    func compactDate(_ d: CalendarDate) -> String { String(d.description.filter { $0 != "-" }) }

    /// The date of a USS time stamp (`2022-06-20T08:00:00.000Z`): its first ten characters.
    static func date(_ v: JSON?) -> CalendarDate? {
        guard let s = v?.string else { return nil }
        let head = String(s.prefix(10))
        guard case .success(let d) = CalendarDate.parse(head, today: nil) else { return nil }
        return d
    }

    // MARK: breakdowns

    mutating func readBreakdowns(_ list: [JSON]) {
        var noScene = 0
        for b in list {
            guard let id = b["id"]?.idText else { tally("breakdowns with no id skipped"); continue }
            let type = USS.fold(b["type"]?.string ?? "")
            if type == "banner" {
                banners[id] = b
                continue
            }
            guard type == "scene" || type == "strip" else {
                tally("breakdowns of an unknown type skipped", b["type"]?.string ?? "none")
                continue
            }
            var notes: [String] = []
            if let c = b["comments"]?.string, !c.trimmingWhitespace().isEmpty { notes.append(c.trimmingWhitespace()) }
            // Scene: a Coord scene is a code (letters, digits, - . /, up to 24).
            let rawScene = (b["scene"]?.idText ?? "").trimmingWhitespace()
            var scene = sceneCode(rawScene)
            if scene.isEmpty {
                noScene += 1
                scene = "NOSCENE\(noScene)"
                tally("strips with no scene number given NOSCENE1, NOSCENE2...",
                      String((b["description"]?.string ?? id).prefix(40)))
            } else if scene != rawScene {
                notes.append("USS scene: \(rawScene)")
                tally("scene numbers Coord cannot write as they are (letters, digits, - . / up to 24) changed", "\(rawScene) → \(scene)")
            }
            // Elements: INT/EXT, set, day/night, cast; notes for script day, unit...
            var ie: [String] = [], sets: [String] = [], dn: [String] = [], cast: [String] = []
            var extra: [(String, String)] = []
            for ref in b["elements"]?.array ?? [] {
                guard let eid = ref.idText, let el = elements[eid] else { tally("element references to no element skipped", scene); continue }
                switch el.role {
                case .intExt: ie.append(el.name)
                case .set: if !el.name.isEmpty && !sets.contains(el.name) { sets.append(el.name) }
                case .dayNight: dn.append(el.name)
                case .cast: if let n = castNumberOfElement[eid], !cast.contains(n) { cast.append(n) }
                case .stripNote(let label): if !el.name.isEmpty { extra.append((label, el.name)) }
                default: break
                }
            }
            let intExt = mapIntExt(ie, scene: scene)
            let dayNight = mapDayNight(dn, scene: scene, notes: &notes)
            if sets.count > 1 { tally("strips with more than one set: the sets joined with ' / '", scene) }
            for (label, value) in extra { notes.append("\(label): \(value)") }
            cast.sort { (Int($0) ?? Int.max, $0) < (Int($1) ?? Int.max, $1) }
            let pages = readPages(b["pages"], scene: scene)
            if (b["scriptPage"]?.string).map({ !$0.isEmpty }) == true || b["duration"]?.number != nil {
                tally("script page and estimated duration not kept (Coord strips have no such fields)", scene)
            }
            let sid = freshID(USSImporter.derived(id))
            if model.usedIDs.contains(RecordID(USSImporter.derived(id))) {
                tally("strips whose id is already in the journal (imported before?) given new ids", scene)
            }
            stripOf[id] = sid
            sceneOf[id] = scene
            stripOrder.append(sid)
            stripPairs[sid] = [("id", sid), ("scene", scene), ("ie", intExt), ("set", sets.joined(separator: " / ")),
                               ("dn", dayNight), ("pages", pages.eighths == 0 ? "" : pages.description),
                               ("synopsis", (b["description"]?.string ?? "").trimmingWhitespace()),
                               ("cast", cast.joined(separator: ",")), ("notes", notes.joined(separator: "; "))]
        }
    }

    func sceneCode(_ raw: String) -> String {
        var out = ""
        var gap = false
        for ch in raw {
            if ch.isWhitespace || ch == "_" { gap = !out.isEmpty; continue }
            guard ch.isASCII, ch.isLetter || ch.isNumber || "-./".contains(ch) else { continue }
            if gap { out.append("-"); gap = false }
            out.append(ch)
        }
        return String(out.prefix(24))
    }

    mutating func readPages(_ v: JSON?, scene: String) -> Pages {
        switch v {
        case .number(let p)?:
            guard p.isFinite, p >= 0 else { tally("negative page counts read as 0", scene); return Pages(eighths: 0) }
            let e = (p * 8).rounded()
            if abs(e - p * 8) > 1e-6 { tally("page counts not in eighths rounded to the nearest eighth", "\(scene): \(p)") }
            return Pages(eighths: Int(min(e, 999 * 8 + 7)))
        case .string(let s)?:
            if case .success(let p) = Pages.parse(s) { return p }
            tally("page counts that do not read as pages read as 0", "\(scene): \(s)")
            return Pages(eighths: 0)
        default:
            tally("strips with no page count (0 kept)", scene)
            return Pages(eighths: 0)
        }
    }

    mutating func mapIntExt(_ names: [String], scene: String) -> String {
        var found = Set<String>()
        for n in names {
            let f = n.uppercased().filter { !$0.isWhitespace && $0 != "." }
            switch f {
            case "INT", "I", "INTERIOR": found.insert("INT")
            case "EXT", "E", "EXTERIOR": found.insert("EXT")
            case "INT/EXT", "EXT/INT", "I/E", "E/I", "IE", "EI", "INTEXT", "EXTINT": found.formUnion(["INT", "EXT"])
            default:
                if let c = Choices.intExt.canonical(n) {
                    if c == "INT/EXT" { found.formUnion(["INT", "EXT"]) } else { found.insert(c) }
                } else {
                    tally("INT/EXT values Coord does not know left empty", "\(scene): \(n)")
                }
            }
        }
        if found.count > 1 { return "INT/EXT" }
        return found.first ?? ""
    }

    mutating func mapDayNight(_ names: [String], scene: String, notes: inout [String]) -> String {
        var values: [String] = []
        for n in names {
            let f = USS.fold(n)
            let guessed = ["afternoon": "DAY", "noon": "DAY", "magichour": "DUSK", "sunset": "DUSK", "sunrise": "DAWN",
                           "twilight": "DUSK", "latenight": "NIGHT"][f]
            if let g = guessed {
                tally("D/N '\(n.uppercased())' read as \(g)", scene)
                values.append(g)
            } else if let c = Choices.dayNight.canonical(n) {
                if USS.fold(c) != f && !["d", "n", "cont"].contains(f) { tally("D/N '\(n.uppercased())' read as \(c)", scene) }
                values.append(c)
            } else {
                notes.append("D/N: \(n)")
                tally("D/N '\(n)' is not a Coord day/night: left empty, kept in the strip's notes", scene)
            }
        }
        let distinct = values.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if distinct.count > 1 { tally("strips with more than one D/N: the first kept", scene) }
        return distinct.first ?? ""
    }

    // MARK: stripboards and calendars

    enum Item { case loose(String), day([String]) }

    mutating func items(_ list: [JSON], board: String) -> [Item] {
        var out: [Item] = []
        for x in list {
            switch x {
            case .string, .number: if let id = x.idText { out.append(.loose(id)) }
            case .array(let inner):
                var ids: [String] = []
                var deep = false
                func walk(_ v: [JSON]) {
                    for y in v {
                        if case .array(let a) = y { deep = true; walk(a) }
                        else if let s = y.idText { ids.append(s) }
                    }
                }
                walk(inner)
                if deep { tally("board \(board): lists nested deeper than one shoot day flattened into their day") }
                out.append(.day(ids))
            default:
                tally("board \(board): entries that are not ids skipped", x.kind)
            }
        }
        return out
    }

    mutating func readStripboards(_ stripboards: [JSON], calendars: [JSON]) throws(ImportError) {
        var calendarByID: [String: JSON] = [:]
        for c in calendars { if let id = c["id"]?.idText { calendarByID[id] = c } }
        defer {
            // Strips on no board wait in the boneyard, in the file's order.
            for sid in stripOrder where !stripsAdded.contains(sid) { emit("strip", "add", stripPairs[sid] ?? []) }
        }
        if stripboards.isEmpty {
            note("the file has no stripboards: every strip is in the boneyard")
            return
        }
        let fresh = model.strips.isEmpty && model.days.isEmpty && model.banners.isEmpty && model.boards.count == 1
            && (model.boards[Board.mainID]?.items.isEmpty ?? false)
        // Board names are unique in a journal.
        var boardNames = Set(model.boards.values.filter { !(fresh && $0.id == Board.mainID) }.map { $0.name.lowercased() })
        var boards: [(id: String, name: String, items: [Item])] = []
        for (n, sb) in stripboards.enumerated() {
            var boardName = (sb["name"]?.string ?? "").trimmingWhitespace()
            if boardName.isEmpty { boardName = "Board \(n + 1)" }
            if boardNames.contains(boardName.lowercased()) {
                var k = 2
                while boardNames.contains("\(boardName) (\(k))".lowercased()) { k += 1 }
                note("board \(boardName): a board of that name exists; this one is called '\(boardName) (\(k))'")
                boardName = "\(boardName) (\(k))"
            }
            boardNames.insert(boardName.lowercased())
            let useMain = fresh && n == 0
            let bid = useMain ? Board.mainID.raw : freshID(USSImporter.derived(sb["id"]?.idText ?? "b\(n + 1)"))
            // The calendar: start, weekly days off, other dates.
            var pairs: [(String, String)] = [("id", bid), ("name", boardName)]
            var entries: [(CalendarDate, String, String)] = []
            if let cid = sb["calendar"]?.idText {
                if let cal = calendarByID[cid] {
                    let (start, daysOff, dated) = readCalendar(cal, board: boardName)
                    if let start { pairs.append(("start", start.description)) }
                    if let daysOff { pairs.append(("daysoff", daysOff)) }
                    entries = dated
                } else {
                    note("board \(boardName): its calendar \(cid) is not in the file; the board has no start date")
                }
            }
            emit("board", useMain ? "set" : "add", pairs)
            for (i, e) in entries.enumerated() {
                emit("calendar", "add", [("id", freshID("\(bid)-c\(i + 1)")), ("board", bid), ("date", e.0.description),
                                          ("kind", e.1), ("name", e.2)])
            }
            // The running order; the boneyard is what Coord works out (strips not on the board).
            var running: [JSON] = []
            var runningLists = 0
            for b in sb["boards"]?.array ?? [] {
                let list = b["breakdownIds"]?.array ?? b["breakdownArrays"]?.array ?? []
                if USS.fold(b["name"]?.string ?? "") == "boneyard" {
                    var ids: [String] = []
                    for x in list { USSImporter.collectIDs(x, into: &ids) }
                    for id in ids where banners[id] != nil { tally("banners in a boneyard skipped (a Coord banner sits on a board)") }
                } else {
                    runningLists += 1
                    running += list
                }
            }
            if runningLists > 1 { note("board \(boardName): \(runningLists) running orders in one stripboard, read one after the other") }
            boards.append((bid, boardName, items(running, board: boardName)))
        }
        // Boards with nothing but strips first: their first strip can only be placed by adding it there.
        func anchorless(_ items: [Item]) -> Bool {
            items.allSatisfy { if case .loose(let id) = $0 { return banners[id] == nil }; return false }
        }
        var lastWithDays: (id: String, name: String)?
        for b in boards where anchorless(b.items) { _ = place(b.items, board: b.id, boardName: b.name) }
        for b in boards where !anchorless(b.items) {
            if place(b.items, board: b.id, boardName: b.name) > 0 { lastWithDays = (b.id, b.name) }
        }
        // The last board with shoot days is the one to work from; an existing production keeps its own.
        if let last = lastWithDays {
            if !fresh {
                note("the active board is still '\(model.activeBoard.name)'; to work from '\(last.name)': board set id=\(last.id) active=yes")
            } else {
                if last.id != Board.mainID.raw { emit("board", "set", [("id", last.id), ("active", "yes")]) }
                if stripboards.count > 1 { note("'\(last.name)' is the active board (the last one with shoot days)") }
            }
        }
    }

    static func collectIDs(_ v: JSON, into ids: inout [String]) {
        switch v {
        case .array(let a): for x in a { collectIDs(x, into: &ids) }
        default: if let s = v.idText { ids.append(s) }
        }
    }

    /// Start date, Coord days off, and dated entries (kind, name) of a USS calendar.
    mutating func readCalendar(_ cal: JSON, board: String) -> (CalendarDate?, String?, [(CalendarDate, String, String)]) {
        var start: CalendarDate?
        var entries: [(CalendarDate, String, String)] = []
        for ev in cal["events"]?.array ?? [] {
            let type = USS.fold(ev["type"]?.string ?? "")
            let evName = (ev["name"]?.string ?? "").trimmingWhitespace()
            guard let date = USSImporter.date(ev["date"]) else {
                tally("board \(board): calendar dates that do not read as a date skipped", ev["date"]?.string ?? "none")
                continue
            }
            if type == "start" {
                if start == nil { start = date } else { note("board \(board): a second start date (\(date)) ignored") }
                continue
            }
            let f = USS.fold(evName)
            let ours = Choices.calendarKind.values.first { USS.fold($0) == f }
            if let ours {
                entries.append((date, ours, ""))
            } else if type == "dayoff" || f == "dayoff" {
                entries.append((date, "off", f == "dayoff" || evName.isEmpty ? "" : evName))
            } else {
                entries.append((date, "off", evName.isEmpty ? (ev["type"]?.string ?? "") : evName))
                tally("calendar dates of a kind Coord does not have kept as kind=off with their name", "\(board): \(evName.isEmpty ? type : evName)")
            }
        }
        var daysOff: String?
        if let off = cal["daysOff"]?.array {
            let coord = Set(off.compactMap(\.int).filter { (0...6).contains($0) }.map(USS.coordWeekday))
            if coord.isEmpty {
                daysOff = "none"
            } else if coord.count == 7 {
                note("board \(board): the file's calendar has every weekday off: left at sat,sun")
            } else {
                daysOff = coord.sorted().map { Weekdays.names[$0] }.joined(separator: ",")
            }
        }
        return (start, daysOff, entries)
    }

    /// Puts the board's running order in place; returns how many shoot days it has. A strip
    /// is added where it first appears on a board, and moved onto the boards after that.
    mutating func place(_ items: [Item], board bid: String, boardName: String) -> Int {
        var last: String?
        // Strips already added that come before anything on this board: they go before the first thing placed.
        var waiting: [String] = []
        var onBoard = Set<String>()
        var days = 0
        var between = 0
        func placed(_ id: String, _ me: inout USSImporter) {
            if last == nil {
                for sid in waiting { me.emit("strip", "move", [("id", sid), ("board", bid), ("before", id)]) }
                waiting = []
            }
            last = id
        }
        for item in items {
            let ids: [String]
            switch item {
            case .loose(let id):
                ids = [id]
                if days > 0, stripOf[id] != nil { between += 1 }
            case .day(let inner):
                days += 1
                let did = freshID("\(bid)-d\(days)")
                emit("day", "add", [("id", did), ("board", bid)])
                placed(did, &self)
                ids = inner
            }
            for id in ids {
                if let sid = stripOf[id] {
                    guard onBoard.insert(sid).inserted else {
                        tally("board \(boardName): strips listed twice on the board (kept at the first place)", sceneOf[id])
                        continue
                    }
                    if !stripsAdded.contains(sid) {
                        stripsAdded.insert(sid)
                        emit("strip", "add", (stripPairs[sid] ?? []) + [("board", bid)] + (last.map { [("after", $0)] } ?? []))
                        placed(sid, &self)
                    } else if let l = last {
                        emit("strip", "move", [("id", sid), ("board", bid), ("after", l)])
                        last = sid
                    } else {
                        waiting.append(sid)
                    }
                } else if let b = banners[id] {
                    let nid = freshID(USSImporter.derived(id))
                    let text = bannerText(b)
                    emit("banner", "add", [("id", nid), ("board", bid), ("text", text), ("kind", bannerKind(b, text: text))])
                    bannersPlaced.insert(id)
                    placed(nid, &self)
                } else {
                    tally("board \(boardName): ids that name no scene or banner in the file skipped", String(id.prefix(24)))
                }
            }
        }
        if !waiting.isEmpty {
            // Nothing on the board to place them against: a banner holds the place for a moment.
            let holder = freshID("\(bid)-placing")
            emit("banner", "add", [("id", holder), ("board", bid), ("text", "placing strips")])
            for sid in waiting { emit("strip", "move", [("id", sid), ("board", bid), ("before", holder)]) }
            emit("banner", "rm", [("id", holder)])
            note("board \(boardName): its strips were placed against a banner added and removed at once (\(holder)): a strip already on another board cannot be placed on an empty one")
        }
        if between > 0 {
            note("board \(boardName): \(between) strip\(between == 1 ? "" : "s") sat between shoot days, outside any day; Coord puts each at the end of the day before it")
        }
        return days
    }

    func bannerText(_ b: JSON) -> String {
        for key in ["bannerText", "scene", "description", "comments"] {
            if let s = b[key]?.string, !s.trimmingWhitespace().isEmpty { return s.trimmingWhitespace() }
        }
        return "(banner)"
    }

    /// Coord's exports write the kind in `comments`; otherwise the text says it (lunch, company move).
    func bannerKind(_ b: JSON, text: String) -> String {
        if let c = b["comments"]?.string, let k = Choices.bannerKind.canonical(c), USS.fold(c) == USS.fold(k) { return k }
        let t = text.lowercased()
        if t.contains("lunch") || t.contains("meal") || t.contains("dinner") || t.contains("breakfast") { return "meal" }
        if t.contains("company move") || t.contains("unit move") || t.contains("moves to") { return "move" }
        return "note"
    }
}

// MARK: - Export

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

    static func stableID(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return "coord" + String(repeating: "0", count: 16 - hex.count) + hex
    }

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
            for n in s.cast.split(separator: ",").map({ String($0).trimmingWhitespace() }) where !n.isEmpty {
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
            let list = missingCast.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
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
            .init("id", .string(USSExporter.stableID(p.title + "\u{1F}" + p.company))),
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

// MARK: - JSON

/// A JSON value; objects keep their members in order, so a written file reads like the samples.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    /// A count of eighths, written exactly as a decimal (`2.375`).
    case eighths(Int)
    case string(String)
    case array([JSON])
    case object([Member])

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSON
        init(_ key: String, _ value: JSON) { self.key = key; self.value = value }
    }

    subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
    var string: String? { if case .string(let s) = self { return s }; return nil }
    /// An id: a string, or a whole number some writers use instead.
    var idText: String? {
        switch self {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return String(Int64(d))
        default: return nil
        }
    }
    /// A whole number of a sane size (never a trap on 1e300).
    var int: Int? {
        guard case .number(let d) = self, d == d.rounded(), abs(d) < 1e9 else { return nil }
        return Int(d)
    }
    var number: Double? {
        switch self {
        case .number(let d): return d
        case .eighths(let e): return Double(e) / 8
        default: return nil
        }
    }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var array: [JSON]? { if case .array(let a) = self { return a }; return nil }

    /// What a person calls this kind of value.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number, .eighths: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

struct JSONError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// A strict JSON reader (RFC 8259) that says where it stopped: line and column.
struct JSONParser {
    let b: [UInt8]
    var i = 0
    var depth = 0
    static let maxDepth = 200

    static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSON {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw JSONError("it is empty") }
        if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil {
            throw JSONError("it is not UTF-8 text (a binary file?)")
        }
        var p = JSONParser(b: bytes)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.i < bytes.count { throw p.error("more text after the end of the JSON") }
        return v
    }

    func position(_ at: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for k in 0..<min(at, b.count) {
            if b[k] == 0x0A { line += 1; column = 1 } else if b[k] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    func error(_ message: String, at: Int? = nil) -> JSONError {
        let (line, column) = position(at ?? i)
        return JSONError("not valid JSON at line \(line), column \(column): \(message)")
    }

    var endError: JSONError {
        JSONError("the JSON ends early, at line \(position(b.count).line) (a truncated file?)")
    }

    func show(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16)
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func value() throws(JSONError) -> JSON {
        guard i < b.count else { throw endError }
        switch b[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw notAValue(at: i)
        }
    }

    mutating func literal(_ word: String) throws(JSONError) {
        let start = i
        for ch in word.utf8 {
            guard i < b.count else { throw endError }
            guard b[i] == ch else { throw notAValue(at: start) }
            i += 1
        }
    }

    /// `'INT.' is not a JSON value`: the word that stands where a value should.
    func notAValue(at start: Int) -> JSONError {
        var end = start
        while end < b.count, end - start < 24, !" \t\r\n,:[]{}\"".utf8.contains(b[end]) { end += 1 }
        let word = String(decoding: b[start..<max(end, start + 1)], as: UTF8.self)
        return error("'\(word)' is not a JSON value (an object, list, string, number, true, false or null)", at: start)
    }

    mutating func nest() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nested more than \(JSONParser.maxDepth) deep") }
    }

    mutating func object() throws(JSONError) -> JSON {
        try nest()
        defer { depth -= 1 }
        i += 1
        var members: [JSON.Member] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < b.count else { throw endError }
            guard b[i] == UInt8(ascii: "\"") else { throw error("expected a key in quotes, found \(show(b[i]))") }
            let key = try string()
            skipSpace()
            guard i < b.count else { throw endError }
            guard b[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            i += 1
            skipSpace()
            members.append(.init(key, try value()))
            skipSpace()
            guard i < b.count else { throw endError }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}', found \(show(b[i]))")
        }
    }

    mutating func array() throws(JSONError) -> JSON {
        try nest()
        defer { depth -= 1 }
        i += 1
        var items: [JSON] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < b.count else { throw endError }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']', found \(show(b[i]))")
        }
    }

    mutating func string() throws(JSONError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < b.count else { throw endError }
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw error(c == 0x0A ? "a string runs past the end of the line (a missing '\"'? it opened at line \(position(open).line))" : "a raw control character in a string (write it as \\u00\(c < 16 ? "0" : "")\(String(c, radix: 16)))") }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw endError }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var v = try hex4()
                if (0xD800..<0xDC00).contains(v), i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) } else { i = save }
                }
                let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("'\\\(Character(Unicode.Scalar(e)))' is not a JSON escape", at: i - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < b.count else { throw endError }
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("\\u needs four hex digits")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func digits() -> Int {
        let s = i
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        return i - s
    }

    mutating func number() throws(JSONError) -> JSON {
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { throw endError }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("a number needs digits") }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw error("a number needs digits after '.'") }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else { throw error("the number \(text) is out of range", at: start) }
        return .number(d)
    }
}

/// Writes JSON with two-space indents; lists of plain values stay on one line.
enum JSONWriter {
    static func write(_ v: JSON) -> [UInt8] {
        var out = ""
        emit(v, indent: "", into: &out)
        out += "\n"
        return Array(out.utf8)
    }

    static func emit(_ v: JSON, indent: String, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += number(d)
        case .eighths(let e): out += eighths(e)
        case .string(let s): quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ if case .object = $0 { return false }; if case .array(let a) = $0 { return a.isEmpty }; return true }) {
                out += "["
                for (k, x) in items.enumerated() { if k > 0 { out += ", " }; emit(x, indent: indent, into: &out) }
                out += "]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (k, x) in items.enumerated() {
                out += inner
                emit(x, indent: inner, into: &out)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (k, m) in members.enumerated() {
                out += inner
                quote(m.key, into: &out)
                out += ": "
                emit(m.value, indent: inner, into: &out)
                out += k == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return d.description
    }

    /// 19 eighths is `2.375`: exact, never `2.3749999`.
    static func eighths(_ e: Int) -> String {
        let whole = e / 8, part = e % 8
        let tails = ["", ".125", ".25", ".375", ".5", ".625", ".75", ".875"]
        return String(whole) + tails[part]
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
