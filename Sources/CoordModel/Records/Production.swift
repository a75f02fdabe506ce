/// The production itself: one per journal.
public struct Production: Record, Equatable {
    public static let noun = Noun.production
    public var id: RecordID
    public var title = ""
    public var company = ""
    public var currency = "GBP"
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// The rest rule: hours between one day's wrap and the next day's call.
    public var rest = "11"
    /// The longest working day in hours, call to wrap (UK TV drama: 10+1).
    public var maxDay = "11"
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
        .string(info("rest", "Rest (hours)", .hours, default: "11", aliases: ["turnaround"],
                     help: "least hours from wrap to the next call"), \.rest),
        .string(info("maxday", "Longest day (hours)", .hours, default: "11", aliases: ["hours"],
                     help: "call to wrap, e.g. 10+1"), \.maxDay),
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

    public var restMinutes: Int { Int((Double(rest) ?? 11) * 60) }
    public var maxDayMinutes: Int { Int((Double(maxDay) ?? 11) * 60) }

    /// `£`, `$`, `€`, or the code and a space.
    public var currencySymbol: String { Currency.symbol(currency) }
}
