import CoordModel

/// The four records, one pane each, in tab order.
public enum PaneKind: Int, Sendable, CaseIterable, Hashable {
    case schedule = 0, crew, budget, clearances

    public var title: String {
        switch self {
        case .schedule: return "Schedule"
        case .crew: return "Crew"
        case .budget: return "Budget"
        case .clearances: return "Clearances"
        }
    }

    /// What `a` adds here, and what `A` adds.
    public var primaryNoun: Noun {
        switch self {
        case .schedule: return .strip
        case .crew: return .crew
        case .budget: return .cost
        case .clearances: return .clearance
        }
    }
    public var secondaryNoun: Noun? {
        switch self {
        case .schedule: return .day
        case .budget: return .account
        default: return nil
        }
    }
}

/// The budget pane shows the cost report (per account), the cost entries or the budget lines.
public enum BudgetView: Sendable, CaseIterable {
    case report, costs, lines

    public var title: String {
        switch self {
        case .report: return "cost report"
        case .costs: return "costs"
        case .lines: return "budget lines"
        }
    }
}

/// The schedule pane shows the stripboard or the day-out-of-days grid.
public enum ScheduleView: Sendable { case board, grid, combined }

/// Everything a pane needs to build its table.
public struct PaneContext: Sendable {
    public var model: Model
    public var today: CalendarDate
    public var budgetView: BudgetView
    /// The board the schedule pane shows.
    public var board: RecordID
    public var scheduleView: ScheduleView = .board
    /// The board's conflicts, worked out once per change by whoever holds the model.
    public var conflicts: [Conflict] = []
    /// The cost report, likewise.
    public var costReport: CostReport?
    /// The board's running order and grid, kept up to date change by change (DerivedFigures).
    public var layout: BoardLayout?
    public var dood: DayOutOfDays?
    /// Clearances: overdue and expiring items first.
    public var deadlinesFirst = false
}

extension PaneKind {
    public func table(_ ctx: PaneContext) -> Table {
        switch self {
        case .schedule:
            return ctx.scheduleView == .board ? ScheduleTable.build(ctx.model, board: ctx.board, conflicts: ctx.conflicts, layout: ctx.layout)
                : GridTable.build(ctx.model, board: ctx.board, dood: ctx.dood) // .combined is built by the Session, which holds every production
        case .crew: return CrewTable.build(ctx.model)
        case .budget:
            switch ctx.budgetView {
            case .report: return BudgetTable.report(ctx.costReport ?? ctx.model.costReport(periodEnd: nil, today: ctx.today))
            case .costs: return BudgetTable.costs(ctx.model)
            case .lines: return BudgetTable.lines(ctx.model)
            }
        case .clearances: return ClearanceTable.build(ctx.model, today: ctx.today, deadlinesFirst: ctx.deadlinesFirst)
        }
    }

    /// The count in the tab bar.
    public func count(_ m: Model) -> Int {
        switch self {
        case .schedule: return m.strips.count
        case .crew: return m.crew.count
        case .budget: return m.accounts.count
        case .clearances: return m.clearances.count
        }
    }

    /// What needs attention, for the tab bar ("3 over"), or nil.
    public func alert(_ m: Model, today: CalendarDate, conflicts: Int? = nil, over: Int? = nil) -> String? {
        switch self {
        case .schedule:
            let n = conflicts ?? m.conflicts(board: m.activeBoard.id).count
            return n > 0 ? "!\(n) conflict\(n == 1 ? "" : "s")" : nil
        case .crew:
            return nil
        case .budget:
            let n = over ?? m.overBudgetCodes(today: today).count
            return n > 0 ? "!\(n) over" : nil
        case .clearances:
            let n = m.overdueClearances(today: today).count
            let x = m.expiringClearances(today: today).count
            // The tab has room for one: overdue, else expiring (the status line counts both).
            return n > 0 ? "!\(n) overdue" : x > 0 ? "\(x) expiring" : nil
        }
    }

    /// Whether the alert is a problem (red) or only a reminder.
    public var alertIsProblem: Bool { self != .crew }
}

func money(_ m: Money?) -> String { m.map(\.grouped) ?? "" }
func date(_ d: CalendarDate?) -> String { d.map(\.description) ?? "" }
