/// The call sheet for one shoot day of the active board, assembled from the journal's records:
/// the schedule (day, strips, next day), the crew list (key contacts, cast, bookings), the
/// logistics records (location, calls, safety, travel) and the issues already sent.
/// Rendered by `text(crewCopy:)`, `markdown(crewCopy:)` and `html(crewCopy:)`; see docs/CALLSHEET.md.
public struct CallSheet: Sendable {
    /// A key contact: the role as the sheet names it ("Director"), and who holds it.
    public struct Contact: Sendable, Equatable {
        public var title: String
        public var name: String
        /// Personal: printed on the crew copy only.
        public var phone: String
    }

    /// Where the unit works: the location record, or only the day's location text.
    public struct Site: Sendable, Equatable {
        public var name = ""
        public var address = ""
        public var parking = ""
        public var base = ""
        public var contact = ""
        /// The location contact's phone: crew copy only.
        public var phone = ""
        public var hospital = ""
        public var hospitalAddress = ""
        public var notes = ""
        /// False when the day names no location record (only its `location` text is known).
        public var fromRecord = false
    }

    public struct Scene: Sendable, Equatable {
        public var scene = ""
        public var intExt = ""
        public var set = ""
        public var dayNight = ""
        public var pages = Pages(eighths: 0)
        public var cast: [String] = []
        public var synopsis = ""
    }

    /// A cast or crew member's line: their call, pick-up and (crew copy only) how to reach them.
    public struct Person: Sendable, Equatable {
        public var id: RecordID
        /// The cast number, for cast.
        public var number = ""
        public var name = ""
        /// The job, or for cast the character.
        public var role = ""
        public var call: TimeOfDay?
        public var pickup: TimeOfDay?
        public var note = ""
        public var phone = ""
        public var email = ""
        public var address = ""
    }

    public struct Department: Sendable, Equatable {
        public var name: String
        /// The department's own call, when one is set for the day.
        public var call: TimeOfDay?
        public var people: [Person]
    }

    public struct Journey: Sendable, Equatable {
        public var name = ""
        public var from = ""
        public var to = ""
        public var how = ""
        public var ref = ""
        public var hotel = ""
        public var pickup: TimeOfDay?
        public var notes = ""
    }

    public struct Hazard: Sendable, Equatable {
        public var hazard = ""
        public var risk = ""
        public var controls = ""
    }

    /// The next shoot day, in brief.
    public struct Advance: Sendable, Equatable {
        public var number: Int
        public var date: CalendarDate?
        public var location = ""
        public var call: TimeOfDay?
        public var scenes: [Scene] = []
        public var pages = Pages(eighths: 0)
    }

    /// Sunrise and sunset at the location, local time; nil when the sun does not rise or set.
    public struct Sun: Sendable, Equatable {
        public var rise: TimeOfDay?
        public var set: TimeOfDay?
    }

    /// The latest issue of this day's sheet, and whether the sheet has changed since.
    public struct Issue: Sendable, Equatable {
        public var version: Int
        public var hash: String
        public var outOfDate: Bool
    }

    public var title = ""
    public var company = ""
    public var dayID: RecordID
    /// Shoot day number on the active board, and how many days it has.
    public var number: Int
    public var dayCount: Int
    public var date: CalendarDate?
    public var unit = ""
    public var contacts: [Contact] = []
    /// The general crew call and the estimated wrap.
    public var call: TimeOfDay?
    public var wrap: TimeOfDay?
    /// Nil when the location record has no latitude and longitude.
    public var sun: Sun?
    public var site = Site()
    public var scenes: [Scene] = []
    public var pages = Pages(eighths: 0)
    public var cast: [Person] = []
    public var departments: [Department] = []
    public var transport: [Journey] = []
    public var safety: [Hazard] = []
    /// Items in today's scenes that are not cleared yet: "Sc 12: The Keeper's Lament - sync licence (quoted)".
    public var uncleared: [String] = []
    public var notes = ""
    public var advance: Advance?
    public var issued: Issue?
    /// A stable hash of the sheet's text (crew copy, without the issue line): what an issue records.
    public var fingerprint = ""

