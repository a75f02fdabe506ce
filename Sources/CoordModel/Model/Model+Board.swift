/// A board as the schedule reads it: shoot days in order with their dates, strips and banners.
public struct BoardLayout: Sendable {
    public struct Day: Sendable {
        public var id: RecordID
        /// 1-based shoot day number.
        public var number: Int
        public var date: CalendarDate?
        public var strips: [RecordID]
        public var pages: Pages
    }
    public enum Entry: Sendable, Equatable {
        /// A day break: the index into `days`.
        case day(Int)
        /// A strip and the index of its day (nil before the first day break).
        case strip(RecordID, day: Int?)
        case banner(RecordID)
    }
    public var board: RecordID
    public var entries: [Entry] = []
    public var days: [Day] = []
    /// Strips on no board position: in running order of being added.
    public var boneyard: [RecordID] = []
    public var dayOfStrip: [RecordID: Int] = [:]
}

extension Model {
    /// The running order of `board` with day numbers, dates walked from the calendar, and pages.
    public func layout(of boardID: RecordID) -> BoardLayout {
        var out = BoardLayout(board: boardID)
        guard let board = boards[boardID] else { return out }
        var dates = calendarWalk(board)
        var onBoard = Set<RecordID>()
        for item in board.items {
            switch nounOf[item] {
            case .day:
                let n = out.days.count
                let date = board.start != nil ? dates.next() : days[item]?.date
                out.days.append(.init(id: item, number: n + 1, date: date, strips: [], pages: Pages(eighths: 0)))
                out.entries.append(.day(n))
            case .strip:
                onBoard.insert(item)
                let d = out.days.isEmpty ? nil : out.days.count - 1
                if let d {
                    out.days[d].strips.append(item)
                    out.days[d].pages = out.days[d].pages + (strips[item]?.pages ?? Pages(eighths: 0))
                    out.dayOfStrip[item] = d
                }
                out.entries.append(.strip(item, day: d))
            case .banner:
                out.entries.append(.banner(item))
            default:
                break
            }
        }
        out.boneyard = strips.keys.filter { !onBoard.contains($0) }
        return out
    }

    /// Shoot dates of a board from its start: weekdays off and calendar days are skipped.
    func calendarWalk(_ board: Board) -> CalendarWalk {
        let blocked = Set(calendar.values.filter { $0.board == board.id.raw }.compactMap(\.date))
        return CalendarWalk(cursor: board.start, off: board.offWeekdays, blocked: blocked)
    }

    /// The date each day has on its board (walked or written), for every board.
    public func effectiveDate(of dayID: RecordID) -> CalendarDate? {
        guard let d = days[dayID] else { return nil }
        let board = RecordID(d.board)
        guard boards[board]?.start != nil else { return d.date }
        return layout(of: board).days.first { $0.id == dayID }?.date
    }

    /// The board whose running order holds `item`, looking at `preferred` first.
    func board(holding item: RecordID, preferred: RecordID? = nil) -> RecordID? {
        if let p = preferred, boards[p]?.items.contains(item) == true { return p }
        return boards.values.first { $0.items.contains(item) }?.id
    }

    /// Puts `id` at `p` in its board (taking it out of where it was on that board first).
    mutating func place(_ id: RecordID, _ p: Placement) {
        guard var b = boards[p.board] else { return }
        b.items.removeAll { $0 == id }
        switch p.anchor {
        case .end:
            b.items.append(id)
        case .after(let x):
            b.items.insert(id, at: b.items.firstIndex(of: x).map { $0 + 1 } ?? b.items.count)
        case .before(let x):
            b.items.insert(id, at: b.items.firstIndex(of: x) ?? b.items.count)
        case .endOfDay(let d):
            // After the day's last strip (banners after it, such as a company move, stay last).
            let start = b.items.firstIndex(of: d) ?? b.items.count - 1
            var i = start + 1, at = start + 1
            while i < b.items.count, nounOf[b.items[i]] != .day {
                if nounOf[b.items[i]] == .strip { at = i + 1 }
                i += 1
            }
            b.items.insert(id, at: min(at, b.items.count))
        case .boneyard:
            break
        }
        boards[p.board] = b
    }

    /// Takes `id` off every board.
    mutating func unplace(_ id: RecordID) {
        for (bid, b) in boards where b.items.contains(id) {
            boards[bid]?.items.removeAll { $0 == id }
        }
    }
}

/// Walks a calendar forward, one shoot date at a time.
struct CalendarWalk {
    var cursor: CalendarDate?
    let off: Set<Int>
    let blocked: Set<CalendarDate>

    mutating func next() -> CalendarDate? {
        guard var d = cursor else { return nil }
        var guardDays = 0
        while (off.contains(d.weekday) || blocked.contains(d)) && guardDays < 3660 {
            d = d.adding(days: 1); guardDays += 1
        }
        cursor = d.adding(days: 1)
        return d
    }
}
