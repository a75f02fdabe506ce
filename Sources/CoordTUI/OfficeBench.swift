import ArgumentParser
import CoordModel
import CoordUI
import Foundation

/// `coord bench generate --events N OUT`: a long-running office's journal, for any benchmark.
struct GenerateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a production office's journal of N changes in a realistic mix of every verb.")
    @Option(help: "Changes to write (the schedule, crew and chart of accounts they need come first).") var events = 100_000
    @Argument(help: "The journal to write.") var out: String

    func run() throws {
        let text = OfficeGenerator.journal(events: events)
        try writeOutput(out, Array(text.utf8), force: false)
        print("wrote \(out): \(text.utf8.count / 1024) KiB, \(events) changes; the mix:")
        for (what, share) in OfficeGenerator.mix { print("  \(share)% \(what)") }
    }
}

/// `coord bench office`: issue 8's in-process figures on one generated office journal.
struct OfficeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "Open a large office journal (cold and from its checkpoint) to the first frame, answer keys, append changes.")
    @Option(help: "Changes in the generated journal.") var events = 1_000_000
    @Option(help: "Use this journal instead of generating one.") var journal: String?
    @Option(help: "Repetitions of the open figures (the median is printed).") var runs = 3
    @Option(help: "Keys and appends timed for the p99 figures.") var samples = 400

    func run() throws {
        let dir = NSTemporaryDirectory() + "coord-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/office.journal"
        if let journal {
            try FileManager.default.copyItem(atPath: journal, toPath: path)
        } else {
            try OfficeGenerator.journal(events: events).write(toFile: path, atomically: false, encoding: .utf8)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let checkpoints = CheckpointStore(directory: dir + "/cache")

        // Open to the first full frame: cold (every line replayed) and from the checkpoint the first open wrote.
        func firstFrame(_ c: CheckpointStore?) throws -> Session {
            let store = try ProductionStore.open(path: path, create: false, checkpoints: c).0
            let session = Session(store: store, theme: .colour, width: 100, height: 30)
            _ = session.render()
            return session
        }
        var session: Session!
        let cold = try medianMillis(runs) { _ in session = try firstFrame(nil) }
        _ = try firstFrame(checkpoints) // writes the checkpoint
        let warm = try medianMillis(runs) { _ in session = try firstFrame(checkpoints) }
        // The same open as a process of its own, as a coordinator starts it: its time and peak memory.
        var alone: [(ms: Double, mib: Double)] = []
        for _ in 0..<max(1, runs) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            p.arguments = ["bench", "first-frame", path]
            p.environment = ProcessInfo.processInfo.environment.merging(["COORD_CACHE_DIR": dir + "/cache"]) { $1 }
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            p.waitUntilExit()
            let words = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
            if words.count == 2, let ms = Double(words[0]), let mib = Double(words[1].trimmingCharacters(in: .whitespacesAndNewlines)) {
                alone.append((ms, mib))
            }
        }
        alone.sort { $0.ms < $1.ms }
        let model = session.store.model
        let rows = model.costs.count + model.bookings.count + model.calls.count + model.crew.count

        // One key, handled and drawn, on the biggest tables: p99 of many.
        func p99(_ body: (Int) throws -> Void) rethrows -> Double { try percentileMillis(99, samples, body) }
        var figures: [(String, Double, String)] = []
        for (pane, name) in [("3", "budget costs"), ("2", "crew")] {
            session.handle(.char(Character(pane)))
            if pane == "3" { session.handle(.char("v")) }
            _ = session.render()
            let move = p99 { i in session.handle(.char(i % 20 < 10 ? "j" : "k")); _ = session.render() }
            figures.append(("key j/k on \(name), p99", move, "under 2 ms"))
        }
        let switchPane = p99 { i in session.handle(.char(["1", "2", "3", "4"][i % 4])); _ = session.render() }
        figures.append(("key: switch pane, p99", switchPane, "under 2 ms"))
        session.handle(.char("2"))
        let form = p99 { _ in
            session.handle(.char("e")); _ = session.render()
            session.handle(.escape); _ = session.render()
        }
        figures.append(("key: open a form and close it (2 keys), p99", form, "under 2 ms a key"))

        // Append + fsync of one change, as `coord do` and the app save it.
        let store = session.store
        let append = try p99 { i in try store.perform(lines: ["crew set id=p\(1 + i % 100) notes=\"Bench \(i)\""]) }
        figures.append(("append + fsync one change, p99", append, "under 10 ms"))
        figures += try OfficeBench.derivedFigures(store, samples: samples)

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("coord bench office: \(model.usedIDs.count) records ever, \(rows) rows in costs, bookings, calls and crew; \(size / 1024) KiB journal")
        print("| figure | measured | target |")
        print("|---|---:|---|")
        print(String(format: "| open to the first full frame, cold (every line replayed), median of %d | %.0f ms | |", runs, cold))
        print(String(format: "| open to the first full frame from the checkpoint, median of %d | %.0f ms | under 1,000 ms |", runs, warm))
        if let mid = alone.isEmpty ? nil : alone[alone.count / 2] {
            print(String(format: "| the same, a process of its own (coord bench first-frame), median of %d | %.0f ms | under 1,000 ms |", alone.count, mid.ms))
            print(String(format: "| peak memory of that process | %.0f MiB | under 400 MB |", alone.map(\.mib).max() ?? 0))
        }
        for (what, ms, target) in figures { print("| \(what) | \(String(format: "%.2f", ms)) ms | \(target) |") }
        print(String(format: "| peak memory of this bench process (two models at once, all of the above) | %.0f MiB | |", Double(usage.ru_maxrss) / 1024))
    }
}

/// `coord bench first-frame FILE`: open FILE (through its checkpoint when there is one) to the
/// first full frame, off screen, and print the milliseconds and the peak memory in MiB.
struct FirstFrameBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-frame", abstract: "Open a journal to its first full frame (off screen); print ms and peak MiB.")
    @Argument(help: "The journal.") var file: String

    func run() throws {
        let start = ContinuousClock.now
        let store = try ProductionStore.open(path: file, create: false, checkpoints: CheckpointStore.standard()).0
        let session = Session(store: store, theme: .colour, width: 100, height: 30)
        _ = session.render()
        let ms = millis(since: start)
        // VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent that spawned us.
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let line = String(format: "%.1f %.1f\n", ms, hwm / 1024)
        FileHandle.standardOutput.write(Data(line.utf8))
        Glibc.exit(0) // the figure is the open; tearing the model down is not part of it
    }
}
