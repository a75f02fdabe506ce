import Collections

extension Model {
    /// The one place state changes. The event must have come from `validate`.
    public mutating func apply(_ e: Event) {
        switch e.noun {
        case .production:
            Model.assign(&production, e.values)
        case .day:
            Model.change(&days, e, used: &usedIDs, nounOf: &nounOf)
            if e.verb == .rm, let id = e.id {
                // Strips of a removed day wait in the boneyard.
                for (sid, s) in strips where s.day == id.raw { strips[sid]?.day = "" }
            }
        case .strip:
            Model.change(&strips, e, used: &usedIDs, nounOf: &nounOf)
        case .crew:
            Model.change(&crew, e, used: &usedIDs, nounOf: &nounOf)
        case .account:
            let oldCode = e.id.flatMap { accounts[$0]?.code }
            Model.change(&accounts, e, used: &usedIDs, nounOf: &nounOf)
            guard let id = e.id else { return }
            if let oldCode { accountIDByCode[oldCode] = nil }
            if let newCode = accounts[id]?.code {
                accountIDByCode[newCode] = id
                if let oldCode, oldCode != newCode {
                    // Costs follow their account when its code changes.
                    for (cid, c) in costs where c.account == oldCode { costs[cid]?.account = newCode }
                    costCountByCode[newCode] = costCountByCode.removeValue(forKey: oldCode)
                }
            }
        case .cost:
            if let id = e.id, let old = costs[id] { costCountByCode[old.account, default: 1] -= 1 }
            Model.change(&costs, e, used: &usedIDs, nounOf: &nounOf)
            if let id = e.id, let new = costs[id] { costCountByCode[new.account, default: 0] += 1 }
        case .clearance:
            Model.change(&clearances, e, used: &usedIDs, nounOf: &nounOf)
        }
    }

    static func assign<R: Record>(_ r: inout R, _ values: [Event.Assignment]) {
        for a in values {
            if let f = R.fields.first(where: { $0.info.key == a.key }) { f.set(&r, a.value) }
        }
    }

    static func change<R: Record>(_ table: inout OrderedDictionary<RecordID, R>, _ e: Event,
                                  used: inout Set<RecordID>, nounOf: inout [RecordID: Noun]) {
        guard let id = e.id else { return }
        switch e.verb {
        case .add:
            var r = R(id: id)
            assign(&r, e.values)
            table[id] = r
            used.insert(id)
            nounOf[id] = R.noun
        case .set:
            if var r = table[id] {
                assign(&r, e.values)
                table[id] = r
            }
        case .rm:
            table.removeValue(forKey: id)
            nounOf[id] = nil
        }
    }
}
