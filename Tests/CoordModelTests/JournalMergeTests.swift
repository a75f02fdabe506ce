import Testing
@testable import CoordModel

private let header = JournalFormat.header

/// A journal of `lines` (the header first; every line ends in a newline).
private func journal(_ lines: [String]) -> [UInt8] {
    Array(([header] + lines).map { $0 + "\n" }.joined().utf8)
}

private func at(_ minute: Int, _ user: String = "pat") -> String {
    " # 2027-01-05T09:\(minute < 10 ? "0" : "")\(minute):00Z \(user)"
}

private let p1 = "crew add id=p1 name=Pat role=Grip" + at(0)

/// Merges both ways, checks the two results are the same bytes, and returns the text.
private func merged(_ base: [String], _ ours: [String], _ theirs: [String],
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: String, notes: [String]) {
    let b = journal(base), o = journal(base + ours), t = journal(base + theirs)
    let one = try JournalMerge.merge(base: b, ours: o, theirs: t)
    let two = try JournalMerge.merge(base: b, ours: t, theirs: o)
    #expect(one.bytes == two.bytes, "the result does not depend on which side is ours", sourceLocation: sourceLocation)
    return (String(decoding: one.bytes, as: UTF8.self), one.notes)
}

private func body(_ text: String) -> [String] {
    text.split(separator: "\n").dropFirst().map { String($0) }
}

/// The merge driver's algorithm (`JournalMerge`), without git: GitMergeTests drives it through
/// real `git merge`.
struct JournalMergeTests {
    // MARK: - Order

    @Test func newLinesInterleaveByStampAndEachSideKeepsItsOrder() throws {
        let a = "crew add id=a1 name=A" + at(0), b = "crew set id=p1 role=B" + at(5)
        let c = "crew add id=c1 name=C" + at(2), d = "crew set id=p1 phone=01234567" + at(1) // d: a clock behind
        let r = try merged([p1], [a, b], [c, d])
        #expect(body(r.text) == [p1, a, c, d, b])
        #expect(r.notes.isEmpty)
    }

    @Test func oneFieldEditedOnBothSidesResolvesByStampThenBytes() throws {
        let later = try merged([p1], ["crew set id=p1 role=Gaffer" + at(7)], ["crew set id=p1 role=Best" + at(3)])
        #expect(try JournalReader.replay(Array(later.text.utf8), path: "j").model.crew["p1"]?.role == "Gaffer")
        // The same second: the bytes decide ("...role=Best" < "...role=Gaffer"), on every machine.
        let tie = try merged([p1], ["crew set id=p1 role=Gaffer" + at(3)], ["crew set id=p1 role=Best" + at(3)])
        #expect(try JournalReader.replay(Array(tie.text.utf8), path: "j").model.crew["p1"]?.role == "Gaffer")
    }

    @Test func aLineWithoutAStampTakesTheOneAboveIt() throws {
        let a = "crew add id=a1 name=A" + at(8), note = "# a note about A", set = "crew set id=a1 role=Grip"
        let c = "crew add id=c1 name=C" + at(9)
        let r = try merged([p1], [a, note, set], [c])
        #expect(body(r.text) == [p1, a, note, set, c])
        // With no stamp above at all, the empty stamp sorts first.
        let bare = try merged([], ["crew add id=x1 name=X"], ["crew add id=y1 name=Y" + at(0)])
        #expect(body(bare.text) == ["crew add id=x1 name=X", "crew add id=y1 name=Y" + at(0)])
    }

    @Test func aSetNeverGoesAboveTheAddItNeedsWhateverTheClocks() throws {
        // Theirs stamped its set two minutes before ours stamped the add it needs.
        let add = "crew add id=a1 name=A" + at(9, "ann"), set = "crew set id=a1 role=Gaffer" + at(7, "bo")
        let r = try merged([p1], [add], [set])
        #expect(body(r.text) == [p1, add, set])
        // The same through a reference, and through a shared add written on both sides.
        let booking = "booking add id=bk1 who=a1 date=2027-04-05" + at(1, "bo")
        let r2 = try merged([], [add], [booking])
        #expect(body(r2.text) == [add, booking])
        let r3 = try merged([p1], [add, "crew set id=a1 phone=01234567" + at(10)], [add, set])
        #expect(body(r3.text) == [p1, add, set, "crew set id=a1 phone=01234567" + at(10)])
    }

    // MARK: - Dedupe

