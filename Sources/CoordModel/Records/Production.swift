/// The production itself: one per journal.
public struct Production: Record, Equatable {
    public static let noun = Noun.production
    public var id: RecordID
    public var title = ""
    public var company = ""
    public var currency = "GBP"
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// The rest rule (hours between one day's wrap and the next day's call) and the longest
    /// day (call to wrap; UK TV drama: 10+1) as the journal set them; "" when it did not.
    public var restSet = "", maxDaySet = ""
    /// The rules in force: the journal's, else the working-time defaults (the config file's, else 11).
    public var rest: String { restSet.isEmpty ? WorkingRules.defaults.rest : restSet }
    public var maxDay: String { maxDaySet.isEmpty ? WorkingRules.defaults.maxDay : maxDaySet }
    /// Frames per second of picture timecode (cue sheets); 25 when not set.
    public var fps = ""
    /// Days ahead that a licence expiry is flagged.
    public var expiryWarning = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Production>] = [
        .string(info("title", "Title", .text, help: "the production's working title"), \.title),
        .string(info("company", "Company", .text), \.company),
        .string(info("currency", "Currency", .currency, required: true, help: "the ledger's currency"), \.currency),
        .date(info("start", "Start", .date, help: "first day of prep"), \.start),
        .date(info("end", "End", .date, help: "last day of wrap"), \.end),
        // No default written in: empty means the working-time default (rest = / maxday = in the config file).
        .string(info("rest", "Rest (hours)", .hours, aliases: ["turnaround"],
                     help: "least hours from wrap to the next call; 11 (or the config file's rest) when empty"), \.restSet),
        .string(info("maxday", "Longest day (hours)", .hours, aliases: ["hours"],
                     help: "call to wrap, e.g. 10+1; 11 (or the config file's maxday) when empty"), \.maxDaySet),
        .string(info("fps", "Frame rate", .choice(Choices.frameRate), aliases: ["framerate"],
                     help: "picture timecode: 25 unless set (23.976, 24, 25, 29.97, 30, 50, 59.94, 60)"), \.fps),
        .string(info("expirywarning", "Expiry warning (days)", .count, aliases: ["expirywindow"],
                     help: "licences expiring within this many days are flagged; 90 unless set"), \.expiryWarning),
    ]

    /// Whole frames per second of timecode (29.97 counts 30 a second, non-drop).
    public var timecodeBase: Int {
        switch fps {
        case "23.976", "24": return 24
        case "29.97", "30": return 30
        case "50": return 50
        case "59.94", "60": return 60
        default: return 25
        }
    }
    public var expiryWarningDays: Int { Int(expiryWarning) ?? 90 }

    public var restMinutes: Int { WorkingRules.minutes(rest) }
    public var maxDayMinutes: Int { WorkingRules.minutes(maxDay) }

    /// `£`, `$`, `€`, or the code and a space.
    public var currencySymbol: String { Currency.symbol(currency) }
}

/// The working-time rules used where a production's journal does not set `rest=` / `maxday=`.
/// Set once at start-up (from ~/.config/coord/config) before anything reads it.
public struct WorkingRules: Sendable, Equatable {
    /// Hours, as the journal writes them (`10+1` is written `11`).
    public var rest: String
    public var maxDay: String
    public init(rest: String = "11", maxDay: String = "11") { self.rest = rest; self.maxDay = maxDay }

    /// Minutes in hours as written (`10+1` too, as an older journal may hold it); 11 hours if unreadable.
    static func minutes(_ hours: String) -> Int {
        let parts = hours.split(separator: "+").compactMap { Double(String($0).trimmingWhitespace()) }
        guard !parts.isEmpty, parts.count == hours.split(separator: "+").count else { return 11 * 60 }
        return Int(parts.reduce(0, +) * 60)
    }

    nonisolated(unsafe) private static var shared = WorkingRules()
    /// Lets a test use other defaults without touching the process-wide ones.
    @TaskLocal public static var override: WorkingRules?
    public static var defaults: WorkingRules {
        get { override ?? shared }
        set { shared = newValue }
    }
}
