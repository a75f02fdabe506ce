import CoordModel

/// The `?` help overlay: its keys and its drawing.
extension Session {
    func handleHelp(_ key: Key, _ t: Int, _ search: HelpSearch) {
        var q = search
        let page = max(1, height - 4)
        var last: Int { max(0, helpRows(q).count - page) }
        if q.typing {
            switch key {
            case .escape, .ctrl("c"), .ctrl("g"):
                mode = .help(top: 0)
                return
            case .enter:
                q.typing = false
                mode = .help(top: t, search: q)
                return
            case .backspace where q.text.isEmpty:
                q.typing = false
                mode = .help(top: t, search: q)
                return
            case .up, .down, .pageUp, .pageDown:
                break // scroll while typing, below
            default:
                _ = q.editor.handle(key)
                mode = .help(top: 0, search: q)
                return
            }
        }
        switch key {
        case .char("/"):
            q.typing = true
            mode = .help(top: t, search: q)
        case .escape where !q.text.isEmpty:
            mode = .help(top: 0)
        case .escape, .char("q"), .char("?"), .ctrl("c"), .function(1): mode = .normal
        case .char("j"), .down: mode = .help(top: min(last, t + 1), search: q)
        case .char("k"), .up: mode = .help(top: max(0, t - 1), search: q)
        case .pageDown, .char(" "): mode = .help(top: min(last, t + page), search: q)
        case .pageUp: mode = .help(top: max(0, t - page), search: q)
        case .char("g"), .home: mode = .help(top: 0, search: q)
        case .char("G"), .end: mode = .help(top: last, search: q)
        default: break
        }
    }

    func drawHelp(_ c: inout Canvas, top: Int, search: HelpSearch) {
        let rows = helpRows(search)
        let h = height - 2
        let title = search.text.isEmpty ? "Keys — / searches · j/k scroll · Esc closes"
            : "Keys — lines with \"\(search.text)\" · Esc shows them all"
        c.box(0, 1, width, h, title: title, theme.frame)
        let first = max(0, min(top, rows.count - (h - 2)))
        for i in 0..<(h - 2) where first + i < rows.count {
            let row = rows[first + i]
            let style = switch row.kind {
            case .title: theme.label
            case .heading: theme.group
            case .disabled: theme.dim
            default: theme.text
            }
            c.put(2, 2 + i, row.text, style, maxWidth: width - 4)
        }
        let y = height - 1
        if search.typing {
            c.fill(0, y, width, 1)
            c.put(0, y, "/", theme.label)
            c.cursor = (search.editor.draw(into: &c, x: 1, y: y, width: width - 2, style: theme.text), y)
        } else if !search.text.isEmpty {
            c.fill(0, y, width, 1)
            c.put(0, y, "help narrowed to \"\(search.text)\" · / changes it · Esc shows every key", theme.text, maxWidth: width)
        }
    }
}
