/// The page-count rule (docs/SCRIPTS.md): a scene's lines as a screenplay prints them.
public enum ScriptPages {
    public static let linesPerPage = 55
    /// Characters per line: action (6.1 inches of 10-pitch Courier) and dialogue (3.5 inches).
    public static let actionWidth = 61
    public static let dialogueWidth = 35

    /// How many lines `text` takes wrapped at `width` (words kept whole unless longer than a line).
    /// An empty text takes one line.
    public static func wrappedLines(_ text: String, width: Int) -> Int {
        var lines = 1, used = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var n = word.count
            if used > 0 {
                if used + 1 + n <= width { used += 1 + n; continue }
                lines += 1; used = 0
            }
            while n > width { lines += 1; n -= width }
            used = n
        }
        return lines
    }

    /// Eighths for a number of printed lines: lines / 55 * 8 rounded half up, at least 1/8.
    public static func eighths(lines: Int) -> Int { max(1, (lines * 16 + linesPerPage) / (2 * linesPerPage)) }
}
