import ArgumentParser
import CoordModel
import CoordUI
import Foundation

/// `coord bench ...`: measured figures for docs/PERFORMANCE.md (never timed tests).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Coord on generated productions and print a table of medians.",
        subcommands: [ScheduleBench.self, CostsBench.self, GenerateBench.self, OfficeBench.self, FirstFrameBench.self])
}

/// Median wall time of `runs` calls, in milliseconds.
func medianMillis(_ runs: Int, _ body: (Int) throws -> Void) rethrows -> Double {
    try percentileMillis(50, runs, body)
}

/// The `p`th percentile of the wall times of `runs` calls, in milliseconds.
func percentileMillis(_ p: Int, _ runs: Int, _ body: (Int) throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for i in 0..<max(1, runs) {
        let start = ContinuousClock.now
        try body(i)
        times.append(millis(since: start))
    }
    times.sort()
    return times[min(times.count - 1, times.count * p / 100)]
}

func millis(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

struct ScheduleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "A large board: open it, move a strip to another day, re-render the stripboard and the grid.")
    @Option(help: "Strips on the board.") var strips = 2000
    @Option(help: "Shoot days.") var days = 200
    @Option(help: "Repetitions of each figure (the median is printed).") var runs = 7

    func run() throws {
        let dir = NSTemporaryDirectory() + "coord-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bench.journal"
        let text = ScheduleGenerator.journal(strips: strips, days: days)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let lines = text.split(separator: "\n").count

        var store: ProductionStore!
        let open = try medianMillis(runs) { _ in store = try ProductionStore.open(path: path, create: false).0 }
        let session = Session(store: store, theme: .monochrome, width: 200, height: 60)
        let firstFrame = medianMillis(runs) { _ in
            session.invalidate() // as if just opened: nothing cached
            _ = session.render()
        }
        let key = medianMillis(runs) { _ in
            session.handle(.char("j"))
            _ = session.render()
        }
        // Move a strip across the middle of the schedule and back, with the frame that shows it.
        let mid = max(1, days / 2)
        let move = medianMillis(runs) { i in
            session.run(commandLine: "strip move id=s\(1 + i) day=d\(i % 2 == 0 ? mid : 1)")
            _ = session.render()
        }
        session.handle(.char("v"))
        let grid = medianMillis(runs) { i in
            session.run(commandLine: "strip move id=s\(1 + i) day=d\(i % 2 == 0 ? 1 : mid)")
            _ = session.render()
        }
        let gridKey = medianMillis(runs) { _ in
            session.handle(.char("l"))
            _ = session.render()
        }
        let rows: [[String]] = [
            ["open (replay) the journal", String(format: "%.1f", open)],
            ["first frame of the stripboard (200x60)", String(format: "%.1f", firstFrame)],
            ["j on the stripboard, with its frame", String(format: "%.2f", key)],
            ["move a strip to another day + stripboard frame", String(format: "%.1f", move)],
            ["move a strip + re-render the day-out-of-days grid", String(format: "%.1f", grid)],
            ["l in the grid, with its frame", String(format: "%.2f", gridKey)],
        ]
        print("schedule bench: \(strips) strips, \(days) days, \(lines) journal lines, median of \(runs) runs")
        print(ReportTable(header: ["figure", "ms"], rows: rows, rightAligned: [1]).text, terminator: "")
    }
}

struct CostsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "A year of a production office's costs: open the journal, build the cost report; or write the journal (--out) for Benchmarks/ledger.sh.")
    @Option(help: "Cost entries.") var entries = 100_000
    @Option(help: "Accounts in the chart.") var accounts = 120
    @Option(help: "Repetitions of each figure (the median is printed).") var runs = 5
    @Option(help: "Write the generated journal here and stop (never overwrites).") var out: String?

    func run() throws {
        let text = CostGenerator.journal(entries: entries, accounts: accounts)
        if let out {
            try writeOutput(out, Array(text.utf8), force: false)
            print("wrote \(out): \(entries) cost entries over \(accounts) accounts")
            return
        }
        let bytes = Array(text.utf8)
        var model = Model()
        let open = try medianMillis(runs) { _ in model = try JournalReader.replay(bytes, path: "bench").model }
        let today = CalendarDate(year: 2026, month: 12, day: 20)!
        var report: CostReport?
        let build = medianMillis(runs) { _ in report = model.costReport(periodEnd: nil, today: today) }
        var printed = ""
        let render = medianMillis(runs) { _ in printed = report!.table(csv: false).text }
        // The same model through a checkpoint: written once, then read back as an open does.
        let dir = NSTemporaryDirectory() + "coord-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = dir + "/costs.journal"
        FileManager.default.createFile(atPath: journal, contents: Data(bytes))
        let checkpoints = CheckpointStore(directory: dir)
        let loaded = try JournalReader.replay(bytes, path: journal)
        let mark = CheckpointStore.Mark(length: loaded.goodLength, lines: loaded.lines, changes: loaded.changes)
        let save = medianMillis(runs) { _ in checkpoints.save(model, mark: mark, for: journal, bytes: bytes) }
        var fromCheckpoint: JournalReader.Opened?
        let warm = try medianMillis(runs) { _ in fromCheckpoint = try JournalReader.load(bytes, path: journal, checkpoints: checkpoints) }
        guard fromCheckpoint?.checkpoint != nil,
              Compaction.difference(fromCheckpoint!.loaded.model, model) == nil else {
            throw ValidationError("the checkpoint did not give back the replayed model")
        }
        print("coord bench costs: \(entries) cost entries, \(accounts) accounts, \(bytes.count / 1024) KiB journal; medians of \(runs)")
        print("| figure | ms |")
        print("|---|---:|")
        print(String(format: "| replay the journal | %.1f |", open))
        print(String(format: "| build the cost report | %.1f |", build))
        print(String(format: "| format it as text (%d lines) | %.1f |", printed.split(separator: "\n").count, render))
        print(String(format: "| open + report + text | %.1f |", open + build + render))
        print(String(format: "| write a checkpoint | %.1f |", save))
        print(String(format: "| open from the checkpoint (hash the journal, read the model) | %.1f |", warm))
        print(String(format: "| open from the checkpoint + report + text | %.1f |", warm + build + render))
    }
}
