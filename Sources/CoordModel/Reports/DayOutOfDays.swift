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
    public func dayOutOfDays(board: RecordID) -> DayOutOfDays {
        let layout = self.layout(of: board)
        let columns = layout.days.map { DayOutOfDays.Column(day: $0.id, number: $0.number, date: $0.date) }
        let columnOfDate = Dictionary(columns.enumerated().compactMap { i, c in c.date.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        // Which days each cast number works, from the strips on them.
        var workDays: [String: Set<Int>] = [:]
        for (i, day) in layout.days.enumerated() {
            for sid in day.strips {
                for n in (strips[sid]?.castNumbers ?? []) { workDays[n, default: []].insert(i) }
            }
        }
        var bookingsOf: [String: [Int: String]] = [:]
        for b in bookings.values {
            if let d = b.date, let i = columnOfDate[d] { bookingsOf[b.who, default: [:]][i] = b.code }
        }
        var rows: [DayOutOfDays.Row] = []
        let cast = crew.values.filter { !$0.castNumber.isEmpty }
            .sorted { ($0.castNumber.count, $0.castNumber) < ($1.castNumber.count, $1.castNumber) }
        for p in cast {
            var codes = Model.workCodes(days: workDays[p.castNumber] ?? [], count: columns.count,
                                        drop: p.hold == "drop", dropAfter: Int(p.dropDays))
            let derived = Set(codes.indices.filter { !codes[$0].isEmpty })
            for (i, code) in bookingsOf[p.id.raw] ?? [:] where codes[i].isEmpty || codes[i] == "H" { codes[i] = code }
            rows.append(Model.totalled(.init(who: p.id, name: p.name, kind: .cast, number: p.castNumber, codes: codes,
                                             fromStrips: derived), columns))
        }
        for p in crew.values where p.castNumber.isEmpty {
            var codes = Array(repeating: "", count: columns.count)
            for (i, code) in bookingsOf[p.id.raw] ?? [:] { codes[i] = code }
            rows.append(Model.totalled(.init(who: p.id, name: p.name, kind: .crew, number: "", codes: codes, fromStrips: []), columns))
        }
        for k in kit.values {
            var codes = Array(repeating: "", count: columns.count)
            for (i, code) in bookingsOf[k.id.raw] ?? [:] { codes[i] = code }
            rows.append(Model.totalled(.init(who: k.id, name: k.name, kind: .kit, number: "", codes: codes, fromStrips: []), columns))
        }
        return DayOutOfDays(board: board, columns: columns, rows: rows)
    }

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

extension Strip {
    /// The cast numbers in `cast` ("1, 2,5" gives 1, 2, 5).
    public var castNumbers: [String] {
        cast.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
