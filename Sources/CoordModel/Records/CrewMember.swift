/// A person on the crew list (cast included, in the Cast department).
public struct CrewMember: Record, Equatable {
    public static let noun = Noun.crew
    public var id: RecordID
    public var name = ""
    public var role = ""
    public var dept = ""
    public var phone = ""
    public var email = ""
    public var rate: Money?
    public var status = "pencilled"
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<CrewMember>] = [
        .string(info("name", "Name", .text, required: true), \.name),
        .string(info("role", "Role", .text, aliases: ["job"], help: "job title, e.g. 1st AC"), \.role),
        .string(info("dept", "Department", .department, aliases: ["department"]), \.dept),
        .string(info("phone", "Phone", .phone, aliases: ["mobile", "tel"]), \.phone),
        .string(info("email", "Email", .email, aliases: ["mail"]), \.email),
        .money(info("rate", "Day rate", .money, aliases: ["dayrate"]), \.rate),
        .string(info("status", "Booking", .choice(Choices.booking), default: "pencilled",
                     aliases: ["booking"]), \.status),
    ]
}
