/// A mouse event, as the Terminal decodes it: 0-based screen cell.
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case click, wheelUp, wheelDown }
    public var x: Int
    public var y: Int
    public var kind: Kind
    public init(x: Int, y: Int, _ kind: Kind) { self.x = x; self.y = y; self.kind = kind }
}

/// Where the last frame drew what a click can hit; render() records it.
struct HitMap {
    var tabs: [(pane: PaneKind, xs: Range<Int>)] = []
    /// The screen row of the table's header, of its first body row, how many body rows, the first row shown.
    var headerY = -1
    var bodyY = -1
    var bodyRows = 0
    var top = 0
    var statusY = -1
    var hints: [(xs: Range<Int>, key: Key)] = []
}

extension Session {
    /// Rows the wheel moves a notch.
    public static let wheelRows = 3

    /// A click selects a pane, a row (a grid cell) or runs a status-bar hint as its key would;
    /// the wheel scrolls. Only on the plain screen: forms and the `:` line are for the keyboard.
    public func handleMouse(_ m: MouseEvent) {
        guard width >= Session.minWidth, height >= Session.minHeight else { return }
        let notch: Key? = m.kind == .wheelUp ? .up : m.kind == .wheelDown ? .down : nil
        switch mode {
        case .normal: break
        case .help, .callSheet, .find, .text:
            // Their own keys scroll them.
            if let notch { for _ in 0..<Session.wheelRows { handle(notch) } }
            return
        default: return
        }
        if m.kind != .click {
            scroll(by: m.kind == .wheelUp ? -Session.wheelRows : Session.wheelRows)
            return
        }
        if m.y == 0, let tab = hits.tabs.first(where: { $0.xs.contains(m.x) }) {
            focus(tab.pane)
        } else if m.y == hits.statusY, let hint = hits.hints.first(where: { $0.xs.contains(m.x) }) {
            handle(hint.key)
        } else if m.y >= hits.bodyY, m.y < hits.bodyY + hits.bodyRows {
            let row = hits.top + m.y - hits.bodyY
            guard row < table(pane).rows.count else { return }
            select(row)
            clickGridColumn(m.x)
        } else if m.y == hits.headerY {
            clickGridColumn(m.x)
        }
    }

    /// The wheel: the view moves, and the selection with it only as far as it must to stay in
    /// sight; at either end the selection moves on, so the wheel reaches the first and last rows.
    func scroll(by n: Int) {
        let rows = table(pane).rows.count
        let visible = max(1, hits.bodyRows > 0 ? hits.bodyRows : bodyRows)
        let first = top[pane] ?? 0
        let next = max(0, min(first + n, rows - visible))
        guard next != first else { move(by: n); return }
        top[pane] = next
        let sel = currentIndex(table(pane))
        if sel < next { select(next) } else if sel >= next + visible { select(next + visible - 1) }
    }

    /// In the day-out-of-days grid a click on a day's column selects that day.
    func clickGridColumn(_ x: Int) {
        guard pane == .schedule, scheduleView != .board else { return }
        let t = table(pane)
        let vis = t.visibleColumns(scroll: gridScroll, width: width)
        let w = t.widths(for: width, of: vis)
        let days = max(0, t.columns.count - t.frozen - (scheduleView == .grid ? 6 : 0))
        var col = 0
        for (k, i) in vis.enumerated() {
            if x > col, x <= col + w[k] {
                if i >= t.frozen, i - t.frozen < days { gridColumn = i - t.frozen }
                return
            }
            col += w[k] + 1
        }
    }
}
