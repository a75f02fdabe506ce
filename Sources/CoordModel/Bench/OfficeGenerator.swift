/// Builds a long-running production office's journal for benchmarks: a schedule, crew,
/// kit and a chart of accounts, then `events` changes in the mix an office writes over a
/// series' life: mostly costs, bookings and call-time edits, with every other verb too.
public enum OfficeGenerator {
    /// The share of the stream each kind of change takes, in percent (adds up to 100).
    public static let mix: [(String, Int)] = [
        ("cost add", 30), ("cost set (paid, approved)", 8), ("cost rm", 1), ("booking add", 14), ("booking set", 6),
        ("booking rm", 1), ("call add", 5), ("call set", 10), ("crew set", 5), ("strip set/move", 5),
        ("day set", 2), ("clearance add/set", 3), ("log add", 3), ("etc add", 2), ("travel add", 2),
        ("safety add", 1), ("crew add", 1), ("account set (budget)", 1),
    ]

    public static func journal(events: Int, seed: UInt64 = 11) -> String {
        var g = Generator(seed: seed)
        g.base(strips: min(4000, max(200, events / 250)), days: 120)
        var pick = [Int]()
        for (k, (_, share)) in mix.enumerated() { pick += Array(repeating: k, count: share) }
        while g.events < events { g.change(pick[g.pick(pick.count)]) }
        return g.out.joined(separator: "\n") + "\n"
    }

    struct Generator {
        var rng: SplitMix
        var out: [String] = [JournalFormat.header]
        var events = 0
        var minute = 0
        var strips = 0, days = 0, crew = 150, kit = 40, accounts: [String] = []
        var costs: [Int] = [], bookings: [Int] = [], calls: [Int] = [], clearances: [Int] = []
        var next = 0
        /// The next (who, date) to book: walks the crew and kit day by day, so none is booked twice.
        var bookWho = 0, bookDay = 0
        init(seed: UInt64) { rng = SplitMix(seed: seed) }

        mutating func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        mutating func id() -> Int { next += 1; return next }

        /// One line, stamped a minute after the last one.
        mutating func emit(_ line: String) {
            minute += 1
            let day = CalendarDate(year: 2026, month: 1, day: 5)!.adding(days: minute / 600)
            let m = minute % 600 + 480
            out.append(line + " # \(day)T\(pad(m / 60))\(":")\(pad(m % 60)):00Z " + (minute % 3 == 0 ? "sam" : "alex"))
            events += 1
        }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var today: CalendarDate { CalendarDate(year: 2026, month: 1, day: 5)!.adding(days: minute / 600) }

        mutating func base(strips: Int, days: Int) {
            emit("production set title=\"Bench series\" company=\"Bench Films\" currency=GBP start=2026-01-05 end=2027-12-17")
            emit("board set id=main name=\"Shooting order\" start=2026-02-02 daysoff=sat,sun")
            let depts = ["Production", "Direction", "Camera", "Grip", "Electric", "Sound", "Art", "Costume", "Locations", "Transport"]
            for p in 1...crew {
                emit("crew add id=p\(p) name=\"Crew \(p)\" role=\"Role \(p)\" dept=\(depts[p % depts.count]) rate=\(150 + p % 200).00 status=confirmed")
            }
            for k in 1...kit { emit("kit add id=kt\(k) name=\"Kit item \(k)\" category=grip") }
            for c in 1...5 { emit("category add id=g\(c) code=\(c)000 name=\"Category \(c)\" line=\(c == 1 ? "atl" : "btl")") }
            for a in 0..<120 {
                let code = "\(1 + a / 24)\(100 + (a % 24) * 10)"
                accounts.append(code)
                emit("account add id=a\(a) code=\(code) category=\(1 + a / 24)000 description=\"Account \(code)\" budget=\(20_000 + pick(200_000)).00")
            }
            let sets = ["Kitchen", "Harbour", "Lighthouse", "Cliff path", "Police station", "Pub", "Beach", "Church"]
            for d in 1...days { emit("day add id=d\(d) call=07:00 wrap=18:00 location=\"\(sets[d % sets.count]) location\"") }
            for s in 1...strips {
                emit("strip add id=s\(s) scene=\(s) ie=\(pick(3) == 0 ? "EXT" : "INT") set=\"\(sets[pick(sets.count)])\" dn=DAY pages=\(1 + pick(16))/8 day=d\(1 + (s - 1) * days / strips)")
            }
            self.strips = strips
            self.days = days
        }

