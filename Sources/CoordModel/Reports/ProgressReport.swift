/// The daily progress report of one shoot day of the active board, written at wrap: the day's
/// `progress` record (times, set-ups, minutes, delays, incidents, notes) and the scenes from the
/// strips' shot marks. Rendered by `text()`, `markdown()` and `html()`; see docs/PROGRESS.md.
public struct DailyProgressReport: Sendable {
    public var title = ""
    public var company = ""
    public var dayID: RecordID
    /// Shoot day number on the active board, and how many days it has.
    public var number: Int
    public var dayCount: Int
    public var date: CalendarDate?
    public var unit = ""
    public var location = ""
    /// The day's own call and wrap: what was planned.
    public var scheduledCall: TimeOfDay?
    public var scheduledWrap: TimeOfDay?
    /// What was written at wrap; nil when the day has no progress record (its times print empty).
    public var record: DayProgress?
    /// Marked `done` on this day.
    public var completed: [CallSheet.Scene] = []
    /// Marked `part` on this day.
    public var partShot: [CallSheet.Scene] = []
    /// Still on this day in the running order, and neither done nor part-shot on it.
    public var notShot: [CallSheet.Scene] = []
    /// The pages scheduled on the day (its strips now).
    public var scheduledPages = Pages(eighths: 0)
    /// Pages of the scenes completed on the day. Part-shot pages are never in it.
    public var pagesShot = Pages(eighths: 0)
    public var partPages = Pages(eighths: 0)
    public var notShotPages = Pages(eighths: 0)
    /// Scenes completed on this day or an earlier shoot day of the board, and their pages.
    public var scenesToDate = 0
    public var pagesToDate = Pages(eighths: 0)
    /// The whole breakdown: every strip, the boneyard's too.
    public var totalScenes = 0
    public var totalPages = Pages(eighths: 0)
}

extension Model {
    /// Pages of every strip marked done: what the production has shot to date.
    public var pagesShot: Pages {
        strips.values.reduce(Pages(eighths: 0)) { $0 + ($1.shot == "done" ? $1.pages : Pages(eighths: 0)) }
    }

    /// Whether any strip carries a shot mark (the status bar then counts pages shot).
    public var hasShotMarks: Bool { strips.values.contains { !$0.shot.isEmpty } }

    /// The progress report of shoot day `number` (1-based) of the active board; nil when there is no such day.
    public func progressReport(day number: Int) -> DailyProgressReport? {
        let layout = self.layout(of: activeBoard.id)
        guard number >= 1, number <= layout.days.count else { return nil }
        return progressReport(layout, index: number - 1)
    }

    func progressReport(_ layout: BoardLayout, index i: Int) -> DailyProgressReport {
        let ld = layout.days[i]
        let day = days[ld.id] ?? ShootDay(id: ld.id)
        var r = DailyProgressReport(dayID: ld.id, number: ld.number, dayCount: layout.days.count)
        r.title = production.title
        r.company = production.company
        r.date = ld.date
        r.unit = day.unit
        r.location = site(of: day, locations[RecordID(day.site)]).name
        r.scheduledCall = day.call
        r.scheduledWrap = day.wrap
        r.record = progress.values.first { $0.day == ld.id.raw }
        r.scheduledPages = ld.pages

        // Scenes in running order; strips shot here but since moved off the board come after.
        var position: [RecordID: Int] = [:]
        for (n, item) in (boards[layout.board]?.items ?? []).enumerated() { position[item] = n }
        let inOrder = strips.values.enumerated()
            .sorted { (position[$0.element.id] ?? Int.max, $0.offset) < (position[$1.element.id] ?? Int.max, $1.offset) }
            .map(\.element)
        let here = ld.id.raw
        let completed = inOrder.filter { $0.shot == "done" && $0.shotDay == here }
        let part = inOrder.filter { $0.shot == "part" && $0.shotDay == here }
        let notShot = ld.strips.compactMap { strips[$0] }
            .filter { $0.shot != "done" && !($0.shot == "part" && $0.shotDay == here) }
        func pages(_ s: [Strip]) -> Pages { s.reduce(Pages(eighths: 0)) { $0 + $1.pages } }
        r.completed = completed.map(CallSheet.Scene.init)
        r.partShot = part.map(CallSheet.Scene.init)
        r.notShot = notShot.map(CallSheet.Scene.init)
        r.pagesShot = pages(completed)
        r.partPages = pages(part)
        r.notShotPages = pages(notShot)

        let soFar = Set(layout.days[...i].map(\.id.raw))
        let toDate = strips.values.filter { $0.shot == "done" && soFar.contains($0.shotDay) }
        r.scenesToDate = toDate.count
        r.pagesToDate = pages(toDate)
        r.totalScenes = strips.count
        r.totalPages = totalPages
        return r
    }
}
