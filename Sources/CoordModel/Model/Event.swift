/// A checked change: the one thing `Model.apply` accepts and the journal stores.
public struct Event: Sendable, Equatable {
    public struct Assignment: Sendable, Equatable {
        public var key: String
        public var value: FieldValue
        public init(key: String, value: FieldValue) { self.key = key; self.value = value }
    }
    public var noun: Noun
    public var verb: Verb
    /// nil only for `production set`.
    public var id: RecordID?
    /// In the order of the record's fields.
    public var values: [Assignment]
    /// Where a strip, day break or banner goes in a board's running order.
    public var placement: Placement?

    public init(noun: Noun, verb: Verb, id: RecordID?, values: [Assignment], placement: Placement? = nil) {
        self.noun = noun; self.verb = verb; self.id = id; self.values = values; self.placement = placement
    }

    public func value(_ key: String) -> FieldValue? { values.first { $0.key == key }?.value }

    /// The canonical journal line (without the time-stamp comment).
    public var line: String {
        var pairs: [(String, String)] = []
        if let id { pairs.append(("id", id.raw)) }
        for a in values { pairs.append((a.key, a.value.journalText)) }
        if let p = placement { pairs += p.pairs(for: noun) }
        return LineGrammar.line(noun: noun.rawValue, verb: verb.rawValue, pairs: pairs)
    }
}

/// A place in one board's running order.
public struct Placement: Sendable, Equatable {
    public enum Anchor: Sendable, Equatable {
        /// At the end of the board.
        case end
        case after(RecordID)
        case before(RecordID)
        /// After the last strip of that shoot day.
        case endOfDay(RecordID)
        /// Off the board.
        case boneyard
    }
    public var board: RecordID
    public var anchor: Anchor
    public init(board: RecordID, anchor: Anchor) { self.board = board; self.anchor = anchor }

    /// The journal's keys: a day or banner names its board in its own fields.
    func pairs(for noun: Noun) -> [(String, String)] {
        let board: [(String, String)] = noun == .strip ? [("board", self.board.raw)] : []
        switch anchor {
        case .end: return noun == .strip ? board : []
        case .after(let id): return board + [("after", id.raw)]
        case .before(let id): return board + [("before", id.raw)]
        case .endOfDay(let id): return [("day", id.raw)]
        case .boneyard: return board + [("boneyard", "yes")]
        }
    }
}
