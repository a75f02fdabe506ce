/// What each value of a choice reads as, so a value spelled exactly as Coord writes it is found by
/// its bytes (`Choice.canonical` folds, hashes and looks up aliases for every spelling).
struct ChoiceSpellings: Sendable {
    private let codes: [WordCode?]
    private let results: [String?]

    /// `orItself`: an unknown spelling reads as itself (departments) rather than as an error.
    init(_ choice: Choice, orItself: Bool) {
        codes = choice.values.map { WordCode($0) }
        results = choice.values.map { v in choice.canonical(v) ?? (orItself ? v : nil) }
    }

    /// What `canonical` (or `canonical ?? raw`) gives for one of the values spelled exactly; nil
    /// for any other spelling.
    func result(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let c = WordCode(bytes: b) else { return nil }
        for i in codes.indices where codes[i] == c { return results[i] }
        return nil
    }
}

/// How the journal writes a value of a field's kind, as far as `canonicalValue` reads it.
enum CanonicalForm: UInt8, Sendable {
    case text, date, time, money, code, currency, choice, other

    init(_ kind: FieldKind) {
        switch kind {
        case .text, .dayRef, .boardRef, .whoRef, .locationRef, .categoryRef: self = .text
        case .date: self = .date
        case .time: self = .time
        case .money: self = .money
        case .code, .accountRef: self = .code
        case .currency: self = .currency
        case .choice, .department: self = .choice
        default: self = .other
        }
    }
}

extension FieldInfo {
    /// What `Model.parseValueGeneral` reads `raw` as, when `raw` is written the way Coord writes
    /// that kind of value (no white space around it, `1250.00`, `2027-03-01`, `07:30`, a choice's
    /// value spelled out, an upper- or lower-case currency code). nil means "ask the general
    /// reading", which then gives the same value or the error.
    func canonicalValue(_ raw: String) -> FieldValue? {
        raw.utf8.withContiguousStorageIfAvailable { canonicalValue(raw, bytes: $0) } ?? nil
    }

    private func canonicalValue(_ raw: String, bytes b: UnsafeBufferPointer<UInt8>) -> FieldValue? {
        let n = b.count
        guard n > 0 else { return nil }
        switch form {
        case .text:
            // Trimming leaves text that starts and ends with printable ASCII as it is.
            return printable(b[0]) && printable(b[n - 1]) ? .text(raw) : nil
        case .date:
            return CalendarDate.canonical(bytes: b).map(FieldValue.date)
        case .time:
            return TimeOfDay.canonical(bytes: b).map(FieldValue.time)
        case .money:
            // No symbol or currency code in it, so nothing to check against the production's.
            return Money.canonical(bytes: b).map(FieldValue.money)
        case .code:
            guard n <= 24, b.allSatisfy(codeByte) else { return nil }
            return .text(raw)
        case .currency:
            guard n == 3, b.allSatisfy(letter) else { return nil }
            if b.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return .text(raw) }
            return .text(String(decoding: b.map { $0 >= 0x61 ? $0 - 0x20 : $0 }, as: UTF8.self))
        case .choice:
            return spellings?.result(b).map(FieldValue.text)
        case .other:
            return nil
        }
    }
}

@inline(__always) private func printable(_ c: UInt8) -> Bool { c > 0x20 && c < 0x7F }
@inline(__always) private func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
@inline(__always) private func codeByte(_ c: UInt8) -> Bool {
    letter(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E || c == 0x2F
}
