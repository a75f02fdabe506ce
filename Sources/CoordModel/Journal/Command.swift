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
        var p = ByteScanner(bytes: bytes)
        p.skipSpaces()
        if p.atEnd || p.peek == UInt8(ascii: "#") { return nil }
        let nounStart = p.pos
        let noun = try p.word(what: "a noun")
        p.skipSpaces()
        if p.atEnd || p.peek == UInt8(ascii: "#") {
            throw p.error(at: p.pos, "'\(noun)' needs a verb (add, set, move or rm)")
        }
        let verbStart = p.pos
        let verb = try p.word(what: "a verb")
        var cmd = Command(noun: noun.lowercased(), verb: verb.lowercased(), pairs: [])
        cmd.nounColumn = p.column(of: nounStart)
        cmd.verbColumn = p.column(of: verbStart)
        while true {
            let hadSpace = p.skipSpaces()
            if p.atEnd { break }
            if p.peek == UInt8(ascii: "#") {
                p.pos += 1
                cmd.comment = p.rest().trimmingWhitespace()
                break
            }
            if !hadSpace { throw p.error(at: p.pos, "put a space between key=value pairs") }
            let keyStart = p.pos
            let key = try p.key()
            guard !p.atEnd, p.peek == UInt8(ascii: "=") else {
                throw p.error(at: keyStart, "'\(key)' needs a value: write \(key)=VALUE")
            }
            p.pos += 1
            let value = try p.value()
            cmd.pairs.append(.init(key: key.lowercased(), value: value, column: p.column(of: keyStart)))
        }
        return cmd
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

/// Walks a line's UTF-8 bytes; errors name the character column.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { pos >= bytes.count }
    var peek: UInt8 { bytes[pos] }

    func column(of byteOffset: Int) -> Int {
        // Count characters up to the offset; only UTF-8 lead bytes start one.
        var c = 1, i = 0
        while i < byteOffset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { c += 1 }
            i += 1
        }
        return c
    }

    func error(at offset: Int, _ message: String) -> SyntaxError {
        SyntaxError(column: column(of: offset), message: message)
    }

    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = pos
        while !atEnd, peek == 0x20 || peek == 0x09 { pos += 1 }
        return pos > start
    }

    func string(_ from: Int, _ to: Int) throws(SyntaxError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw error(at: from, "not valid UTF-8 text")
        }
        return s
    }

    func rest() -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[pos...]), as: UTF8.self) }

    mutating func checkControl() throws(SyntaxError) {
        let b = peek
        if b < 0x20 || b == 0x7F {
            throw error(at: pos, "control character \\u{\(String(b, radix: 16))} is not allowed here (inside quotes write it as \\u{\(String(b, radix: 16))})")
        }
    }

    mutating func word(what: String) throws(SyntaxError) -> String {
        let start = pos
        while !atEnd, peek != 0x20, peek != 0x09 {
            let b = peek
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
            if !ok {
                if b < 0x20 || b == 0x7F { try checkControl() }
                throw error(at: pos, "expected \(what) (a plain word) here")
            }
            pos += 1
        }
        return try string(start, pos)
    }

    mutating func key() throws(SyntaxError) -> String {
        let start = pos
        while !atEnd, peek != UInt8(ascii: "=") {
            let b = peek
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
            if !ok {
                if b == 0x20 || b == 0x09 { break }
                if b < 0x20 || b == 0x7F { try checkControl() }
                throw error(at: pos, "a key is a plain word followed by '=' (e.g. name=...)")
            }
            pos += 1
        }
        if pos == start { throw error(at: pos, "expected key=value here") }
        return try string(start, pos)
    }

    mutating func value() throws(SyntaxError) -> String {
        if atEnd { return "" }
        let q = peek
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") { return try quoted(q) }
        let start = pos
        while !atEnd, peek != 0x20, peek != 0x09 {
            if peek == UInt8(ascii: "\"") {
                throw error(at: pos, "a quote inside a value: put the whole value in quotes and write \\\" for the quote")
            }
            if peek < 0x20 || peek == 0x7F { try checkControl() }
            pos += 1
        }
        return try string(start, pos)
    }

    mutating func quoted(_ q: UInt8) throws(SyntaxError) -> String {
        let open = pos
        pos += 1
        var out = [UInt8]()
        while true {
            if atEnd { throw error(at: open, "this quote is never closed") }
            let b = peek
            if b == q {
                pos += 1
                if !atEnd, peek != 0x20, peek != 0x09 {
                    throw error(at: pos, "put a space after the closing quote")
                }
                break
            }
            if b < 0x20 || b == 0x7F { try checkControl() }
            if b == UInt8(ascii: "\\") {
                let escStart = pos
                pos += 1
                if atEnd { throw error(at: escStart, "a backslash at the end: write \\\\ for a backslash") }
                let e = peek
                pos += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(e)
                case UInt8(ascii: "u"):
                    guard !atEnd, peek == UInt8(ascii: "{") else {
                        throw error(at: escStart, "write a code point as \\u{1F3AC}")
                    }
                    pos += 1
                    var v: UInt32 = 0, digits = 0
                    while !atEnd, peek != UInt8(ascii: "}") {
                        guard let d = hexValue(peek), digits < 6 else {
                            throw error(at: escStart, "write a code point as \\u{1F3AC} (1 to 6 hex digits)")
                        }
                        v = v * 16 + d; digits += 1; pos += 1
                    }
                    guard !atEnd, digits > 0, let scalar = Unicode.Scalar(v) else {
                        throw error(at: escStart, "\\u{...} must hold a Unicode code point")
                    }
                    pos += 1
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error(at: escStart, "unknown escape '\\\(Character(Unicode.Scalar(e)))' (use \\\\ \\\" \\n \\t \\u{..})")
                }
                continue
            }
            out.append(b)
            pos += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw error(at: open, "not valid UTF-8 text")
        }
        return s
    }

    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        default: return nil
        }
    }
}
