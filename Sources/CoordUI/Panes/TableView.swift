import CoordModel

/// A filter and a sort laid over a pane's table, as a person narrows a long list.
public struct TableView: Sendable, Equatable {
    /// Words every shown row must contain (any column, any case); `on:N` keeps people
    /// working or booked on shoot day N.
    public var filter = ""
    /// The column rows are sorted by, or nil for the pane's own order (with its headings).
    public var sortColumn: Int?

    public var isPlain: Bool { filter.isEmpty && sortColumn == nil }

    /// `table` with the filter and sort applied. Headings stay above rows that still show.
    /// Filter words that mean a state rather than text (Row.tags).
    static let tagWords: Set<String> = ["over"]

    func apply(to table: Table, onDay: Set<RecordID>?) -> Table {
        guard !isPlain else { return table }
        let words = filter.lowercased().split(separator: " ").filter { !$0.hasPrefix("on:") }.map(String.init)
        func keep(_ r: Row) -> Bool {
            if let onDay, let id = r.id, !onDay.contains(id) { return false }
            let text = r.cells.joined(separator: " ").lowercased()
            // A tag word finds the rows that carry it, not every row with it in its text.
            return words.allSatisfy { TableView.tagWords.contains($0) ? r.tags.split(separator: " ").contains(Substring($0)) : text.contains($0) }
        }
        var rows: [Row] = []
        var heading: Row?
        for r in table.rows {
            switch r.kind {
            case .group:
                heading = r
            case .record, .banner:
                if r.kind == .record, !keep(r) { continue }
                if r.kind == .banner && !words.isEmpty { continue }
                if let h = heading, sortColumn == nil { rows.append(h) }
                heading = nil
                rows.append(r)
            case .total:
                if filter.isEmpty { rows.append(r) }
            }
        }
        if let c = sortColumn {
            let records = rows.filter { $0.kind == .record }.enumerated().sorted { a, b in
                let x = a.element.cells.indices.contains(c) ? a.element.cells[c] : ""
                let y = b.element.cells.indices.contains(c) ? b.element.cells[c] : ""
                let nx = Double(x.filter { $0 != "," }), ny = Double(y.filter { $0 != "," })
                if let nx, let ny, nx != ny { return nx < ny }
                if x.lowercased() != y.lowercased() { return x.lowercased() < y.lowercased() }
                return a.offset < b.offset
            }.map(\.element)
            rows = records + rows.filter { $0.kind == .total }
        }
        var t = table
        t.rows = rows
        if let c = sortColumn, t.columns.indices.contains(c) { t.columns[c].title += "▲" }
        return t
    }
}
