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
    ]

    public var restMinutes: Int { Int((Double(rest) ?? 11) * 60) }
    public var maxDayMinutes: Int { Int((Double(maxDay) ?? 11) * 60) }

    /// `£`, `$`, `€`, or the code and a space.
    public var currencySymbol: String { Currency.symbol(currency) }
}
