/// The whole production in memory: what replaying the journal builds.
public struct Model: Sendable {
    public internal(set) var production = Production(id: "production")
    public internal(set) var boards = RecordTable<Board>()
    public internal(set) var days = RecordTable<ShootDay>()
    public internal(set) var strips = RecordTable<Strip>()
    public internal(set) var banners = RecordTable<Banner>()
    public internal(set) var calendar = RecordTable<CalendarEntry>()
    public internal(set) var crew = RecordTable<CrewMember>()
    public internal(set) var kit = RecordTable<Kit>()
    public internal(set) var bookings = RecordTable<Booking>()
    public internal(set) var locations = RecordTable<Location>()
    public internal(set) var calls = RecordTable<CallTime>()
    public internal(set) var safety = RecordTable<SafetyNote>()
    public internal(set) var travel = RecordTable<Travel>()
    public internal(set) var callSheets = RecordTable<CallSheetIssue>()
    public internal(set) var progress = RecordTable<DayProgress>()
    public internal(set) var categories = RecordTable<Category>()
    public internal(set) var accounts = RecordTable<Account>()
    public internal(set) var budgetLines = RecordTable<BudgetLine>()
    public internal(set) var approvals = RecordTable<Approval>()
    public internal(set) var transfers = RecordTable<Transfer>()
    public internal(set) var costs = RecordTable<CostEntry>()
    public internal(set) var estimates = RecordTable<Estimate>()
    public internal(set) var clearances = RecordTable<Clearance>()
    public internal(set) var clearanceLog = RecordTable<ClearanceLog>()
    /// What each removed record was, so `restore` brings it back as the same kind of record.
    public internal(set) var removedNouns = [RecordID: Noun]()
    /// The noun each live id belongs to.
    public internal(set) var nounOf = [RecordID: Noun]()
    public internal(set) var accountIDByCode = [String: RecordID]()
    public internal(set) var categoryIDByCode = [String: RecordID]()
    /// The open commitment (PO) of each PO number.
    public internal(set) var commitmentByPO = [String: RecordID]()
    /// Live cost entries per account code (to refuse removing an account in use).
    public internal(set) var costCountByCode = [String: Int]()
    /// The booking of each (crew or kit id, date): one code per person per day.
    public internal(set) var bookingAt = [BookingKey: RecordID]()
    /// Derived, kept by `apply` and rebuilt (not stored) by a checkpoint: the ledger's running
    /// totals, each person's and kit item's bookings, and what each change touched.
    public internal(set) var totals = LedgerTotals()
    public internal(set) var bookingsOf = [String: Set<RecordID>]()
    public internal(set) var marks = ChangeMarks()

    public struct BookingKey: Hashable, Sendable {
        public var who: String
        public var date: CalendarDate
        public init(who: String, date: CalendarDate) { self.who = who; self.date = date }
    }

    /// Every production starts with one board, `main`, active.
    public init() {
        var main = Board(id: Board.mainID)
        main.name = "Main board"
        main.active = "yes"
        boards[main.id] = main
        nounOf[main.id] = .board
    }

    public func count(of noun: Noun) -> Int {
        switch noun {
        case .production: return 1
        case .board: return boards.count
        case .day: return days.count
        case .strip: return strips.count
        case .banner: return banners.count
        case .calendar: return calendar.count
        case .crew: return crew.count
        case .kit: return kit.count
        case .booking: return bookings.count
        case .location: return locations.count
        case .call: return calls.count
        case .safety: return safety.count
        case .travel: return travel.count
        case .callsheet: return callSheets.count
        case .progress: return progress.count
        case .category: return categories.count
        case .account: return accounts.count
        case .budget: return budgetLines.count
        case .approval: return approvals.count
        case .transfer: return transfers.count
        case .etc: return estimates.count
        case .cost: return costs.count
        case .clearance: return clearances.count
        case .log: return clearanceLog.count
        }
    }

    /// The board call sheets, reports and new days use.
    public var activeBoard: Board {
        boards.values.first(where: \.isActive) ?? boards[Board.mainID] ?? Board(id: Board.mainID)
    }

    public func contains(_ id: RecordID, as noun: Noun) -> Bool { nounOf[id] == noun }

