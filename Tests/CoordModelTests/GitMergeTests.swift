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

/// Git as the way to share a journal: clones that each add changes with `ProductionStore`,
/// merged with `*.journal merge=union` (JOURNAL.md §3 and §4), with the real `git`.
///
/// What these tests found (git 2.39, the `ort` strategy):
/// - Changes on both sides merge, and the merged journal replays to a model with both.
/// - One field edited on both sides is not resolved the same way everywhere: union keeps
///   "ours" then "theirs", so the last line, and the value, depends on who merged whom.
/// - A criss-cross history (both coordinators pull each other at once, each changes one more
///   thing, then one pulls again) can move one side's `add` below its own later `set`: the
///   merged journal stops at `no crew with id a1`.
/// - Rules other than ids clash too: the same account code, board name, cast number, booking
///   or progress report added on both sides, and an edit of a record the other side removed.
@Suite(.enabled(if: gitProgram != nil, "git is not installed: the merge tests are skipped"))
struct GitMergeTests {
    static var git: String? { gitProgram }

    /// A scratch directory of clones; `git` runs with no user or system configuration, and
    /// with fixed author and commit dates (`at` seconds after a fixed time), so that every run
    /// makes the same commits.
    struct Sandbox {
        let dir: String
        init() { dir = tempDir() }
        func remove() { try? FileManager.default.removeItem(atPath: dir) }

        @discardableResult
        func git(_ args: [String], in repo: String, at seconds: Int = 0) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: GitMergeTests.git!)
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
                throw GitFailed(message: "git \(args.joined(separator: " ")) in \(repo): exit \(p.terminationStatus): \(text)")
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

        func clone(_ from: String, _ to: String) throws {
            try git(["clone", "-q", from, to], in: ".")
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

    @Test func changesOnBothSidesMergeAndReplay() throws {
        let s = Sandbox(); defer { s.remove() }
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
        // Merged the other way round: the same records.
        try s.clone("two", "other")
        try s.git(["fetch", "-q", "../one", "main"], in: "other", at: 4)
        try s.git(["merge", "-q", "--no-edit", "FETCH_HEAD"], in: "other", at: 4)
        #expect(try s.replay("other").model.crew == m.crew)
    }

    // MARK: - One field, both sides

    @Test func oneFieldEditedOnBothSidesDependsOnWhoMergedWhom() throws {
        let s = Sandbox(); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", ["crew set id=p1 role=Gaffer"], seed: 11, at: 1)
        try s.change("two", ["crew set id=p1 role=Best"], seed: 22, at: 2)
        // Each coordinator merges the other's work on their own machine.
        try s.clone("one", "m12")
        try s.clone("two", "m21")
        try s.pull(into: "m12", from: "two", at: 3)
        try s.pull(into: "m21", from: "one", at: 3)
        let role12 = try s.replay("m12").model.crew["p1"]?.role
        let role21 = try s.replay("m21").model.crew["p1"]?.role
        // Both replay, and each keeps one of the two edits...
        #expect(["Gaffer", "Best"].contains(role12) && ["Gaffer", "Best"].contains(role21))
        // ...but union keeps "ours" before "theirs", so the one merged last wins, and the two
        // machines disagree (m12: Best, m21: Gaffer).
        withKnownIssue("union merge: the same field edited on both sides resolves by merge direction", isIntermittent: true) {
            #expect(role12 == role21)
        }
        // They agree again only once one of them takes the other's merge as it is (a fast-forward).
        try s.pull(into: "m21", from: "m12", at: 4)
        let afterExchange12 = try s.replay("m12").model.crew["p1"]?.role
        let afterExchange21 = try s.replay("m21").model.crew["p1"]?.role
        withKnownIssue("after a criss-cross merge the two machines still disagree", isIntermittent: true) {
            #expect(afterExchange12 == afterExchange21)
        }
        try s.pull(into: "m12", from: "m21", at: 5)
        #expect(s.text("m12") == s.text("m21"), "a fast-forward makes the files the same")
        #expect(try s.replay("m12").model.crew["p1"]?.role == afterExchange21)
    }

    // MARK: - Criss-cross

    /// Both coordinators pull each other at the same time (a criss-cross history), each makes
    /// one more change (one sets a field of the record it added before), then one pulls again.
    /// Git merges the two merge bases first, then the two sides against that; union then moves
    /// `crew add id=a1` below `crew set id=a1`, and the journal stops at line 4.
    @Test func aCrissCrossMergeCanPutAnEditBeforeItsAdd() throws {
        let s = Sandbox(); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", ["crew add id=a1 name=Ann"], seed: 11, at: 1)
        try s.change("two", ["crew add id=b1 name=Bo"], seed: 22, at: 2)
        try s.git(["fetch", "-q", "../one", "main:refs/remotes/one/main"], in: "two", at: 3)
        try s.pull(into: "one", from: "two", at: 3)
        try s.git(["merge", "-q", "--no-edit", "refs/remotes/one/main"], in: "two", at: 3)
        // Both have all three people, in different orders; both replay.
        #expect(try s.replay("one").model.crew.count == 3 && s.replay("two").model.crew.count == 3)
        try s.change("one", ["crew set id=a1 role=Gaffer"], seed: 11, at: 4)
        try s.change("two", ["crew add id=b2 name=Bo2"], seed: 22, at: 4)
        try s.pull(into: "one", from: "two", at: 5)
        let merged = s.text("one")
        #expect(!merged.contains("<<<<<<<"))
        try withKnownIssue("union merge of a criss-cross history moved an add below its own later set", isIntermittent: true) {
            let m = try s.replay("one").model
            #expect(m.crew["a1"]?.role == "Gaffer" && m.crew.count == 4)
        } matching: { issue in
            // Precisely: FILE:4:10: no crew with id a1 (the set is line 4, the add comes after it).
            guard case .badLine(_, let line, let column, let message) = issue.error as? JournalError else { return false }
            return line == 4 && column == 10 && message == "no crew with id a1"
        }
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
