/// A calendar date with no time zone: shoot days never drift across midnight.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = Int32(era * 146097 + doe - 719468)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { Int(((Int64(dayNumber) % 7) + 7 + 3) % 7) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + Int32(days)) }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2027-03-01`
    public var description: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// `Mon 1 Mar`
    public var short: String {
        let c = components
        return "\(CalendarDate.weekdayNames[weekday]) \(c.day) \(CalendarDate.monthNames[c.month - 1])"
    }
    /// `1 Mar 2027`
    public var medium: String {
        let c = components
        return "\(c.day) \(CalendarDate.monthNames[c.month - 1]) \(c.year)"
    }

    /// Strict `YYYY-MM-DD`; `today`, `tomorrow` and `yesterday` relative to `today`.
    /// Without `today` (replaying a journal) the relative words are refused: a line must mean one date.
    public static func parse(_ raw: String, today: CalendarDate?) -> Result<CalendarDate, ValueError> {
        if let d = canonical(raw) { return .success(d) }
        return parseGeneral(raw, today: today)
    }

    /// The date `raw` holds when it is written as the journal writes dates, `YYYY-MM-DD`; nil
    /// otherwise, or when it is no real date, so that `parse` says why.
    static func canonical(_ raw: String) -> CalendarDate? {
        raw.utf8.withContiguousStorageIfAvailable { canonical(bytes: $0) } ?? nil
    }

    static func canonical(bytes b: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in from..<to {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = digits(0, 4), let m = digits(5, 7), let d = digits(8, 10) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// `parse` for every spelling (and every error).
    static func parseGeneral(_ raw: String, today: CalendarDate?) -> Result<CalendarDate, ValueError> {
        let s = raw.trimmingWhitespace().lowercased()
        if let offset = ["yesterday": -1, "today": 0, "tomorrow": 1][s] {
            guard let today else { return .failure(ValueError("'\(raw)' must be a date (YYYY-MM-DD) in a journal")) }
            return .success(today.adding(days: offset))
        }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, s.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) }), (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return .failure(ValueError("'\(raw)' is not a date (write YYYY-MM-DD, e.g. 2027-03-01, or today)"))
        }
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            return .failure(ValueError("'\(raw)' is not a real date"))
        }
        return .success(date)
    }
}

/// A time of day in minutes since midnight. A wrap earlier than the call means after midnight.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var minutes: Int
    public init(minutes: Int) { self.minutes = minutes }
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
    public var description: String { "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))" }

    /// `07:30`, `7:30`, `0730`.
    public static func parse(_ raw: String) -> Result<TimeOfDay, ValueError> {
        if let t = canonical(raw) { return .success(t) }
        return parseGeneral(raw)
    }

    /// The time `raw` holds when it is written as the journal writes times, `HH:MM`; nil
    /// otherwise, or when it is no real time, so that `parse` says why.
    static func canonical(_ raw: String) -> TimeOfDay? {
        raw.utf8.withContiguousStorageIfAvailable { canonical(bytes: $0) } ?? nil
    }

    static func canonical(bytes b: UnsafeBufferPointer<UInt8>) -> TimeOfDay? {
        guard b.count == 5, b[2] == UInt8(ascii: ":") else { return nil }
        let h1 = b[0] &- 0x30, h2 = b[1] &- 0x30, m1 = b[3] &- 0x30, m2 = b[4] &- 0x30
        guard h1 < 10, h2 < 10, m1 < 10, m2 < 10 else { return nil }
        return TimeOfDay(hour: Int(h1) * 10 + Int(h2), minute: Int(m1) * 10 + Int(m2))
    }

    /// `parse` for every spelling (and every error).
    static func parseGeneral(_ raw: String) -> Result<TimeOfDay, ValueError> {
        let s = raw.trimmingWhitespace()
        var h: Int?, m: Int?
        if let colon = s.firstIndex(of: ":") {
            let hs = s[..<colon], ms = s[s.index(after: colon)...]
            if (1...2).contains(hs.count), ms.count == 2 { h = Int(hs); m = Int(ms) }
        } else if s.count == 4, s.allSatisfy({ $0.isASCII && $0.isNumber }) {
            h = Int(s.prefix(2)); m = Int(s.suffix(2))
        }
        guard let hh = h, let mm = m, let t = TimeOfDay(hour: hh, minute: mm) else {
            return .failure(ValueError("'\(raw)' is not a time (write HH:MM, 24-hour, e.g. 07:30)"))
        }
        return .success(t)
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
