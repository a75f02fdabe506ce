import Foundation
import Testing
@testable import CoordModel

/// Two coordinators on one journal: two `ProductionStore`s on one file, taking turns and racing.
///
/// `ProductionStore` is a class that is not `Sendable`: one store must not be shared between
/// threads. Two stores, each made and used on its own thread, are two writers just as two
/// processes are (each holds its own file descriptor, and `flock` locks are per open file), so
/// the racing tests give each thread its own store.
@Suite struct TwoWriterTests {
    // MARK: - Taking turns

    @Test func alternatingWritersSeeEachOtherAndTheLastEditWins() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/turns.journal"
        let a = try openStore(path)
        try a.perform(lines: ["crew add id=p1 name=Pat role=Grip dept=Camera"])
        let b = try openStore(path)
        #expect(b.model.crew["p1"]?.role == "Grip")
        for i in 0..<25 {
            // A changes p1 and adds someone; B, which has not looked since, changes p1 too.
            try a.perform(lines: ["crew set id=p1 role=A\(i)", "crew add id=a\(i) name=\"From A \(i)\""])
            let bs = try b.perform(lines: ["crew set id=p1 role=B\(i)", "crew add name=\"From B \(i)\""])
            #expect(bs.count == 2)
            // B's save read A's lines first, under the lock: B's model has them, and its own edit is last.
            #expect(b.model.crew[RecordID("a\(i)")]?.name == "From A \(i)")
            #expect(b.model.crew["p1"]?.role == "B\(i)")
            // A sees B's two changes when it looks.
            let seen = try a.catchUp()
            #expect(seen.changes == 2 && !seen.reloaded)
            #expect(a.model.crew["p1"]?.role == "B\(i)", "edits to one record resolve by journal order")
            #expect(a.model.crew.count == b.model.crew.count)
        }
        #expect(try b.catchUp().changes == 0)
        let replayed = try JournalReader.replay(try #require(try JournalReader.readBytes(path: path)), path: path)
        #expect(replayed.model.crew == a.model.crew && replayed.model.crew == b.model.crew)
        #expect(replayed.model.usedIDs == a.model.usedIDs && replayed.model.usedIDs == b.model.usedIDs)
        #expect(replayed.model.crew["p1"]?.role == "B24")
        #expect(replayed.changes == 1 + 25 * 4)
        // Both stores drew ids from the same seed: B's generated ids still never met A's.
        #expect(replayed.model.crew.count == 1 + 25 * 2)
    }

