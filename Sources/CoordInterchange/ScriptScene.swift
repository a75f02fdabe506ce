import CoordModel
import Foundation

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

// MARK: - Elements both formats are read into

/// One paragraph of a screenplay, whichever format it came from.
struct ScriptElement: Sendable {
    enum Kind: Sendable { case heading, action, character, parenthetical, dialogue, transition, synopsis }
    var kind: Kind
    /// The text; an action may hold several lines separated by `\n`.
    var text: String
    var line: Int
    /// Heading: the scene number the file gives.
    var number: String = ""
    /// Heading: the length the file states (FDX `SceneProperties Length`), in eighths.
    var statedEighths: Int? = nil
    /// Character: the second speaker of dual dialogue (printed beside the first).
    var dual = false
}

/// The page-count rule (docs/SCRIPTS.md): a scene's lines as a screenplay prints them.
public enum ScriptPages {
    public static let linesPerPage = 55
    /// Characters per line: action (6.1 inches of 10-pitch Courier) and dialogue (3.5 inches).
    public static let actionWidth = 61
    public static let dialogueWidth = 35

    /// How many lines `text` takes wrapped at `width` (words kept whole unless longer than a line).
    /// An empty text takes one line.
    public static func wrappedLines(_ text: String, width: Int) -> Int {
        var lines = 1, used = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var n = word.count
            if used > 0 {
                if used + 1 + n <= width { used += 1 + n; continue }
                lines += 1; used = 0
            }
            while n > width { lines += 1; n -= width }
            used = n
        }
        return lines
    }

    /// Eighths for a number of printed lines: lines / 55 * 8 rounded half up, at least 1/8.
    public static func eighths(lines: Int) -> Int { max(1, (lines * 16 + linesPerPage) / (2 * linesPerPage)) }
}

/// Turns a run of elements into scenes: characters, synopsis and printed length per scene.
enum ScriptBuilder {
    static func scenes(_ elements: [ScriptElement], file: String) -> ScriptParse {
        var scenes: [ScriptScene] = []
        var notes: [String] = []
        var blocks: [(lines: Int, dual: Bool)] = []
        var current: ScriptScene?
        var stated: Int?
        var firstAction = "", firstSynopsis = ""
        var seen = Set<String>()
        var before: (first: Int, last: Int)?
        var inDialogue = false

        func finish() {
            guard var s = current else { return }
            var lines = 0
            var previous = 0
            for b in blocks {
                // Each block is printed after one blank line; the second speaker of dual
                // dialogue sits beside the first, so only the lines it adds below count.
                if b.dual { lines += max(0, b.lines - previous) } else { lines += 1 + b.lines }
                previous = b.lines
            }
            s.eighths = stated ?? ScriptPages.eighths(lines: lines)
            let syn = firstSynopsis.isEmpty ? firstAction : firstSynopsis
            s.synopsis = ScriptText.synopsis(syn)
            scenes.append(s)
            current = nil
        }

        for e in elements {
            if e.kind != .heading && current == nil {
                if e.kind == .action || e.kind == .dialogue || e.kind == .character {
                    before = (before?.first ?? e.line, e.line)
                }
                continue
            }
            switch e.kind {
            case .heading:
                finish()
                let parts = SceneHeading.split(e.text)
                current = ScriptScene(number: e.number, intExt: parts.intExt, set: parts.set, dayNight: parts.dayNight,
                                      dayNightText: parts.dayNightText, heading: e.text, line: e.line,
                                      omitted: SceneHeading.omittedWords.contains(ScriptText.key(parts.set)) && parts.dayNightText.isEmpty)
                stated = e.statedEighths
                blocks = [(1, false)]
                firstAction = ""; firstSynopsis = ""; seen = []; inDialogue = false
            case .synopsis:
                if firstSynopsis.isEmpty { firstSynopsis = e.text }
            case .action:
                let n = e.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .reduce(0) { $0 + ScriptPages.wrappedLines(ScriptText.plain(String($1)), width: ScriptPages.actionWidth) }
                blocks.append((n, false))
                inDialogue = false
                if firstAction.isEmpty {
                    firstAction = e.text.split(separator: "\n").first.map(String.init) ?? ""
                }
            case .transition:
                blocks.append((1, false)); inDialogue = false
            case .character:
                let name = ScriptText.characterName(e.text)
                if !name.isEmpty, seen.insert(ScriptText.key(name)).inserted { current!.characters.append(name) }
                blocks.append((1, e.dual)); inDialogue = true
            case .parenthetical:
                if inDialogue { blocks[blocks.count - 1].lines += 1 } else { blocks.append((1, false)) }
            case .dialogue:
                let n = ScriptPages.wrappedLines(ScriptText.plain(e.text), width: ScriptPages.dialogueWidth)
                if inDialogue { blocks[blocks.count - 1].lines += n } else { blocks.append((n, false)) }
            }
        }
        finish()
        if let before {
            let one = before.first == before.last
            let span = one ? "line \(before.first) comes" : "lines \(before.first)-\(before.last) come"
            notes.append("\(file): \(span) before the first scene heading and \(one ? "belongs" : "belong") to no strip")
        }
        return ScriptParse(scenes: scenes, notes: notes)
    }
}

