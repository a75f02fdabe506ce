/// Why the bytes are not JSON, and where.
struct JSONError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// A strict JSON reader (RFC 8259) that says where it stopped: line and column.
struct JSONParser {
    let b: [UInt8]
    var i = 0
    var depth = 0
    static let maxDepth = 200

    static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSON {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw JSONError("it is empty") }
        if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil {
            throw JSONError("it is not UTF-8 text (a binary file?)")
        }
        var p = JSONParser(b: bytes)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.i < bytes.count { throw p.error("more text after the end of the JSON") }
        return v
    }

    func position(_ at: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for k in 0..<min(at, b.count) {
            if b[k] == 0x0A { line += 1; column = 1 } else if b[k] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    func error(_ message: String, at: Int? = nil) -> JSONError {
        let (line, column) = position(at ?? i)
        return JSONError("not valid JSON at line \(line), column \(column): \(message)")
    }

    var endError: JSONError {
        JSONError("the JSON ends early, at line \(position(b.count).line) (a truncated file?)")
    }

    func show(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16)
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func value() throws(JSONError) -> JSON {
        guard i < b.count else { throw endError }
        switch b[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw notAValue(at: i)
        }
    }

    mutating func literal(_ word: String) throws(JSONError) {
        let start = i
        for ch in word.utf8 {
            guard i < b.count else { throw endError }
            guard b[i] == ch else { throw notAValue(at: start) }
            i += 1
        }
    }

    /// `'INT.' is not a JSON value`: the word that stands where a value should.
    func notAValue(at start: Int) -> JSONError {
        var end = start
        while end < b.count, end - start < 24, !" \t\r\n,:[]{}\"".utf8.contains(b[end]) { end += 1 }
        let word = String(decoding: b[start..<max(end, start + 1)], as: UTF8.self)
        return error("'\(word)' is not a JSON value (an object, list, string, number, true, false or null)", at: start)
    }

    mutating func nest() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nested more than \(JSONParser.maxDepth) deep") }
    }

    mutating func object() throws(JSONError) -> JSON {
        try nest()
        defer { depth -= 1 }
        i += 1
        var members: [JSON.Member] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < b.count else { throw endError }
            guard b[i] == UInt8(ascii: "\"") else { throw error("expected a key in quotes, found \(show(b[i]))") }
            let key = try string()
            skipSpace()
            guard i < b.count else { throw endError }
            guard b[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            i += 1
            skipSpace()
            members.append(.init(key, try value()))
            skipSpace()
            guard i < b.count else { throw endError }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}', found \(show(b[i]))")
        }
    }

    mutating func array() throws(JSONError) -> JSON {
        try nest()
        defer { depth -= 1 }
        i += 1
        var items: [JSON] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < b.count else { throw endError }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']', found \(show(b[i]))")
        }
    }

    mutating func string() throws(JSONError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < b.count else { throw endError }
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw error(c == 0x0A ? "a string runs past the end of the line (a missing '\"'? it opened at line \(position(open).line))" : "a raw control character in a string (write it as \\u00\(c < 16 ? "0" : "")\(String(c, radix: 16)))") }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw endError }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var v = try hex4()
                if (0xD800..<0xDC00).contains(v), i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) } else { i = save }
                }
                let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("'\\\(Character(Unicode.Scalar(e)))' is not a JSON escape", at: i - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < b.count else { throw endError }
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("\\u needs four hex digits")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func digits() -> Int {
        let s = i
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        return i - s
    }

    mutating func number() throws(JSONError) -> JSON {
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { throw endError }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("a number needs digits") }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw error("a number needs digits after '.'") }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else { throw error("the number \(text) is out of range", at: start) }
        return .number(d)
    }
}
