/// A budget account in the chart of accounts.
public struct Account: Record, Equatable {
    public static let noun = Noun.account
    public var id: RecordID
    public var code = ""
    public var category = ""
    public var description = ""
    public var budget: Money?
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Account>] = [
        .string(info("code", "Code", .code, required: true, help: "unique, e.g. 2100"), \.code),
        .string(info("category", "Category", .text, aliases: ["cat"], help: "e.g. Production crew"), \.category),
        .string(info("description", "Description", .text, required: true, aliases: ["desc", "name"]), \.description),
        .money(info("budget", "Budget", .money), \.budget),
    ]
}

/// A cost coded to an account: an actual (invoiced) or a commitment (an open PO).
public struct CostEntry: Record, Equatable {
    public static let noun = Noun.cost
    public var id: RecordID
    public var date: CalendarDate?
    /// The account's code, kept in step when the account's code changes.
    public var account = ""
    public var vendor = ""
    public var description = ""
    public var amount: Money?
    public var po = ""
    public var invoice = ""
    public var kind = "actual"
    public init(id: RecordID) { self.id = id }

    public var isCommitment: Bool { kind == "commitment" }

    public static let fields: [FieldSpec<CostEntry>] = [
        .date(info("date", "Date", .date, required: true, default: "today"), \.date),
        .string(info("account", "Account", .accountRef, required: true, aliases: ["acct", "code"]), \.account),
        .string(info("vendor", "Vendor", .text, aliases: ["payee", "supplier"]), \.vendor),
        .string(info("description", "Description", .text, aliases: ["desc"]), \.description),
        .money(info("amount", "Amount", .money, required: true, aliases: ["amt", "net"]), \.amount),
        .string(info("po", "PO number", .text), \.po),
        .string(info("invoice", "Invoice number", .text, aliases: ["inv"]), \.invoice),
        .string(info("kind", "Actual/commitment", .choice(Choices.costKind), default: "actual",
                     aliases: ["type"]), \.kind),
    ]
}
