import CoordModel

/// A column of a pane's table: a minimum width, a share of any spare width, an alignment.
public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var flex: Int
    public var right: Bool
    /// Grows to the widest value (money: figures are never cut).
    public var fit: Bool
    /// 0: always shown; otherwise the column gives way on a narrow screen, highest first.
    public var drop = 0
    /// The record field (journal key) the column shows: the detail line leaves out what the row shows whole.
    public var field: String?
    public init(_ title: String, _ width: Int, flex: Int = 0, right: Bool = false, fit: Bool = false) {
        self.title = title; self.width = width; self.flex = flex; self.right = right; self.fit = fit
    }

    func dropping(_ priority: Int) -> Column {
        var c = self
        c.drop = priority
        return c
    }

    func showing(_ key: String) -> Column {
        var c = self
        c.field = key
        return c
    }

    static func money(_ title: String, _ width: Int = 10) -> Column { Column(title, width, right: true, fit: true) }
}

public enum RowKind: Sendable, Equatable {
    case record
    /// A heading across the whole width (a shoot day, the boneyard).
    case group
    /// A line across the board between strips (meal, company move, note).
    case banner
    case total
}

/// How a row stands out.
public enum RowMark: Sendable, Equatable {
    case none, alert, warn, dim, intDay, extDay, intNight, extNight
}

public struct Row: Sendable {
    public var id: RecordID?
    public var noun: Noun?
    public var cells: [String]
    public var kind: RowKind
    public var mark: RowMark
    /// A heading's fields, each with the column its text ends at (0: said by where the row
    /// sits, like a day's board), so the detail line leaves out what the heading shows.
    public var headingFields: [(key: String, end: Int)] = []
    /// States a filter word finds the row by, though not shown as text (`over`: over budget).
    public var tags = ""
    public init(id: RecordID?, noun: Noun?, cells: [String], kind: RowKind = .record, mark: RowMark = .none) {
        self.id = id; self.noun = noun; self.cells = cells; self.kind = kind; self.mark = mark
    }
}

public struct Table: Sendable {
    public var columns: [Column]
    public var rows: [Row]

    /// Widens the `fit` columns to their widest cell; done once when the table is built.
    public init(columns: [Column], rows: [Row]) {
        var cols = columns
        for i in cols.indices where cols[i].fit {
            let widest = rows.lazy.filter { $0.kind != .group && $0.kind != .banner && i < $0.cells.count }.map { TextWidth.of($0.cells[i]) }.max() ?? 0
            cols[i].width = max(cols[i].width, widest)
        }
        self.columns = cols
        self.rows = rows
    }

    /// Columns always shown at the left when the table scrolls sideways (the day-out-of-days names).
    public var frozen = 0

    /// The columns on screen when scrolled `scroll` columns to the right: frozen ones, then the rest.
    public func visibleColumns(scroll: Int, width: Int = .max) -> [Int] {
        guard frozen > 0 else {
            // Columns that may give way do, highest priority first, until the rest fit.
            var shown = Array(columns.indices)
            while shown.reduce(0, { $0 + columns[$1].width + 1 }) > width,
                  let worst = shown.filter({ columns[$0].drop > 0 }).max(by: { columns[$0].drop < columns[$1].drop }) {
                shown.removeAll { $0 == worst }
            }
            return shown
        }
        return Array(0..<min(frozen, columns.count)) + Array(min(columns.count, frozen + max(0, scroll))..<columns.count)
    }

    /// Column widths for `width` columns of screen: minimums, then spare width by flex.
    public func widths(for width: Int, of visible: [Int]? = nil) -> [Int] {
        let cols = (visible ?? Array(columns.indices)).map { columns[$0] }
        var w = cols.map(\.width)
        let used = w.reduce(0, +) + cols.count // one space before each column
        var spare = width - used
        let flexTotal = cols.map(\.flex).reduce(0, +)
        if spare > 0 && flexTotal > 0 {
            let share = spare
            for i in w.indices where cols[i].flex > 0 {
                let add = share * cols[i].flex / flexTotal
                w[i] += add; spare -= add
            }
            if let last = cols.lastIndex(where: { $0.flex > 0 }) { w[last] += spare }
        }
        return w
    }