    /// Whether an id was ever added, removed ones too: an id is never reused. Worked out from
    /// the live and the removed ids rather than kept as a third table of every id.
    public func isUsed(_ id: RecordID) -> Bool { nounOf[id] != nil || removedNouns[id] != nil }

    /// Every id ever added (tests, compaction's check): a set built on each call.
    public var usedIDs: Set<RecordID> { Set(nounOf.keys).union(removedNouns.keys) }

    public func account(code: String) -> Account? {
        accountIDByCode[code].flatMap { accounts[$0] }
    }

    /// The active board's shoot days in running order.
    public var daysInOrder: [ShootDay] { layout(of: activeBoard.id).days.compactMap { days[$0.id] } }

    /// A record's fields as (label, text), for detail lines and forms.
    public func fieldValues(of id: RecordID) -> [(FieldInfo, FieldValue)] {
        func pairs<R: Record>(_ r: R?) -> [(FieldInfo, FieldValue)] {
            guard let r else { return [] }
            return R.fields.map { ($0.info, $0.get(r)) }
        }
        switch nounOf[id] {
        case .board: return pairs(boards[id])
        case .day: return pairs(days[id])
        case .strip: return pairs(strips[id])
        case .banner: return pairs(banners[id])
        case .calendar: return pairs(calendar[id])
        case .crew: return pairs(crew[id])
        case .kit: return pairs(kit[id])
        case .booking: return pairs(bookings[id])
        case .location: return pairs(locations[id])
        case .call: return pairs(calls[id])
        case .safety: return pairs(safety[id])
        case .travel: return pairs(travel[id])
        case .callsheet: return pairs(callSheets[id])
        case .progress: return pairs(progress[id])
        case .category: return pairs(categories[id])
        case .account: return pairs(accounts[id])
        case .budget: return pairs(budgetLines[id])
        case .approval: return pairs(approvals[id])
        case .transfer: return pairs(transfers[id])
        case .etc: return pairs(estimates[id])
        case .cost: return pairs(costs[id])
        case .clearance: return pairs(clearances[id])
        case .log: return pairs(clearanceLog[id])
        case .production: return pairs(production)
        case nil: return []
        }
    }
}

extension Noun {
    /// The field table of this noun's record type.
    /// Built once: every journal line looks its keys up here.
    static let fieldTables: [Noun: [FieldInfo]] = Dictionary(uniqueKeysWithValues: Noun.allCases.map { ($0, $0.buildFields()) })

    public var fields: [FieldInfo] { Noun.fieldTables[self] ?? [] }

    private func buildFields() -> [FieldInfo] {
        switch self {
        case .production: return Production.fields.map(\.info)
        case .board: return Board.fields.map(\.info)
        case .day: return ShootDay.fields.map(\.info)
        case .strip: return Strip.fields.map(\.info)
        case .banner: return Banner.fields.map(\.info)
        case .calendar: return CalendarEntry.fields.map(\.info)
        case .crew: return CrewMember.fields.map(\.info)
        case .kit: return Kit.fields.map(\.info)
        case .booking: return Booking.fields.map(\.info)
        case .location: return Location.fields.map(\.info)
        case .call: return CallTime.fields.map(\.info)
        case .safety: return SafetyNote.fields.map(\.info)
        case .travel: return Travel.fields.map(\.info)
        case .callsheet: return CallSheetIssue.fields.map(\.info)
        case .progress: return DayProgress.fields.map(\.info)
        case .category: return Category.fields.map(\.info)
        case .account: return Account.fields.map(\.info)
        case .budget: return BudgetLine.fields.map(\.info)
        case .approval: return Approval.fields.map(\.info)
        case .transfer: return Transfer.fields.map(\.info)
        case .etc: return Estimate.fields.map(\.info)
        case .cost: return CostEntry.fields.map(\.info)
        case .clearance: return Clearance.fields.map(\.info)
        case .log: return ClearanceLog.fields.map(\.info)
        }
    }

    public func field(_ key: String) -> FieldInfo? { fields.first { $0.matches(key) } }

    /// What an add or edit form asks: the fields, and for a strip its shoot day first.
    public var formFields: [FieldInfo] {
        self == .strip ? [FieldInfo(key: "day", aliases: [], label: "Shoot day", kind: .dayRef, required: false,
                                    defaultText: nil, help: "day id; empty: the boneyard")] + fields : fields
    }
}
