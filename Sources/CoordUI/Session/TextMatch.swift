/// Matching as a person searching expects: any case, with or without accents ("zoe" finds
/// "Zoë", "sian" finds "Siân"). No Foundation here, so accents are taken off by a table.
struct TextMatch: Sendable {
    let needle: [Character]
    private let asciiNeedle: [UInt8]?

    /// nil for an empty pattern (it would match everything).
    init?(_ pattern: String) {
        let folded = TextMatch.fold(pattern).chars
        guard !folded.isEmpty else { return nil }
        needle = folded
        asciiNeedle = folded.allSatisfy(\.isASCII) ? folded.map { $0.asciiValue! } : nil
    }

    func matches(_ s: String) -> Bool {
        if let n = asciiNeedle {
            // The common case: ASCII text, compared byte by byte in the string's own storage.
            let found = s.utf8.withContiguousStorageIfAvailable { TextMatch.find(n, in: $0) }
                ?? Array(s.utf8).withUnsafeBufferPointer { TextMatch.find(n, in: $0) }
            if let found { return found }
        }
        return !ranges(in: s, first: true).isEmpty
    }

    /// Whether ASCII `h` holds `n` in any case; nil when `h` is not ASCII (it needs folding).
    private static func find(_ n: [UInt8], in h: UnsafeBufferPointer<UInt8>) -> Bool? {
        for b in h where b >= 0x80 { return nil }
        guard h.count >= n.count else { return false }
        let first = n[0]
        outer: for i in 0...(h.count - n.count) where lower(h[i]) == first {
            for j in 1..<n.count where lower(h[i + j]) != n[j] { continue outer }
            return true
        }
        return false
    }

    /// Every match in `s`, as ranges of its Characters (what the screen draws one by one).
    func ranges(in s: String, first: Bool = false) -> [Range<Int>] {
        let (h, map) = TextMatch.fold(s)
        guard h.count >= needle.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i <= h.count - needle.count {
            if h[i] == needle[0], Array(h[i..<(i + needle.count)]) == needle {
                out.append(map[i]..<(map[i + needle.count - 1] + 1))
                if first { return out }
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// `s` folded (lower case, no accents), with each folded character's place in `s`.
    static func fold(_ s: String) -> (chars: [Character], map: [Int]) {
        var chars: [Character] = []
        var map: [Int] = []
        chars.reserveCapacity(s.utf8.count)
        for (i, c) in s.enumerated() {
            if let a = c.asciiValue {
                chars.append(Character(Unicode.Scalar(lower(a))))
                map.append(i)
                continue
            }
            for u in c.unicodeScalars where u.properties.generalCategory != .nonspacingMark {
                let base = latinBase[u.value].map { String($0) } ?? String(u).lowercased()
                for f in base { chars.append(f); map.append(i) }
            }
        }
        return (chars, map)
    }

    /// Accented Latin letters to their plain letter, read once from the Unicode names
    /// ("LATIN SMALL LETTER E WITH DIAERESIS" is e).
    static let latinBase: [UInt32: Character] = {
        var t: [UInt32: Character] = [:]
        for v in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let u = Unicode.Scalar(UInt32(v)), let name = u.properties.name else { continue }
            let w = name.split(separator: " ")
            guard w.count >= 6, w[0] == "LATIN", w[2] == "LETTER", w[4] == "WITH", w[3].count == 1,
                  let letter = w[3].first, letter.isLetter else { continue }
            t[UInt32(v)] = Character(letter.lowercased())
        }
        return t
    }()
}
