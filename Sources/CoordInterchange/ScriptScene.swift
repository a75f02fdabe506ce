import CoordModel

/// One scene of a screenplay as an importer read it: what becomes one strip.
public struct ScriptScene: Sendable, Equatable {
    /// The scene number the script gives (`12A`), or empty: `ScriptImport` numbers those.
    public var number: String
    /// `INT`, `EXT`, `INT/EXT`, or empty when the heading has no I/E prefix.
    public var intExt: String
    /// The set: the heading between the I/E prefix and the last ` - `.
    public var set: String
    /// `DAY`, `NIGHT`, `DAWN`, `DUSK`, `CONTINUOUS`, or empty when `dayNightText` is none of those.
    public var dayNight: String
    /// The heading's text after the last ` - `, as written (`LATER`, `NIGHT (RAIN)`).
    public var dayNightText: String
    /// Length in eighths of a page (docs/SCRIPTS.md: 55 lines a page), at least 1.
    public var eighths: Int
    /// The first `=` synopsis after the heading, else the first action line, cut to about 80 characters.
    public var synopsis: String
    /// Speaking characters in order of first speech, extensions such as (V.O.) removed.
    public var characters: [String]
    /// The heading as written, scene number removed.
    public var heading: String
    /// Where the heading is: the line in the file, 1-based.
    public var line: Int
    /// A heading that says only OMITTED (`.OMITTED #14#`): a scene cut from a numbered script.
    public var omitted: Bool

    public init(number: String = "", intExt: String = "", set: String = "", dayNight: String = "",
                dayNightText: String = "", eighths: Int = 1, synopsis: String = "", characters: [String] = [],
                heading: String = "", line: Int = 0, omitted: Bool = false) {
        self.number = number; self.intExt = intExt; self.set = set; self.dayNight = dayNight
        self.dayNightText = dayNightText; self.eighths = eighths; self.synopsis = synopsis
        self.characters = characters; self.heading = heading; self.line = line; self.omitted = omitted
    }

    public var pages: Pages { Pages(eighths: eighths) }
}

/// What a parser made of a script: its scenes, and what it skipped or guessed.
public struct ScriptParse: Sendable {
    public var scenes: [ScriptScene]
    public var notes: [String]
    public init(scenes: [ScriptScene], notes: [String] = []) { self.scenes = scenes; self.notes = notes }
}
