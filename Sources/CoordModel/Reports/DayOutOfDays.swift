/// The day-out-of-days grid of one board: cast, crew and kit by shoot day, with codes.
public struct DayOutOfDays: Sendable {
    public struct Column: Sendable, Equatable {
        public var day: RecordID
        public var number: Int
        public var date: CalendarDate?
    }
    public enum Kind: Sendable, Equatable { case cast, crew, kit }
    public struct Row: Sendable {
        public var who: RecordID
        public var name: String
        public var kind: Kind
        /// The cast number, for cast.
        public var number: String
        /// One code per column, or "" for none.
        public var codes: [String]
        /// Columns whose code comes from the strips (cast work days), not from a booking.
        public var fromStrips: Set<Int>
        public var work = 0, hold = 0, travel = 0, total = 0
        public var start: CalendarDate?
        public var finish: CalendarDate?
    }
    public var board: RecordID
    public var columns: [Column]
    public var rows: [Row]

    public static let workCodes: Set<String> = ["SW", "W", "WF", "SWF", "PU"]
}

extension Model {
    /// Cast work days come from the strips (holds and drops between them follow each cast
    /// member's setting); crew and kit days are their bookings; bookings also add travel,
    /// rehearsal and fitting days for cast.
    public func dayOutOfDays(board: RecordID) -> DayOutOfDays { dayOutOfDays(board: board, layout: layout(of: board)) }

    func dayOutOfDays(board: RecordID, layout: BoardLayout) -> DayOutOfDays { DayOutOfDays.Builder(self, layout).dood }
    /// SW on the first work day, WF on the last, SWF if only one; H between work days, or
    /// D then PU when the element drops (always, or when the gap is longer than `dropAfter`).
    static func workCodes(days: Set<Int>, count: Int, drop: Bool, dropAfter: Int?) -> [String] {
        var codes = Array(repeating: "", count: count)
        let sorted = days.sorted()
        guard let first = sorted.first, let last = sorted.last else { return codes }
        if first == last { codes[first] = "SWF"; return codes }
        for d in sorted { codes[d] = "W" }
        codes[first] = "SW"
        codes[last] = "WF"
        for (a, b) in zip(sorted, sorted.dropFirst()) where b > a + 1 {
            let gap = b - a - 1
            if drop || (dropAfter.map { gap > $0 } ?? false) {
                codes[a + 1] = "D"
                if b != last { codes[b] = "PU" }
            } else {
                for i in (a + 1)..<b { codes[i] = "H" }
            }
        }
        return codes
    }

    static func totalled(_ row: DayOutOfDays.Row, _ columns: [DayOutOfDays.Column]) -> DayOutOfDays.Row {
        var r = row
        for (i, c) in r.codes.enumerated() where !c.isEmpty {
            if DayOutOfDays.workCodes.contains(c) { r.work += 1 }
            if c == "H" { r.hold += 1 }
            if c == "T" { r.travel += 1 }
            if c != "D" {
                r.total += 1
                if let d = columns[i].date {
                    if r.start == nil { r.start = d }
                    r.finish = d
                }
            }
        }
        return r
    }
}

extension DayOutOfDays {
    /// What building the grid works out once per layout, kept so one person's row can be
    /// built again alone when only their bookings or record changed.
    struct Builder {
        var dood: DayOutOfDays
        let columnOfDate: [CalendarDate: Int]
        /// Which days each cast number works, from the strips on them.
        let workDays: [String: Set<Int>]
        var rowOf: [RecordID: Int] = [:]

        init(_ m: Model, _ layout: BoardLayout) {
            let columns = layout.days.map { DayOutOfDays.Column(day: $0.id, number: $0.number, date: $0.date) }
            columnOfDate = Dictionary(columns.enumerated().compactMap { i, c in c.date.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
            var work: [String: Set<Int>] = [:]
            for (i, day) in layout.days.enumerated() {
                for sid in day.strips {
                    for n in (m.strips[sid]?.castNumbers ?? []) { work[n, default: []].insert(i) }
                }
            }
            workDays = work
            dood = DayOutOfDays(board: layout.board, columns: columns, rows: [])
            let cast = m.crew.values.filter { !$0.castNumber.isEmpty }
                .sorted { ($0.castNumber.count, $0.castNumber) < ($1.castNumber.count, $1.castNumber) }
            var whos = cast.map(\.id)
            whos += m.crew.values.filter { $0.castNumber.isEmpty }.map(\.id)
            whos += m.kit.values.map(\.id)
            // One pass over every booking (in table order, cheaper than a lookup per booking).
            var bookedOf: [String: [Int: String]] = [:]
            for b in m.bookings.values {
                if let d = b.date, let i = columnOfDate[d] { bookedOf[b.who, default: [:]][i] = b.code }
            }
            for who in whos {
                guard let r = row(of: who, booked: bookedOf[who.raw] ?? [:], in: m) else { continue }
                rowOf[who] = dood.rows.count
                dood.rows.append(r)
            }
        }

        /// A cast member's work days come from the strips, with holds and drops by their
        /// setting, then bookings (travel, rehearsal, fittings); crew and kit days are their bookings.
        func row(of who: RecordID, in m: Model) -> DayOutOfDays.Row? {
            var booked: [Int: String] = [:]
            for id in m.bookingsOf[who.raw] ?? [] {
                if let b = m.bookings[id], let d = b.date, let i = columnOfDate[d] { booked[i] = b.code }
            }
            return row(of: who, booked: booked, in: m)
        }

        private func row(of who: RecordID, booked: [Int: String], in m: Model) -> DayOutOfDays.Row? {
            let n = dood.columns.count
            if let p = m.crew[who], !p.castNumber.isEmpty {
                var codes = Model.workCodes(days: workDays[p.castNumber] ?? [], count: n,
                                            drop: p.hold == "drop", dropAfter: Int(p.dropDays))
                let derived = Set(codes.indices.filter { !codes[$0].isEmpty })
                for (i, code) in booked where codes[i].isEmpty || codes[i] == "H" { codes[i] = code }
                return Model.totalled(.init(who: p.id, name: p.name, kind: .cast, number: p.castNumber, codes: codes,
                                            fromStrips: derived), dood.columns)
            }
            var codes = Array(repeating: "", count: n)
            for (i, code) in booked { codes[i] = code }
            if let p = m.crew[who] {
                return Model.totalled(.init(who: p.id, name: p.name, kind: .crew, number: "", codes: codes, fromStrips: []), dood.columns)
            }
            if let k = m.kit[who] {
                return Model.totalled(.init(who: k.id, name: k.name, kind: .kit, number: "", codes: codes, fromStrips: []), dood.columns)
            }
            return nil
        }
    }
}

extension Strip {
    /// The cast numbers in `cast` ("1, 2,5" gives 1, 2, 5).
    public var castNumbers: [String] {
        cast.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
