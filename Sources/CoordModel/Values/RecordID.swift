/// A record's id: short enough to type, never reused, and unique across clones of a journal.
public struct RecordID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var raw: String
    public init(_ raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }
    public var description: String { raw }
    public static func < (a: RecordID, b: RecordID) -> Bool { a.raw < b.raw }
    public static func == (a: RecordID, b: RecordID) -> Bool { a.raw == b.raw }

    // Hashing. Every replayed line looks ids up in several tables, and `String` hashing (SipHash,
    // with Unicode normalisation) was a large part of replay. An id is hashed here from its
    // bytes instead, mixed with a per-process secret and the table's seed. Equal ids must hash
    // alike, and `==` on `raw` is canonical equivalence: ASCII text is equivalent only to itself
    // and to text where some of its K ; ` are written as the only three non-ASCII characters
    // that decompose to ASCII, U+212A KELVIN SIGN, U+037E GREEK QUESTION MARK and U+1FEF GREEK
    // VARIA. So ASCII ids hash their bytes, ids made of ASCII and those three hash as the ASCII
    // they are equivalent to, and every other id (never equal to any of those) goes to `String`.
    // (A test checks the three against every code point.)

    public func hash(into hasher: inout Hasher) {
        if let h = fastHash(seed: 0) { hasher.combine(h) } else { hasher.combine(raw) }
    }

    public func _rawHashValue(seed: Int) -> Int {
        if let h = fastHash(seed: seed) { return Int(truncatingIfNeeded: h) }
        var hasher = Hasher()
        hasher.combine(seed)
        hasher.combine(raw)
        return hasher.finalize()
    }

    private static let secret: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x436F_6F72_6449_44 as UInt64)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }()

    private func fastHash(seed: Int) -> UInt64? {
        let secret = RecordID.secret
        if let h = raw.utf8.withContiguousStorageIfAvailable({ RecordID.hashASCII($0, seed: seed, secret: secret) }) {
            if let h { return h }
        }
        var ascii: [UInt8] = []
        for u in raw.unicodeScalars {
            switch u.value {
            case 0..<0x80: ascii.append(UInt8(u.value))
            case 0x212A: ascii.append(0x4B)
            case 0x037E: ascii.append(0x3B)
            case 0x1FEF: ascii.append(0x60)
            default: return nil
            }
        }
        return ascii.withUnsafeBufferPointer { RecordID.hashASCII($0, seed: seed, secret: secret) }
    }

    /// nil when the bytes are not all ASCII.
    private static func hashASCII(_ b: UnsafeBufferPointer<UInt8>, seed: Int, secret: UInt64) -> UInt64? {
        let n = b.count
        var h = secret ^ UInt64(truncatingIfNeeded: seed) ^ (UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15)
        var seen: UInt64 = 0
        if let p = b.baseAddress {
            let raw = UnsafeRawPointer(p)
            var i = 0
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                seen |= w
                h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < n { tail |= UInt64(p[i]) << shift; shift += 8; i += 1 }
            seen |= tail
            h ^= tail
        }
        guard seen & 0x8080_8080_8080_8080 == 0 else { return nil }
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// Letters, digits, `-` and `_`, 1 to 32 characters.
    public static func validate(_ s: String) -> ValueError? {
        // The common case from the bytes: 1 to 32 of the allowed ASCII characters.
        let plain = s.utf8.withContiguousStorageIfAvailable { b in
            (1...32).contains(b.count) && b.allSatisfy { c in
                (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
            }
        }
        if plain == true { return nil }
        return validateGeneral(s)
    }

    /// `validate`, by Character.
    static func validateGeneral(_ s: String) -> ValueError? {
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
