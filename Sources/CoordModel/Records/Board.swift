/// A named running order of strips (a scenario: "First pass", "Rev. BLUE") with its calendar.
public struct Board: Record, Equatable {
    public static let noun = Noun.board
    /// The board every production starts with; it cannot be removed.
    public static let mainID: RecordID = "main"
    public var id: RecordID
    public var name = ""
    /// The first shoot day. With it, shoot day N's date comes from walking the calendar.
    public var start: CalendarDate?
    /// Weekdays off, 0 = Monday ... 6 = Sunday, written `sat,sun`.
    public var daysOff = "sat,sun"
    public var active = "no"
    /// Day breaks, strips and banners in running order (not a field: changed by add, move, rm).
    public internal(set) var items: [RecordID] = []
    public init(id: RecordID) { self.id = id }

    public var isActive: Bool { active == "yes" }

    public static let fields: [FieldSpec<Board>] = [
        .string(info("name", "Name", .text, required: true), \.name),
        .date(info("start", "Start", .date, help: "first shoot day; later days follow the calendar"), \.start),
        .string(info("daysoff", "Days off", .weekdays, default: "sat,sun", aliases: ["off"]), \.daysOff),
        .string(info("active", "Active", .choice(Choices.yesNo), default: "no",
                     help: "the board call sheets and reports use"), \.active),
    ]

    /// The weekday numbers (0 = Monday) in `daysOff`.
    public var offWeekdays: Set<Int> {
        Set(daysOff.split(separator: ",").compactMap { Weekdays.number(String($0)) })
    }
}

/// A line across the board between strips: a meal break, a company move, a note.
public struct Banner: Record, Equatable {
    public static let noun = Noun.banner
    public var id: RecordID
    public var board = ""
    public var text = ""
    public var kind = "note"
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Banner>] = [
        .string(info("board", "Board", .boardRef, help: "default: the active board"), \.board),
        .string(info("text", "Text", .text, required: true), \.text),
        .string(info("kind", "Kind", .choice(Choices.bannerKind), default: "note"), \.kind),
    ]
}

/// A date in a board's calendar on which the unit does not shoot.
public struct CalendarEntry: Record, Equatable {
    public static let noun = Noun.calendar
    public var id: RecordID
    public var board = ""
    public var date: CalendarDate?
    public var kind = "holiday"
    public var name = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<CalendarEntry>] = [
        .string(info("board", "Board", .boardRef, help: "default: the active board"), \.board),
        .date(info("date", "Date", .date, required: true), \.date),
        .string(info("kind", "Kind", .choice(Choices.calendarKind), default: "holiday"), \.kind),
        .string(info("name", "Name", .text, aliases: ["note"]), \.name),
    ]
}

/// Weekday names as people write them.
public enum Weekdays {
    public static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `sat`, `sa`, `saturday` are Saturday; anything else is not a weekday.
    public static func number(_ s: String) -> Int? {
        let t = s.trimmingWhitespace().lowercased()
        guard t.count >= 2 else { return nil }
        let hits = full.indices.filter { full[$0].hasPrefix(t) }
        return hits.count == 1 ? hits[0] : nil
    }
}
