import CoordModel

/// Fountain screenplays (https://fountain.io), read into scenes. The rules are in docs/SCRIPTS.md.
public enum Fountain {
    /// Reads the screenplay at `path` and plans its import into `model`.
    public static func plan(path: String, model: Model) throws(ImportError) -> ImportPlan {
        ScriptImport.plan(try parse(path: path), model: model)
    }

    /// The scenes of the screenplay at `path`.
    public static func parse(path: String) throws(ImportError) -> ScriptParse {
        try parse(bytes: ScriptFile.read(path), file: path)
    }

    /// The scenes of a Fountain file's bytes; `file` names it in errors and notes.
    public static func parse(bytes: [UInt8], file: String) throws(ImportError) -> ScriptParse {
        try parse(text: decode(bytes, file: file), file: file)
    }

    /// The scenes of a Fountain screenplay's text.
    public static func parse(text: String, file: String) throws(ImportError) -> ScriptParse {
        if ScriptText.trimmed(text).isEmpty { throw ImportError("\(file): the file is empty: no screenplay in it") }
        let start = ScriptText.trimmed(text.prefix(200))
        if start.hasPrefix("<?xml") || start.hasPrefix("<FinalDraft") {
            throw ImportError("\(file): this is XML (Final Draft?), not Fountain: use `coord import fdx`")
        }
        var notes: [String] = []
        let lines = try strip(text, file: file, notes: &notes)
        let elements = lex(lines)
        guard elements.contains(where: { $0.kind == .heading }) else {
            throw ImportError("\(file): no scene headings found (a heading is a line that starts INT., EXT., EST., INT./EXT. or I/E, or . to force one, after a blank line)")
        }
        var parse = ScriptBuilder.scenes(elements, file: file)
        parse.notes = notes + parse.notes
        return parse
    }

    // MARK: Bytes to text

