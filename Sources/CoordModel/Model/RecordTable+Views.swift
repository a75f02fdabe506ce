// The table, its keys and its values as collections of the live records in order. An index
// is a slot, so it skips holes; it is opaque so that no one reads `values[0]` as "the first".

extension RecordTable {
    public struct Index: Comparable, Hashable, Sendable {
        @usableFromInline let slot: Int
        @inlinable init(_ slot: Int) { self.slot = slot }
        @inlinable public static func < (a: Index, b: Index) -> Bool { a.slot < b.slot }
    }

    /// The live slot after `s`, or `live.count`.
    @inlinable static func slot(after s: Int, in live: [Bool]) -> Int {
        var s = s + 1
        while s < live.count, !live[s] { s += 1 }
        return s
    }

    /// The live slot before `s` (there must be one).
    @inlinable static func slot(before s: Int, in live: [Bool]) -> Int {
        var s = s - 1
        while !live[s] { s -= 1 }
        return s
    }

    /// The live records in the order they were added.
    @inlinable public var values: Values { Values(records: records, live: live, head: head, count: slotOf.count) }

    /// The live ids in the order their records were added.
    @inlinable public var keys: Keys { Keys(ids: ids, live: live, slotOf: slotOf, head: head) }

    public struct Values: BidirectionalCollection, Sendable {
        @usableFromInline let records: [R]
        @usableFromInline let live: [Bool]
        @usableFromInline let head: Int
        public let count: Int

        @inlinable init(records: [R], live: [Bool], head: Int, count: Int) {
            self.records = records
            self.live = live
            self.head = head
            self.count = count
        }

        @inlinable public var startIndex: Index { Index(head) }
        @inlinable public var endIndex: Index { Index(live.count) }
        @inlinable public var isEmpty: Bool { count == 0 }
        @inlinable public func index(after i: Index) -> Index { Index(RecordTable.slot(after: i.slot, in: live)) }
        @inlinable public func index(before i: Index) -> Index { Index(RecordTable.slot(before: i.slot, in: live)) }
        @inlinable public subscript(i: Index) -> R {
            precondition(live[i.slot], "RecordTable.Values: index of a removed record")
            return records[i.slot]
        }

        @inlinable public func makeIterator() -> Iterator { Iterator(records: records, live: live, at: head) }

        public struct Iterator: IteratorProtocol, Sendable {
            @usableFromInline let records: [R]
            @usableFromInline let live: [Bool]
            @usableFromInline var at: Int
            @inlinable init(records: [R], live: [Bool], at: Int) { self.records = records; self.live = live; self.at = at }

            @inlinable public mutating func next() -> R? {
                while at < live.count {
                    let i = at
                    at += 1
                    if live[i] { return records[i] }
                }
                return nil
            }
        }
    }

    public struct Keys: BidirectionalCollection, Sendable {
        @usableFromInline let ids: [RecordID]
        @usableFromInline let live: [Bool]
        @usableFromInline let slotOf: [RecordID: Int]
        @usableFromInline let head: Int

        @inlinable init(ids: [RecordID], live: [Bool], slotOf: [RecordID: Int], head: Int) {
            self.ids = ids
            self.live = live
            self.slotOf = slotOf
            self.head = head
        }

        @inlinable public var startIndex: Index { Index(head) }
        @inlinable public var endIndex: Index { Index(live.count) }
        @inlinable public var count: Int { slotOf.count }
        @inlinable public var isEmpty: Bool { slotOf.isEmpty }
        @inlinable public func index(after i: Index) -> Index { Index(RecordTable.slot(after: i.slot, in: live)) }
        @inlinable public func index(before i: Index) -> Index { Index(RecordTable.slot(before: i.slot, in: live)) }
        @inlinable public subscript(i: Index) -> RecordID {
            precondition(live[i.slot], "RecordTable.Keys: index of a removed record")
            return ids[i.slot]
        }

        /// Whether `id` has a live record: a hash lookup, not a walk.
        @inlinable public func contains(_ id: RecordID) -> Bool { slotOf[id] != nil }
        @inlinable public func firstIndex(of id: RecordID) -> Index? { slotOf[id].map(Index.init) }
        /// The ids as an array, as `OrderedSet.elements` gives them.
        @inlinable public var elements: [RecordID] { Array(self) }
    }
}

extension RecordTable: BidirectionalCollection {
    public typealias Element = (key: RecordID, value: R)

    @inlinable public var startIndex: Index { Index(head) }
    @inlinable public var endIndex: Index { Index(live.count) }
    @inlinable public func index(after i: Index) -> Index { Index(RecordTable.slot(after: i.slot, in: live)) }
    @inlinable public func index(before i: Index) -> Index { Index(RecordTable.slot(before: i.slot, in: live)) }
    @inlinable public subscript(i: Index) -> Element {
        precondition(live[i.slot], "RecordTable: index of a removed record")
        return (ids[i.slot], records[i.slot])
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(ids: ids, records: records, live: live, at: head) }

    public struct Iterator: IteratorProtocol, Sendable {
        @usableFromInline let ids: [RecordID]
        @usableFromInline let records: [R]
        @usableFromInline let live: [Bool]
        @usableFromInline var at: Int
        @inlinable init(ids: [RecordID], records: [R], live: [Bool], at: Int) {
            self.ids = ids
            self.records = records
            self.live = live
            self.at = at
        }

        @inlinable public mutating func next() -> Element? {
            while at < live.count {
                let i = at
                at += 1
                if live[i] { return (ids[i], records[i]) }
            }
            return nil
        }
    }
}
