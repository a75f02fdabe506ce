/// Writes JSON with two-space indents; lists of plain values stay on one line.
enum JSONWriter {
    static func write(_ v: JSON) -> [UInt8] {
        var out = ""
        emit(v, indent: "", into: &out)
        out += "\n"
        return Array(out.utf8)
    }

    static func emit(_ v: JSON, indent: String, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += number(d)
        case .eighths(let e): out += eighths(e)
        case .string(let s): quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ if case .object = $0 { return false }; if case .array(let a) = $0 { return a.isEmpty }; return true }) {
                out += "["
                for (k, x) in items.enumerated() { if k > 0 { out += ", " }; emit(x, indent: indent, into: &out) }
                out += "]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (k, x) in items.enumerated() {
                out += inner
                emit(x, indent: inner, into: &out)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (k, m) in members.enumerated() {
                out += inner
                quote(m.key, into: &out)
                out += ": "
                emit(m.value, indent: inner, into: &out)
                out += k == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return d.description
    }

    /// 19 eighths is `2.375`: exact, never `2.3749999`.
    static func eighths(_ e: Int) -> String {
        let whole = e / 8, part = e % 8
        let tails = ["", ".125", ".25", ".375", ".5", ".625", ".75", ".875"]
        return String(whole) + tails[part]
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
