import CoordModel

enum ScriptText {
    /// `trimmingWhitespace` for the substrings the parsers cut.
    static func trimmed(_ s: some StringProtocol) -> String { String(s).trimmingWhitespace() }

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