// MARK: - Headings

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

// MARK: - Text helpers

enum ScriptText {
    static func trimmed(_ s: some StringProtocol) -> String {
        var sub = Substring(s)
        while let c = sub.first, c.isWhitespace { sub = sub.dropFirst() }
        while let c = sub.last, c.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }

    /// Runs of whitespace made one space, ends trimmed.
    static func collapse(_ s: some StringProtocol) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Case-folded, spaces collapsed: how character names are compared.
    static func key(_ s: String) -> String { collapse(s).uppercased() }

    /// Text without Fountain emphasis marks (`*`, `_`) and their escapes.
    static func plain(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "*" || c == "_" { continue }
            out.append(c)
        }
        return out
    }

    /// A character cue without `@`, the `^` of dual dialogue and extensions such as (V.O.) or (CONT'D).
    static func characterName(_ cue: String) -> String {
        var s = trimmed(cue)
        if s.hasPrefix("@") { s.removeFirst() }
        if s.hasSuffix("^") { s.removeLast() }
        s = trimmed(s)
        while s.hasSuffix(")"), let open = s.lastIndex(of: "(") {
            s = trimmed(s[..<open])
        }
        return collapse(s)
    }

    /// At most 80 characters: cut after the last whole sentence that fits (if that keeps at
    /// least 30 characters), else at a word, with an ellipsis.
    static func synopsis(_ s: String, limit: Int = 80) -> String {
        let t = collapse(plain(s))
        guard t.count > limit else { return t }
        let chars = Array(t)
        var sentence: Int?
        for i in 29..<limit where ".!?".contains(chars[i]) && chars[i + 1] == " " { sentence = i }
        if let sentence { return String(chars[...sentence]) }
        var out = ""
        for word in t.split(separator: " ") {
            if out.count + word.count + 1 > limit - 1 { break }
            out += out.isEmpty ? String(word) : " " + word
        }
        if out.isEmpty { out = String(t.prefix(limit - 1)) }
        while let last = out.last, ",;:-".contains(last) { out.removeLast() }
        return out + "\u{2026}"
    }
}

// MARK: - Reading files

enum ScriptFile {
    /// The bytes of `path`, or an error that names it.
    static func read(_ path: String) throws(ImportError) -> [UInt8] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ImportError("\(path): no such file")
        }
        if isDir.boolValue { throw ImportError("\(path): is a directory, not a script") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError("\(path): cannot read it (permission denied?)")
        }
        guard data.count <= 64 << 20 else {
            throw ImportError("\(path): \(data.count >> 20) MB is far too big for a screenplay")
        }
        return [UInt8](data)
    }

    /// The line of the first byte that is not UTF-8, or nil when all of it is.
    static func firstNonUTF8Line(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var it = bytes.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): if u == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// The 1-based line of byte offset `offset`.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var n = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 { n += 1 }
        return n
    }
}

// MARK: - The plan

/// Turns parsed scenes into journal commands, matching what the journal already has.
public enum ScriptImport {
    /// What a plan does, counted from its commands.
    public struct Summary: Sendable, Equatable {
        public var stripsAdded = 0
        public var stripsUpdated = 0
        public var castAdded = 0
    }

    public static func summary(of plan: ImportPlan) -> Summary {
        var s = Summary()
        var updated = Set<String>()
        for line in plan.commands {
            guard let c = try? LineGrammar.parse(line) else { continue }
            switch (c.noun, c.verb) {
            case ("strip", "add"): s.stripsAdded += 1
            case ("strip", "set"): updated.insert(c.value("id") ?? "")
            case ("crew", "add"): s.castAdded += 1
            default: break
            }
        }
        s.stripsUpdated = updated.count
        return s
    }

    /// `plan(scenes:model:)` with the parser's notes first.
    public static func plan(_ parse: ScriptParse, model: Model) -> ImportPlan {
        var p = plan(scenes: parse.scenes, model: model)
        p.notes = parse.notes + p.notes
        return p
    }

