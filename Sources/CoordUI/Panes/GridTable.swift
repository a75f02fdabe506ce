import CoordModel

/// The day-out-of-days grid as a table: names frozen at the left, one column per shoot day,
/// totals at the end. Cells that clash with someone's unavailability carry a `!`.
enum GridTable {
    static func build(_ m: Model, board: RecordID) -> Table {
        let dood = m.dayOutOfDays(board: board)
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
}
