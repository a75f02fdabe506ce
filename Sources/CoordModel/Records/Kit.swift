/// A piece of key kit that is booked by the day (a crane, a camera package, a picture car).
public struct Kit: Record, Equatable {
    public static let noun = Noun.kit
    public var id: RecordID
    public var name = ""
    public var category = ""
    public var supplier = ""
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Kit>] = [
        .string(info("name", "Name", .text, required: true), \.name),
        .string(info("category", "Category", .text, aliases: ["cat"], help: "e.g. camera, grip, vehicle"), \.category),
        .string(info("supplier", "Supplier", .text, aliases: ["vendor"]), \.supplier),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]
}

/// One person's or kit item's day-out-of-days code on one date: the booking desk's unit.
public struct Booking: Record, Equatable {
    public static let noun = Noun.booking
    public var id: RecordID
    public var who = ""
    public var date: CalendarDate?
    public var code = "W"
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Booking>] = [
        .string(info("who", "Who", .whoRef, required: true, help: "a crew member's or kit item's id"), \.who),
        .date(info("date", "Date", .date, required: true), \.date),
        .string(info("code", "Code", .choice(Choices.doodCode), default: "W"), \.code),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]
}