    /// The commands that bring `scenes` into `model`: a strip per scene (a `strip set` of the
    /// changed fields when a strip already has the scene number), and a cast member per
    /// speaking character not yet in the cast. Strips are never moved or removed.
    public static func plan(scenes raw: [ScriptScene], model: Model) -> ImportPlan {
        var (all, notes) = numbered(raw)
        var commands: [String] = []
        let scenes = all.filter { !$0.omitted }
        all.removeAll { !$0.omitted }

        // Cast: match each speaking character to a cast member, else add one.
        let (numberOf, castCommands) = castNumbers(for: scenes, model: model)
        commands += castCommands
        let owned = Set(numberOf.values)

        // Strips, matched by scene number.
        var byScene: [String: Strip] = [:]
        var doubled = Set<String>()
        for s in model.strips.values {
            let k = s.scene.uppercased()
            if byScene[k] == nil { byScene[k] = s } else { doubled.insert(s.scene) }
        }
        for d in doubled.sorted() {
            notes.append("scene \(d) has several strips; only the first (\(byScene[d.uppercased()]!.id)) is updated")
        }
        // What the heading could not say, unless the strip already says it.
        for s in scenes {
            let strip = byScene[s.number.uppercased()]
            if s.intExt.isEmpty && (strip?.intExt ?? "").isEmpty {
                notes.append("scene \(s.number): no INT/EXT in the heading '\(s.heading)'; I/E left empty")
            }
            if s.dayNight.isEmpty && (strip?.dayNight ?? "").isEmpty {
                notes.append(s.dayNightText.isEmpty
                    ? "scene \(s.number): no day or night in the heading '\(s.heading)'; D/N left empty"
                    : "scene \(s.number): '\(s.dayNightText)' is not one of DAY, NIGHT, DAWN, DUSK, CONTINUOUS; D/N left empty")
            }
        }
        var inScript = Set<String>()
        for s in all where inScript.insert(s.number.uppercased()).inserted {
            if byScene[s.number.uppercased()] != nil {
                notes.append("scene \(s.number) is OMITTED in the script; its strip is kept")
            }
        }
        for s in scenes {
            inScript.insert(s.number.uppercased())
            let cast = Set(s.characters.compactMap { numberOf[ScriptText.key($0)] })
            if let strip = byScene[s.number.uppercased()] {
                var pairs: [(String, String)] = [("id", strip.id.raw)]
                if !s.intExt.isEmpty && s.intExt != strip.intExt { pairs.append(("ie", s.intExt)) }
                if !s.set.isEmpty && s.set.lowercased() != strip.set.lowercased() { pairs.append(("set", s.set)) }
                if !s.dayNight.isEmpty && s.dayNight != strip.dayNight { pairs.append(("dn", s.dayNight)) }
                if s.eighths != strip.pages.eighths { pairs.append(("pages", s.pages.description)) }
                if strip.synopsis.isEmpty && !s.synopsis.isEmpty { pairs.append(("synopsis", s.synopsis)) }
                let had = castList(strip.cast)
                // Numbers of characters in this script follow the script; others were added by hand and stay.
                let merged = sortedCast(cast.union(had.filter { !owned.contains($0) }))
                if merged != sortedCast(Set(had)) { pairs.append(("cast", merged.joined(separator: ","))) }
                if pairs.count > 1 { commands.append(LineGrammar.line(noun: "strip", verb: "set", pairs: pairs)) }
            } else {
                var pairs: [(String, String)] = [("scene", s.number)]
                if !s.intExt.isEmpty { pairs.append(("ie", s.intExt)) }
                if !s.set.isEmpty { pairs.append(("set", s.set)) }
                if !s.dayNight.isEmpty { pairs.append(("dn", s.dayNight)) }
                pairs.append(("pages", s.pages.description))
                if !s.synopsis.isEmpty { pairs.append(("synopsis", s.synopsis)) }
                if !cast.isEmpty { pairs.append(("cast", sortedCast(cast).joined(separator: ","))) }
                commands.append(LineGrammar.line(noun: "strip", verb: "add", pairs: pairs))
            }
        }
        var gone: [String] = []
        var seenGone = Set<String>()
        for s in model.strips.values where !inScript.contains(s.scene.uppercased()) {
            if seenGone.insert(s.scene.uppercased()).inserted { gone.append(s.scene) }
        }
        if gone.count > 5 {
            notes.append("\(gone.count) scenes are no longer in the script (\(gone.joined(separator: ", "))); their strips are kept")
        } else {
            for g in gone { notes.append("scene \(g) is no longer in the script; its strip is kept") }
        }
        return ImportPlan(commands: commands, notes: notes)
    }

    // MARK: Scene numbers

