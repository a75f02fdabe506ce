/// One shoot day of one unit.
public struct ShootDay: Record, Equatable {
    public static let noun = Noun.day
    public var id: RecordID
    public var board = ""
    /// Used when the board has no start date; otherwise the calendar dates the day.
    public var date: CalendarDate?
    public var unit = "Main"
    public var location = ""
    /// A location record's id, for the call sheet's address, parking and hospital.
    public var site = ""
    public var call: TimeOfDay?
    public var wrap: TimeOfDay?
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<ShootDay>] = [
        .string(info("board", "Board", .boardRef, help: "default: the active board"), \.board),
        .date(info("date", "Date", .date, help: "only when the board has no start date"), \.date),
        .string(info("unit", "Unit", .text, default: "Main", help: "Main, 2nd unit, splinter..."), \.unit),
        .string(info("location", "Location", .text, aliases: ["loc"]), \.location),
        .string(info("site", "Location record", .locationRef, help: "a location's id: address, parking, hospital"), \.site),
        .time(info("call", "Call", .time, help: "general crew call"), \.call),
        .time(info("wrap", "Wrap", .time, help: "earlier than call means after midnight"), \.wrap),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]

    /// Minutes from call to wrap; a wrap before the call is after midnight.
    public var lengthMinutes: Int? {
        guard let c = call, let w = wrap else { return nil }
        return w.minutes >= c.minutes ? w.minutes - c.minutes : w.minutes + 1440 - c.minutes
    }
}

/// One scene of the breakdown. Where it is shot is its place in each board's running order
/// (`day=`, `after=`, `before=` when added or moved); not on a board, it is in the boneyard.
public struct Strip: Record, Equatable {
    public static let noun = Noun.strip
    public var id: RecordID
    public var scene = ""
    public var intExt = ""
    public var set = ""
    public var dayNight = ""
    public var pages = Pages(eighths: 0)
    public var synopsis = ""
    public var cast = ""
    public var notes = ""
    /// `done`, `part` or empty (not shot), marked at wrap.
    public var shot = ""
    /// The shoot day it was shot on (a day's id).
    public var shotDay = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Strip>] = [
        .string(info("scene", "Scene", .code, required: true, aliases: ["sc"], help: "e.g. 12A"), \.scene),
        .string(info("ie", "INT/EXT", .choice(Choices.intExt), aliases: ["intext"]), \.intExt),
        .string(info("set", "Set", .text, help: "the set or location in the script"), \.set),
        .string(info("dn", "Day/Night", .choice(Choices.dayNight), aliases: ["daynight", "tod"]), \.dayNight),
        .pages(info("pages", "Pages", .pages, aliases: ["pgs"]), \.pages),
        .string(info("synopsis", "Synopsis", .text, aliases: ["syn"]), \.synopsis),
        .string(info("cast", "Cast", .text, help: "cast numbers, e.g. 1,2,5"), \.cast),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
        .string(info("shot", "Shot", .choice(Choices.shot), help: "done, part, or empty: not shot yet"), \.shot),
        .string(info("shotday", "Shot on", .dayRef, help: "the day it was shot; default: the day it is on"), \.shotDay),
    ]
}