    @Test func aStaleWriterEditingTheSameFieldIsCheckedAgainstTheJournalAsItIs() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/stale.journal"
        let a = try openStore(path)
        try a.perform(lines: ["crew add id=p1 name=Pat role=Grip", "crew add id=p2 name=Sam", "account add id=ac1 code=2100 description=Camera"])
        let b = try openStore(path)
        // A renames, B (not having looked) edits another field of the same record: both stand.
        try a.perform(lines: ["crew set id=p1 name=Patricia"])
        try b.perform(lines: ["crew set id=p1 phone=\"07700 900123\""])
        #expect(b.model.crew["p1"]?.name == "Patricia" && b.model.crew["p1"]?.phone == "07700 900123")
        // Both add an account with the same code: the second is refused, against the journal as it is.
        try a.perform(lines: ["account add code=2200 description=Grip"])
        #expect {
            try b.perform(lines: ["account add code=2200 description=\"Grip too\""])
        } throws: { ($0 as? StoreError)?.description.contains("2200") == true }
        _ = try a.catchUp()
        let replayed = try JournalReader.replay(try #require(try JournalReader.readBytes(path: path)), path: path)
        #expect(replayed.model.crew == a.model.crew && replayed.model.crew == b.model.crew)
        #expect(replayed.model.accounts == b.model.accounts)
    }

    // MARK: - Racing threads

    /// Lines of one batch, marked so the journal says which writer and batch each came from.
    static func batch(writer k: Int, round r: Int, _ rng: inout SplitMix) -> [String] {
        let n = 1 + Int(rng.next() % 8)
        var lines: [String] = []
        for i in 0..<n {
            let mark = "w\(k) b\(r) l\(i) of \(n)"
            // Some values are long, so that some writes are big.
            let pad = rng.next() % 5 == 0 ? " " + String(repeating: "Zoë \"q\" \\ # = ", count: 300) : ""
            switch rng.next() % 4 {
            case 0: lines.append("crew set id=p1 role=\(LineGrammar.quote("w\(k) r\(r) i\(i)")) notes=\(LineGrammar.quote(mark + pad))")
            case 1: lines.append("crew add id=w\(k)r\(r)i\(i) name=\(LineGrammar.quote("W\(k) \(r)")) notes=\(LineGrammar.quote(mark + pad))")
            case 2: lines.append("cost add account=2100 amount=\(rng.next() % 1000).50 description=\(LineGrammar.quote(mark + pad))")
            default: lines.append("crew add name=\(LineGrammar.quote("Gen \(k) \(r) \(i)")) notes=\(LineGrammar.quote(mark + pad))")
            }
        }
        return lines
    }

    /// Where each marked line came from: (writer, batch, line, batch size).
    static func mark(of line: Substring) -> (Int, Int, Int, Int)? {
        guard let m = line.firstMatch(of: /w(\d+) b(\d+) l(\d+) of (\d+)/) else { return nil }
        return (Int(m.1)!, Int(m.2)!, Int(m.3)!, Int(m.4)!)
    }

    @Test(.timeLimit(.minutes(2)))
    func racingThreadsNeverInterleaveAndEveryLineReplays() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/race.journal"
        do {
            let setup = try openStore(path)
            try setup.perform(lines: ["crew add id=p1 name=Pat role=Grip", "account add id=ac1 code=2100 description=Camera"])
        }
        let writers = 3, rounds = 100
        let results = Collector()
        let barrier = Barrier(writers)
        onThreads(writers) { k in
            do {
                // Every store draws ids from the same seed, so they would all pick the same tag.
                let store = try ProductionStore.open(path: path, clock: fixedClock, idSeed: 42).0
                var rng = SplitMix(seed: UInt64(100 + k))
                var written = 0
                for r in 0..<rounds {
                    let events = try store.perform(lines: Self.batch(writer: k, round: r, &rng))
                    written += events.count
                    if rng.next() % 3 == 0 { _ = try store.catchUp() }
                }
                barrier.wait()
                // Once everyone has written, each store catches up to the same model.
                _ = try store.catchUp()
                results.add(k, written: written, model: store.model)
            } catch {
                results.fail("writer \(k): \(error)")
                barrier.wait()
            }
        }
        #expect(results.failures.isEmpty, "\(results.failures)")
        let bytes = try #require(try JournalReader.readBytes(path: path))
        let replayed = try JournalReader.replay(bytes, path: path)
        #expect(replayed.torn == nil)
        // No interleaving: every batch's lines are together, whole, in order.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        var seen: [String: [Int]] = [:]
        var sizes: [String: Int] = [:]
        for (n, line) in lines.enumerated() {
            guard n >= 4 else { continue } // the header and the set-up (a batch: its marker and 2 lines)
            if line.hasPrefix(BatchMarker.prefix) {
                // A batch of several lines opens with its marker, and exactly its lines follow.
                let count = Int(line.dropFirst(BatchMarker.prefix.count).prefix { $0.isNumber }) ?? -1
                let next = n + 1 < lines.count ? Self.mark(of: lines[n + 1]) : nil
                #expect(next?.3 == count && next?.2 == 0, "line \(n + 1): the marker says \(count) lines and its batch follows")
                continue
            }
            guard let (k, r, i, size) = Self.mark(of: line) else {
                Issue.record("line \(n + 1) is not a whole marked line: \(line.prefix(120))")
                continue
            }
            #expect(line.hasSuffix(" # 2027-02-25T12:00:00Z \(ProductionStore.loginName())"), "line \(n + 1) is whole")
            seen["\(k)/\(r)", default: []].append(n)
            sizes["\(k)/\(r)"] = size
            #expect(seen["\(k)/\(r)"]!.count == i + 1, "line \(n + 1) is line \(i) of its batch, in order")
        }
        #expect(seen.count == writers * rounds)
        for (key, at) in seen {
            #expect(at.count == sizes[key], "batch \(key) is whole")
            #expect(at.last! - at.first! + 1 == at.count, "batch \(key) is contiguous: \(at)")
        }
        let written = results.snapshots.map(\.written).reduce(0, +)
        #expect(replayed.changes == 2 + written)
        // Every store, after catching up, is the journal; the last edit of p1 in the file won.
        let lastRole = lines.last { $0.hasPrefix("crew set id=p1 ") }.flatMap { l -> String? in
            try? LineGrammar.parse(String(l))?.value("role")
        }
        #expect(replayed.model.crew["p1"]?.role == lastRole)
        #expect(results.snapshots.count == writers)
        for s in results.snapshots {
            #expect(s.model.crew == replayed.model.crew, "writer \(s.writer) sees every other writer's changes")
            #expect(s.model.costs == replayed.model.costs && s.model.usedIDs == replayed.model.usedIDs)
            #expect(s.model.crew["p1"]?.role == lastRole)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aRemovalRacingEditsNeverLeavesAnEditAfterIt() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/rm.journal"
        do {
            let setup = try openStore(path)
            try setup.perform(lines: (0..<30).map { "crew add id=r\($0) name=R\($0)" })
        }
        let results = Collector()
        onThreads(2) { k in
            do {
                let store = try ProductionStore.open(path: path, clock: fixedClock, idSeed: UInt64(k)).0
                for i in 0..<30 {
                    do {
                        // Writer 0 edits every record again and again; writer 1 removes them one by one.
                        if k == 0 {
                            for j in stride(from: i % 3, to: 30, by: 3) { try store.perform(lines: ["crew set id=r\(j) role=Edit\(i)"]) }
                        } else {
                            try store.perform(lines: ["crew rm id=r\(i)"])
                        }
                    } catch let e as StoreError {
                        // The only acceptable refusal: the record was removed by the other writer.
                        if !(k == 0 && e.description.contains("was removed")) { results.fail("writer \(k): \(e)") }
                    }
                }
            } catch {
                results.fail("writer \(k): \(error)")
            }
        }
        #expect(results.failures.isEmpty, "\(results.failures)")
        let bytes = try #require(try JournalReader.readBytes(path: path))
        let replayed = try JournalReader.replay(bytes, path: path)
        #expect(replayed.model.crew.isEmpty, "all 30 were removed")
        let text = String(decoding: bytes, as: UTF8.self)
        for j in 0..<30 {
            let rm = try #require(text.range(of: "crew rm id=r\(j) "))
            #expect(!text[rm.upperBound...].contains("crew set id=r\(j) "), "no edit of r\(j) after its removal")
        }
    }

    // MARK: - A writer that died creating the file

    /// A header torn by its dead creator (JOURNAL.md §3). Up to 5496222, `coord do` and the
    /// imports (which open with `setAsideTorn: false`) appended their first line straight after
    /// the partial header, and the journal no longer opened (`FILE:1: not a Coord journal (...
    /// found '# coord jourcrew add id=p1 ...')`). Now the save sets the partial header aside in
    /// `FILE.torn` and writes the header anew; the app's open rewrites it.
    @Test(arguments: [false, true])
    func aSecondWriterAfterTheCreatorDiedMidHeader(setAsideTorn: Bool) throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        for torn in ["#", "# coord jour", "# coord journal v1"] {
            let path = dir + "/\(torn.count).journal"
            writeText(path, torn)
            let (store, _) = try ProductionStore.open(path: path, clock: fixedClock, idSeed: 1, setAsideTorn: setAsideTorn)
            try store.perform(lines: ["crew add id=p1 name=Pat"])
            #expect(readText(path).hasPrefix("# coord journal v1\ncrew add id=p1 name=Pat "), "\(torn.debugDescription)")
            let replayed = try JournalReader.replay(Array(readText(path).utf8), path: path)
            #expect(replayed.model.crew["p1"] != nil && replayed.torn == nil)
            if !setAsideTorn {
                // The save keeps the partial header, byte for byte, as any torn line. (The app's
                // open simply rewrites it, as JOURNAL.md §3 says: a header holds no change.)
                #expect(readText(path + ".torn").hasSuffix(" set aside from \(path) line 1 (no newline: a torn write)\n\(torn)\n"))
            }
        }
    }

    /// A refused `coord do` (`setAsideTorn: false`) writes nothing at all, not even the repair of
    /// a torn header (JOURNAL.md §3); its next saved change repairs it, and nothing is lost.
    @Test func aRefusedDoWritesNothingNotEvenAHeaderRepair() throws {
        let dir = tempDir(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/refused.journal"
        writeText(path, "# coord jour")
        let store = try ProductionStore.open(path: path, clock: fixedClock, idSeed: 1, setAsideTorn: false).0
        #expect(throws: StoreError.self) { try store.perform(lines: ["crew add nme=Pat"]) }
        #expect(readText(path) == "# coord jour")
        try store.perform(lines: ["crew add name=Pat"])
        #expect(readText(path).hasPrefix("# coord journal v1\ncrew add "))
    }
}