        mutating func change(_ kind: Int) {
            let vendors = ["Panavision", "ARRI Rental", "Brunel Lighting", "Pasty & Pan Catering", "Cornish Van Hire", "Tidewater Post"]
            switch mix[kind].0 {
            case "cost add":
                let i = id()
                costs.append(i)
                let amount = Money(minor: Int64(500 + pick(250_000))).plain
                if pick(8) == 0 {
                    emit("cost add id=k\(i) date=\(today) account=\(accounts[pick(accounts.count)]) vendor=\"\(vendors[pick(vendors.count)])\" description=\"Order \(i)\" amount=\(amount) po=PO-\(i) kind=commitment")
                } else {
                    emit("cost add id=k\(i) date=\(today) account=\(accounts[pick(accounts.count)]) vendor=\"\(vendors[pick(vendors.count)])\" description=\"Item \(i)\" amount=\(amount) vat=\(Money(minor: Int64(pick(50_000))).plain) invoice=INV-\(i) kind=actual")
                }
            case "cost set (paid, approved)":
                guard let k = costs.randomElement(using: &rng) else { return change(0) }
                emit("cost set id=k\(k) " + (pick(2) == 0 ? "paid=yes" : "approved=\"Sam Line\""))
            case "cost rm":
                guard costs.count > 10 else { return change(0) }
                emit("cost rm id=k\(costs.remove(at: pick(costs.count)))")
            case "booking add":
                let who = bookWho < 150 ? "p\(bookWho + 1)" : "kt\(bookWho - 150 + 1)"
                let date = CalendarDate(year: 2026, month: 2, day: 2)!.adding(days: bookDay)
                bookWho += 1
                if bookWho == 150 + kit { bookWho = 0; bookDay += 1 }
                let i = id()
                bookings.append(i)
                emit("booking add id=b\(i) who=\(who) date=\(date) code=\(["W", "W", "W", "H", "T"][pick(5)])")
            case "booking set":
                guard let b = bookings.randomElement(using: &rng) else { return change(3) }
                emit("booking set id=b\(b) code=\(["W", "H", "T", "F"][pick(4)]) notes=\"Changed \(events)\"")
            case "booking rm":
                guard bookings.count > 10 else { return change(3) }
                emit("booking rm id=b\(bookings.remove(at: pick(bookings.count)))")
            case "call add":
                // One call per person per day: walk the crew day by day; once all have one, edit them.
                let n = calls.count
                guard n < 150 * days else { return change(7) }
                let i = id()
                calls.append(i)
                emit("call add id=ct\(i) day=d\(1 + n / 150) who=p\(1 + n % 150) time=\(pad(5 + pick(4))):\(pad(pick(4) * 15))")
            case "call set":
                guard let c = calls.randomElement(using: &rng) else { return change(6) }
                emit("call set id=ct\(c) time=\(pad(5 + pick(4))):\(pad(pick(4) * 15))" + (pick(3) == 0 ? " pickup=0\(4 + pick(3)):30" : ""))
            case "crew set":
                emit("crew set id=p\(1 + pick(crew)) " + ["phone=\"+44 7700 9\(pad(pick(100)))\(pad(pick(100)))0\"", "rate=\(150 + pick(400)).00", "role=\"Role v\(events)\""][pick(3)])
            case "strip set/move":
                let s = 1 + pick(strips)
                emit(pick(2) == 0 ? "strip move id=s\(s) day=d\(1 + pick(days))" : "strip set id=s\(s) pages=\(1 + pick(24))/8")
            case "day set":
                emit("day set id=d\(1 + pick(days)) call=\(pad(6 + pick(3))):\(pad(pick(4) * 15)) notes=\"Revised \(events)\"")
            case "clearance add/set":
                if clearances.isEmpty || pick(3) == 0 {
                    let i = id()
                    clearances.append(i)
                    emit("clearance add id=cl\(i) title=\"Item \(i)\" type=\(["sync", "footage", "artwork", "location", "release"][pick(5)]) scenes=\(1 + pick(strips)) status=requested due=\(today.adding(days: 30))")
                } else {
                    emit("clearance set id=cl\(clearances[pick(clearances.count)]) status=\(["quoted", "negotiating", "requested"][pick(3)])")
                }
            case "log add":
                guard let c = clearances.randomElement(using: &rng) else { return change(11) }
                emit("log add id=lg\(id()) item=cl\(c) date=\(today) text=\"Chased licensor \(events)\" by=sam")
            case "etc add":
                emit("etc add id=e\(id()) account=\(accounts[pick(accounts.count)]) amount=\(Money(minor: Int64(pick(900_000))).plain) reason=\"Revised \(events)\" date=\(today)")
            case "travel add":
                emit("travel add id=t\(id()) who=p\(1 + pick(crew)) date=\(today) from=London to=Penzance how=train")
            case "safety add":
                emit("safety add id=sf\(id()) day=d\(1 + pick(days)) hazard=\"Hazard \(events)\" controls=\"Briefed\"")
            case "crew add":
                crew += 1
                emit("crew add id=p\(crew) name=\"Crew \(crew)\" role=Daily dept=Grip rate=180.00")
            default: // account set (budget): the lump budget, before any approval locks it
                emit("account set id=a\(pick(accounts.count)) budget=\(20_000 + pick(200_000)).00")
            }
        }
    }
}
