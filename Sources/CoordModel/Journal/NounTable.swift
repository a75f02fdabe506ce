/// Up to 15 bytes of a word packed into two integers, with the length: two words are the same
/// bytes exactly when their codes are equal. Journal lookups (nouns, keys, choice spellings)
/// compare these instead of strings, and hash them without `Hasher`.
struct WordCode: Equatable, Sendable {
    let lo: UInt64
    let hi: UInt64

    @inline(__always)
    private init(packed w: (UInt64, UInt64), count n: Int) {
        lo = w.0; hi = w.1 | UInt64(n) << 56
    }

    init?(bytes b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        guard n > 0, n <= 15, let p = b.baseAddress else { return nil }
        self.init(packed: WordCode.pack(p, n), count: n)
    }

    /// The code of an ASCII word in lower case.
    init?(lowercasing b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        guard n > 0, n <= 15, let p = b.baseAddress else { return nil }
        let w = WordCode.pack(p, n)
        self.init(packed: (WordCode.lower(w.0), WordCode.lower(w.1)), count: n)
    }

    /// nil when the text is empty or longer than 15 bytes.
    init?(_ s: String) {
        guard let code = s.utf8.withContiguousStorageIfAvailable({ WordCode(bytes: $0) }), let code else { return nil }
        self = code
    }