    @Test func aLineBothSidesAddedIsWrittenOnce() throws {
        let shared = "crew add id=a1 name=A" + at(1), mine = "kit add id=k1 name=Crane" + at(2)
        let r = try merged([p1], [shared, mine], [shared])
        #expect(body(r.text) == [p1, shared, mine])
        // A line written twice on one side and once on the other is kept twice.
        let again = "crew set id=p1 role=Best" + at(3)
        let r2 = try merged([p1], [again, again], [again])
        #expect(body(r2.text) == [p1, again, again])
        // Both sides new from nothing (git's add/add: an empty base): one header.
        let e = try JournalMerge.merge(base: [], ours: journal([p1]), theirs: journal([p1, mine]))
        #expect(String(decoding: e.bytes, as: UTF8.self) == "\(header)\n\(p1)\n\(mine)\n")
    }

    @Test func theSameLinesInDifferentOrdersStillMergeTheSameBothWays() throws {
        let a = "crew add id=a1 name=A" + at(1), b = "crew add id=b1 name=B" + at(1)
        let r = try merged([p1], [a, b], [b, a])
        #expect(body(r.text) == [p1, a, b])
        #expect(r.notes.count == 1)
    }

    // MARK: - Criss-cross

    /// What git does for a criss-cross history: the two merge bases merged first (with this
    /// driver), then the two sides against that.
    @Test func aCrissCrossHistoryConverges() throws {
        let base = journal([p1])
        let a1 = "crew add id=a1 name=Ann" + at(1), b1 = "crew add id=b1 name=Bo" + at(2)
        let one = journal([p1, a1]), two = journal([p1, b1])
        let m12 = try JournalMerge.merge(base: base, ours: one, theirs: two).bytes
        let m21 = try JournalMerge.merge(base: base, ours: two, theirs: one).bytes
        #expect(m12 == m21, "both machines hold the same journal after pulling each other")
        let virtualBase = try JournalMerge.merge(base: base, ours: m12, theirs: m21).bytes
        let set = "crew set id=a1 role=Gaffer" + at(3), b2 = "crew add id=b2 name=Bo2" + at(3)
        let final = try JournalMerge.merge(base: virtualBase, ours: m12 + Array((set + "\n").utf8), theirs: m21 + Array((b2 + "\n").utf8))
        let m = try JournalReader.replay(final.bytes, path: "j").model
        #expect(m.crew["a1"]?.role == "Gaffer" && m.crew.count == 4)
    }

    /// One machine merged with union (no driver), the other with this driver: their merges hold
    /// the same lines in different orders. The next merge keeps the union side whole.
    @Test func aSideMergedByUnionIsKeptWholeAndTheOtherSidesNewLinesFollow() throws {
        let a1 = "crew add id=a1 name=Ann" + at(1), b1 = "crew add id=b1 name=Bo" + at(2)
        let driver = [p1, a1, b1], union = [p1, b1, a1]
        let vb = try JournalMerge.merge(base: journal([p1]), ours: journal(driver), theirs: journal(union)).bytes
        let set = "crew set id=a1 role=Gaffer" + at(3), b2 = "crew add id=b2 name=Bo2" + at(3)
        let x = try JournalMerge.merge(base: vb, ours: journal(driver + [set]), theirs: journal(union + [b2]))
        let y = try JournalMerge.merge(base: vb, ours: journal(union + [b2]), theirs: journal(driver + [set]))
        #expect(x.bytes == y.bytes)
        #expect(body(String(decoding: x.bytes, as: UTF8.self)) == union + [b2, set])
        #expect(x.notes.contains { $0.contains("does not start with the merge base") })
    }

    // MARK: - Rewritten sides

