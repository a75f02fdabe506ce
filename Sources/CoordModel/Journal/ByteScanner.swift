/// Walks a line's UTF-8 bytes; errors name the character column.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    /// The whole line is ASCII: a character column is the byte offset + 1.
    let ascii: Bool
    /// The whole line is valid UTF-8, checked once: words and values need no checking of their own.
    let valid: Bool
    /// The last word or key scanned had a capital letter in it.
    var sawUpper = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        (ascii, valid) = UTF8Check.check(bytes)
    }

    var atEnd: Bool { pos >= bytes.count }
    var peek: UInt8 { bytes[pos] }

    func column(of byteOffset: Int) -> Int {
        if ascii { return min(byteOffset, bytes.count) + 1 }
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
        // Cut at ASCII bytes out of a valid line, the slice is valid: copying it in repairs nothing.
        if valid { return ByteScanner.copy(slice) }
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw error(at: from, "not valid UTF-8 text")
        }
        return s
    }

    /// A string of valid UTF-8 bytes (the quickest way in for short text).
    static func copy(_ slice: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: slice.count) { buf in
            _ = buf.initialize(from: slice)
            return slice.count
        }
    }

    func rest() -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[pos...]), as: UTF8.self) }

    /// `rest().trimmingWhitespace()`, cutting the bytes first when the white space at the ends is
    /// ASCII and the text inside starts and ends with printable ASCII (as `trimmingWhitespace` does).
    func restTrimmed() -> String {
        func space(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        func printable(_ c: UInt8) -> Bool { c > 0x20 && c < 0x7F }
        var lo = pos, hi = bytes.count
        while lo < hi, space(bytes[lo]) { lo += 1 }
        while hi > lo, space(bytes[hi - 1]) { hi -= 1 }
        if lo == hi { return "" }
        if printable(bytes[lo]), printable(bytes[hi - 1]) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }
        return rest().trimmingWhitespace()
    }

    mutating func checkControl() throws(SyntaxError) {
        let b = peek
        if b < 0x20 || b == 0x7F {
            throw error(at: pos, "control character \\u{\(String(b, radix: 16))} is not allowed here (inside quotes write it as \\u{\(String(b, radix: 16))})")
        }
    }

    /// Scans a noun or verb: ASCII letters, digits, `-` and `_`.
    mutating func word(what: String) throws(SyntaxError) {
        var i = pos
        let n = bytes.count
        var seen: UInt8 = 0
        let classes = WordBytes.classes
        while i < n {
            let c = classes[Int(bytes[i])]
            if c == 0 { break }
            seen |= c
            i += 1
        }
        pos = i
        sawUpper = seen & WordBytes.capital != 0
        if i < n, bytes[i] != 0x20, bytes[i] != 0x09 {
            if bytes[i] < 0x20 || bytes[i] == 0x7F { try checkControl() }
            throw error(at: pos, "expected \(what) (a plain word) here")
        }
    }

    /// Scans a key, up to `=` (or white space, which the caller refuses).
    mutating func key() throws(SyntaxError) {
        let start = pos
        var i = pos
        let n = bytes.count
        var seen: UInt8 = 0
        let classes = WordBytes.classes
        while i < n {
            let c = classes[Int(bytes[i])]
            if c == 0 { break }
            seen |= c
            i += 1
        }
        pos = i
        sawUpper = seen & WordBytes.capital != 0
        if i < n, bytes[i] != UInt8(ascii: "="), bytes[i] != 0x20, bytes[i] != 0x09 {
            if bytes[i] < 0x20 || bytes[i] == 0x7F { try checkControl() }
            throw error(at: pos, "a key is a plain word followed by '=' (e.g. name=...)")
        }
        if pos == start { throw error(at: pos, "expected key=value here") }
    }

    /// The first offset from `from` whose byte is below `limit` (at most 0x80) or one of
    /// `a`, `b`, `c`, looking at eight bytes at a time; where the eight-byte steps stop, the
    /// caller goes on byte by byte, so it may return an earlier offset than the first such byte.
    @inline(__always)
    func skipBytes(from: Int, below limit: UInt8, or a: UInt8, _ b: UInt8, _ c: UInt8 = 0) -> Int {
        guard let base = bytes.baseAddress else { return from }
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        var i = from
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte below `limit`, or equal to a, b or c, sets the high bit of its lane (the
            // lowest lane found is exact; lanes above it may be set falsely, which is harmless).
            var m = ((w &- ones &* UInt64(limit)) & ~w & highs) | zeroByte(w ^ (ones &* UInt64(a)))
            m |= zeroByte(w ^ (ones &* UInt64(b)))
            if c != 0 { m |= zeroByte(w ^ (ones &* UInt64(c))) }
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        return i
    }

    /// A scanned word as written (it is ASCII).
    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// A scanned word in lower case: the one shared copy of a word the journal uses (a noun,
    /// verb, key or alias), else a new string.
    func lowered(_ from: Int, _ to: Int, _ code: WordCode?, upper: Bool, _ words: JournalWords) -> String {
        if let code, let known = words.known(code) { return known }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        return upper ? s.lowercased() : s
    }

    /// The code of a scanned word in lower case (nil when it is longer than 15 bytes).
    func code(_ from: Int, _ to: Int) -> WordCode? {
        WordCode(lowercasing: UnsafeBufferPointer(rebasing: bytes[from..<to]))
    }

    mutating func value() throws(SyntaxError) -> String {
        if atEnd { return "" }
        let q = peek
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") { return try quoted(q) }
        let start = pos
        let n = bytes.count
        // Only a space, tab, quote or control character (0x00-0x22, 0x7F) needs a look.
        var i = skipBytes(from: pos, below: 0x23, or: 0x7F, 0x7F)
        while i < n {
            let c = bytes[i]
            if c <= 0x22 || c == 0x7F {
                if c == 0x20 || c == 0x09 { break }
                if c == UInt8(ascii: "\"") {
                    pos = i
                    throw error(at: pos, "a quote inside a value: put the whole value in quotes and write \\\" for the quote")
                }
                if c != 0x21 { pos = i; try checkControl() }
            }
            i += 1
        }
        pos = i
        return try string(start, pos)
    }

    mutating func quoted(_ q: UInt8) throws(SyntaxError) -> String {
        let open = pos
        pos += 1
        let first = pos
        var close = pos
        // The text between the quotes is the bytes as they are until the first escape.
        var escaped = false
        var out = [UInt8]()
        let n = bytes.count
        while true {
            // Plain text runs up to the quote, a backslash or a control character.
            if !escaped {
                var i = skipBytes(from: pos, below: 0x20, or: q, UInt8(ascii: "\\"), 0x7F)
                while i < n {
                    let c = bytes[i]
                    if c == q || c == UInt8(ascii: "\\") || c < 0x20 || c == 0x7F { break }
                    i += 1
                }
                pos = i
            }
            if atEnd { throw error(at: open, "this quote is never closed") }
            let b = peek
            if b == q {
                close = pos
                pos += 1
                if !atEnd, peek != 0x20, peek != 0x09 {
                    throw error(at: pos, "put a space after the closing quote")
                }
                break
            }
            if b < 0x20 || b == 0x7F { try checkControl() }
            if b == UInt8(ascii: "\\") {
                if !escaped {
                    escaped = true
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first..<pos]))
                }
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
            if escaped { out.append(b) }
            pos += 1
        }
        if !escaped {
            let slice = UnsafeBufferPointer(rebasing: bytes[first..<close])
            if valid { return ByteScanner.copy(slice) }
            guard let s = String(validating: slice, as: UTF8.self) else {
                throw error(at: open, "not valid UTF-8 text")
            }
            return s
        }
        // Escapes add whole scalars; the rest is cut at ASCII bytes out of the line.
        if valid { return String(decoding: out, as: UTF8.self) }
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

/// The bytes of nouns, verbs and keys.
enum WordBytes {
    static let capital: UInt8 = 2
    /// 1 for a-z, 0-9, `-`, `_`; `capital` for A-Z; 0 for anything else.
    nonisolated(unsafe) static let classes: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        t.initialize(repeating: 0, count: 256)
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(c)] = 1 }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(c)] = 1 }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(c)] = capital }
        t[Int(UInt8(ascii: "-"))] = 1
        t[Int(UInt8(ascii: "_"))] = 1
        return UnsafePointer(t)
    }()
}
