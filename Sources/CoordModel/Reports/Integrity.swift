extension Model {
    /// Records that still name a record removed since (a call for a removed day, a log line of a
    /// removed clearance): the journal keeps them as written; `coord check` lists them.
    public func danglingReferences() -> [String] {
        var out: [String] = []
        func gone(_ raw: String, _ noun: Noun) -> Bool { !raw.isEmpty && nounOf[RecordID(raw)] != noun }
        func say(_ what: String, _ id: RecordID, _ key: String, _ raw: String, _ noun: Noun) {
            let state = isUsed(RecordID(raw)) ? "removed" : "never added"
            out.append("\(what) \(id): \(key)=\(raw) names a \(noun.title) that was \(state)")
        }
        for c in calls.values {
            if gone(c.day, .day) { say("call", c.id, "day", c.day, .day) }
            if gone(c.who, .crew) { say("call", c.id, "who", c.who, .crew) }
        }
        for s in safety.values where gone(s.day, .day) { say("safety", s.id, "day", s.day, .day) }
        for t in travel.values where gone(t.who, .crew) { say("travel", t.id, "who", t.who, .crew) }
        for c in callSheets.values where gone(c.day, .day) { say("callsheet", c.id, "day", c.day, .day) }
        for p in progress.values where gone(p.day, .day) { say("progress", p.id, "day", p.day, .day) }
        for s in strips.values where gone(s.shotDay, .day) { say("strip", s.id, "shotday", s.shotDay, .day) }
        for l in clearanceLog.values where gone(l.item, .clearance) { say("log", l.id, "item", l.item, .clearance) }
        return out
    }
}
