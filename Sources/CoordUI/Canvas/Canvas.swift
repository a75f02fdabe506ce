/// A finished frame in memory: panes draw here, the Terminal copies the changes to the screen,
/// and tests read it back as text.
public struct Canvas: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// One grapheme; "" for the right half of a wide character.
        public var text: String
        public var style: Style
        public static let blank = Cell(text: " ", style: .plain)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should show (an input field), or nil to hide it.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `s` from (x, y), clipped to `maxWidth` columns (and the canvas). Returns the columns used.
    @discardableResult
    public mutating func put(_ x: Int, _ y: Int, _ s: String, _ style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for raw in s {
            let c = TextWidth.visible(raw)
            let w = TextWidth.of(c)
            if w == 0 {
                // A combining mark joins the cell before it.
                if col > x, col - 1 < width { cells[y * width + col - 1].text.append(c) }
                continue
            }
            if col + w > limit {
                while col < limit { if col >= 0 { cells[y * width + col] = Cell(text: " ", style: style) }; col += 1 }
                break
            }
            if col >= 0 {
                clearWide(at: col, y)
                cells[y * width + col] = Cell(text: String(c), style: style)
                if w == 2 {
                    clearWide(at: col + 1, y)
                    cells[y * width + col + 1] = Cell(text: "", style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, _ y: Int) {
        let i = y * width + x
        if cells[i].text.isEmpty, x > 0 { cells[i - 1] = Cell(text: " ", style: cells[i - 1].style) }
        if x + 1 < width, cells[i + 1].text.isEmpty, !cells[i].text.isEmpty, TextWidth.of(Character(cells[i].text)) == 2 {
            cells[i + 1] = Cell(text: " ", style: cells[i + 1].style)
        }
    }

    public mutating func fill(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                clearWide(at: col, row)
                cells[row * width + col] = Cell(text: " ", style: style)
            }
        }
    }

    /// A box with a title, drawn with line characters.
    public mutating func box(_ x: Int, _ y: Int, _ w: Int, _ h: Int, title: String, _ style: Style) {
        guard w >= 2, h >= 2 else { return }
        fill(x, y, w, h)
        put(x, y, "┌" + String(repeating: "─", count: w - 2) + "┐", style)
        for row in (y + 1)..<(y + h - 1) {
            put(x, row, "│", style)
            put(x + w - 1, row, "│", style)
        }
        put(x, y + h - 1, "└" + String(repeating: "─", count: w - 2) + "┘", style)
        if !title.isEmpty { put(x + 2, y, " " + title + " ", Style(bold: true), maxWidth: w - 4) }
    }

    /// One row as text (for golden tests), trailing spaces kept.
    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        return s
    }

    /// The whole frame as text, trailing spaces trimmed per line.
    public var text: String {
        (0..<height).map { y in
            var r = row(y)
            while r.last == " " { r.removeLast() }
            return r
        }.joined(separator: "\n")
    }
}