    /// The fields `row` shows whole at this width (their cell is not cut short), so the detail
    /// line need not repeat them.
    public func fieldsShown(in row: Row, width: Int) -> Set<String> {
        if row.kind != .record {
            return Set(row.headingFields.filter { $0.end <= width - 2 }.map(\.key))
        }
        guard frozen == 0 else { return [] }
        let vis = visibleColumns(scroll: 0, width: width)
        let w = widths(for: width, of: vis)
        var out = Set<String>()
        for (k, i) in vis.enumerated() where i < row.cells.count {
            if let f = columns[i].field, TextWidth.of(row.cells[i]) <= w[k] { out.insert(f) }
        }
        return out
    }

    /// Draws the header and the rows from `top` in the box (x, y, width, height), scrolled
    /// `scroll` columns past the frozen ones; `selectedColumn` stands out in the selected row.
    ///
    /// The selected row keeps its own style: a marker in the left margin and its first cell
    /// in reverse video show it, so moving the selection repaints a few cells, not two rows.
    public func draw(into c: inout Canvas, x: Int, y: Int, width: Int, height: Int,
                     top: Int, selected: Int?, theme: Theme, scroll: Int = 0, selectedColumn: Int? = nil) {
        let vis = visibleColumns(scroll: scroll, width: width)
        let w = widths(for: width, of: vis)
        var col = x
        c.fill(x, y, width, 1, theme.header)
        for (k, i) in vis.enumerated() {
            let style = i == selectedColumn ? Style(bold: true, reverse: true) : theme.header
            c.put(col + 1, y, TextWidth.fit(columns[i].title, w[k], right: columns[i].right), style, maxWidth: max(0, x + width - col - 1))
            col += w[k] + 1
        }
        guard height > 1 else { return }
        for line in 0..<(height - 1) {
            let r = top + line
            let ry = y + 1 + line
            guard r < rows.count else { break }
            let row = rows[r]
            let style = self.style(of: row, theme)
            c.fill(x, ry, width, 1, style)
            let isSelected = r == selected
            if isSelected { c.put(x, ry, Table.marker, theme.marker.with(fg: style.fg)) }
            if row.kind == .group || row.kind == .banner {
                let text = TextWidth.truncate(row.cells.first ?? "", to: width - 2)
                c.put(x + 1, ry, text, style)
                // A heading's first part ("Day 3 of 6") stands out, not the whole line.
                if isSelected {
                    let head = text.firstRange(of: " · ").map { String(text[..<$0.lowerBound]) } ?? text
                    c.put(x + 1, ry, head, theme.selectedCell.with(fg: style.fg))
                }
                continue
            }
            col = x
            var marked = !isSelected
            for (k, i) in vis.enumerated() where i < row.cells.count {
                let shown = TextWidth.fit(row.cells[i], w[k], right: columns[i].right)
                let room = max(0, x + width - col - 1)
                // The selected day of the grid stands out in the selected row.
                let cell = isSelected && i == selectedColumn ? theme.selectedCell.with(fg: style.fg) : style
                c.put(col + 1, ry, shown, cell, maxWidth: room)
                // The row's first non-empty cell, its text only (not the column's padding), in reverse.
                if !marked, i != selectedColumn, let lead = shown.firstIndex(where: { $0 != " " }) {
                    let text = String(shown[lead...].reversed().drop { $0 == " " }.reversed())
                    c.put(col + 1 + TextWidth.of(String(shown[..<lead])), ry, text, theme.selectedCell.with(fg: style.fg), maxWidth: room)
                    marked = true
                }
                col += w[k] + 1
            }
        }
    }

    /// The left-margin marker of the selected row.
    public static let marker = "▸"

    func style(of row: Row, _ theme: Theme) -> Style {
        switch row.kind {
        case .group: return theme.group
        case .banner: return theme.dim
        case .total: return Style(bold: true)
        case .record:
            switch row.mark {
            case .alert: return theme.alert
            case .warn: return theme.warn
            case .dim: return theme.dim
            case .intDay: return theme.intDay
            case .extDay: return theme.extDay
            case .intNight: return theme.intNight
            case .extNight: return theme.extNight
            case .none: return theme.text
            }
        }
    }
}
