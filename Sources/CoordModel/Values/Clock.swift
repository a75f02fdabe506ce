#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Today's date and the journal's time stamps, read from the system clock.
public struct Clock: Sendable {
    public var now: @Sendable () -> Int
    public init(now: @escaping @Sendable () -> Int = { Int(time(nil)) }) { self.now = now }

    /// The local calendar date: what "today" means to the person at the keyboard.
    public var today: CalendarDate {
        var t = time_t(now()), tmv = tm()
        localtime_r(&t, &tmv)
        return CalendarDate(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))
            ?? CalendarDate(dayNumber: Int32(now() / 86400))
    }

    /// `2026-11-22T13:44:01Z`
    public var stamp: String {
        var t = time_t(now()), tmv = tm()
        gmtime_r(&t, &tmv)
        return "\(pad(Int(tmv.tm_year) + 1900, 4))-\(pad(Int(tmv.tm_mon) + 1, 2))-\(pad(Int(tmv.tm_mday), 2))T"
            + "\(pad(Int(tmv.tm_hour), 2)):\(pad(Int(tmv.tm_min), 2)):\(pad(Int(tmv.tm_sec), 2))Z"
    }

    /// A fixed clock for tests and the golden screens.
    public static func fixed(_ date: CalendarDate, hour: Int = 12) -> Clock {
        let seconds = Int(date.dayNumber) * 86400 + hour * 3600
        return Clock(now: { seconds })
    }
}
