/// What happened on a shoot day, written at wrap: the times, the set-ups and screen minutes shot,
/// and what went wrong. One per shoot day; the scenes come from the strips' `shot` marks.
public struct DayProgress: Record, Equatable {
    public static let noun = Noun.progress
    public var id: RecordID
    public var day = ""
    public var crewCall: TimeOfDay?
    public var firstShot: TimeOfDay?
    public var lunch: TimeOfDay?
    public var lunchEnd: TimeOfDay?
    public var cameraWrap: TimeOfDay?
    public var unitWrap: TimeOfDay?
    public var setups = ""
    /// Screen minutes shot, as the script supervisor times them.
    public var minutes = ""
    public var delays = ""
    public var incidents = ""
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<DayProgress>] = [
        .string(info("day", "Shoot day", .dayRef, required: true), \.day),
        .time(info("crewcall", "Crew call", .time, help: "the call the crew actually had"), \.crewCall),
        .time(info("firstshot", "First shot", .time), \.firstShot),
        .time(info("lunch", "Lunch", .time), \.lunch),
        .time(info("lunchend", "Lunch end", .time), \.lunchEnd),
        .time(info("camerawrap", "Camera wrap", .time, help: "earlier than the call means after midnight"), \.cameraWrap),
        .time(info("unitwrap", "Unit wrap", .time, help: "earlier than the call means after midnight"), \.unitWrap),
        .string(info("setups", "Set-ups", .count), \.setups),
        .string(info("minutes", "Minutes shot", .count, help: "screen minutes shot"), \.minutes),
        .string(info("delays", "Delays", .text, aliases: ["delay"]), \.delays),
        .string(info("incidents", "Incidents", .text, aliases: ["incident"]), \.incidents),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]
}
