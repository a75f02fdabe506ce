/// A third-party item on screen or on the soundtrack, and the state of its licence.
public struct Clearance: Record, Equatable {
    public static let noun = Noun.clearance
    public var id: RecordID
    public var title = ""
    public var type = "other"
    public var licensor = ""
    public var contact = ""
    public var status = "identified"
    public var fee: Money?
    public var media = ""
    public var territory = ""
    public var term = ""
    public var due: CalendarDate?
    public var expiry: CalendarDate?
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Clearance>] = [
        .string(info("title", "Title", .text, required: true), \.title),
        .string(info("type", "Type", .choice(Choices.clearanceType), default: "other"), \.type),
        .string(info("licensor", "Licensor", .text, aliases: ["holder", "rightsholder"]), \.licensor),
        .string(info("contact", "Contact", .text), \.contact),
        .string(info("status", "Status", .choice(Choices.clearanceStatus), default: "identified"), \.status),
        .money(info("fee", "Fee", .money), \.fee),
        .string(info("media", "Media", .text, help: "e.g. all media"), \.media),
        .string(info("territory", "Territory", .text, help: "e.g. world"), \.territory),
        .string(info("term", "Term", .text, help: "e.g. perpetuity"), \.term),
        .date(info("due", "Due", .date, help: "when it must be cleared by"), \.due),
        .date(info("expiry", "Licence expiry", .date, aliases: ["expires"]), \.expiry),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]

    public var isSettled: Bool { ["cleared", "substituted", "not-needed"].contains(status) }
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let due, !isSettled else { return false }
        return due < today
    }
}
