import CoordModel
import Foundation

/// Reading a scene heading: its I/E prefix, set and day/night.
public enum SceneHeading {
    /// Prefixes that make a line a heading in Fountain (followed by `.` or a space), longest first.
    static let fountainPrefixes = ["INT./EXT", "INT/EXT", "I/E", "INT", "EXT", "EST"]
    /// Also understood at the start of a forced or FDX heading.
    static let allPrefixes = ["INT./EXT", "INT/EXT", "EXT./INT", "EXT/INT", "INT.EXT", "I/E", "E/I", "INT", "EXT", "EST"]

    /// The canonical I/E for a prefix and the text after it (leading `.` and spaces removed),
    /// when `s` starts (in any case) with a prefix followed by `.` or whitespace.
    static func prefix(_ s: Substring, prefixes: [String]) -> (intExt: String, rest: Substring)? {
        for p in prefixes {
            guard s.count > p.count, s.prefix(p.count).uppercased() == p else { continue }
            let after = s.dropFirst(p.count)
            guard let next = after.first, next == "." || next == " " || next == "\t" else { continue }
            var rest = after
            if rest.first == "." { rest = rest.dropFirst() }
            while let c = rest.first, c == " " || c == "\t" { rest = rest.dropFirst() }
            let ie: String
            switch p {
            case "INT": ie = "INT"
            case "EXT", "EST": ie = "EXT"
            default: ie = "INT/EXT"
            }
            return (ie, rest)
        }
        return nil
    }

    /// Whether a line is a Fountain scene heading by its prefix (the blank line before is the caller's).
    public static func isFountainHeading(_ line: String) -> Bool {
        prefix(Substring(line), prefixes: fountainPrefixes) != nil
    }

    /// Splits `INT. KITCHEN - DAY` into `INT`, `KITCHEN`, `DAY`. The set runs from the I/E
    /// prefix to the last ` - ` (or en/em dash), the day/night is what follows it.
    public static func split(_ heading: String) -> (intExt: String, set: String, dayNightText: String, dayNight: String) {
        let h = ScriptText.collapse(heading)
        var ie = "", rest = Substring(h)
        if let p = prefix(rest, prefixes: allPrefixes) { ie = p.intExt; rest = p.rest }
        let text = String(rest)
        var cut: Range<String.Index>?
        for sep in [" - ", " \u{2013} ", " \u{2014} "] {
            if let r = text.range(of: sep, options: .backwards), cut == nil || r.lowerBound > cut!.lowerBound { cut = r }
        }
        guard let cut else { return (ie, ScriptText.trimmed(text), "", "") }
        let set = ScriptText.trimmed(String(text[..<cut.lowerBound]))
        let dnText = ScriptText.trimmed(String(text[cut.upperBound...]))
        return (ie, set, dnText, dayNight(dnText) ?? "")
    }

    /// A heading that is only one of these marks a scene cut from a numbered script.
    static let omittedWords: Set<String> = ["OMITTED", "OMIT", "SCENE OMITTED", "DELETED"]

    /// Time words beyond the journal's own aliases that a heading may use.
    static let moreDayNight: [String: String] = [
        "AFTERNOON": "DAY", "LATE AFTERNOON": "DAY", "MIDDAY": "DAY", "NOON": "DAY",
        "SUNRISE": "DAWN", "DAYBREAK": "DAWN", "FIRST LIGHT": "DAWN",
        "SUNSET": "DUSK", "TWILIGHT": "DUSK", "MIDNIGHT": "NIGHT", "LATE NIGHT": "NIGHT",
    ]

    /// `NIGHT`, `MORNING` (DAY), `DAY (1989)` (DAY); nil for words such as `LATER` or `SAME`.
    public static func dayNight(_ raw: String) -> String? {
        var s = raw
        // Drop bracketed asides: DAY (FLASHBACK), NIGHT [RAIN].
        while let open = s.lastIndex(where: { $0 == "(" || $0 == "[" }) { s = String(s[..<open]) }
        s = ScriptText.collapse(s).uppercased()
        while let last = s.last, ".,;:!".contains(last) { s.removeLast() }
        s = ScriptText.trimmed(s)
        guard !s.isEmpty else { return nil }
        if let v = moreDayNight[s] { return v }
        return Choices.dayNight.canonical(s)
    }
}
