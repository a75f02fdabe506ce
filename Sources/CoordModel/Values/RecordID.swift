/// A record's id: short enough to type, never reused, and unique across clones of a journal.
public struct RecordID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var raw: String
    public init(_ raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }
    public var description: String { raw }
    public static func < (a: RecordID, b: RecordID) -> Bool { a.raw < b.raw }

    /// Letters, digits, `-` and `_`, 1 to 32 characters.
    public static func validate(_ s: String) -> ValueError? {
        guard (1...32).contains(s.count) else { return ValueError("an id has 1 to 32 characters") }
        for ch in s.unicodeScalars {
            let ok = (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch == "-" || ch == "_"
            if !ok { return ValueError("'\(s)' is not an id (letters, digits, - and _ only)") }
        }
        return nil
    }
}

/// Makes new ids as a 7-letter tag chosen at random per session, then a counter written in
/// the same alphabet: `k3x9pqm` + `3`, `4`, ... Two clones of a journal only collide if two of
/// their sessions draw the same tag (1 in 2.2e10 per pair of sessions), and a tag already
/// seen in the journal is never drawn again.
public struct IDGenerator: Sendable {
    /// No 0/1/i/l/o/u: nothing to misread when typed from a screen.
    static let alphabet = Array("23456789abcdefghjkmnpqrstvwxyz")
    public static let tagLength = 7
    public private(set) var tag: String
    private var counter: Int = 0
    private var random: SplitMix

    public init(seed: UInt64? = nil) {
        random = SplitMix(seed: seed ?? UInt64.random(in: .min ... .max))
        tag = ""
        tag = drawTag()
    }

    private mutating func drawTag() -> String {
        var t = ""
        for _ in 0..<IDGenerator.tagLength { t.append(IDGenerator.alphabet[Int(random.next() % UInt64(IDGenerator.alphabet.count))]) }
        return t
    }

    /// The next id not in `used`; draws a new tag if this one shows up in the journal.
    public mutating func next(avoiding used: (RecordID) -> Bool, tagSeen: (String) -> Bool) -> RecordID {
        if counter == 0 {
            var tries = 0
            while tagSeen(tag), tries < 1000 { tag = drawTag(); tries += 1 }
        }
        while true {
            counter += 1
            var n = counter, digits = ""
            while n > 0 {
                digits.insert(IDGenerator.alphabet[n % IDGenerator.alphabet.count], at: digits.startIndex)
                n /= IDGenerator.alphabet.count
            }
            let id = RecordID(tag + digits)
            if !used(id) { return id }
        }
    }
}

/// A small, fast, seedable generator (for ids and reproducible test data).
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
