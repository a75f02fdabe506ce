import OrderedCollections
import Testing
@testable import CoordModel

/// The smallest record: a number under an id.
struct Tally: Record, Equatable {
    static let noun = Noun.safety
    static let fields: [FieldSpec<Tally>] = []
    var id: RecordID
    var n = 0
    init(id: RecordID) { self.id = id }
    init(_ id: RecordID, _ n: Int) { self.id = id; self.n = n }
}

extension RecordTable where R == Tally {
    var numbers: [Int] { values.map(\.n) }
    subscript(n id: RecordID) -> Int? { self[id]?.n }
}

@Suite struct RecordTableTests {
    static func table(_ pairs: [(RecordID, Int)]) -> RecordTable<Tally> {
        var t = RecordTable<Tally>()
        for (k, v) in pairs { t[k] = Tally(k, v) }
        return t
    }

    @Test func orderIsKeptAcrossRemovalsAndReAdds() throws {
        var t = Self.table([("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5)])
        #expect(t.removeValue(forKey: "b") == Tally("b", 2))
        t["d"] = nil
        #expect(t.removeValue(forKey: "zz") == nil)
        t["c"] = Tally("c", 30) // an existing id keeps its place
        #expect(t.updateValue(Tally("e", 50), forKey: "e") == Tally("e", 5))
        t["b"] = Tally("b", 20) // a removed id comes back at the end
        #expect(t.keys.elements == ["a", "c", "e", "b"])
        #expect(t.numbers == [1, 30, 50, 20])
        #expect(t.map(\.key) == ["a", "c", "e", "b"] && t.map(\.value.n) == [1, 30, 50, 20])
        #expect(t.count == 4 && t.values.count == 4 && t.keys.count == 4 && !t.isEmpty)
        #expect(t.values.first?.n == 1 && t.values.last?.n == 20 && t.keys.last == "b" && t.last?.key == "b")
        #expect(t.values.reversed().map(\.n) == [20, 50, 30, 1])
        #expect(t.values.first(where: { $0.n > 10 })?.n == 30 && t.values.filter { $0.n > 10 }.map(\.n) == [30, 50, 20])
        #expect(t.values.enumerated().map(\.offset) == [0, 1, 2, 3])
        #expect(t["d"] == nil && t[n: "b"] == 20 && t.keys.contains("c") && !t.keys.contains("d"))
        let i = try #require(t.index(forKey: "e"))
        #expect(t.values[i].n == 50 && t[i].key == "e" && t.keys[i] == "e")
        // Removing the first and the last records leaves no walk over holes at either end.
        t["a"] = nil
        t["b"] = nil
        #expect(t.values.first?.n == 30 && t.values.last?.n == 50 && t.keys.elements == ["c", "e"])
        t["c"] = nil
        t["e"] = nil
        #expect(t.isEmpty && t.values.isEmpty && t.numbers.isEmpty && t.slotCount == 0)
        t["f"] = Tally("f", 6)
        #expect(t.keys.elements == ["f"] && t.values.first?.n == 6)
    }

    @Test func editingInPlaceChangesOrRemovesTheRecord() {
        func set(_ x: inout Tally?, _ v: Tally?) { x = v }
        var t = Self.table([("a", 1), ("b", 2), ("c", 3)])
        t["b"]?.n += 10
        set(&t["a"], nil) // through the modify accessor
        set(&t["n"], Tally("n", 7))
        set(&t["m"], nil)
        #expect(t.keys.elements == ["b", "c", "n"] && t.numbers == [12, 3, 7] && t["m"] == nil)
    }

    @Test func compactionKeepsOrderAndLookups() {
        let ids = (0..<1000).map { RecordID("r\($0)") }
        var t = RecordTable<Tally>()
        for (i, id) in ids.enumerated() { t[id] = Tally(id, i) }
        // Every id not a multiple of 3 goes, from the middle out, so holes pile up inside.
        var gone = ids.indices.filter { $0 % 3 != 0 }
        gone.sort { abs($0 - 500) < abs($1 - 500) }
        for (n, i) in gone.enumerated() {
            t.removeValue(forKey: ids[i])
            // Holes never exceed half the slots, so walking the table stays O(count).
            #expect(t.slotCount <= 2 * t.count, "after \(n + 1) removals")
        }
        let kept = ids.indices.filter { $0 % 3 == 0 }
        #expect(t.keys.elements == kept.map { ids[$0] } && t.numbers == kept)
        for (i, id) in ids.enumerated() {
            #expect(t[n: id] == (i % 3 == 0 ? i : nil))
            if let x = t.index(forKey: id) { #expect(t.values[x].n == i && t.keys[x] == id) }
        }
        t[ids[1]] = Tally(ids[1], -1)
        #expect(t.keys.last == ids[1] && t.values.last?.n == -1 && t.count == kept.count + 1)
    }

    @Test func equalityIgnoresHoles() {
        var a = Self.table((0..<50).map { (RecordID("x\($0)"), $0) })
        // 20 holes in 50 slots: too few to compact.
        for i in 0..<50 where i % 5 == 1 || i % 5 == 2 { a[RecordID("x\(i)")] = nil }
        let b = Self.table((0..<50).filter { $0 % 5 != 1 && $0 % 5 != 2 }.map { (RecordID("x\($0)"), $0) })
        #expect(a.slotCount != b.slotCount && a == b)
        let c = RecordTable(uncheckedUniqueKeys: b.keys, values: b.values)
        #expect(c == a)
        var d = b
        d["x0"] = nil
        d["x0"] = Tally("x0", 0) // the same records in another order
        #expect(d != b && d.count == b.count)
        var e = b
        e["x0"]?.n = 1
        #expect(e != b)
    }

    /// Random adds, sets, edits and removes against OrderedDictionary, compared at every step.
    @Test func aRandomSequenceMatchesOrderedDictionary() {
        var rng = SplitMix(seed: 20_260_105)
        var t = RecordTable<Tally>(), ref = OrderedDictionary<RecordID, Int>()
        let pool = (0..<300).map { RecordID("k\($0)") }
        var compactions = 0
        for step in 0..<20_000 {
            // Phases that lean to adding, then to removing, so the table grows and shrinks.
            let removeShare: UInt64 = (step / 2500) % 2 == 0 ? 30 : 70
            let id = pool[Int(rng.next() % UInt64(pool.count))]
            let v = Int(rng.next() % 1000)
            let roll = rng.next() % 100
            let holesBefore = t.slotCount - t.count
            if roll < removeShare {
                if rng.next() % 2 == 0 {
                    #expect(t.removeValue(forKey: id)?.n == ref.removeValue(forKey: id))
                } else {
                    t[id] = nil
                    ref[id] = nil
                }
            } else if roll < removeShare + 10, t[id] != nil {
                t[id]?.n += v
                ref[id]? += v
            } else if rng.next() % 2 == 0 {
                #expect(t.updateValue(Tally(id, v), forKey: id)?.n == ref.updateValue(v, forKey: id))
            } else {
                t[id] = Tally(id, v)
                ref[id] = v
            }
            guard t.keys.elements == ref.keys.elements, t.numbers == Array(ref.values),
                  t.count == ref.count, t.values.count == ref.values.count, t[n: id] == ref[id],
                  t.slotCount <= 2 * t.count
            else {
                Issue.record("differs from OrderedDictionary after step \(step)")
                return
            }
            if holesBefore > 1, t.slotCount == t.count, t.count > 0 { compactions += 1 }
        }
        #expect(t == RecordTable(uncheckedUniqueKeys: ref.keys, values: ref.map { Tally($0.key, $0.value) }))
        #expect(compactions > 10, "the sequence exercises compaction")
    }
}