// MARK: - Threads

/// Runs `body(0..<n)` on n threads of their own, and waits for all of them.
func onThreads(_ n: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchSemaphore(value: 0)
    for k in 0..<n {
        let t = Thread {
            body(k)
            done.signal()
        }
        t.stackSize = 16 << 20
        t.start()
    }
    for _ in 0..<n { done.wait() }
}

/// Waits until n threads have arrived.
final class Barrier: @unchecked Sendable {
    private let cond = NSCondition()
    private var waiting: Int
    init(_ n: Int) { waiting = n }
    func wait() {
        cond.lock()
        waiting -= 1
        if waiting <= 0 { cond.broadcast() }
        while waiting > 0 { cond.wait() }
        cond.unlock()
    }
}

/// What each writer thread saw, and what went wrong.
final class Collector: @unchecked Sendable {
    struct Snapshot {
        var writer: Int
        var written: Int
        var model: Model
    }
    private let lock = NSLock()
    private var snaps: [Snapshot] = []
    private var fails: [String] = []

    func add(_ k: Int, written: Int, model: Model) {
        lock.withLock { snaps.append(Snapshot(writer: k, written: written, model: model)) }
    }
    func fail(_ s: String) { lock.withLock { fails.append(s) } }
    var snapshots: [Snapshot] { lock.withLock { snaps } }
    var failures: [String] { lock.withLock { fails } }
}
