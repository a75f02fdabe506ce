import CoordModel

/// `/` searches the pane as you type, as in vim and less; n and N go to the next and previous match.
extension Session {
    func startSearch() {
        let t = table(pane)
        mode = .search(LineEditor(), from: t.rows.isEmpty ? 0 : currentIndex(t), previous: search)
    }

    func handleSearch(_ key: Key, _ e: inout LineEditor, from: Int, previous: String) {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            cancelSearch(from: from, previous: previous)
            return
        case .backspace where e.text.isEmpty:
            cancelSearch(from: from, previous: previous)
            return
        case .enter:
            mode = .normal
            if e.text.isEmpty {
                // As in vim: / then Enter looks for the last search again.
                search = previous
                if !search.isEmpty { jumpToMatch(forward: true) }
                return
            }
            let rows = searchMatches()
            if rows.isEmpty { message = Message(noMatchText, .error) }
            return
        default:
            _ = e.handle(key)
        }
        search = e.text
        mode = .search(e, from: from, previous: previous)
        guard !search.isEmpty else { select(from); message = nil; return }
        let rows = searchMatches()
        let k = Session.firstAtOrAfter(from, rows)
        guard let first = k < rows.count ? rows[k] : rows.first else {
            select(from)
            message = Message(noMatchText, .error)
            return
        }
        select(first)
        message = Message((first < from ? "search wrapped to the top · " : "") + matchText(first, rows))
    }

    private func cancelSearch(from: Int, previous: String) {
        select(from)
        search = previous
        mode = .normal
        message = Message("search cancelled")
    }

    /// n and N: the next or previous matching row, round to the other end after the last.
    func jumpToMatch(forward: Bool) {
        let rows = searchMatches()
        guard !rows.isEmpty else { message = Message(noMatchText, .error); return }
        let cur = selectedIndex(table(pane))
        let k = Session.firstAtOrAfter(forward ? cur + 1 : cur, rows)
        let found: Int? = forward ? (k < rows.count ? rows[k] : nil) : (k > 0 ? rows[k - 1] : nil)
        let next = found ?? (forward ? rows[0] : rows[rows.count - 1])
        select(next)
        let wrapped = found == nil ? (forward ? "search wrapped to the top · " : "search wrapped to the bottom · ") : ""
        message = Message(wrapped + matchText(next, rows))
    }

    /// Esc in the pane: the highlight goes (n still finds the search again after / Enter).
    func clearSearch() {
        guard !search.isEmpty else { return }
        search = ""
        message = Message("search cleared")
    }

    var noMatchText: String { "nothing in \(pane.title.lowercased()) matches \"\(search)\"" }

    func matchText(_ row: Int, _ rows: [Int]) -> String {
        let k = Session.firstAtOrAfter(row, rows)
        return "match \((k < rows.count && rows[k] == row ? k : 0) + 1) of \(rows.count) for \"\(search)\" (n next, N previous)"
    }

    /// The rows of the pane's table holding the search text in some cell, in order, worked
    /// out once per table and search (the status bar and the highlight ask on every frame).
    /// A search that extends the last one only looks again at the rows that matched it.
    func searchMatches() -> [Int] {
        let t = table(pane)
        guard let key = cache[pane]?.key else { return [] }
        if let c = searchCache, c.pattern == search, c.pane == pane, c.key == key { return c.rows }
        var rows: [Int] = []
        let m = TextMatch(search)
        if let m {
            let all = t.rows
            if let c = searchCache, c.pane == pane, c.key == key, let old = c.needle, m.needle.firstRange(of: old) != nil {
                rows = c.rows.filter { all[$0].cells.contains(where: m.matches) }
            } else {
                for i in all.indices where all[i].cells.contains(where: m.matches) { rows.append(i) }
            }
        }
        searchCache = SearchCache(pattern: search, needle: m?.needle, pane: pane, key: key, rows: rows)
        return rows
    }

    /// Where `x` is or would go in the sorted `rows` (binary search).
    static func firstAtOrAfter(_ x: Int, _ rows: [Int]) -> Int {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The selected row's index: the remembered one when it still holds the selected record,
    /// so a frame does not look for the record through the whole table.
    func selectedIndex(_ t: Table) -> Int {
        if let i = selection[pane], t.rows.indices.contains(i), let id = selectedID[pane], t.rows[i].id == id { return i }
        return currentIndex(t)
    }

    /// " · /zoe 3 of 7" for the status bar while a search is on.
    var searchStatus: String {
        guard !search.isEmpty else { return "" }
        let rows = searchMatches()
        if rows.isEmpty { return " · /\(search) no match" }
        let cur = selectedIndex(table(pane))
        let k = Session.firstAtOrAfter(cur, rows)
        guard k < rows.count, rows[k] == cur else { return " · /\(search) \(rows.count) match\(rows.count == 1 ? "" : "es")" }
        return " · /\(search) \(k + 1) of \(rows.count)"
    }

    /// Marks the matched text in the visible rows, laid out as Table.draw lays them out.
    func drawMatches(_ c: inout Canvas, _ t: Table, y: Int, h: Int, first: Int, scroll: Int) {
        guard let m = TextMatch(search) else { return }
        let rows = searchMatches()
        var k = Session.firstAtOrAfter(first, rows)
        let vis = t.visibleColumns(scroll: scroll, width: width)
        let w = t.widths(for: width, of: vis)
        func mark(_ text: String, _ x: Int, _ ry: Int, room: Int) {
            let chars = Array(text)
            for r in m.ranges(in: text) {
                let pre = TextWidth.of(String(chars[..<r.lowerBound]))
                guard pre < room else { continue }
                c.put(x + pre, ry, String(chars[r]), theme.match, maxWidth: room - pre)
            }
        }
        for line in 0..<max(0, h - 1) {
            let r = first + line
            guard r < t.rows.count else { break }
            while k < rows.count && rows[k] < r { k += 1 }
            guard k < rows.count, rows[k] == r else { continue }
            let row = t.rows[r]
            if row.kind == .group || row.kind == .banner {
                mark(TextWidth.truncate(row.cells.first ?? "", to: width - 2), 1, y + 1 + line, room: width - 2)
                continue
            }
            var col = 0
            for (k, i) in vis.enumerated() where i < row.cells.count {
                mark(TextWidth.fit(row.cells[i], w[k], right: t.columns[i].right), col + 1, y + 1 + line, room: max(0, width - col - 1))
                col += w[k] + 1
            }
        }
    }
}

/// Which rows matched the search, for the table they were found in.
struct SearchCache {
    var pattern: String
    /// The pattern folded, as TextMatch compares it (nil when empty).
    var needle: [Character]?
    var pane: PaneKind
    var key: Session.TableKey
    var rows: [Int]
}