    @Test func aCompactedSideIsKeptWholeWithTheOtherSidesNewLinesAfterIt() throws {
        let base = [p1, "crew set id=p1 role=Gaffer" + at(1), "crew set id=p1 role=Best" + at(2)]
        let compacted = journal(["crew add id=p1 name=Pat role=Best" + at(0)])
        let theirs = journal(base + ["kit add id=k1 name=Crane" + at(5)])
        let r = try JournalMerge.merge(base: journal(base), ours: compacted, theirs: theirs)
        #expect(r.bytes == compacted + Array(("kit add id=k1 name=Crane" + at(5) + "\n").utf8))
        #expect(r.notes == ["ours does not start with the merge base (compacted, edited by hand, or merged without this driver?): kept it whole and put the 1 new line(s) of theirs after it"])
        #expect(try JournalMerge.merge(base: journal(base), ours: theirs, theirs: compacted).bytes == r.bytes)
        // Both rewritten: no merge.
        #expect(throws: JournalMerge.Failure.bothRewritten) {
            try JournalMerge.merge(base: journal(base), ours: compacted, theirs: journal([p1]))
        }
    }

    // MARK: - Torn lines

    @Test func anUnfinishedLineIsKeptAtTheEndNeverInTheMiddle() throws {
        let base = journal([p1]), torn = Array("crew set id=p1 ro".utf8)
        let k1 = "kit add id=k1 name=Crane" + at(1)
        let ours = base + torn, theirs = journal([p1, k1])
        let r = try JournalMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(r.bytes == theirs + torn)
        #expect(try JournalMerge.merge(base: base, ours: theirs, theirs: ours).bytes == r.bytes)
        #expect(try JournalReader.replay(r.bytes, path: "j").torn?.text == "crew set id=p1 ro")
        // The base's unfinished line, set aside by one side: gone; still on both: kept.
        #expect(try JournalMerge.merge(base: ours, ours: ours, theirs: theirs).bytes == theirs)
        #expect(try JournalMerge.merge(base: ours, ours: ours, theirs: ours).bytes == ours)
        // Two different ones: no merge.
        #expect(throws: JournalMerge.Failure.twoTornLines) {
            try JournalMerge.merge(base: base, ours: ours, theirs: base + Array("kit a".utf8))
        }
    }

    // MARK: - Bad input

    @Test func aMergeThatWouldNotReplayNamesTheLineAndWritesNothing() throws {
        let base = journal([p1])
        let o = journal([p1, "crew rm id=p1" + at(1)]), t = journal([p1, "crew set id=p1 role=Best" + at(2)])
        #expect {
            try JournalMerge.merge(base: base, ours: o, theirs: t, path: "p.journal")
        } throws: { error in
            guard case .doesNotReplay(.badLine("p.journal", 4, _, let message), let line, .theirs)? = error as? JournalMerge.Failure
            else { return false }
            return message.contains("crew p1 was removed") && line == "crew set id=p1 role=Best" + at(2)
                && "\(error)".hasPrefix("the merged journal would not replay: p.journal:4:")
        }
        // Not a journal at all.
        #expect {
            try JournalMerge.merge(base: [], ours: Array("hello\n".utf8), theirs: Array("hello\n".utf8))
        } throws: { error in
            guard case .doesNotReplay(.notAJournal, "hello", .both)? = error as? JournalMerge.Failure else { return false }
            return true
        }
    }

    @Test func theStampIsReadOnlyFromTheTrailingComment() {
        func stamp(_ s: String) -> String? { JournalMerge.stamp(ArraySlice(s.utf8)) }
        #expect(stamp("crew set id=p1 role=A # 2027-01-05T09:00:00Z pat") == "2027-01-05T09:00:00Z")
        #expect(stamp("crew set id=p1 role=A # 2027-01-05T09:00:00Z pat\r") == "2027-01-05T09:00:00Z")
        #expect(stamp("crew set id=p1 role=A # 2027-01-05T09:00:00Z") == "2027-01-05T09:00:00Z")
        #expect(stamp("crew set id=p1 notes=\"see # 2027-01-05T09:00:00Z x\" role=A") == nil)
        #expect(stamp("crew set id=p1 po=x#2027-01-05T09:00:00Z") == nil)
        #expect(stamp("crew set id=p1 role=A # 2027-01-05 pat") == nil)
        #expect(stamp("# 2027-01-05T09:00:00Z pat") == "2027-01-05T09:00:00Z")
        #expect(stamp("") == nil && stamp(" ") == nil)
    }

    /// Random histories from a seed: both directions give the same bytes; every line of either
    /// side is in the result (a line both sides hold, once); and the result replays.
    @Test(arguments: 1...40)
    func randomHistoriesMergeTheSameBothWays(_ seed: UInt64) throws {
        var rng = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(n))
        }
        func side(_ tag: String) -> [String] {
            var lines: [String] = [], ids = ["p1"]
            for k in 0..<(1 + next(6)) {
                let stamp = next(4) == 0 ? "" : at(next(5), tag)
                switch next(4) {
                case 0: lines.append("crew add id=\(tag)\(k) name=N\(k)" + stamp); ids.append("\(tag)\(k)")
                case 1: lines.append("# \(tag) note \(k)")
                default: lines.append("crew set id=\(ids[next(ids.count)]) role=R\(next(3))" + stamp)
                }
            }
            return lines
        }
        let shared = "kit add id=k1 name=Crane" + at(next(5), "both")
        var o = side("o"), t = side("t")
        if next(2) == 0 { o.insert(shared, at: next(o.count + 1)); t.insert(shared, at: next(t.count + 1)) }
        let r = try merged([p1], o, t)
        let out = body(r.text)
        for line in Set(o + t) {
            #expect(out.filter { $0 == line }.count == max(o.filter { $0 == line }.count, t.filter { $0 == line }.count))
        }
        #expect(out.count == 1 + Set(o + t).reduce(0) { n, l in n + max(o.filter { $0 == l }.count, t.filter { $0 == l }.count) })
    }
}