    /// UTF-8 text, or an error naming the file and the line of the first bad byte.
    static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
        if bytes.isEmpty { throw ImportError("\(file): the file is empty: no screenplay in it") }
        if let nul = bytes.firstIndex(of: 0) {
            throw ImportError("\(file):\(ScriptFile.line(of: nul, in: bytes)): binary data (a NUL byte): not a Fountain screenplay")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF8()
        var it = body.makeIterator()
        var line = 1
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u):
                if u == "\n" { line += 1 }
                let v = u.value
                if v == 0x0B || v == 0x0C { scalars.append(" "); continue } // Word's line break, form feed
                if v < 0x20 && u != "\n" && u != "\r" && u != "\t" {
                    throw ImportError("\(file):\(line): a control character (U+\(String(v, radix: 16, uppercase: true))): this does not look like a text file")
                }
                scalars.append(u)
            case .emptyInput:
                break loop
            case .error:
                throw ImportError("\(file):\(line): not UTF-8 text (save the script as UTF-8, or is it not a script?)")
            }
        }
        return String(scalars)
    }

    // MARK: Boneyard and notes

    struct Line { var text: String; var number: Int }

    /// The lines with `/* boneyard */` and `[[notes]]` taken out (either may span lines: the
    /// text around them joins up), numbered as in the file. A line that held only those goes.
    static func strip(_ text: String, file: String, notes: inout [String]) throws(ImportError) -> [Line] {
        let s = Array(text.unicodeScalars)
        var out: [Line] = []
        var buf = String.UnicodeScalarView()
        var line = 1, bufLine = 1, removed = false
        var i = 0
        func push() {
            let t = String(buf)
            if !(removed && ScriptText.trimmed(t).isEmpty) { out.append(Line(text: t, number: bufLine)) }
            buf = String.UnicodeScalarView(); removed = false
        }
        /// Where `ab` next occurs; a note (`stopAtBlank`) may not run over a blank line.
        func find(_ a: Unicode.Scalar, _ b: Unicode.Scalar, from: Int, stopAtBlank: Bool) -> Int? {
            var j = from
            while j + 1 < s.count {
                if s[j] == a && s[j + 1] == b { return j }
                if stopAtBlank && (s[j] == "\n" || s[j] == "\r") {
                    var k = j + (s[j] == "\r" && s[j + 1] == "\n" ? 2 : 1)
                    while k < s.count && (s[k] == " " || s[k] == "\t") { k += 1 }
                    if k >= s.count || s[k] == "\n" || s[k] == "\r" { return nil }
                }
                j += 1
            }
            return nil
        }
        while i < s.count {
            let c = s[i]
            if c == "\r" {
                // CRLF or a lone CR ends a line.
                if i + 1 < s.count && s[i + 1] == "\n" { i += 1 }
                push(); line += 1; bufLine = line; i += 1; continue
            }
            if c == "\n" { push(); line += 1; bufLine = line; i += 1; continue }
            if i + 1 < s.count {
                let pair = (c, s[i + 1])
                if pair == ("/", "*") || pair == ("[", "[") {
                    let close: (Unicode.Scalar, Unicode.Scalar) = pair.0 == "/" ? ("*", "/") : ("]", "]")
                    if let end = find(close.0, close.1, from: i + 2, stopAtBlank: pair.0 == "[") {
                        for k in i..<end where s[k] == "\n" || (s[k] == "\r" && s[k + 1] != "\n") { line += 1 }
                        removed = true
                        i = end + 2
                        continue
                    }
                    if pair.0 == "/" {
                        throw ImportError("\(file):\(line): '/*' starts a boneyard that is never closed with '*/' (is the file cut short?)")
                    }
                    notes.append("\(file):\(line): '[[' is not closed with ']]' before a blank line; read as text")
                }
            }
            buf.append(c)
            i += 1
        }
        if !buf.isEmpty || removed { push() }
        return out
    }

    // MARK: Lines to elements

    /// Classifies lines as headings, action, dialogue... (fountain.io syntax). Title page,
    /// sections, page breaks are skipped; `=` synopses are kept for the strip's synopsis.
    static func lex(_ all: [Line]) -> [ScriptElement] {
        var lines = all[...]
        // A title page is `Key: value` lines at the very top, up to the first blank line.
        if let first = lines.first, isTitleKey(first.text) {
            while let l = lines.first, !ScriptText.trimmed(l.text).isEmpty { lines = lines.dropFirst() }
        }
        let ls = Array(lines)
        var out: [ScriptElement] = []
        enum State { case none, action, dialogue }
        var state = State.none
        var blankBefore = true
        for (idx, l) in ls.enumerated() {
            let raw = l.text
            let t = ScriptText.trimmed(raw)
            if t.isEmpty {
                if state == .dialogue && raw.count >= 2 && raw.allSatisfy({ $0 == " " }) {
                    out.append(ScriptElement(kind: .dialogue, text: "", line: l.number)) // a blank line kept in a speech
                    continue
                }
                state = .none; blankBefore = true
                continue
            }
            let nextBlank = idx + 1 >= ls.count || ScriptText.trimmed(ls[idx + 1].text).isEmpty
            switch state {
            case .dialogue:
                if t.hasPrefix("(") && t.hasSuffix(")") {
                    out.append(ScriptElement(kind: .parenthetical, text: t, line: l.number))
                } else {
                    out.append(ScriptElement(kind: .dialogue, text: t, line: l.number))
                }
                continue
            case .action:
                out[out.count - 1].text += "\n" + t
                continue
            case .none:
                break
            }
            // The start of a new element.
            if t.hasPrefix("#") { continue }                                   // section
            if t.count >= 3 && t.allSatisfy({ $0 == "=" }) { continue }         // page break
            if t.hasPrefix("=") {                                              // synopsis
                out.append(ScriptElement(kind: .synopsis, text: ScriptText.trimmed(t.dropFirst()), line: l.number))
                continue
            }
            defer { blankBefore = false }
            if t.hasPrefix("."), t.count > 1, let second = t.dropFirst().first, second.isLetter || second.isNumber {
                out.append(heading(String(t.dropFirst()), line: l.number))
                continue
            }
            if blankBefore && SceneHeading.isFountainHeading(t) {
                out.append(heading(t, line: l.number))
                continue
            }
            if t.hasPrefix("!") {
                out.append(ScriptElement(kind: .action, text: String(t.dropFirst()), line: l.number))
                state = .action
                continue
            }
            if t.hasPrefix(">") {
                // > centered < is a line of action; > alone forces a transition.
                let centered = t.hasSuffix("<") && t.count > 1
                let inner = ScriptText.trimmed(t.dropFirst().dropLast(centered ? 1 : 0))
                out.append(ScriptElement(kind: centered ? .action : .transition, text: inner, line: l.number))
                continue
            }
            if t.hasPrefix("~") {
                out.append(ScriptElement(kind: .action, text: ScriptText.trimmed(t.dropFirst()), line: l.number))
                state = .action
                continue
            }
            if blankBefore && nextBlank && t.hasSuffix("TO:") && t == t.uppercased() {
                out.append(ScriptElement(kind: .transition, text: t, line: l.number))
                continue
            }
            if blankBefore && !nextBlank && isCharacterCue(t) {
                out.append(ScriptElement(kind: .character, text: t, line: l.number, dual: t.hasSuffix("^")))
                state = .dialogue
                continue
            }
            out.append(ScriptElement(kind: .action, text: t, line: l.number))
            state = .action
        }
        return out
    }

    static func heading(_ text: String, line: Int) -> ScriptElement {
        var t = ScriptText.trimmed(text)
        var number = ""
        // A scene number: #12A# at the end.
        if t.hasSuffix("#"), let open = t.dropLast().lastIndex(of: "#") {
            number = ScriptText.trimmed(t[t.index(after: open)..<t.index(before: t.endIndex)])
            t = ScriptText.trimmed(t[..<open])
        }
        return ScriptElement(kind: .heading, text: t, line: line, number: number)
    }

    /// `Title: ...`, `Draft date: ...`: a title page key at the top of the file.
    static func isTitleKey(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        return !key.isEmpty && key.first!.isLetter && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " }
            && !SceneHeading.isFountainHeading(line)
    }

    /// A character cue: `@` and anything, or a name in capitals (letters, digits, spaces,
    /// `'` `.` `-`) with at least one letter, then optional (extensions) and `^`.
    static func isCharacterCue(_ t: String) -> Bool {
        if t.hasPrefix("@") { return t.count > 1 }
        var s = Substring(t)
        if s.hasSuffix("^") { s = s.dropLast() }
        s = Substring(ScriptText.trimmed(s))
        while s.hasSuffix(")"), let open = s.lastIndex(of: "(") { s = Substring(ScriptText.trimmed(s[..<open])) }
        guard s.contains(where: { $0.isLetter }) else { return false }
        return s.allSatisfy { c in
            (c.isLetter && !c.isLowercase) || c.isNumber || c == " " || c == "'" || c == "\u{2019}" || c == "." || c == "-"
        }
    }
}
