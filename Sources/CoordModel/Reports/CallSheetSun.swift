#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sunrise and sunset by NOAA's solar calculator (Meeus's low-precision formulas: equation of
/// time and declination, the upper limb at 90.833° from the zenith to allow for refraction).
/// Good to about a minute away from the poles. Times are shown in the time zone of the machine
/// that renders the sheet (`localtime_r`, so `TZ` applies), on the shoot date.
public enum SolarTimes {
    /// Sunrise and sunset on `date` at a place, as local clock times; nil when the sun does not
    /// rise or set that day (polar day or night).
    public static func riseAndSet(date: CalendarDate, latitude: Double, longitude: Double) -> (TimeOfDay?, TimeOfDay?) {
        let rise = utcMinutes(rising: true, date: date, latitude: latitude, longitude: longitude)
        let set = utcMinutes(rising: false, date: date, latitude: latitude, longitude: longitude)
        return (rise.map { localTime(date: date, utcMinutes: $0) }, set.map { localTime(date: date, utcMinutes: $0) })
    }

    /// Minutes after 00:00 UTC on `date` (may be below 0 or past 1440) of sunrise or sunset;
    /// longitude east positive.
    public static func utcMinutes(rising: Bool, date: CalendarDate, latitude: Double, longitude: Double) -> Double? {
        // Start at solar noon and refine: the sun's position is taken at the event's own time.
        var t = 720 - 4 * longitude
        for _ in 0..<3 {
            let jd = 2_440_587.5 + Double(date.dayNumber) + t / 1440
            let (eqTime, decl) = sunPosition(julianDay: jd)
            guard let ha = hourAngle(latitude: latitude, declination: decl) else { return nil }
            t = 720 - 4 * (longitude + (rising ? ha : -ha)) - eqTime
        }
        return t
    }

    /// The clock time in the local zone of the instant `utcMinutes` after midnight UTC of `date`,
    /// rounded to the minute.
    public static func localTime(date: CalendarDate, utcMinutes: Double) -> TimeOfDay {
        let minutes = Int((utcMinutes).rounded())
        var t = time_t(Int(date.dayNumber) * 86_400 + minutes * 60), tmv = tm()
        localtime_r(&t, &tmv)
        return TimeOfDay(minutes: Int(tmv.tm_hour) * 60 + Int(tmv.tm_min))
    }

    /// Equation of time (minutes) and the sun's declination (degrees) at a Julian day.
    static func sunPosition(julianDay jd: Double) -> (Double, Double) {
        let t = (jd - 2_451_545) / 36_525
        let l0 = (280.46646 + t * (36_000.76983 + t * 0.0003032)).truncatingRemainder(dividingBy: 360)
        let m = 357.52911 + t * (35_999.05029 - 0.0001537 * t)
        let e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
        let c = sin(rad(m)) * (1.914602 - t * (0.004817 + 0.000014 * t))
            + sin(rad(2 * m)) * (0.019993 - 0.000101 * t) + sin(rad(3 * m)) * 0.000289
        let omega = 125.04 - 1934.136 * t
        let lambda = l0 + c - 0.00569 - 0.00478 * sin(rad(omega))
        let eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60
        let eps = eps0 + 0.00256 * cos(rad(omega))
        let decl = deg(asin(sin(rad(eps)) * sin(rad(lambda))))
        let y = tan(rad(eps / 2)) * tan(rad(eps / 2))
        let eq = y * sin(2 * rad(l0)) - 2 * e * sin(rad(m)) + 4 * e * y * sin(rad(m)) * cos(2 * rad(l0))
            - 0.5 * y * y * sin(4 * rad(l0)) - 1.25 * e * e * sin(2 * rad(m))
        return (4 * deg(eq), decl)
    }

    /// The sun's hour angle (degrees) at rise or set; nil when it stays above or below the horizon.
    static func hourAngle(latitude: Double, declination: Double) -> Double? {
        let x = cos(rad(90.833)) / (cos(rad(latitude)) * cos(rad(declination))) - tan(rad(latitude)) * tan(rad(declination))
        guard x >= -1, x <= 1 else { return nil }
        return deg(acos(x))
    }

    static func rad(_ d: Double) -> Double { d * .pi / 180 }
    static func deg(_ r: Double) -> Double { r * 180 / .pi }
}
