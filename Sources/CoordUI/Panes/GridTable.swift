import CoordModel

/// The day-out-of-days grid as a table: names frozen at the left, one column per shoot day,
/// totals at the end. Cells that clash with someone's unavailability carry a `!`.
enum GridTable {
    static func build(_ m: Model, board: RecordID, dood given: DayOutOfDays? = nil) -> Table {
        let dood = given ?? m.dayOutOfDays(board: board)
        var columns = [Column("#", 2), Column("Name", 16)]
        columns += dood.columns.map { Column("D\($0.number)", 4) }
        columns += [Column("Work", 4, right: true), Column("Hold", 4, right: true), Column("Trav", 4, right: true),
                    Column("Tot", 3, right: true), Column("Start", 10), Column("Finish", 10)]
        let rows = dood.rows.map { r -> Row in
            let off = m.crew[r.who]?.unavailableDates ?? []
            let codes = r.codes.enumerated().map { i, code in
                code.isEmpty || code == "D" ? code : (dood.columns[i].date.map { off.contains($0) } ?? false) ? code + "!" : code
            }
            return Row(id: r.who, noun: r.kind == .kit ? .kit : .crew,
                       cells: [r.number, r.name] + codes + [String(r.work), String(r.hold), String(r.travel), String(r.total),
                                                            r.start?.description ?? "", r.finish?.description ?? ""],
                       mark: codes.contains { $0.hasSuffix("!") } ? .alert : r.total == 0 ? .dim : .none)
        }
        var t = Table(columns: columns, rows: rows)
        t.frozen = 2
        return t
    }

    /// People and kit who appear in several productions, by date across all of them: each
    /// cell names the productions that use them that day; two at once is a clash (`!!`).
    static func combined(_ productions: [(name: String, model: Model)]) -> Table {
        struct Use { var production: Int; var code: String }
        var byName: [String: (name: String, uses: [CalendarDate: [Use]], in: Set<Int>)] = [:]
        var dates = Set<CalendarDate>()
        for (p, (_, m)) in productions.enumerated() {
            let dood = m.dayOutOfDays(board: m.activeBoard.id)
            for row in dood.rows {
                let key = row.name.lowercased().trimmingWhitespace()
                var entry = byName[key] ?? (row.name, [:], [])
                entry.in.insert(p)
                for (i, code) in row.codes.enumerated() where !code.isEmpty {
                    guard let d = dood.columns[i].date else { continue }
                    entry.uses[d, default: []].append(Use(production: p, code: code))
                    dates.insert(d)
                }
                byName[key] = entry
            }
        }
        let columnsDates = dates.sorted()
        var columns = [Column("", 0), Column("Shared person or kit", 20)]
        columns += columnsDates.map { Column($0.short, 7) }
        let letters = productions.indices.map { String(UnicodeScalar(UInt8(65 + $0 % 26))) }
        let rows = byName.values.filter { $0.in.count > 1 }.sorted { $0.name < $1.name }.map { e -> Row in
            var clash = false
            let cells = columnsDates.map { d -> String in
                let uses = e.uses[d] ?? []
                let working = uses.filter { $0.code != "D" }
                if Set(working.map(\.production)).count > 1 { clash = true; return working.map { letters[$0.production] }.joined() + "!!" }
                return uses.map { letters[$0.production] + ":" + $0.code }.joined(separator: " ")
            }
            return Row(id: nil, noun: nil, cells: [clash ? "!" : "", e.name] + cells, mark: clash ? .alert : .none)
        }
        var t = Table(columns: columns, rows: rows)
        t.frozen = 2
        return t
    }
}
