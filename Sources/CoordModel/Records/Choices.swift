/// The closed vocabularies of the four records, with the spellings people actually type.
public enum Choices {
    public static let intExt = Choice(["INT", "EXT", "INT/EXT"],
        aliases: ["I": "INT", "E": "EXT", "I/E": "INT/EXT", "IE": "INT/EXT", "EXT/INT": "INT/EXT",
                  "interior": "INT", "exterior": "EXT"])
    public static let dayNight = Choice(["DAY", "NIGHT", "DAWN", "DUSK", "CONTINUOUS"],
        aliases: ["D": "DAY", "N": "NIGHT", "CONT": "CONTINUOUS", "MORNING": "DAY", "EVENING": "DUSK"])
    public static let booking = Choice(["pencilled", "confirmed", "released"],
        aliases: ["pencil": "pencilled", "penciled": "pencilled", "hold": "pencilled",
                  "confirm": "confirmed", "booked": "confirmed", "release": "released"])
    public static let costKind = Choice(["actual", "commitment"],
        aliases: ["po": "commitment", "committed": "commitment", "commit": "commitment", "invoice": "actual"])
    public static let budgetLine = Choice(["atl", "btl"],
        aliases: ["above": "atl", "above the line": "atl", "abovetheline": "atl", "below": "btl",
                  "below the line": "btl", "belowtheline": "btl"])
    public static let clearanceType = Choice(
        ["sync", "master", "footage", "stills", "artwork", "logo", "product", "location", "release", "text", "software", "other"],
        aliases: ["music": "sync", "music sync": "sync", "synch": "sync", "song": "sync", "composition": "sync",
                  "publishing": "sync", "music master": "master", "master use": "master", "recording": "master",
                  "sound recording": "master", "archive": "footage", "archive footage": "footage", "still": "stills",
                  "photo": "stills", "art": "artwork", "trademark": "logo", "brand": "product", "quote": "text",
                  "screen": "software", "appearance": "release", "talent": "release"])
    public static let musicUsage = Choice(["background", "featured", "theme"],
        aliases: ["bi": "background", "bv": "background", "background instrumental": "background", "background vocal": "background",
                  "vi": "featured", "vv": "featured", "visual": "featured", "visual vocal": "featured", "source": "featured",
                  "foreground": "featured", "mt": "theme", "main title": "theme", "et": "theme", "end title": "theme",
                  "opening": "theme", "closing": "theme"])
    public static let exclusivity = Choice(["exclusive", "non-exclusive"],
        aliases: ["excl": "exclusive", "nonexclusive": "non-exclusive", "non excl": "non-exclusive", "nonexcl": "non-exclusive"])
    public static let clearanceStatus = Choice(
        ["identified", "requested", "quoted", "negotiating", "cleared", "denied", "substituted", "not-needed"],
        aliases: ["notneeded": "not-needed", "n/a": "not-needed", "na": "not-needed", "granted": "cleared",
                  "refused": "denied", "replaced": "substituted", "negotiate": "negotiating", "quote": "quoted",
                  "request": "requested"])

    public static let frameRate = Choice(["23.976", "24", "25", "29.97", "30", "50", "59.94", "60"],
        aliases: ["23.98": "23.976", "2398": "23.976", "2997": "29.97", "5994": "59.94"])
    public static let yesNo = Choice(["yes", "no"], aliases: ["y": "yes", "true": "yes", "on": "yes", "n": "no", "false": "no", "off": "no"])
    public static let bannerKind = Choice(["note", "meal", "move"],
        aliases: ["lunch": "meal", "break": "meal", "company move": "move", "companymove": "move"])
    /// Calendar days on which the unit does not shoot.
    public static let calendarKind = Choice(["holiday", "travel", "rehearsal", "prep", "wrap", "hiatus", "off"],
        aliases: ["bank holiday": "holiday", "dayoff": "off", "day off": "off", "rest": "off"])
    /// Day-out-of-days codes.
    public static let doodCode = Choice(["SW", "W", "WF", "SWF", "H", "T", "R", "F", "D", "PU"],
        aliases: ["work": "W", "hold": "H", "travel": "T", "rehearsal": "R", "fitting": "F", "drop": "D",
                  "pickup": "PU", "start": "SW", "finish": "WF"])
    public static let holdDrop = Choice(["hold", "drop"])
    /// A strip's mark at wrap: shot whole, or part of it.
    public static let shot = Choice(["done", "part"],
        aliases: ["complete": "done", "completed": "done", "shot": "done", "partial": "part", "part-shot": "part"])
    public static let rateType = Choice(["day", "week", "flat"], aliases: ["daily": "day", "weekly": "week", "fee": "flat"])
    public static let dealMemo = Choice(["not-sent", "sent", "signed"],
        aliases: ["none": "not-sent", "notsent": "not-sent", "unsigned": "sent", "returned": "signed"])
    public static let travelMode = Choice(["car", "train", "flight", "ferry", "minibus", "taxi", "walk", "other"],
        aliases: ["plane": "flight", "air": "flight", "rail": "train", "van": "minibus", "unit car": "car", "cab": "taxi"])

    /// Departments in the order a crew list runs.
    public static let departments = ["Production", "Direction", "Camera", "Grip", "Electric", "Sound", "Art",
                                     "Props", "Costume", "Hair & Make-up", "Locations", "Transport", "Catering",
                                     "Post", "Cast", "Supporting artists"]
    static let departmentChoice = Choice(departments,
        aliases: ["ADs": "Direction", "AD": "Direction", "Assistant directors": "Direction", "Directing": "Direction",
                  "Lighting": "Electric", "Electrical": "Electric", "Sparks": "Electric", "Grips": "Grip",
                  "Art department": "Art", "Wardrobe": "Costume", "Costumes": "Costume",
                  "HMU": "Hair & Make-up", "Make-up": "Hair & Make-up", "Makeup": "Hair & Make-up",
                  "Hair and make-up": "Hair & Make-up", "Hair & makeup": "Hair & Make-up", "Location": "Locations",
                  "Post-production": "Post", "Postproduction": "Post", "Talent": "Cast", "Actors": "Cast",
                  "Extras": "Supporting artists", "SAs": "Supporting artists", "Background": "Supporting artists",
                  "Supporting artist": "Supporting artists"])

    /// The position of a department in the usual running order; unknown ones sort last.
    public static func departmentRank(_ d: String) -> Int {
        departments.firstIndex(of: d) ?? departments.count
    }
}