    /// The version the next issue gets.
    public var nextVersion: Int { (issued?.version ?? 0) + 1 }

    /// "Issued version 2", "Version 2 issued — OUT OF DATE: changed since", or "Not issued".
    public var issueLine: String {
        guard let i = issued else { return "Not issued" }
        return i.outOfDate ? "Version \(i.version) issued — OUT OF DATE: changed since" : "Issued version \(i.version)"
    }

    /// The journal line that records issuing this sheet now.
    public var issueCommand: String {
        LineGrammar.line(noun: "callsheet", verb: "add",
                         pairs: [("day", dayID.raw), ("version", String(nextVersion)), ("hash", fingerprint)])
    }
}

extension Model {
    /// The call sheet of shoot day `number` (1-based) of the active board; nil when there is no such day.
    public func callSheet(day number: Int) -> CallSheet? {
        let layout = self.layout(of: activeBoard.id)
        guard number >= 1, number <= layout.days.count else { return nil }
        return callSheet(layout, index: number - 1)
    }

    /// The call sheet of the shoot day `id` on the active board.
    public func callSheet(dayID id: RecordID) -> CallSheet? {
        let layout = self.layout(of: activeBoard.id)
        guard let i = layout.days.firstIndex(where: { $0.id == id }) else { return nil }
        return callSheet(layout, index: i)
    }

    func callSheet(_ layout: BoardLayout, index i: Int) -> CallSheet {
        let ld = layout.days[i]
        let day = days[ld.id] ?? ShootDay(id: ld.id)
        var s = CallSheet(dayID: ld.id, number: ld.number, dayCount: layout.days.count)
        s.title = production.title
        s.company = production.company
        s.date = ld.date
        s.unit = day.unit
        s.contacts = keyContacts()
        s.call = day.call
        s.wrap = day.wrap
        s.notes = day.notes
        let record = locations[RecordID(day.site)]
        s.site = site(of: day, record)
        if let r = record, let lat = Double(r.latitude), let lon = Double(r.longitude), let date = ld.date {
            let (rise, set) = SolarTimes.riseAndSet(date: date, latitude: lat, longitude: lon)
            s.sun = CallSheet.Sun(rise: rise, set: set)
        }
        s.scenes = ld.strips.compactMap { strips[$0].map(CallSheet.Scene.init) }
        s.pages = ld.pages
        let personCall = Dictionary(calls.values.filter { $0.day == ld.id.raw && !$0.who.isEmpty }.map { ($0.who, $0) },
                                    uniquingKeysWith: { _, b in b })
        let trips = ld.date.map { d in travel.values.filter { $0.date == d } } ?? []
        s.cast = castCalls(layout, index: i, general: day.call, personCall: personCall, trips: trips)
        s.departments = crewCalls(dayID: ld.id, date: ld.date, general: day.call, personCall: personCall, trips: trips)
        // By pick-up time, as the movement order runs.
        s.transport = trips.sorted { ($0.pickup?.minutes ?? -1, $0.who) < ($1.pickup?.minutes ?? -1, $1.who) }.map { t in
            CallSheet.Journey(name: crew[RecordID(t.who)]?.name ?? t.who, from: t.from, to: t.to, how: t.how, ref: t.ref,
                              hotel: t.hotel, pickup: t.pickup, notes: t.notes)
        }
        s.safety = safety.values.filter { $0.day == ld.id.raw }
            .map { CallSheet.Hazard(hazard: $0.hazard, risk: $0.risk, controls: $0.controls) }
        let open = unclearedByScene()
        s.uncleared = s.scenes.flatMap { sc in
            (open[sc.scene.uppercased()] ?? []).map { "Sc \(sc.scene): \($0.title) (\($0.type), \($0.status))" }
        }
        if i + 1 < layout.days.count {
            let next = layout.days[i + 1]
            let nd = days[next.id] ?? ShootDay(id: next.id)
            s.advance = CallSheet.Advance(number: next.number, date: next.date,
                                          location: site(of: nd, locations[RecordID(nd.site)]).name, call: nd.call,
                                          scenes: next.strips.compactMap { strips[$0].map(CallSheet.Scene.init) },
                                          pages: next.pages)
        }
        s.fingerprint = CallSheet.fnv1a64(s.plainText(crewCopy: true, issueLine: false))
        let issues = callSheets.values.filter { $0.day == ld.id.raw }
        if let last = issues.max(by: { (Int($0.version) ?? 0) < (Int($1.version) ?? 0) }) {
            s.issued = CallSheet.Issue(version: Int(last.version) ?? 0, hash: last.hash, outOfDate: last.hash != s.fingerprint)
        }
        return s
    }

