/// One line of editable text with a cursor, with the readline keys people expect.
public struct LineEditor: Sendable, Equatable {
    public private(set) var chars: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    public var text: String { String(chars) }

    public mutating func set(_ text: String) { chars = Array(text); cursor = chars.count }

    /// Puts `text` in place of the characters in `range` (a Tab completion), the cursor after it.
    public mutating func replace(_ range: Range<Int>, with text: String) {
        let r = max(0, min(range.lowerBound, chars.count))..<max(0, min(range.upperBound, chars.count))
        chars.replaceSubrange(r, with: Array(text))
        cursor = r.lowerBound + text.count
    }

    /// Applies an editing key; false if the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor); cursor += 1
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .backspace, .ctrl("h"):
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .ctrl("u"):
            chars.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"):
            chars.removeSubrange(cursor..<chars.count)
        case .ctrl("w"):
            var i = cursor
            while i > 0, chars[i - 1] == " " { i -= 1 }
            while i > 0, chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor); cursor = i
        default:
            return false
        }
        return true
    }

    /// Draws the text in `width` columns, scrolled so the cursor shows; returns the cursor column.
    public func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return x }
        let widths = chars.map { TextWidth.of(TextWidth.visible($0)) }
        var start = 0
        var before = widths[0..<cursor].reduce(0, +)
        while before >= width && start < cursor { before -= widths[start]; start += 1 }
        canvas.fill(x, y, width, 1, style)
        canvas.put(x, y, String(chars[start...]), style, maxWidth: width)
        return x + before
    }
}
