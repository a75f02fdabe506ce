/// One production's schedule views (the running order, the day-out-of-days grid, the
/// conflicts) and cost report, kept between changes and brought up to date by what the
/// changes since touched (`ChangeMarks`): a booking or a person's own record redoes that
/// person's row and their unavailability, and nothing else; a change to the running order,
/// the days, the strips or who has a row builds the board's views again.
public final class DerivedFigures {
    struct Board {
        var lineage: UInt64
        var seq: Int
        var layout: BoardLayout
        var grid: DayOutOfDays.Builder
        var unavailable: [RecordID: [Conflict]]
        var days: [Conflict]
        var conflicts: [Conflict]
    }
    private var boards: [RecordID: Board] = [:]
    /// How often a board's views were built whole, and how many rows were redone alone (tests, benches).
    public private(set) var builds = 0
    public private(set) var rowsRedone = 0

    public init() {}

    public func layout(_ m: Model, board: RecordID) -> BoardLayout { views(m, board).layout }
    public func dayOutOfDays(_ m: Model, board: RecordID) -> DayOutOfDays { views(m, board).grid.dood }
    public func conflicts(_ m: Model, board: RecordID) -> [Conflict] { views(m, board).conflicts }

    /// The cost report as it stands (this week as the period), from the ledger's running totals
    /// and the active board's grid as kept here.
    public func costReport(_ m: Model, today: CalendarDate) -> CostReport {
        m.costReport(periodEnd: nil, today: today, dood: dayOutOfDays(m, board: m.activeBoard.id))
    }

    private func views(_ m: Model, _ id: RecordID) -> Board {
        let marks = m.marks
        if var b = boards[id], b.lineage == marks.lineage, b.seq <= marks.seq {
            if b.seq == marks.seq { return b }
            if let whos = marks.whosChanged(since: b.seq), redo(whos, in: &b, m) {
                b.seq = marks.seq
                boards[id] = b
                return b
            }
        }
        let b = build(m, id)
        boards[id] = b
        return b
    }

    private func build(_ m: Model, _ id: RecordID) -> Board {
        builds += 1
        let layout = m.layout(of: id)
        let grid = DayOutOfDays.Builder(m, layout)
        var unavailable: [RecordID: [Conflict]] = [:]
        for r in grid.dood.rows {
            let u = m.unavailability(of: r, grid.dood, layout)
            if !u.isEmpty { unavailable[r.who] = u }
        }
        let days = m.dayConflicts(layout)
        var b = Board(lineage: m.marks.lineage, seq: m.marks.seq, layout: layout, grid: grid,
                      unavailable: unavailable, days: days, conflicts: [])
        b.conflicts = assemble(b)
        return b
    }

    /// Redoes the rows of `whos`; false when one of them has no row to redo (a build is needed).
    private func redo(_ whos: [String], in b: inout Board, _ m: Model) -> Bool {
        var unavailabilityChanged = false
        for raw in whos {
            let who = RecordID(raw)
            guard let i = b.grid.rowOf[who] else {
                // A booking of someone without a row here (removed since) changes nothing on the grid.
                if m.crew[who] == nil && m.kit[who] == nil { continue }
                return false
            }
            guard let row = b.grid.row(of: who, in: m) else { return false }
            b.grid.dood.rows[i] = row
            rowsRedone += 1
            let u = m.unavailability(of: row, b.grid.dood, b.layout)
            if !u.isEmpty || b.unavailable[who] != nil {
                b.unavailable[who] = u.isEmpty ? nil : u
                unavailabilityChanged = true
            }
        }
        if unavailabilityChanged { b.conflicts = assemble(b) }
        return true
    }

    /// The same order `Model.conflicts(board:)` gives: rows in grid order, then the days'.
    private func assemble(_ b: Board) -> [Conflict] {
        var found: [Conflict] = []
        if !b.unavailable.isEmpty {
            for r in b.grid.dood.rows { if let u = b.unavailable[r.who] { found += u } }
        }
        return Model.ordered(found + b.days)
    }
}
