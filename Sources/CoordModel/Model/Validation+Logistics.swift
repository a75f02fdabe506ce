extension Model {
    /// Rules across fields for calls, travel and locations.
    func checkLogistics(_ noun: Noun, _ verb: Verb, id: RecordID?, given: [String: (FieldInfo, FieldValue)]) throws(CommandError) {
        func text(_ key: String, _ current: String?) -> String {
            if let v = given[key]?.1 { return v.journalText }
            return current ?? ""
        }
        guard verb != .rm else {
            if noun == .location, let id, let day = days.values.first(where: { $0.site == id.raw }) {
                throw CommandError("location \(locations[id]?.name ?? id.raw) is used by shoot day \(day.id); change the day first")
            }
            return
        }
        switch noun {
        case .call:
            let current = id.flatMap { calls[$0] }
            let who = text("who", current?.who), dept = text("dept", current?.dept)
            if who.isEmpty == dept.isEmpty {
                throw CommandError("a call is for one person (who=) or one department (dept=)", key: who.isEmpty ? "who" : "dept")
            }
            if given["who"] != nil, !who.isEmpty, nounOf[RecordID(who)] != .crew {
                throw CommandError("\(who) is kit, not a person: kit has no call time", key: "who")
            }
            let day = text("day", current?.day)
            // Only a new call, or one moved to another day or person, can clash (a scan of every call).
            let moved = verb == .add || given["day"] != nil || given["who"] != nil || given["dept"] != nil
            if moved, let other = calls.values.first(where: { $0.id != id && $0.day == day && ((!who.isEmpty && $0.who == who) || (who.isEmpty && $0.dept == dept)) }) {
                throw CommandError("\(who.isEmpty ? dept : who) already has a call on that day (\(other.id)); change that one", key: who.isEmpty ? "dept" : "who")
            }
        case .travel:
            let who = text("who", id.flatMap { travel[$0] }?.who)
            if given["who"] != nil, !who.isEmpty, nounOf[RecordID(who)] != .crew {
                throw CommandError("\(who) is kit, not a person: book its transport as a cost", key: "who")
            }
        default:
            break
        }
    }
}