    /// The location record's fields, or the day's location text when it names no record.
    func site(of day: ShootDay, _ record: Location?) -> CallSheet.Site {
        guard let r = record else { return CallSheet.Site(name: day.location) }
        return CallSheet.Site(name: r.name.isEmpty ? day.location : r.name, address: r.address, parking: r.parking,
                              base: r.base, contact: r.contact, phone: r.phone, hospital: r.hospital,
                              hospitalAddress: r.hospitalAddress, notes: r.notes, fromRecord: true)
    }

    /// Director, producer, production manager, 1st AD and coordinator, found in the crew by role
    /// (an exact role first, then the first role that contains the words); released crew are skipped.
    func keyContacts() -> [CallSheet.Contact] {
        let people = crew.values.filter { $0.status != "released" && $0.castNumber.isEmpty }
        func find(_ exact: [String], _ matches: (String) -> Bool) -> CrewMember? {
            let roles = people.map { ($0, CallSheet.fold($0.role)) }
            return roles.first(where: { exact.contains($0.1) })?.0 ?? roles.first(where: { matches($0.1) })?.0
        }
        let wanted: [(String, CrewMember?)] = [
            ("Director", find(["director"]) { r in
                r.contains("director") && !["assistant director", "director of photography", "art director",
                                            "casting director", "1st ad", "2nd ad"].contains { r.contains($0) }
            }),
            ("Producer", find(["producer"]) { r in
                r.contains("producer") && !["line producer", "co-producer", "co producer", "coproducer"].contains { r.contains($0) }
            }),
            ("Production manager", find(["production manager"]) { $0.contains("production manager") }),
            ("1st AD", find(["1st ad", "first ad", "1st assistant director", "first assistant director"]) { r in
                CallSheet.hasWord(r, "1st ad") || CallSheet.hasWord(r, "first ad")
                    || r.contains("1st assistant director") || r.contains("first assistant director")
            }),
            ("Coordinator", find(["production coordinator", "coordinator"]) { r in
                r.contains("production coordinator") || r.contains("production co-ordinator")
            } ?? find([]) { $0.contains("coordinator") || $0.contains("co-ordinator") }),
        ]
        return wanted.compactMap { title, p in p.map { CallSheet.Contact(title: title, name: $0.name, phone: $0.phone) } }
    }

    /// Cast working the day (a work code in the day out of days), in cast-number order.
    func castCalls(_ layout: BoardLayout, index i: Int, general: TimeOfDay?, personCall: [String: CallTime],
                   trips: [Travel]) -> [CallSheet.Person] {
        let dood = dayOutOfDays(board: layout.board)
        var out: [CallSheet.Person] = []
        var seen = Set<String>()
        for row in dood.rows where row.kind == .cast && i < row.codes.count && DayOutOfDays.workCodes.contains(row.codes[i]) {
            guard let p = crew[row.who] else { continue }
            seen.insert(p.castNumber)
            out.append(person(p, number: p.castNumber, call: personCall[p.id.raw]?.time ?? general,
                              personCall: personCall[p.id.raw], trips: trips))
        }
        // A cast number on a strip that no one on the crew list carries still gets a line.
        let numbers = layout.days[i].strips.flatMap { strips[$0]?.castNumbers ?? [] }
        for n in numbers where !seen.contains(n) {
            seen.insert(n)
            out.append(CallSheet.Person(id: RecordID(""), number: n, name: "(not on the crew list)", call: general))
        }
        return out.sorted { ($0.number.count, $0.number) < ($1.number.count, $1.number) }
    }

