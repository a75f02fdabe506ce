/// What each change touched, counted as `Model.apply` runs, so derived views (the
/// day-out-of-days grid, conflicts) can bring themselves up to date by redoing only the
/// parts a change reached: one person's row for a booking, everything for a moved strip.
public struct ChangeMarks: Sendable {
    /// Tells one model's history from another's (a reload starts a new one), so marks
    /// are only ever compared along one line of changes.
    public let lineage = UInt64.random(in: 1...UInt64.max)
    /// Changes applied so far.
    public internal(set) var seq = 0
    /// The last change to the running order, the shoot days or dates, the strips' cast,
    /// or the production's working-time rules: views of the schedule start again after one.
    public internal(set) var layoutSeq = 0
    /// The last change to who has a row (crew or kit added or removed, a cast number, a hold rule).
    public internal(set) var rosterSeq = 0
    /// The last change to each person's or kit item's own record or bookings.
    public internal(set) var whoSeq: [String: Int] = [:]

    public init() {}

    static let rosterKeys: Set<String> = ["castno", "hold", "dropdays"]

    mutating func note(_ e: Event) {
        seq += 1
        switch e.noun {
        case .board, .day, .strip, .banner, .calendar, .production:
            layoutSeq = seq
        case .crew, .kit:
            if e.verb == .set, !e.values.contains(where: { ChangeMarks.rosterKeys.contains($0.key) }) {
                if let id = e.id { touch(id.raw) }
            } else {
                rosterSeq = seq
            }
        default:
            break
        }
    }

    mutating func touch(_ who: String) { whoSeq[who] = seq }

    /// Whose rows changed after change `since`, or nil when more than rows did.
    public func whosChanged(since: Int) -> [String]? {
        guard layoutSeq <= since, rosterSeq <= since else { return nil }
        return whoSeq.compactMap { $0.value > since ? $0.key : nil }
    }
}
