import Foundation
import Testing
@testable import CoordModel

/// `coord merge-journal` and `coord git-setup` with the real `git` and the built `coord`:
/// the wiring, the fallbacks, and clones with and without the driver side by side.
@Suite(.enabled(if: gitProgram != nil, "git is not installed: the merge tests are skipped"))
struct GitMergeDriverTests {
    typealias Sandbox = GitMergeTests.Sandbox

    /// A clash stops the merge: git reports a conflict, the journal is this side's as it was
    /// (no markers), and the message names the line that would not replay.
    @Test(arguments: 0..<GitMergeTests.clashes.count)
    func aClashStopsTheMergeAndLeavesOursAsItWas(_ k: Int) throws {
        let c = GitMergeTests.clashes[k]
        let s = Sandbox(.driver); defer { s.remove() }
        try s.base(c.base + ["production set title=Clash"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try s.change("one", [c.one], seed: 11, at: 1)
        try s.change("two", [c.two], seed: 22, at: 2)
        let before = s.text("one")
        #expect {
            try s.pull(into: "one", from: "two", at: 3)
        } throws: { error in
            let text = "\(error)"
            let head = c.two.split(separator: " ").prefix(3).joined(separator: " ")
            return text.contains("p.journal: not merged: the merged journal would not replay: p.journal:")
                && text.contains(c.message) && text.contains("(the line is '\(head)") && text.contains("CONFLICT")
        }
        #expect(s.text("one") == before, "\(c.name): the journal is left as this side had it")
        #expect(try s.git(["status", "--porcelain"], in: "one").contains("UU p.journal"))
    }

    /// A criss-cross history where one machine has no driver: its merge (union) and the other's
    /// (driver) hold the same lines in different orders, so git's merge of the two merge bases
    /// is a real merge with the driver. The union side is kept whole, the other's new line after.
    @Test func aCloneWithTheDriverPullsFromOneWithout() throws {
        let s = Sandbox(.union); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.coord(["git-setup", "p.journal"], in: "one")
        try s.clone("base", "two")
        try s.change("one", ["crew add id=a1 name=Ann"], seed: 11, at: 1)
        try s.change("two", ["crew add id=b1 name=Bo"], seed: 22, at: 2)
        try s.git(["fetch", "-q", "../one", "main:refs/remotes/one/main"], in: "two", at: 3)
        try s.pull(into: "one", from: "two", at: 3)
        try s.git(["merge", "-q", "--no-edit", "refs/remotes/one/main"], in: "two", at: 3)
        #expect(s.text("one") != s.text("two"), "union kept two's line first")
        try s.change("one", ["crew set id=a1 role=Gaffer"], seed: 11, at: 4)
        try s.change("two", ["crew add id=b2 name=Bo2"], seed: 22, at: 4)
        try s.pull(into: "one", from: "two", at: 5)
        let m = try s.replay("one").model
        #expect(m.crew["a1"]?.role == "Gaffer" && m.crew.count == 4)
        let lines = s.text("one").split(separator: "\n").map { $0.prefix(14) }
        #expect(lines == ["# coord journa", "crew add id=p1", "crew add id=b1", "crew add id=a1", "crew add id=b2", "crew set id=a1"])
    }

    /// `coord git-setup` twice changes nothing the second time; the driver names the coord as it
    /// was run (a symlink stays a symlink); when that coord is gone, git merges as union.
    @Test func gitSetupIsIdempotentAndAMissingCoordFallsBackToUnion() throws {
        guard let coord = coordProgram else { Issue.record("coord is not built beside the tests"); return }
        let s = Sandbox(.union); defer { s.remove() }
        try s.base(["crew add id=p1 name=Pat role=Grip"])
        try s.clone("base", "one")
        try s.clone("base", "two")
        try FileManager.default.createDirectory(atPath: s.dir + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s.dir + "/bin/coord", withDestinationPath: coord)
        let first = try s.run(s.dir + "/bin/coord", ["git-setup", "p.journal"], in: "one")
        #expect(first.contains("set up the merge driver 'coord-journal'") && !first.contains(".gitattributes"))
        let again = try s.run(s.dir + "/bin/coord", ["git-setup", "p.journal"], in: "one")
        #expect(again == "p.journal: already set up: git merges it with `coord merge-journal` in this clone\n")
        #expect(readText(s.dir + "/one/.git/info/attributes").components(separatedBy: "/p.journal merge=coord-journal").count == 2)
        #expect(try s.git(["config", "merge.coord-journal.driver"], in: "one").hasPrefix("'\(s.dir)/bin/coord' merge-journal %O %A %B %P"))
        #expect(try s.git(["check-attr", "merge", "p.journal"], in: "one") == "p.journal: merge: coord-journal\n")
        #expect(try s.git(["check-attr", "merge", "p.journal"], in: "two") == "p.journal: merge: union\n")
        try FileManager.default.removeItem(atPath: s.dir + "/bin/coord")
        try s.change("one", ["crew set id=p1 role=Gaffer"], seed: 11, at: 1)
        try s.change("two", ["crew add id=b1 name=Bo"], seed: 22, at: 2)
        try s.pull(into: "one", from: "two", at: 3)
        let m = try s.replay("one").model
        #expect(m.crew["p1"]?.role == "Gaffer" && m.crew["b1"] != nil)
    }

    /// A new journal made by `coord do` inside a work tree gets the union rule (shared) and the
    /// driver (this clone only); a clone of it merges as union until `coord git-setup` is run.
    @Test func aNewJournalInAWorkTreeGetsTheUnionRuleAndTheDriver() throws {
        let s = Sandbox(.union); defer { s.remove() }
        try FileManager.default.createDirectory(atPath: s.dir + "/repo/sub dir", withIntermediateDirectories: true)
        try s.git(["-c", "init.defaultBranch=main", "init", "-q"], in: "repo")
        try s.coord(["do", "sub dir/The Ferry.journal", "crew add id=p1 name=Pat"], in: "repo")
        #expect(readText(s.dir + "/repo/sub dir/.gitattributes") == "\"The Ferry.journal\" merge=union\n")
        #expect(readText(s.dir + "/repo/.git/info/attributes").contains("\"/sub dir/The Ferry.journal\" merge=coord-journal\n"))
        #expect(try s.git(["check-attr", "merge", "sub dir/The Ferry.journal"], in: "repo") == "sub dir/The Ferry.journal: merge: coord-journal\n")
        try s.git(["add", "."], in: "repo")
        try s.git(["commit", "-q", "-m", "new"], in: "repo")
        try s.git(["clone", "-q", "repo", "copy"], in: ".")
        #expect(try s.git(["check-attr", "merge", "sub dir/The Ferry.journal"], in: "copy") == "sub dir/The Ferry.journal: merge: union\n")
        let out = try s.coord(["git-setup", "sub dir/The Ferry.journal"], in: "copy")
        #expect(out.contains("git merges it with `coord merge-journal` in this clone"))
        #expect(try s.git(["check-attr", "merge", "sub dir/The Ferry.journal"], in: "copy") == "sub dir/The Ferry.journal: merge: coord-journal\n")
    }

    /// Outside a work tree, `coord git-setup` says so and changes nothing.
    @Test func gitSetupOutsideAWorkTreeIsRefused() throws {
        let s = Sandbox(.union); defer { s.remove() }
        try FileManager.default.createDirectory(atPath: s.dir + "/plain", withIntermediateDirectories: true)
        #expect {
            try s.coord(["git-setup", "p.journal"], in: "plain")
        } throws: { "\($0)".contains("p.journal is not inside a git work tree") }
        #expect(!FileManager.default.fileExists(atPath: s.dir + "/plain/.gitattributes"))
    }
}
