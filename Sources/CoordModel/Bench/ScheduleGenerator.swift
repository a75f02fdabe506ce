/// Builds large, realistic schedules for benchmarks: a feature's worth of strips over many
/// shoot days, with cast on the strips and crew and kit booked by the day.
public enum ScheduleGenerator {
    /// A whole journal (header included) with `strips` strips over `days` shoot days.
    public static func journal(strips: Int, days: Int, cast: Int = 40, crew: Int = 120, kit: Int = 30,
                               seed: UInt64 = 1) -> String {
        var rng = SplitMix(seed: seed)
        var out = [JournalFormat.header,
                   "production set title=\"Bench feature\" company=\"Bench Films\" currency=GBP",
                   "board set id=main name=\"Shooting order\" start=2027-01-04 daysoff=sat,sun"]
        let sets = ["Kitchen", "Harbour", "Lighthouse - lamp room", "Cliff path", "Police station", "Car - moving",
                    "Hospital corridor", "Pub", "Beach", "Farmhouse - yard", "Church", "Train"]
        for c in 1...max(1, cast) {
            out.append("crew add id=c\(c) name=\"Actor \(c)\" role=\"Character \(c)\" dept=Cast castno=\(c)"
                + (c % 7 == 0 ? " hold=drop" : "") + (c % 11 == 0 ? " unavailable=2027-02-0\(c % 9 + 1)" : ""))
        }
        let depts = ["Production", "Direction", "Camera", "Grip", "Electric", "Sound", "Art", "Costume", "Locations", "Transport"]
        for p in 1...max(1, crew) {
            out.append("crew add id=p\(p) name=\"Crew \(p)\" role=\"Role \(p)\" dept=\(depts[p % depts.count]) rate=\(150 + p % 200).00 status=confirmed")
        }
        for k in 1...max(1, kit) { out.append("kit add id=k\(k) name=\"Kit item \(k)\" category=grip") }
        for d in 1...max(1, days) {
            out.append("day add id=d\(d) call=07:00 wrap=18:00 location=\"\(sets[d % sets.count]) location\"")
        }
        for s in 1...max(1, strips) {
            let castCount = 1 + Int(rng.next() % 4)
            var castList = Set<Int>()
            while castList.count < castCount { castList.insert(1 + Int(rng.next() % UInt64(max(1, cast)))) }
            let day = 1 + (s - 1) * days / max(1, strips)
            let ie = rng.next() % 3 == 0 ? "EXT" : "INT"
            let dn = rng.next() % 4 == 0 ? "NIGHT" : "DAY"
            out.append("strip add id=s\(s) scene=\(s) ie=\(ie) set=\"\(sets[Int(rng.next() % UInt64(sets.count))])\" dn=\(dn)"
                + " pages=\(1 + rng.next() % 16)/8 cast=\(castList.sorted().map(String.init).joined(separator: ",")) day=d\(day)")
        }
        // Crew and kit booked on most days: the booking desk's work.
        var date = CalendarDate(year: 2027, month: 1, day: 4)!
        var n = 0
        for _ in 1...max(1, days) {
            while date.weekday >= 5 { date = date.adding(days: 1) }
            for p in stride(from: 1, through: crew, by: 3) { n += 1; out.append("booking add id=b\(n) who=p\(p) date=\(date) code=W") }
            for k in stride(from: 1, through: kit, by: 2) { n += 1; out.append("booking add id=b\(n) who=k\(k) date=\(date) code=W") }
            date = date.adding(days: 1)
        }
        return out.joined(separator: "\n") + "\n"
    }
}
