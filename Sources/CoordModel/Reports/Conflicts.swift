/// Something in the schedule that will go wrong on the day.
public struct Conflict: Sendable, Equatable {
    public enum Kind: String, Sendable { case doubleBooked = "double-booked", unavailable, turnaround, longDay = "long day" }
    public var kind: Kind
    public var date: CalendarDate?
    /// The shoot day it is on (in this production), if any.
    public var day: RecordID?
    /// Strips it touches (an unavailable cast member's scenes).
    public var strips: [RecordID]
    public var message: String
}

extension Model {
    /// Unavailable cast and crew on their working days, short turnarounds, long days.
    public func conflicts(board: RecordID) -> [Conflict] {
        let layout = self.layout(of: board)
        let dood = dayOutOfDays(board: board, layout: layout)
        return Model.ordered(dood.rows.flatMap { unavailability(of: $0, dood, layout) } + dayConflicts(layout))
    }

    /// One grid row's days on which its person is not available.
    func unavailability(of row: DayOutOfDays.Row, _ dood: DayOutOfDays, _ layout: BoardLayout) -> [Conflict] {
        guard row.kind != .kit, let person = crew[row.who] else { return [] }
        let off = person.unavailableDates
        guard !off.isEmpty else { return [] }
        var out: [Conflict] = []
        for (i, code) in row.codes.enumerated() where !code.isEmpty && code != "D" {
            guard let date = dood.columns[i].date, off.contains(date) else { continue }
            let day = layout.days[i]
            let scenes = day.strips.filter { strips[$0]?.castNumbers.contains(row.number) == true && !row.number.isEmpty }
            let what = scenes.isEmpty ? "booked (\(code))" : "in scene " + scenes.compactMap { strips[$0]?.scene }.joined(separator: ", ")
            out.append(Conflict(kind: .unavailable, date: date, day: day.id, strips: scenes,
                                message: "\(person.name) is not available on \(date.short) (day \(day.number)) but is \(what)"))
        }
        return out
    }

    /// Long days and short turnarounds: the shoot days' own conflicts.
    func dayConflicts(_ layout: BoardLayout) -> [Conflict] {
        var out: [Conflict] = []
        let dated = layout.days.compactMap { d -> (BoardLayout.Day, ShootDay, CalendarDate)? in
            guard let sd = days[d.id], let date = d.date else { return nil }
            return (d, sd, date)
        }
        for (d, sd, date) in dated {
            if let len = sd.lengthMinutes, len > production.maxDayMinutes {
                out.append(Conflict(kind: .longDay, date: date, day: d.id, strips: [],
                                    message: "day \(d.number) (\(date.short)) runs \(Model.hours(len)) from call to wrap; the rule is \(production.maxDay) hours"))
            }
        }
        // Turnaround is between one unit's consecutive days (a second unit keeps its own hours).
        let byUnit = Dictionary(grouping: dated, by: { $0.1.unit })
        for unit in byUnit.keys.sorted() {
          // In date order, whatever the running order (a board without a start date may differ).
          let list = byUnit[unit]!.enumerated().sorted { ($0.element.2, $0.offset) < ($1.element.2, $1.offset) }.map(\.element)
          for ((a, sa, da), (b, sb, db)) in zip(list, list.dropFirst()) where db > da {
            guard let wrap = sa.wrap, let call = sb.call, let callA = sa.call else { continue }
            let wrapAt = Int(da.dayNumber) * 1440 + wrap.minutes + (wrap.minutes < callA.minutes ? 1440 : 0)
            let callAt = Int(db.dayNumber) * 1440 + call.minutes
            let rest = callAt - wrapAt
            if rest < production.restMinutes {
                out.append(Conflict(kind: .turnaround, date: db, day: b.id, strips: [],
                                    message: "only \(Model.hours(rest)) between day \(a.number)'s wrap (\(wrap)) and day \(b.number)'s call (\(call), \(db.short)); the rule is \(production.rest) hours"))
            }
          }
        }
        return out
    }

    /// In date order, ties in the order found: the same schedule always reads the same.
    static func ordered(_ found: [Conflict]) -> [Conflict] {
        found.enumerated().sorted { x, y in
            let dx = x.element.date?.dayNumber ?? .max, dy = y.element.date?.dayNumber ?? .max
            return dx != dy ? dx < dy : x.offset < y.offset
        }.map(\.element)
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h\(pad(minutes % 60, 2))"
    }

    /// People and kit working on the same date in two productions (matched by name).
    public static func crossProductionConflicts(_ productions: [(name: String, model: Model)]) -> [Conflict] {
        struct Use { var production: String; var code: String }
        var uses: [String: [CalendarDate: [Use]]] = [:]
        var display: [String: String] = [:]
        for (name, m) in productions {
            let dood = m.dayOutOfDays(board: m.activeBoard.id)
            for row in dood.rows {
                let key = row.name.lowercased().trimmingWhitespace()
                if display[key] == nil { display[key] = row.name }
                for (i, code) in row.codes.enumerated() where !code.isEmpty && code != "D" {
                    if let date = dood.columns[i].date { uses[key, default: [:]][date, default: []].append(Use(production: name, code: code)) }
                }
            }
        }
        var out: [Conflict] = []
        for key in uses.keys.sorted() {
            for (date, list) in uses[key]!.sorted(by: { $0.key < $1.key }) where Set(list.map(\.production)).count > 1 {
                let where_ = list.map { "\($0.production) (\($0.code))" }.joined(separator: " and ")
                out.append(Conflict(kind: .doubleBooked, date: date, day: nil, strips: [],
                                    message: "\(display[key] ?? key) is booked on \(date.short) \(date.components.year) in \(where_)"))
            }
        }
        return out
    }
}
