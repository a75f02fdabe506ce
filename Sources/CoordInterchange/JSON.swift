/// A JSON value; objects keep their members in order, so a written file reads like the samples.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    /// A count of eighths, written exactly as a decimal (`2.375`).
    case eighths(Int)
    case string(String)
    case array([JSON])
    case object([Member])

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSON
        init(_ key: String, _ value: JSON) { self.key = key; self.value = value }
    }

    subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
    var string: String? { if case .string(let s) = self { return s }; return nil }
    /// An id: a string, or a whole number some writers use instead.
    var idText: String? {
        switch self {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return String(Int64(d))
        default: return nil
        }
    }
    /// A whole number of a sane size (never a trap on 1e300).
    var int: Int? {
        guard case .number(let d) = self, d == d.rounded(), abs(d) < 1e9 else { return nil }
        return Int(d)
    }
    var number: Double? {
        switch self {
        case .number(let d): return d
        case .eighths(let e): return Double(e) / 8
        default: return nil
        }
    }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var array: [JSON]? { if case .array(let a) = self { return a }; return nil }

    /// What a person calls this kind of value.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number, .eighths: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
