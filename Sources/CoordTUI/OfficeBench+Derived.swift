import CoordModel
import CoordUI

extension OfficeBench {
    /// After one change (its append and fsync included), the figures that depend on it: the cost report and the schedule's
    /// conflicts and grid as kept change by change, beside the same worked out from scratch.
    static func derivedFigures(_ store: ProductionStore, samples: Int) throws -> [(String, Double, String)] {
        let derived = DerivedFigures()
        let today = store.today
        let board = store.model.activeBoard.id
        _ = derived.costReport(store.model, today: today)
        _ = derived.conflicts(store.model, board: board)
        guard let code = store.model.accounts.values.first?.code, let who = store.model.crew.values.first?.id else { return [] }
        let n = max(5, samples / 4)
        let start = CalendarDate(year: 2031, month: 1, day: 1)!
        let cost = try medianMillis(n) { _ in
            try store.perform(lines: ["cost add account=\(code) amount=1.00 vendor=Bench date=\(today)"])
            _ = derived.costReport(store.model, today: today)
        }
        let costScratch = try medianMillis(n) { _ in
            try store.perform(lines: ["cost add account=\(code) amount=1.00 vendor=Bench date=\(today)"])
            _ = store.model.costReport(periodEnd: nil, today: today, fromScratch: true)
        }
        let booking = try medianMillis(n) { i in
            try store.perform(lines: ["booking add who=\(who) date=\(start.adding(days: i)) code=W"])
            _ = derived.conflicts(store.model, board: board)
            _ = derived.dayOutOfDays(store.model, board: board)
        }
        let bookingScratch = try medianMillis(n) { i in
            try store.perform(lines: ["booking add who=\(who) date=\(start.adding(days: n + i)) code=W"])
            _ = store.model.conflicts(board: board)
        }
        return [
            ("save a cost, then the cost report from the kept totals, median", cost,
             String(format: "from scratch (every entry read): %.2f ms", costScratch)),
            ("save a booking, then conflicts and grid with one row redone, median", booking,
             String(format: "from scratch (every booking read): %.2f ms", bookingScratch)),
        ]
    }
}
