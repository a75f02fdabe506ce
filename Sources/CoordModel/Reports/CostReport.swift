/// The cost report: per account, per category, above and below the line and in total.
public struct CostReport: Sendable {
    public struct Figures: Sendable, Equatable {
        public var original = Money.zero
        public var budget = Money.zero
        public var period = Money.zero
        public var actual = Money.zero
        public var committed = Money.zero
        public var etc = Money.zero
        public init() {}
        public var total: Money { actual + committed }
        public var efc: Money { total + etc }
        /// Budget minus EFC: negative is over budget.
        public var variance: Money { budget - efc }
        public var isOver: Bool { variance.isNegative }

        static func + (a: Figures, b: Figures) -> Figures {
            var s = a
            s.original += b.original; s.budget += b.budget; s.period += b.period
            s.actual += b.actual; s.committed += b.committed; s.etc += b.etc
            return s
        }
    }
    /// Where an account's ETC comes from.
    public enum ETCSource: Sendable, Equatable {
        /// Typed in by hand, with its reason.
        case entered(Estimate)
        /// Days still booked for the crew coded to the account, at their rates.
        case schedule(days: Int)
        /// What is left of the budget (never below zero).
        case remaining

        public var label: String {
            switch self {
            case .entered: return "entered"
            case .schedule: return "schedule"
            case .remaining: return "budget"
            }
        }
    }
    public enum Kind: Sendable, Equatable { case account, category, line, total }
    public struct Line: Sendable {
        public var kind: Kind
        public var code: String
        public var title: String
        public var figures: Figures
        public var account: RecordID?
        public var etcSource: ETCSource?
    }

    /// Costs dated up to here count to date; nil: every cost recorded.
    public var toDate: CalendarDate?
    /// The week this period's column shows.
    public var periodStart: CalendarDate
    public var periodEnd: CalendarDate
    public var lines: [Line]

    public var total: Figures { lines.last?.figures ?? Figures() }
    public func account(_ code: String) -> Line? { lines.first { $0.kind == .account && $0.code == code } }
    public var overAccounts: [Line] { lines.filter { $0.kind == .account && $0.figures.isOver } }
}

extension Model {
    /// The Sunday that ends the week holding `day`.
    public static func weekEnding(_ day: CalendarDate) -> CalendarDate { day.adding(days: 6 - day.weekday) }

    /// The cost report for the week ending `periodEnd` (costs after it are left out), or,
    /// with no period, for every cost recorded with this week as the period.
    /// `fromScratch` reads every cost entry even with no period (tests hold the two ways equal).
    public func costReport(periodEnd: CalendarDate?, today: CalendarDate, dood: DayOutOfDays? = nil,
                           fromScratch: Bool = false) -> CostReport {
        let end = periodEnd ?? Model.weekEnding(today)
        let start = end.adding(days: -6)
        var figures = periodEnd == nil && !fromScratch ? runningFigures(start: start, end: end)
                                                       : scannedFigures(start: start, end: end, upTo: periodEnd)
        // ETC: the latest one entered, else the schedule's booked days, else what is left.
        var entered: [String: Estimate] = [:]
        if periodEnd == nil && !fromScratch {
            for (code, id) in totals.latestEstimate { entered[code] = estimates[id] }
        } else {
            // A report for a past week uses the ETC as it stood then.
            for e in estimates.values where periodEnd == nil || (e.date ?? end) <= end { entered[e.account] = e }
        }
        let suggested = suggestedETC(after: periodEnd ?? today, dood: dood)
        var sources: [String: CostReport.ETCSource] = [:]
        for (code, f) in figures {
            if let e = entered[code] {
                figures[code]!.etc = e.amount ?? .zero
                sources[code] = .entered(e)
            } else if let s = suggested[code] {
                figures[code]!.etc = s.amount
                sources[code] = .schedule(days: s.days)
            } else {
                let left = f.budget - f.total
                figures[code]!.etc = left.isNegative ? .zero : left
                sources[code] = .remaining
            }
        }

        var lines: [CostReport.Line] = []
        var grand = CostReport.Figures()
        let groups = Dictionary(grouping: accounts.values) { $0.category }
        let cats = categories.values.sorted { Model.codeOrder($0.code, $1.code) }
        for atl in [true, false] {
            var sub = CostReport.Figures()
            var any = false
            var keys: [(code: String, name: String)] = cats.filter { $0.isAboveTheLine == atl }.map { ($0.code, $0.name) }
            if !atl, groups[""] != nil || groups.keys.contains(where: { !$0.isEmpty && categoryIDByCode[$0] == nil }) {
                keys.append(("", "No category"))
            }
            for (code, name) in keys {
                let members = (code.isEmpty ? accounts.values.filter { $0.category.isEmpty || categoryIDByCode[$0.category] == nil }
                                            : groups[code] ?? []).sorted { Model.codeOrder($0.code, $1.code) }
                guard !members.isEmpty else { continue }
                var cat = CostReport.Figures()
                for a in members {
                    let f = figures[a.code] ?? .init()
                    cat = cat + f
                    lines.append(.init(kind: .account, code: a.code, title: a.description, figures: f, account: a.id,
                                       etcSource: sources[a.code]))
                }
                lines.append(.init(kind: .category, code: code, title: "Total \(name)", figures: cat))
                sub = sub + cat
                any = true
            }
            if any {
                lines.append(.init(kind: .line, code: atl ? "ATL" : "BTL",
                                   title: atl ? "Total above the line" : "Total below the line", figures: sub))
                grand = grand + sub
            }
        }
        lines.append(.init(kind: .total, code: "", title: "Grand total", figures: grand))
        return CostReport(toDate: periodEnd, periodStart: start, periodEnd: end, lines: lines)
    }