    /// Bytes 0..<8 and 8..<n of `p`, little-endian, read without going past `p + n`.
    @inline(__always)
    private static func pack(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            let lo = raw.loadUnaligned(as: UInt64.self)
            if n == 8 { return (lo, 0) }
            let tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            return (lo, tail >> UInt64(8 * (16 - n)))
        }
        if n >= 4 {
            let a = UInt64(raw.loadUnaligned(as: UInt32.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return (a | b << UInt64(8 * (n - 4)), 0)
        }
        var lo = UInt64(p[0])
        if n > 1 { lo |= UInt64(p[1]) << 8 }
        if n > 2 { lo |= UInt64(p[2]) << 16 }
        return (lo, 0)
    }

    /// ASCII capitals to lower case in eight bytes at once (bytes below 0x80 only).
    @inline(__always)
    private static func lower(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = w &+ ones &* 0x3F, pastZ = w &+ ones &* 0x25
        return w | ((atLeastA & ~pastZ & (ones &* 0x80)) >> 2)
    }

    var hash: UInt64 {
        let h = (lo ^ (hi &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }
}

/// A small open-addressed map from words (by their exact bytes) to small integers.
struct WordMap: Sendable {
    // Slot i holds the code (lo[i], hi[i]) and its value; hi is 0 in an empty slot (a code's hi
    // always holds its length, 1 to 15).
    private var lo: [UInt64]
    private var hi: [UInt64]
    private var values: [Int32]
    private let mask: Int

    /// `words` in order of precedence: a word given twice keeps its first value.
    init(_ words: [(String, Int)]) {
        var size = 8
        while size < words.count * 4 { size *= 2 }
        lo = Array(repeating: 0, count: size)
        hi = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for (w, v) in words {
            guard let c = WordCode(w) else { continue } // longer words are found the slow way
            var i = Int(truncatingIfNeeded: c.hash) & mask
            while hi[i] != 0 && !(hi[i] == c.hi && lo[i] == c.lo) { i = (i + 1) & mask }
            if hi[i] == 0 { lo[i] = c.lo; hi[i] = c.hi; values[i] = Int32(v) }
        }
    }

    func value(_ c: WordCode) -> Int? {
        var i = Int(truncatingIfNeeded: c.hash) & mask
        while true {
            let h = hi[i]
            if h == c.hi && lo[i] == c.lo { return Int(values[i]) }
            if h == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    func value(_ s: String) -> Int? { WordCode(s).flatMap(value) }
}

/// What validation needs to know about one noun, worked out once: its field table, which key or
/// alias names which field (by index), its verbs and placement keys.
///
/// Every lookup here matches exact bytes; a word it does not know is looked up the general way
/// (`Noun(rawValue:)`, `Noun.field`), so the answers are always the ones those give.
final class NounTable: Sendable {
    let noun: Noun
    let fields: [FieldInfo]
    let verbs: [Verb]
    let isPlaced: Bool
    /// The fields `Model.resolve` can change (references); it returns any other value as it is.
    let references: [Int]
    /// The fields with a default, the required ones, and those that cannot be emptied (either).
    let defaulted: [Int]
    let required: [Int]
    let notEmptiable: [Int]
    /// Key or alias to field index; the first field that answers to a word wins, as in `Noun.field`.
    private let keys: WordMap
    /// `Model.placementKeys(noun)` for a placed noun (as an index into `placementWords`).
    let placement: WordMap
    let placementWords: [String]
    /// The fields with exactly these keys (as `given[key]` finds them).
    let boardIndex: Int?
    let nameIndex: Int?
    let castnoIndex: Int?
    let activeIndex: Int?

    init(_ noun: Noun) {
        self.noun = noun
        let fields = noun.fields
        self.fields = fields
        verbs = noun.verbs
        isPlaced = noun.isPlaced
        references = fields.indices.filter { i in
            switch fields[i].kind {
            case .dayRef, .boardRef, .whoRef, .locationRef, .accountRef, .categoryRef: return true
            default: return false
            }
        }
        defaulted = fields.indices.filter { fields[$0].defaultText != nil }
        required = fields.indices.filter { fields[$0].required }
        notEmptiable = fields.indices.filter { fields[$0].required || fields[$0].defaultText != nil }
        var words: [(String, Int)] = []
        for (i, f) in fields.enumerated() {
            words.append((f.key, i))
            for a in f.aliases { words.append((a, i)) }
        }
        keys = WordMap(words)
        placementWords = noun.isPlaced ? Model.placementKeys(noun).sorted() : []
        placement = WordMap(placementWords.enumerated().map { ($1, $0) })
        let index = { (key: String) in fields.firstIndex { $0.key == key } }
        boardIndex = index("board")
        nameIndex = index("name")
        castnoIndex = index("castno")
        activeIndex = index("active")
    }

    static let all: [NounTable] = Noun.allCases.map(NounTable.init)
    private static let names = WordMap(Noun.allCases.enumerated().map { ($1.rawValue, $0) })

    /// The index in `all` of the noun spelled exactly so.
    static func index(_ code: WordCode) -> Int? { names.value(code) }

    /// The table of the noun spelled exactly `word`, else of `Noun(rawValue: word)`.
    static func named(_ word: String) -> NounTable? {
        if let i = names.value(word) { return all[i] }
        guard let noun = Noun(rawValue: word) else { return nil }
        return all.first { $0.noun == noun }
    }

    /// The index of the field `key` names (its key or an alias), as `Noun.field` finds it.
    func fieldIndex(_ key: String) -> Int? {
        if let code = WordCode(key) {
            if let i = keys.value(code) { return i }
        }
        guard let f = noun.field(key) else { return nil }
        return fields.firstIndex { $0.key == f.key }
    }

    func fieldIndex(code: WordCode) -> Int? { keys.value(code) }

    func takes(_ verb: Verb) -> Bool { verbs.contains(verb) }
}

/// The words journal lines are made of (nouns, verbs, keys and aliases, `id`, placement keys),
/// so that parsing a line hands out one shared string for each instead of making new ones.
final class JournalWords: Sendable {
    private let words: [String]
    private let map: WordMap

    private init() {
        var all = Noun.allCases.map(\.rawValue) + Verb.allCases.map(\.rawValue) + ["id"]
        for noun in Noun.allCases {
            for f in noun.fields { all.append(f.key); all += f.aliases }
            if noun.isPlaced { all += Model.placementKeys(noun).sorted() }
        }
        words = all
        map = WordMap(all.enumerated().map { ($1, $0) })
    }

    static let shared = JournalWords()

    func known(_ code: WordCode) -> String? { map.value(code).map { words[$0] } }
}

extension Verb {
    private static let codes = Verb.allCases.map { (WordCode($0.rawValue)!, $0) }

    /// `Verb(rawValue:)`, finding the usual spellings by their bytes.
    static func named(_ word: String) -> Verb? {
        if let c = WordCode(word), let verb = named(code: c) { return verb }
        return Verb(rawValue: word)
    }

    /// The verb spelled exactly so, if any.
    static func named(code c: WordCode) -> Verb? {
        for (code, verb) in codes where code == c { return verb }
        return nil
    }
}

/// What parsing a journal line found out about its words, handed to `validate` with the command
/// so it need not look the words up again. It is worked out by the same lookups `validate` makes.
struct ParsedWords {
    /// The noun's table, when the noun is spelled as one is.
    var table: NounTable?
    var verb: Verb?
    /// Per pair: the field index, or `id`, `placement`, or `unknown` (validate looks for itself).
    var slots: [Int16] = []

    static let id: Int16 = -1
    static let placement: Int16 = -2
    static let unknown: Int16 = -3

    /// The slot of a key (its lower-case code) in `table`, as `validate` would decide it.
    static func slot(_ code: WordCode?, in table: NounTable) -> Int16 {
        guard let code else { return unknown }
        if code == Model.idCode { return id }
        if table.isPlaced, table.placement.value(code) != nil { return placement }
        if let i = table.fieldIndex(code: code) { return Int16(i) }
        return unknown
    }
}
