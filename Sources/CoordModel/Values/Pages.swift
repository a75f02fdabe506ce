/// A page count in eighths, as stripboards count them: 28 eighths is `3 4/8`.
public struct Pages: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var eighths: Int
    public init(eighths: Int) { self.eighths = eighths }
    public static func < (a: Pages, b: Pages) -> Bool { a.eighths < b.eighths }
    public static func + (a: Pages, b: Pages) -> Pages { Pages(eighths: a.eighths + b.eighths) }

    /// `3 4/8`, `4/8`, `2`, `0`.
    public var description: String {
        let whole = eighths / 8, part = eighths % 8
        if part == 0 { return String(whole) }
        return whole == 0 ? "\(part)/8" : "\(whole) \(part)/8"
    }

    /// `3 4/8`, `3+4/8`, `4/8`, `3`, and USS-style decimals in 1/8 steps (`3.5`).
    public static func parse(_ raw: String) -> Result<Pages, ValueError> {
        let s = String(raw.trimmingWhitespace().map { $0 == "+" ? " " : $0 })
        let bad = ValueError("'\(raw)' is not a page count (write eighths like 3 4/8, 4/8 or 2)")
        let words = s.split(separator: " ")
        guard !words.isEmpty, words.count <= 2 else { return .failure(bad) }
        var total = 0
        for (i, w) in words.enumerated() {
            if w.contains("/") {
                let f = w.split(separator: "/", omittingEmptySubsequences: false)
                guard f.count == 2, let n = Int(f[0]), f[1] == "8", (0...7).contains(n) || (words.count == 1 && n >= 0 && n < 800) else {
                    return .failure(ValueError("'\(raw)': fractions are in eighths (e.g. 3/8)"))
                }
                total += n
            } else if i == 0, w.contains(".") {
                guard words.count == 1, let d = Double(w), d >= 0, d < 1000 else { return .failure(bad) }
                let e = (d * 8).rounded()
                guard abs(e - d * 8) < 1e-9 else {
                    return .failure(ValueError("'\(raw)' is not a whole number of eighths"))
                }
                total = Int(e)
            } else {
                guard i == 0, let n = Int(w), n >= 0, n < 1000 else { return .failure(bad) }
                total += n * 8
            }
        }
        return .success(Pages(eighths: total))
    }
}