    /// For accounts that crew are coded to: the days each person is still booked or scheduled
    /// to work after `cutoff`, at their rate (a week's rate over 5 days; flat fees go on a PO).
    /// `dood` is the active board's grid when the caller keeps one up to date.
    public func suggestedETC(after cutoff: CalendarDate, dood given: DayOutOfDays? = nil) -> [String: (amount: Money, days: Int)] {
        let coded = crew.values.filter { !$0.account.isEmpty && $0.rate != nil && $0.rateType != "flat" }
        guard !coded.isEmpty else { return [:] }
        // Only the coded people's own bookings are read (bookingsOf), never the whole table.
        var dates: [String: Set<CalendarDate>] = [:]
        var scheduled = Set<String>()
        for c in coded {
            for id in bookingsOf[c.id.raw] ?? [] {
                guard let b = bookings[id], b.code != "D" else { continue }
                // An account follows the schedule once someone coded to it has any day booked at all.
                scheduled.insert(b.who)
                if let d = b.date, d > cutoff { dates[b.who, default: []].insert(d) }
            }
        }
        let codedCast = Set(coded.filter { !$0.castNumber.isEmpty }.map(\.id))
        let dood = codedCast.isEmpty ? nil : given ?? dayOutOfDays(board: activeBoard.id)
        for row in dood?.rows ?? [] where row.kind == .cast && codedCast.contains(row.who) {
            for (i, code) in row.codes.enumerated() where !code.isEmpty && code != "D" {
                scheduled.insert(row.who.raw)
                if let d = dood!.columns[i].date, d > cutoff { dates[row.who.raw, default: []].insert(d) }
            }
        }
        var out: [String: (amount: Money, days: Int)] = [:]
        for c in coded where scheduled.contains(c.id.raw) {
            let n = dates[c.id.raw]?.count ?? 0
            let rate = c.rate ?? .zero
            let m = c.rateType == "week" ? Decimals.product(rate, by: Int128(n), scale: 5)
                                         : Decimals.product(rate, by: Int128(n), scale: 1)
            let prior = out[c.account] ?? (.zero, 0)
            out[c.account] = (prior.amount + m, prior.days + n)
        }
        return out
    }

    /// Codes in the order a chart runs: 900 before 1000, then by text.
    public static func codeOrder(_ a: String, _ b: String) -> Bool {
        if let x = Int(a), let y = Int(b), x != y { return x < y }
        return a < b
    }
}

extension CostReport {
    /// `coord report cost`: figures grouped, or plain numbers for a spreadsheet.
    public func table(csv: Bool) -> ReportTable {
        let m: (Money) -> String = csv ? { $0.plain } : { $0.grouped }
        var header = ["Code", "Account", "Budget", "This period", "Actual to date", "Committed", "Total to date",
                      "ETC", "EFC", "Variance", "ETC from", "Over"]
        if csv { header.insert("Original budget", at: 2); header.insert("Row", at: 0) }
        let rows = lines.map { l -> [String] in
            let f = l.figures
            var r = [l.code, l.title, m(f.budget), m(f.period), m(f.actual), m(f.committed), m(f.total),
                     m(f.etc), m(f.efc), m(f.variance), l.etcSource?.label ?? "", f.isOver ? "OVER" : ""]
            if csv {
                r.insert(m(f.original), at: 2)
                r.insert(["account", "category", "line", "total"][[CostReport.Kind.account, .category, .line, .total].firstIndex(of: l.kind)!], at: 0)
            }
            return r
        }
        return ReportTable(header: header, rows: rows, rightAligned: csv ? [] : Set(2...9))
    }
}

extension Model {
    /// What is still open on each commitment (PO): its amount less the invoices against it, never below zero; 0 once closed.
    public func openCommitments() -> [RecordID: Money] {
        var out: [RecordID: Money] = [:]
        for c in costs.values where c.isCommitment { out[c.id] = open(on: c) }
        return out
    }

    /// What is still open on one commitment, from the running totals.
    public func open(on c: CostEntry) -> Money {
        let invoiced = commitmentByPO[c.po] == c.id ? totals.invoicedAll[c.po] ?? .zero : .zero
        let left = c.homeAmount - invoiced
        return c.isClosed || left.isNegative ? .zero : left
    }

    /// The commitment a PO number names, if any.
    public func commitment(po: String) -> CostEntry? { commitmentByPO[po].flatMap { costs[$0] } }

    /// How many invoices name a PO number.
    public func invoiceCount(po: String) -> Int { po.isEmpty ? 0 : totals.invoiceCount[po] ?? 0 }

    /// The invoices recorded against a PO number.
    public func invoices(against po: String) -> [CostEntry] {
        po.isEmpty ? [] : costs.values.filter { !$0.isCommitment && $0.po == po }
    }
}
