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
    /// The cast number strips use ("1" for the lead), for cast members.
    public var castNumber = ""
    /// "drop", or empty for the usual hold between work days.
    public var hold = ""
    /// Between two work days more than this many shoot days apart, drop instead of hold.
    public var dropDays = ""
    /// Dates the person cannot work, written `2027-03-03,2027-03-05`.
    public var unavailable = ""
    public var agent = ""
    public var rateType = ""
    /// The budget account the person's fees are coded to (for the suggested ETC).
    public var account = ""
    public var overtime = ""
    public var vat = ""
    public var dealMemo = ""
    public var dietary = ""
    public var access = ""
    public var emergency = ""
    /// Personal: only on the crew copy of a call sheet and in `--personal` exports.
    public var address = ""
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<CrewMember>] = [
        .string(info("name", "Name", .text, required: true), \.name),
        .string(info("role", "Role", .text, aliases: ["job"], help: "job title, e.g. 1st AC"), \.role),
        .string(info("dept", "Department", .department, aliases: ["department"]), \.dept),
        .string(info("phone", "Phone", .phone, aliases: ["mobile", "tel"]), \.phone),
        .string(info("email", "Email", .email, aliases: ["mail"]), \.email),
        .money(info("rate", "Rate", .money, aliases: ["dayrate"], help: "per day, week or flat (ratetype)"), \.rate),
        .string(info("status", "Booking", .choice(Choices.booking), default: "pencilled",
                     aliases: ["booking"]), \.status),
        .string(info("castno", "Cast number", .code, aliases: ["cast"], help: "the number strips use, e.g. 1"), \.castNumber),
        .string(info("hold", "Hold or drop", .choice(Choices.holdDrop),
                     help: "between work days: hold (the default), or drop and pick up"), \.hold),
        .string(info("dropdays", "Drop after", .count, help: "shoot days apart before holding turns to a drop"), \.dropDays),
        .string(info("unavailable", "Unavailable", .dates, aliases: ["unavail"]), \.unavailable),
        .string(info("agent", "Agent/company", .text, aliases: ["company"]), \.agent),
        .string(info("ratetype", "Rate per", .choice(Choices.rateType), help: "day (the default), week or flat"), \.rateType),
        .string(info("account", "Budget account", .accountRef, aliases: ["acct"], help: "where their fees are coded, e.g. 2100"),
                \.account),
        .string(info("ot", "Overtime terms", .text, aliases: ["overtime"]), \.overtime),
        .string(info("vat", "VAT registered", .choice(Choices.yesNo)), \.vat),
        .string(info("memo", "Deal memo", .choice(Choices.dealMemo), aliases: ["dealmemo"], help: "not-sent (the default), sent or signed"), \.dealMemo),
        .string(info("dietary", "Dietary needs", .text, aliases: ["diet"]), \.dietary),
        .string(info("access", "Access needs", .text), \.access),
        .string(info("emergency", "Emergency contact", .text, aliases: ["ice"]), \.emergency),
        .string(info("address", "Address", .text, help: "personal: crew copy only"), \.address),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]

    /// The unavailable dates as dates (bad entries were refused when typed).
    public var unavailableDates: Set<CalendarDate> {
        Set(unavailable.split(separator: ",").compactMap { try? CalendarDate.parse(String($0), today: nil).get() })
    }
}
