#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Glibc's module map does not export wcwidth (it needs _XOPEN_SOURCE); it is a plain C symbol.
@_silgen_name("wcwidth") private func c_wcwidth(_ c: Int32) -> Int32

/// Terminal column widths, from the C library's wcwidth (the same table ncursesw uses).
public enum TextWidth {
    /// wcwidth needs a UTF-8 locale; the app sets one at start-up, tests get one here.
    static let localeReady: Bool = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if !current.uppercased().contains("UTF-8") && !current.uppercased().contains("UTF8") {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
        return true
    }()

    /// Columns a character takes: 0, 1 or 2. Controls are never drawn raw (see `visible`).
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if first.value < 0x7F { return 1 }
        _ = localeReady
        let w = c_wcwidth(Int32(bitPattern: first.value))
        return w < 0 ? 1 : Int(w)
    }

    public static func of(_ s: String) -> Int {
        // Printable ASCII (most of what tables hold) is one column a byte: no per-character lookups.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var n = 0
        for c in s { n += of(visible(c)) }
        return n
    }

    /// Control, format and separator characters become inert pictures: ESC shows as ␛.
    public static func visible(_ c: Character) -> Character {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F { return c } // the common case, before Unicode property lookups
        guard let u = c.unicodeScalars.first else { return c }
        if u.value < 0x20 { return Character(Unicode.Scalar(0x2400 + u.value)!) }
        if u.value == 0x7F { return "␡" }
        if (0x80..<0xA0).contains(u.value) { return "�" }
        switch u.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return "�"
        default:
            // Flags (regional indicators) are one cell to glibc and two to most terminals.
            if (0x1F1E6...0x1F1FF).contains(u.value) { return "⚑" }
            guard c.unicodeScalars.count > 1 else { return c }
            // A grapheme that carries a control after its base is also not drawn raw.
            if c.unicodeScalars.dropFirst().contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "�" }
            // Emoji sequences and flags: terminals and ncurses disagree on their width, so
            // only the first symbol is drawn and the columns stay aligned.
            _ = localeReady
            if c.unicodeScalars.dropFirst().contains(where: { c_wcwidth(Int32(bitPattern: $0.value)) > 0 }) {
                return Character(u)
            }
            return c
        }
    }

    /// Text made safe for a terminal outside the canvas (command-line messages).
    public static func inert(_ s: String) -> String { String(s.map(visible)) }

    /// Cuts `s` to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if of(s) <= width { return s }
        var out = "", used = 0
        for c in s {
            let v = visible(c), w = of(v)
            if used + w > width - 1 { break }
            out.append(v); used += w
        }
        return out + "…"
    }

    /// Pads or cuts `s` to exactly `width` columns.
    public static func fit(_ s: String, _ width: Int, right: Bool = false) -> String {
        let t = truncate(s, to: width)
        let gap = max(0, width - of(t))
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + t : t + spaces
    }
}