    /// Crew booked on the date (any code but D), and confirmed crew with no bookings at all
    /// (booked for the whole shoot, as most of a small unit is); cast are in the cast calls.
    func crewCalls(dayID: RecordID, date: CalendarDate?, general: TimeOfDay?, personCall: [String: CallTime],
                   trips: [Travel]) -> [CallSheet.Department] {
        let crewOnly = crew.values.filter { $0.castNumber.isEmpty }
        func booked(_ p: CrewMember) -> Bool {
            guard let date, let b = bookingAt[.init(who: p.id.raw, date: date)].flatMap({ bookings[$0] }) else { return false }
            return b.code != "D"
        }
        let everBooked = Set(bookings.values.map(\.who))
        let who = crewOnly.filter { booked($0) || ($0.status == "confirmed" && !everBooked.contains($0.id.raw)) }
        var deptCall: [String: CallTime] = [:]
        for c in calls.values where c.day == dayID.raw && c.who.isEmpty && !c.dept.isEmpty { deptCall[c.dept] = c }
        var byDept: [String: [CallSheet.Person]] = [:]
        for p in who {
            let dept = p.dept.isEmpty ? "Other" : p.dept
            let call = personCall[p.id.raw]?.time ?? deptCall[dept]?.time ?? general
            byDept[dept, default: []].append(person(p, number: "", call: call, personCall: personCall[p.id.raw], trips: trips))
        }
        for d in deptCall.keys where byDept[d] == nil { byDept[d] = [] }
        let names = byDept.keys.sorted {
            (Choices.departmentRank($0), $0 == "Other" ? 1 : 0, $0) < (Choices.departmentRank($1), $1 == "Other" ? 1 : 0, $1)
        }
        return names.map { CallSheet.Department(name: $0, call: deptCall[$0]?.time, people: byDept[$0] ?? []) }
    }

    /// One person's line; the pick-up is their call's, or else their travel's that date.
    func person(_ p: CrewMember, number: String, call: TimeOfDay?, personCall: CallTime?, trips: [Travel]) -> CallSheet.Person {
        CallSheet.Person(id: p.id, number: number, name: p.name, role: p.role, call: call,
                         pickup: personCall?.pickup ?? trips.first(where: { $0.who == p.id.raw && $0.pickup != nil })?.pickup,
                         note: personCall?.note ?? "", phone: p.phone, email: p.email, address: p.address)
    }
}

extension CallSheet.Scene {
    init(_ s: Strip) {
        self.init(scene: s.scene, intExt: s.intExt, set: s.set, dayNight: s.dayNight, pages: s.pages,
                  cast: s.castNumbers, synopsis: s.synopsis)
    }
}

extension CallSheet {
    /// FNV-1a, 64 bits, of the UTF-8 bytes, as 16 lower-case hex digits: stable across runs and machines.
    public static func fnv1a64(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Lower case, runs of spaces as one: how roles are compared.
    static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// `phrase` in `s` with no letter or digit straight before or after it ("1st ad" but not "1st adr").
    static func hasWord(_ s: String, _ phrase: String) -> Bool {
        let c = Array(s), p = Array(phrase)
        guard p.count <= c.count else { return false }
        for start in 0...(c.count - p.count) where Array(c[start..<(start + p.count)]) == p {
            let before = start == 0 || !(c[start - 1].isLetter || c[start - 1].isNumber)
            let end = start + p.count
            let after = end == c.count || !(c[end].isLetter || c[end].isNumber)
            if before && after { return true }
        }
        return false
    }
}
