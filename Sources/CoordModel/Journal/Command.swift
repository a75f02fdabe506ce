/// One `noun verb key=value ...` line as written, before it is checked against the model.
public struct Command: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        public var key: String
        public var value: String
        /// 1-based character column of the key, for error messages.
        public var column: Int
        public init(key: String, value: String, column: Int = 0) {
            self.key = key; self.value = value; self.column = column
        }
    }
    public var noun: String
    public var verb: String
    public var pairs: [Pair]
    public var nounColumn = 1
    public var verbColumn = 0
    /// Text after ` #` (the journal writes a time stamp there).
    public var comment: String?

    public init(noun: String, verb: String, pairs: [Pair], comment: String? = nil) {
        self.noun = noun; self.verb = verb; self.pairs = pairs; self.comment = comment
    }

    public func value(_ key: String) -> String? { pairs.first { $0.key == key }?.value }
}

/// A line that does not follow the grammar, with the column where it goes wrong.
public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var description: String { "column \(column): \(message)" }
}

/// The grammar shared by the journal, the `:` line and `coord do` (docs/JOURNAL.md).
public enum LineGrammar {
    /// Parses one line (no newline). Returns nil for a blank line or a `#` comment.
    public static func parse(_ line: String) throws(SyntaxError) -> Command? {
        var copy = line
        let result: Result<Command?, SyntaxError> = copy.withUTF8 { buf in
            do throws(SyntaxError) { return .success(try parse(bytes: buf)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Command? {
        var cmd = Command(noun: "", verb: "", pairs: [])
        var words = ParsedWords()
        return try parse(bytes: bytes, into: &cmd, keepingComment: true, words: &words) ? cmd : nil
    }

    /// Parses one line into `cmd`, reusing its storage (replay parses every line into one
    /// command). Returns false for a blank line or a `#` comment, leaving `cmd` as it was.
    /// `keepingComment: false` leaves `comment` nil (replay has no use for the stamp).
    /// `words` gets what the words turned out to be, for `Model.validate`.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, into cmd: inout Command,
                      keepingComment: Bool, words parsed: inout ParsedWords) throws(SyntaxError) -> Bool {
        var p = ByteScanner(bytes: bytes)
        p.skipSpaces()
        if p.atEnd || p.peek == UInt8(ascii: "#") { return false }
        let nounStart = p.pos
        try p.word(what: "a noun")
        let nounEnd = p.pos
        let nounUpper = p.sawUpper
        p.skipSpaces()
        if p.atEnd || p.peek == UInt8(ascii: "#") {
            throw p.error(at: p.pos, "'\(p.text(nounStart, nounEnd))' needs a verb (add, set, move or rm)")
        }
        let verbStart = p.pos
        try p.word(what: "a verb")
        let words = JournalWords.shared
        let nounCode = p.code(nounStart, nounEnd)
        cmd.noun = p.lowered(nounStart, nounEnd, nounCode, upper: nounUpper, words)
        let verbCode = p.code(verbStart, p.pos)
        cmd.verb = p.lowered(verbStart, p.pos, verbCode, upper: p.sawUpper, words)
        let table = nounCode.flatMap(NounTable.index).map { NounTable.all[$0] }
        parsed.table = table
        parsed.verb = verbCode.flatMap(Verb.named(code:))
        cmd.nounColumn = p.column(of: nounStart)
        cmd.verbColumn = p.column(of: verbStart)
        cmd.comment = nil
        // Pairs are written over the last line's, in place; the rest are cut off at the end.
        var count = 0
        defer {
            if cmd.pairs.count > count { cmd.pairs.removeSubrange(count...) }
            if parsed.slots.count > count { parsed.slots.removeSubrange(count...) }
            if table == nil { parsed.slots.removeAll() }
        }
        while true {
            let hadSpace = p.skipSpaces()
            if p.atEnd { break }
            if p.peek == UInt8(ascii: "#") {
                p.pos += 1
                if keepingComment { cmd.comment = p.restTrimmed() }
                break
            }
            if !hadSpace { throw p.error(at: p.pos, "put a space between key=value pairs") }
            let keyStart = p.pos
            try p.key()
            let keyEnd = p.pos
            guard !p.atEnd, p.peek == UInt8(ascii: "=") else {
                let key = p.text(keyStart, keyEnd)
                throw p.error(at: keyStart, "'\(key)' needs a value: write \(key)=VALUE")
            }
            let keyCode = p.code(keyStart, keyEnd)
            let key = p.lowered(keyStart, keyEnd, keyCode, upper: p.sawUpper, words)
            if let table {
                let slot = ParsedWords.slot(keyCode, in: table)
                if count < parsed.slots.count { parsed.slots[count] = slot } else { parsed.slots.append(slot) }
            }
            p.pos += 1
            let pair = Command.Pair(key: key, value: try p.value(), column: p.column(of: keyStart))
            if count < cmd.pairs.count { cmd.pairs[count] = pair } else { cmd.pairs.append(pair) }
            count += 1
        }
        return true
    }

    /// A value as the journal writes it: bare when that is unambiguous, else quoted.
    public static func quote(_ s: String) -> String {
        if isBare(s) { return s }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(u) {
                    out += "\\u{" + String(u.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func isBare(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first != "'" else { return false }
        for u in s.unicodeScalars {
            if u == "\"" || u == "\\" || u == "#" || u == "=" || u.properties.isWhitespace || needsEscape(u) { return false }
        }
        return true
    }

    /// Characters that must never reach a file or terminal raw: controls, format and separators.
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { return true }
        switch u.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// Builds the canonical line for a command's words and pairs.
    public static func line(noun: String, verb: String, pairs: [(String, String)]) -> String {
        var s = noun + " " + verb
        for (k, v) in pairs { s += " " + k + "=" + quote(v) }
        return s
    }
}
