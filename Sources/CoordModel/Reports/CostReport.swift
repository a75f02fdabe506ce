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
    public func costReport(periodEnd: CalendarDate?, today: CalendarDate) -> CostReport {
        let end = periodEnd ?? Model.weekEnding(today)
        let start = end.adding(days: -6)
        var figures: [String: CostReport.Figures] = [:]
        for a in accounts.values {
            var f = CostReport.Figures()
            f.original = a.budget ?? .zero
            figures[a.code] = f
        }
        for l in budgetLines.values { figures[l.account, default: .init()].original += l.total }
        for code in figures.keys { figures[code]!.budget = figures[code]!.original }
        for t in transfers.values {
            let m = t.amount ?? .zero
            if !t.from.isEmpty { figures[t.from, default: .init()].budget -= m }
            if !t.to.isEmpty { figures[t.to, default: .init()].budget += m }
        }
        // Actuals; invoices against an open PO relieve its commitment, never counted twice.
        var invoiced: [RecordID: Money] = [:]
        var invoicedOther: [String: Money] = [:]
        for c in costs.values where !c.isCommitment {
            guard let d = c.date, periodEnd == nil || d <= end else { continue }
            let m = c.homeAmount
            figures[c.account, default: .init()].actual += m
            if d >= start && d <= end { figures[c.account, default: .init()].period += m }
            if !c.po.isEmpty {
                if let po = commitmentByPO[c.po] { invoiced[po, default: .zero] += m } else { invoicedOther[c.po, default: .zero] += m }
            }
        }
        // A cleared item's agreed fee is committed to its account until the licensor's invoice (same PO) comes.
        for c in clearances.values where c.commitsFee {
            if periodEnd != nil, let d = c.cleared, d > end { continue }
            let open = (c.fee ?? .zero) - (c.po.isEmpty ? .zero : invoicedOther[c.po] ?? .zero)
            if open > .zero { figures[c.account, default: .init()].committed += open }
        }
        for id in commitmentByPO.values {
            guard let c = costs[id], !c.isClosed, let d = c.date, periodEnd == nil || d <= end else { continue }
            let open = c.homeAmount - (invoiced[id] ?? .zero)
            if open > .zero { figures[c.account, default: .init()].committed += open }
        }
        // ETC: the latest one entered, else the schedule's booked days, else what is left.
        var entered: [String: Estimate] = [:]
        // A report for a past week uses the ETC as it stood then.
        for e in estimates.values where periodEnd == nil || (e.date ?? end) <= end { entered[e.account] = e }
        let suggested = suggestedETC(after: periodEnd ?? today)
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
    public func suggestedETC(after cutoff: CalendarDate) -> [String: (amount: Money, days: Int)] {
        let coded = crew.values.filter { !$0.account.isEmpty && $0.rate != nil && $0.rateType != "flat" }
        guard !coded.isEmpty else { return [:] }
        var dates: [String: Set<CalendarDate>] = [:]
        for b in bookings.values where b.code != "D" {
            if let d = b.date, d > cutoff { dates[b.who, default: []].insert(d) }
        }
        let dood = dayOutOfDays(board: activeBoard.id)
        for row in dood.rows where row.kind == .cast {
            for (i, code) in row.codes.enumerated() where !code.isEmpty && code != "D" {
                if let d = dood.columns[i].date, d > cutoff { dates[row.who.raw, default: []].insert(d) }
            }
        }
        // An account follows the schedule once someone coded to it has any day booked at all.
        var scheduled = Set<String>()
        for b in bookings.values where b.code != "D" { scheduled.insert(b.who) }
        for row in dood.rows where row.kind == .cast && row.codes.contains(where: { !$0.isEmpty && $0 != "D" }) {
            scheduled.insert(row.who.raw)
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
        var invoiced: [RecordID: Money] = [:]
        for c in costs.values where !c.isCommitment && !c.po.isEmpty {
            if let po = commitmentByPO[c.po] { invoiced[po, default: .zero] += c.homeAmount }
        }
        var out: [RecordID: Money] = [:]
        for c in costs.values where c.isCommitment {
            let left = c.homeAmount - (invoiced[c.id] ?? .zero)
            out[c.id] = c.isClosed || left.isNegative ? .zero : left
        }
        return out
    }

    /// The invoices recorded against a PO number.
    public func invoices(against po: String) -> [CostEntry] {
        po.isEmpty ? [] : costs.values.filter { !$0.isCommitment && $0.po == po }
    }
}
