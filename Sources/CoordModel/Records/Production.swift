/// The production itself: one per journal.
public struct Production: Record, Equatable {
    public static let noun = Noun.production
    public var id: RecordID
    public var title = ""
    public var company = ""
    public var currency = "GBP"
    public var start: CalendarDate?
    public var end: CalendarDate?
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Production>] = [
        .string(info("title", "Title", .text, help: "the production's working title"), \.title),
        .string(info("company", "Company", .text), \.company),
        .string(info("currency", "Currency", .currency, required: true, help: "the ledger's currency"), \.currency),
        .date(info("start", "Start", .date, help: "first day of prep"), \.start),
        .date(info("end", "End", .date, help: "last day of wrap"), \.end),
    ]

    /// `£`, `$`, `€`, or the code and a space.
    public var currencySymbol: String { Currency.symbol(currency) }
}
