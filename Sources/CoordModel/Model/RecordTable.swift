/// One of the model's record tables: records by id, in the order they were added (panes and
/// reports show that order).
///
/// `OrderedDictionary` removes a record by shifting every later one down and adjusting its
/// whole hash table, so a journal with many `rm` lines replayed in quadratic time. Here a
/// removal leaves a hole; holes are squeezed out in one pass once they are more than half the
/// slots, so removing is O(1) amortised and a walk costs at most twice the live records.
/// Setting an existing id keeps its place; re-adding a removed id appends it.
public struct RecordTable<R: Record>: Sendable {
    /// The records in the order they were added. A hole holds a blank record, `R(id: "")`:
    /// a plain `[R]` walks as fast as an array, where `[R?]` copied each record whole.
    @usableFromInline var records: [R]
    /// Each slot's id (a hole keeps the id it had; nothing reads it).
    @usableFromInline var ids: [RecordID]
    /// Whether each slot holds a record. Never ends in a hole.
    @usableFromInline var live: [Bool]
    /// The slot of every live id.
    @usableFromInline var slotOf: [RecordID: Int]
    /// The first live slot (0 when empty), so a walk from the start does not step over old holes.
    @usableFromInline var head: Int

    @inlinable public init() {
        records = []
        ids = []
        live = []
        slotOf = [:]
        head = 0
    }

    /// The records of `values` under the ids of `keys`, in that order; the ids must be unique.
    @inlinable
    public init<K: Sequence, V: Sequence>(uncheckedUniqueKeys keys: K, values: V)
    where K.Element == RecordID, V.Element == R {
        ids = Array(keys)
        records = Array(values)
        precondition(ids.count == records.count, "RecordTable: \(ids.count) keys for \(records.count) values")
        live = Array(repeating: true, count: ids.count)
        slotOf = Dictionary(minimumCapacity: ids.count)
        for (i, id) in ids.enumerated() { slotOf[id] = i }
        assert(slotOf.count == ids.count, "RecordTable: duplicate keys")
        head = 0
    }

    /// How many live records.
    @inlinable public var count: Int { slotOf.count }
    @inlinable public var isEmpty: Bool { slotOf.isEmpty }

    @inlinable public mutating func reserveCapacity(_ n: Int) {
        records.reserveCapacity(n)
        ids.reserveCapacity(n)
        live.reserveCapacity(n)
        slotOf.reserveCapacity(n)
    }

    /// The record of `id`; setting nil removes it, setting a new id appends it.
    @inlinable public subscript(id: RecordID) -> R? {
        get {
            guard let i = slotOf[id] else { return nil }
            return records[i]
        }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
        _modify {
            if let i = slotOf[id] {
                // Swapped out for a blank, the record is held once, so editing it does not copy it.
                var r: R? = R(id: "")
                swap(&r!, &records[i])
                defer {
                    if r != nil { swap(&r!, &records[i]) } else { removeHole(at: i, id) }
                }
                yield &r
            } else {
                var r: R? = nil
                defer { if let r { append(r, id) } }
                yield &r
            }
        }
    }

    /// Replaces the record of `id` in its place, or appends it; returns the old record.
    @inlinable @discardableResult
    public mutating func updateValue(_ r: R, forKey id: RecordID) -> R? {
        guard let i = slotOf[id] else {
            append(r, id)
            return nil
        }
        var old = r
        swap(&old, &records[i])
        return old
    }

    /// Removes the record of `id` and returns it; O(1) amortised.
    @inlinable @discardableResult
    public mutating func removeValue(forKey id: RecordID) -> R? {
        guard let i = slotOf[id] else { return nil }
        var old = R(id: "")
        swap(&old, &records[i])
        removeHole(at: i, id)
        return old
    }

    @inlinable public mutating func removeAll() { self = RecordTable() }

    /// The position of `id`'s record in `values`, `keys` and the table itself.
    @inlinable public func index(forKey id: RecordID) -> Index? { slotOf[id].map(Index.init) }

    @usableFromInline mutating func append(_ r: R, _ id: RecordID) {
        slotOf[id] = records.count
        records.append(r)
        ids.append(id)
        live.append(true)
    }

    /// Slot `i`, holding a blank now, stops being `id`'s.
    @usableFromInline mutating func removeHole(at i: Int, _ id: RecordID) {
        slotOf[id] = nil
        live[i] = false
        if i == live.count - 1 {
            // Trailing holes go at once, so `values.last` never walks over them.
            while live.last == false {
                records.removeLast()
                ids.removeLast()
                live.removeLast()
            }
        }
        if live.isEmpty {
            head = 0
            return
        }
        if i == head {
            // Stops: the last slot is live. Each slot is stepped over once, so O(1) amortised.
            while !live[head] { head += 1 }
        }
        if (live.count - slotOf.count) * 2 > live.count { compact() }
    }

    /// Moves the live records down over the holes, keeping their order.
    @usableFromInline mutating func compact() {
        var j = 0
        for i in head..<live.count where live[i] {
            if i != j {
                records.swapAt(i, j)
                ids.swapAt(i, j)
                slotOf[ids[j]] = j
            }
            j += 1
        }
        records.removeLast(records.count - j)
        ids.removeLast(ids.count - j)
        live = Array(repeating: true, count: j)
        head = 0
    }

    /// How many slots the table holds, holes included (for tests of compaction).
    var slotCount: Int { live.count }
}

extension RecordTable: Equatable where R: Equatable {
    /// The same ids with equal records in the same order; holes do not count.
    @inlinable public static func == (a: RecordTable, b: RecordTable) -> Bool {
        a.count == b.count && a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
    }
}

extension RecordTable: CustomStringConvertible {
    public var description: String {
        "[" + map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
