import Collections

/// The whole production in memory: what replaying the journal builds.
public struct Model: Sendable {
    public internal(set) var production = Production(id: "production")
    public internal(set) var days = OrderedDictionary<RecordID, ShootDay>()
    public internal(set) var strips = OrderedDictionary<RecordID, Strip>()
    public internal(set) var crew = OrderedDictionary<RecordID, CrewMember>()
    public internal(set) var accounts = OrderedDictionary<RecordID, Account>()
    public internal(set) var costs = OrderedDictionary<RecordID, CostEntry>()
    public internal(set) var clearances = OrderedDictionary<RecordID, Clearance>()
    /// Every id ever added, removed ones too: an id is never reused.
    public internal(set) var usedIDs = Set<RecordID>()
    /// The noun each live id belongs to.
    public internal(set) var nounOf = [RecordID: Noun]()
    public internal(set) var accountIDByCode = [String: RecordID]()
    /// Live cost entries per account code (to refuse removing an account in use).
    public internal(set) var costCountByCode = [String: Int]()

    public init() {}

    public func count(of noun: Noun) -> Int {
        switch noun {
        case .production: return 1
        case .day: return days.count
        case .strip: return strips.count
        case .crew: return crew.count
        case .account: return accounts.count
        case .cost: return costs.count
        case .clearance: return clearances.count
        }
    }

    public func contains(_ id: RecordID, as noun: Noun) -> Bool { nounOf[id] == noun }

    public func account(code: String) -> Account? {
        accountIDByCode[code].flatMap { accounts[$0] }
    }

    /// Shoot days in date order (then unit), as the schedule runs.
    public var daysInOrder: [ShootDay] {
        days.values.sorted { a, b in
            (a.date ?? CalendarDate(dayNumber: .max), a.unit) < (b.date ?? CalendarDate(dayNumber: .max), b.unit)
        }
    }

    /// A record's fields as (label, text), for detail lines and forms.
    public func fieldValues(of id: RecordID) -> [(FieldInfo, FieldValue)] {
        func pairs<R: Record>(_ r: R?) -> [(FieldInfo, FieldValue)] {
            guard let r else { return [] }
            return R.fields.map { ($0.info, $0.get(r)) }
        }
        switch nounOf[id] {
        case .day: return pairs(days[id])
        case .strip: return pairs(strips[id])
        case .crew: return pairs(crew[id])
        case .account: return pairs(accounts[id])
        case .cost: return pairs(costs[id])
        case .clearance: return pairs(clearances[id])
        case .production: return pairs(production)
        case nil: return []
        }
    }
}

extension Noun {
    /// The field table of this noun's record type.
    public var fields: [FieldInfo] {
        switch self {
        case .production: return Production.fields.map(\.info)
        case .day: return ShootDay.fields.map(\.info)
        case .strip: return Strip.fields.map(\.info)
        case .crew: return CrewMember.fields.map(\.info)
        case .account: return Account.fields.map(\.info)
        case .cost: return CostEntry.fields.map(\.info)
        case .clearance: return Clearance.fields.map(\.info)
        }
    }

    public func field(_ key: String) -> FieldInfo? { fields.first { $0.matches(key) } }
}
