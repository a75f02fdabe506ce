/// An exact amount of money in minor units (pence, cents). Never a binary float.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var minor: Int64

    public init(minor: Int64) { self.minor = minor }
    public static let zero = Money(minor: 0)

    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }
    public static func + (a: Money, b: Money) -> Money { Money(minor: a.minor &+ b.minor) }
    public static func - (a: Money, b: Money) -> Money { Money(minor: a.minor &- b.minor) }
    public static func += (a: inout Money, b: Money) { a.minor &+= b.minor }
    public static func -= (a: inout Money, b: Money) { a.minor &-= b.minor }
    public static prefix func - (a: Money) -> Money { Money(minor: -a.minor) }
    public var isNegative: Bool { minor < 0 }

    /// The journal's form: `-1250.00`, no grouping, no symbol.
    public var plain: String {
        let sign = minor < 0 ? "-" : ""
        let m = minor.magnitude
        let cents = m % 100
        return "\(sign)\(m / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The screen's form: `1,250.00`, or `-1,250.00`.
    public var grouped: String {
        let sign = minor < 0 ? "-" : ""
        let m = minor.magnitude
        let cents = m % 100
        var units = String(m / 100)
        var i = units.count - 3
        while i > 0 {
            units.insert(",", at: units.index(units.startIndex, offsetBy: i))
            i -= 3
        }
        return "\(sign)\(units).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The largest amount one entry may hold: totals of millions of entries stay exact.
    public static let maxUnits: Int64 = 999_999_999

    /// Splits a typed amount into the symbol or ISO code written with it (if any) and the number.
    public static func splitCurrency(_ raw: String) -> (currency: String?, number: String) {
        var s = Substring(raw.trimmingWhitespace())
        var sign = ""
        if s.hasPrefix("-") { sign = "-"; s = s.dropFirst() }
        for symbol in ["£", "$", "€", "¥"] where s.hasPrefix(symbol) {
            return (symbol, sign + String(s.dropFirst(symbol.count)).trimmingWhitespace())
        }
        let letters = { (t: Substring) in t.count == 3 && t.allSatisfy { $0.isASCII && $0.isLetter } }
        if s.count > 3, letters(s.prefix(3)), s.dropFirst(3).first?.isLetter == false {
            return (s.prefix(3).uppercased(), sign + String(s.dropFirst(3)).trimmingWhitespace())
        }
        if s.count > 3, letters(s.suffix(3)), s.dropLast(3).last?.isLetter == false {
            return (s.suffix(3).uppercased(), sign + String(s.dropLast(3)).trimmingWhitespace())
        }
        return (nil, raw)
    }

    /// The amount `raw` holds when it is written as the journal writes amounts, `-?\d+\.\d\d`
    /// (at most 12 digits before the point, as `parse` allows); nil otherwise, or when it is too
    /// large, so that `parse` says why.
    static func canonical(_ raw: String) -> Money? {
        raw.utf8.withContiguousStorageIfAvailable { canonical(bytes: $0) } ?? nil
    }

    static func canonical(bytes b: UnsafeBufferPointer<UInt8>) -> Money? {
        let n = b.count
        var i = 0
        let negative = n > 0 && b[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        let digits = n - 3 - i
        guard digits >= 1, digits <= 12, b[n - 3] == UInt8(ascii: ".") else { return nil }
        var units: Int64 = 0
        while i < n - 3 {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            units = units * 10 + Int64(d)
            i += 1
        }
        let c1 = b[n - 2] &- 0x30, c2 = b[n - 1] &- 0x30
        guard c1 < 10, c2 < 10, units <= maxUnits else { return nil }
        let value = units * 100 + Int64(c1) * 10 + Int64(c2)
        return Money(minor: negative ? -value : value)
    }

    /// Accepts what people type: `1250`, `1250.5`, `1,250.00`, `£1,250.50`, `-40`, `(40.00)`.
    /// Rejects what could mean two things (`1,25`, `1.250`, `1.250,00`) with a reason.
    public static func parse(_ raw: String) -> Result<Money, ValueError> {
        if let m = canonical(raw) { return .success(m) }
        return parseGeneral(raw)
    }

    /// `parse` for every spelling (and every error).
    static func parseGeneral(_ raw: String) -> Result<Money, ValueError> {
        var s = Substring(raw.trimmingWhitespace())
        guard !s.isEmpty else { return .failure(ValueError("an amount is needed, e.g. 1250.00")) }
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")") { negative = true; s = s.dropFirst().dropLast() }
        if s.hasPrefix("-") {
            if negative { return .failure(ValueError("'\(raw)' has both brackets and a minus sign")) }
            negative = true; s = s.dropFirst()
        }
        s = Substring(splitCurrency(String(s)).number)
        if s.hasPrefix("-") {
            if negative { return .failure(ValueError("'\(raw)' has two signs")) }
            negative = true; s = s.dropFirst()
        }
        guard !s.isEmpty else { return .failure(ValueError("'\(raw)' has no digits")) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            return .failure(ValueError("'\(raw)' is ambiguous: more than one '.' (write 1250.00)"))
        }
        let whole = parts[0]
        let frac = parts.count == 2 ? parts[1] : ""
        if frac.contains(",") {
            return .failure(ValueError("'\(raw)' is ambiguous: ',' after '.' (write 1250.00)"))
        }
        guard frac.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(ValueError("'\(raw)' is not an amount (write e.g. 1250.00)"))
        }
        if frac.count > 2 {
            return .failure(ValueError("'\(raw)' is ambiguous: \(frac.count) digits after '.' (write 1250.00; use ',' only for thousands)"))
        }
        if parts.count == 2 && frac.isEmpty {
            return .failure(ValueError("'\(raw)' ends with '.' (write \(whole).00)"))
        }
        var digits = ""
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            let head = groups[0]
            guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(ValueError("'\(raw)' is ambiguous: ',' must separate thousands (1,250.00) — for decimals use '.'"))
            }
            digits = groups.joined()
        } else {
            digits = String(whole)
        }
        if digits.isEmpty { digits = "0" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(ValueError("'\(raw)' is not an amount (write e.g. 1250.00)"))
        }
        guard digits.count <= 12, let units = Int64(digits), units <= maxUnits else {
            return .failure(ValueError("'\(raw)' is too large (at most 999,999,999.99 in one entry)"))
        }
        let cents = frac.isEmpty ? 0 : (Int64(frac)! * (frac.count == 1 ? 10 : 1))
        let value = units * 100 + cents
        return .success(Money(minor: negative ? -value : value))
    }
}

/// A value a person typed that cannot be read, with the reason in their words.
public struct ValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    /// The text without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        if let fast = utf8.withContiguousStorageIfAvailable({ trimmedASCII($0) }), let fast { return fast }
        return trimmingWhitespaceGeneral()
    }

    /// The common case from the bytes: white space at the ends is ASCII (or absent) and the text
    /// inside starts and ends with a printable ASCII character. A Character whose first scalar is
    /// white space is what `trimmingWhitespaceGeneral` drops; around printable ASCII every ASCII
    /// white space byte is a Character of its own (or CR LF), and the kept ends are not white space.
    /// nil when the ends are anything else, for the general way to decide.
    private func trimmedASCII(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        func space(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        func printable(_ c: UInt8) -> Bool { c > 0x20 && c < 0x7F }
        var lo = 0, hi = b.count
        while lo < hi, space(b[lo]) { lo += 1 }
        while hi > lo, space(b[hi - 1]) { hi -= 1 }
        if lo == hi { return "" }
        guard printable(b[lo]), printable(b[hi - 1]) else { return nil }
        if lo == 0 && hi == b.count { return self }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// The text without leading and trailing white space, by Character.
    func trimmingWhitespaceGeneral() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
