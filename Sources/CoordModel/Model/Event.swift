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

    public init(noun: Noun, verb: Verb, id: RecordID?, values: [Assignment]) {
        self.noun = noun; self.verb = verb; self.id = id; self.values = values
    }

    public func value(_ key: String) -> FieldValue? { values.first { $0.key == key }?.value }

    /// The canonical journal line (without the time-stamp comment).
    public var line: String {
        var pairs: [(String, String)] = []
        if let id { pairs.append(("id", id.raw)) }
        for a in values { pairs.append((a.key, a.value.journalText)) }
        return LineGrammar.line(noun: noun.rawValue, verb: verb.rawValue, pairs: pairs)
    }
}
