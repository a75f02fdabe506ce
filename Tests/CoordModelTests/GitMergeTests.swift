import Foundation
import Testing
@testable import CoordModel

/// The `git` on the PATH, or nil when it is not installed.
let gitProgram: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
        if FileManager.default.isExecutableFile(atPath: dir + "/git") { return dir + "/git" }
    }
    return nil
}()

/// The `coord` built beside these tests (`swift build` puts both in one folder), or `$COORD_BIN`.
let coordProgram: String? = {
    let fm = FileManager.default
    if let bin = ProcessInfo.processInfo.environment["COORD_BIN"], fm.isExecutableFile(atPath: bin) { return bin }
    let me = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.bundlePath
    var dir = URL(fileURLWithPath: me).deletingLastPathComponent()
    for _ in 0..<4 {
        if fm.isExecutableFile(atPath: dir.appendingPathComponent("coord").path) { return dir.appendingPathComponent("coord").path }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}()

/// Git as the way to share a journal: clones that each add changes with `ProductionStore`,
/// merged by the real `git`, either with `*.journal merge=union` alone (a clone without the
/// driver) or with `coord merge-journal` set up by `coord git-setup` (JOURNAL.md §3, git).
///
/// What these tests found (git 2.39, the `ort` strategy):
/// - Changes on both sides merge either way, and the merged journal replays to a model with both.
/// - Union alone: one field edited on both sides resolves by who merged whom (union keeps
///   "ours" then "theirs"), and a criss-cross history can move an `add` below its own `set`.
///   With the driver, both machines get the same bytes, and the journal replays.
/// - Rules other than ids clash too: the same account code, board name, cast number, booking
///   or progress report added on both sides, and an edit of a record the other side removed.
@Suite(.enabled(if: gitProgram != nil, "git is not installed: the merge tests are skipped"))
struct GitMergeTests {
    static var git: String? { gitProgram }

    /// How the clones merge the journal: `merge=union` only, or `coord git-setup` in each clone.
    enum Merge: String, CaseIterable, Sendable { case union, driver }

    /// A scratch directory of clones; `git` runs with no user or system configuration, and
    /// with fixed author and commit dates (`at` seconds after a fixed time), so that every run
    /// makes the same commits.
    struct Sandbox {
        let dir: String
        let merge: Merge
        init(_ merge: Merge = .union) { dir = tempDir(); self.merge = merge }
        func remove() { try? FileManager.default.removeItem(atPath: dir) }

        @discardableResult
        func git(_ args: [String], in repo: String, at seconds: Int = 0) throws -> String {
            try run(GitMergeTests.git!, args, in: repo, at: seconds)
        }

        /// The built `coord`, run in a clone with the same environment as git.
        @discardableResult
        func coord(_ args: [String], in repo: String) throws -> String {
            guard let coord = coordProgram else {
                throw GitFailed(message: "coord is not built beside the tests (swift build, or set COORD_BIN)")
            }
            return try run(coord, args, in: repo)
        }

        func run(_ program: String, _ args: [String], in repo: String, at seconds: Int = 0) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: program)
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: dir + "/" + repo)
            let date = String(format: "2027-01-01T00:00:%02d+0000", seconds)
            p.environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": dir, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
                "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "LC_ALL": "C",
            ]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            guard p.terminationStatus == 0 else {
                throw GitFailed(message: "\(program) \(args.joined(separator: " ")) in \(repo): exit \(p.terminationStatus): \(text)")
            }
            return text
        }

        /// A repository `base` holding a journal (made from `lines`) and the union attribute.
        func base(_ lines: [String]) throws {
            try FileManager.default.createDirectory(atPath: dir + "/base", withIntermediateDirectories: true)
            try git(["-c", "init.defaultBranch=main", "init", "-q"], in: "base")
            writeText(dir + "/base/.gitattributes", "*.journal merge=union\n")
            let store = try ProductionStore.open(path: dir + "/base/p.journal", clock: fixedClock, idSeed: 1).0
            try store.perform(lines: lines)
            try git(["add", "."], in: "base")
            try git(["commit", "-q", "-m", "base"], in: "base")
        }

        /// A clone; with the driver, set up by `coord git-setup` as a person would.
        func clone(_ from: String, _ to: String) throws {
            try git(["clone", "-q", from, to], in: ".")
            if merge == .driver { try coord(["git-setup", "p.journal"], in: to) }
        }

        /// Changes made in a clone with its own store (its own id tag), committed.
        func change(_ repo: String, _ lines: [String], seed: UInt64, at seconds: Int) throws {
            let store = try ProductionStore.open(path: path(repo), clock: fixedClock, idSeed: seed).0
            try store.perform(lines: lines)
            try git(["commit", "-q", "-a", "-m", "\(repo) \(seconds)"], in: repo, at: seconds)
        }

        /// `git pull` of another clone's main branch, as a merge.
        func pull(into repo: String, from other: String, at seconds: Int) throws {
            try git(["fetch", "-q", "../\(other)", "main"], in: repo, at: seconds)
            try git(["merge", "-q", "--no-edit", "FETCH_HEAD"], in: repo, at: seconds)
        }

        func path(_ repo: String) -> String { dir + "/" + repo + "/p.journal" }
        func text(_ repo: String) -> String { readText(path(repo)) }
        func replay(_ repo: String) throws -> LoadedJournal {
            try JournalReader.replay(Array(text(repo).utf8), path: path(repo))
        }
    }

    struct GitFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    // MARK: - Both sides' changes

    @Test(arguments: Merge.allCases)
    func changesOnBothSidesMergeAndReplay(_ merge: Merge) throws {
        let s = Sandbox(merge); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip dept=Camera", "account add id=ac1 code=2100 description=Camera",
                    "day add id=d1 date=2027-04-05 location=Harbour"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", ["crew add id=a1 name=\"Ann O'Neill\"", "crew set id=p1 phone=\"07700 900123\"",
                             "cost add account=2100 amount=120.00 vendor=\"Hire # 1\"", "strip add id=s1 scene=1 day=d1",
                             "crew add name=\"Generated on one\""], seed: 11, at: 1)
        try s.change("two", ["crew add id=b1 name=\"Bo \\\"B\\\" Berg\"", "crew set id=p1 email=pat@example.com",
                             "kit add id=k1 name=Crane", "location add id=l1 name=\"Seahouses harbour\"",
                             "crew add name=\"Generated on two\""], seed: 22, at: 2)
        try s.pull(into: "one", from: "two", at: 3)
        let merged = s.text("one")
        #expect(!merged.contains("<<<<<<<") && !merged.contains(">>>>>>>"))
        let m = try s.replay("one").model
        #expect(m.crew["a1"]?.name == "Ann O'Neill" && m.crew["b1"]?.name == "Bo \"B\" Berg")
        #expect(m.crew["p1"]?.phone == "07700 900123" && m.crew["p1"]?.email == "pat@example.com")
        #expect(m.costs.count == 1 && m.strips["s1"] != nil && m.kit["k1"] != nil && m.locations["l1"] != nil)
        #expect(Set(m.crew.values.map(\.name)).isSuperset(of: ["Generated on one", "Generated on two"]))
        #expect(m.crew.count == 5, "ids generated on the two clones never met")
        // Merged the other way round: the same records (with the driver, the same bytes).
        try s.clone("two", "other")
        try s.git(["fetch", "-q", "../one", "main"], in: "other", at: 4)
        try s.git(["merge", "-q", "--no-edit", "FETCH_HEAD"], in: "other", at: 4)
        #expect(try s.replay("other").model.crew == m.crew)
        try s.clone("two", "back")
        try s.git(["fetch", "-q", "../one", "main"], in: "back", at: 3)
        try s.git(["merge", "-q", "--no-edit", "FETCH_HEAD^"], in: "back", at: 3)
        let back = try s.replay("back").model
        #expect(Set(back.crew.keys) == Set(m.crew.keys) && back.crew["p1"]?.email == "pat@example.com")
        if merge == .driver { #expect(s.text("back") == merged) }
    }

    // MARK: - One field, both sides

    /// Each coordinator merges the other's work on their own machine, then they exchange merges.
    /// With the driver both machines hold the same bytes at every step: the later stamp wins, and
    /// in the same second (as here, with a fixed clock) the line's bytes decide: Gaffer.
    @Test func oneFieldEditedOnBothSidesResolvesTheSameWayEverywhere() throws {
        let s = Sandbox(.driver); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", ["crew set id=p1 role=Gaffer"], seed: 11, at: 1)
        try s.change("two", ["crew set id=p1 role=Best"], seed: 22, at: 2)
        try s.clone("one", "m12")
        try s.clone("two", "m21")
        try s.pull(into: "m12", from: "two", at: 3)
        try s.pull(into: "m21", from: "one", at: 3)
        #expect(try s.replay("m12").model.crew["p1"]?.role == "Gaffer")
        #expect(try s.replay("m21").model.crew["p1"]?.role == "Gaffer")
        #expect(s.text("m12") == s.text("m21"), "the same bytes whichever side merged")
        // The criss-cross exchange (git merges the two merge bases first, with the driver too).
        try s.pull(into: "m21", from: "m12", at: 4)
        #expect(try s.replay("m21").model.crew["p1"]?.role == "Gaffer")
        #expect(s.text("m12") == s.text("m21"))
        try s.pull(into: "m12", from: "m21", at: 5)
        #expect(s.text("m12") == s.text("m21"))
        #expect(try s.replay("m12").model.crew["p1"]?.role == "Gaffer")
    }

    /// Clones without the driver still merge: both replay and keep one of the two edits, but
    /// which one depends on who merged whom (union keeps "ours" then "theirs"; here m12 got
    /// Best and m21 Gaffer), until one fast-forwards to the other's merge.
    @Test func oneFieldEditedOnBothSidesWithUnionOnly() throws {
        let s = Sandbox(.union); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", ["crew set id=p1 role=Gaffer"], seed: 11, at: 1)
        try s.change("two", ["crew set id=p1 role=Best"], seed: 22, at: 2)
        try s.clone("one", "m12")
        try s.clone("two", "m21")
        try s.pull(into: "m12", from: "two", at: 3)
        try s.pull(into: "m21", from: "one", at: 3)
        let role12 = try s.replay("m12").model.crew["p1"]?.role
        let role21 = try s.replay("m21").model.crew["p1"]?.role
        #expect(["Gaffer", "Best"].contains(role12) && ["Gaffer", "Best"].contains(role21))
        try s.pull(into: "m21", from: "m12", at: 4)
        try s.pull(into: "m12", from: "m21", at: 5)
        #expect(s.text("m12") == s.text("m21"), "a fast-forward makes the files the same")
        #expect(try ["Gaffer", "Best"].contains(s.replay("m12").model.crew["p1"]?.role))
    }

    // MARK: - Criss-cross

    /// Both coordinators pull each other at the same time (a criss-cross history), each makes
    /// one more change (one sets a field of the record it added before), then one pulls again.
    /// Git merges the two merge bases first, then the two sides against that. Union alone moved
    /// `crew add id=a1` below `crew set id=a1` here (`p.journal:4:10: no crew with id a1`); with
    /// the driver both pulls give the same bytes, so the merged bases are a prefix of both sides.
    @Test func aCrissCrossMergeKeepsEveryAddAboveItsSet() throws {
        let s = Sandbox(.driver); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", ["crew add id=a1 name=Ann"], seed: 11, at: 1)
        try s.change("two", ["crew add id=b1 name=Bo"], seed: 22, at: 2)
        try s.git(["fetch", "-q", "../one", "main:refs/remotes/one/main"], in: "two", at: 3)
        try s.pull(into: "one", from: "two", at: 3)
        try s.git(["merge", "-q", "--no-edit", "refs/remotes/one/main"], in: "two", at: 3)
        // Both have all three people, in the same order; both replay.
        #expect(try s.replay("one").model.crew.count == 3 && s.replay("two").model.crew.count == 3)
        #expect(s.text("one") == s.text("two"))
        try s.change("one", ["crew set id=a1 role=Gaffer"], seed: 11, at: 4)
        try s.change("two", ["crew add id=b2 name=Bo2"], seed: 22, at: 4)
        try s.pull(into: "one", from: "two", at: 5)
        let merged = s.text("one")
        #expect(!merged.contains("<<<<<<<"))
        let m = try s.replay("one").model
        #expect(m.crew["a1"]?.role == "Gaffer" && m.crew.count == 4)
        // And two pulling one (before one's merge): the same bytes.
        try s.git(["fetch", "-q", "../one", "main"], in: "two", at: 5)
        try s.git(["merge", "-q", "--no-edit", "FETCH_HEAD^"], in: "two", at: 5)
        #expect(s.text("two") == merged)
    }

    // MARK: - Clashes

    /// Changes that are each fine on their own side but not together: the merged journal stops at
    /// the second one (theirs, after ours), with the message `coord check` would print.
    static let clashes: [(name: String, base: [String], one: String, two: String, message: String)] = [
        ("an edit of a record the other side removed", ["crew add id=p1 name=Pat"],
         "crew rm id=p1", "crew set id=p1 role=Grip", "crew p1 was removed"),
        ("one hand-picked id on both sides", [],
         "crew add id=c9 name=Ann", "kit add id=c9 name=Crane", "id c9 is already used (ids are never reused)"),
        ("one account code on both sides", [],
         "account add id=x1 code=2200 description=Grip", "account add id=x2 code=2200 description=Rigging", "2200"),
        ("one board name on both sides", [],
         "board add id=bA name=\"Rev BLUE\"", "board add id=bB name=\"rev blue\"", "a board is already called Rev BLUE"),
        ("one cast number on both sides", [],
         "crew add id=cA name=Iona dept=Cast castno=3", "crew add id=cB name=Duncan dept=Cast castno=3", "cast number 3 is Iona's"),
        ("one person booked twice on a date", ["crew add id=p1 name=Pat"],
         "booking add id=bkA who=p1 date=2027-04-05", "booking add id=bkB who=p1 date=2027-04-05 code=T",
         "p1 is already booked on 2027-04-05"),
        ("two progress reports for one day", ["day add id=d1 date=2027-04-05"],
         "progress add id=prA day=d1 setups=10", "progress add id=prB day=d1 setups=12", "day d1 already has a progress report"),
    ]

    @Test(arguments: 0..<clashes.count)
    func clashesThatStopTheMergedJournal(_ k: Int) throws {
        let c = Self.clashes[k]
        let s = Sandbox(); defer { s.remove() }
        try s.base(c.base + ["production set title=Clash"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", [c.one], seed: 11, at: 1)
        try s.change("two", [c.two], seed: 22, at: 2)
        #expect(throws: Never.self, "\(c.name): each side replays") { _ = try s.replay("one"); _ = try s.replay("two") }
        try s.pull(into: "one", from: "two", at: 3)
        let lines = s.text("one").split(separator: "\n")
        #expect {
            _ = try s.replay("one")
        } throws: { error in
            guard case .badLine(_, let line, _, let message) = error as? JournalError else { return false }
            // The line it stops at is the other side's (its noun, verb and id), the last one.
            let head = c.two.split(separator: " ").prefix(3).joined(separator: " ") + " "
            return line == lines.count && lines[line - 1].hasPrefix(head) && message.contains(c.message)
        }
    }
}