    /// Scene numbers as the journal can store them (`code`: letters, digits, `- . /`, up to 24).
    static func usable(_ n: String) -> Bool {
        !n.isEmpty && n.count <= 24 && n.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }
    }

    /// Gives every scene a number: its own, else its position in the script (1, 2, 3...).
    /// A position another scene already has as its number takes a letter (7A); a number used
    /// twice is imported the second time as `12-2`.
    static func numbered(_ raw: [ScriptScene]) -> ([ScriptScene], [String]) {
        var scenes = raw
        var notes: [String] = []
        for i in scenes.indices {
            let n = scenes[i].number.uppercased()
            if !n.isEmpty && !usable(n) {
                notes.append("line \(scenes[i].line): scene number '\(scenes[i].number)' is not usable (letters, digits, - . / only); numbered by position")
                scenes[i].number = ""
            } else {
                scenes[i].number = n
            }
        }
        if !scenes.isEmpty && scenes.allSatisfy({ $0.number.isEmpty }) {
            for i in scenes.indices { scenes[i].number = String(i + 1) }
            notes.append("the script has no scene numbers: its scenes are numbered 1 to \(scenes.count) in order")
            return (scenes, notes)
        }
        var used = Set(scenes.map(\.number).filter { !$0.isEmpty })
        var seen = Set<String>()
        for i in scenes.indices {
            if scenes[i].number.isEmpty {
                var n = String(i + 1)
                if used.contains(n) {
                    let base = n
                    for letter in "ABCDEFGHJKLMNPQRSTUVWXYZ" where !used.contains(base + String(letter)) {
                        n = base + String(letter); break
                    }
                }
                used.insert(n)
                scenes[i].number = n
                notes.append("line \(scenes[i].line): '\(scenes[i].heading)' has no scene number; imported as scene \(n)")
            } else if !seen.insert(scenes[i].number).inserted {
                let base = scenes[i].number
                var k = 2
                while used.contains("\(base)-\(k)") { k += 1 }
                let n = "\(base)-\(k)"
                used.insert(n)
                scenes[i].number = n
                notes.append("line \(scenes[i].line): scene \(base) is numbered twice; this one is imported as scene \(n)")
            }
            seen.insert(scenes[i].number)
        }
        return (scenes, notes)
    }

    // MARK: Cast

    static func castList(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    static func sortedCast(_ s: Set<String>) -> [String] {
        s.sorted { a, b in
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
    }

    /// The part of a cast member's role that names the character: before " (" or " - ".
    static func roleName(_ role: String) -> String {
        var r = Substring(role)
        for sep in [" (", " - "] { if let range = r.range(of: sep) { r = r[..<range.lowerBound] } }
        return ScriptText.key(String(r))
    }

    /// Cast numbers per character key, and the crew commands that give them.
    static func castNumbers(for scenes: [ScriptScene], model: Model) -> ([String: String], [String]) {
        // Characters in order of first speech, with the number of scenes each speaks in.
        var order: [String] = []
        var spelling: [String: String] = [:]
        var sceneCount: [String: Int] = [:]
        for s in scenes {
            for c in s.characters {
                let k = ScriptText.key(c)
                if spelling[k] == nil { spelling[k] = c; order.append(k) }
                sceneCount[k, default: 0] += 1
            }
        }
        let cast = model.crew.values.filter { $0.dept.lowercased() == "cast" }
        var highest = 0
        for m in model.crew.values { if let n = Int(m.castNumber), n > highest { highest = n } }

        var numberOf: [String: String] = [:]
        var member: [String: CrewMember] = [:]
        for k in order {
            if let m = cast.first(where: { roleName($0.role) == k || ScriptText.key($0.name) == k }) {
                member[k] = m
                if !m.castNumber.isEmpty { numberOf[k] = m.castNumber }
            }
        }
        // The rest get the next numbers: most scenes first, then by first appearance.
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let needing = order.filter { numberOf[$0] == nil }
            .sorted { (sceneCount[$0]!, rank[$1]!) > (sceneCount[$1]!, rank[$0]!) }
        var commands: [String] = []
        var numbered: [RecordID: String] = [:]
        for k in needing {
            if let m = member[k], let n = numbered[m.id] { numberOf[k] = n; continue }
            highest += 1
            let n = String(highest)
            numberOf[k] = n
            if let m = member[k] {
                numbered[m.id] = n
                commands.append(LineGrammar.line(noun: "crew", verb: "set", pairs: [("id", m.id.raw), ("castno", n)]))
            } else {
                let name = spelling[k]!
                commands.append(LineGrammar.line(noun: "crew", verb: "add", pairs: [
                    ("name", name), ("role", name), ("dept", "Cast"), ("castno", n), ("status", "pencilled"),
                ]))
            }
        }
        return (numberOf, commands)
    }
}
