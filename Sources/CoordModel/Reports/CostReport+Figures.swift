extension Model {
    /// Each account's budget, actuals and commitments from the running totals (`LedgerTotals`):
    /// the work follows the accounts, not the cost entries. Every cost recorded counts.
    func runningFigures(start: CalendarDate, end: CalendarDate) -> [String: CostReport.Figures] {
        var figures: [String: CostReport.Figures] = [:]
        for a in accounts.values {
            var f = CostReport.Figures()
            f.original = a.budget ?? .zero
            figures[a.code] = f
        }
        for (code, m) in totals.lines { figures[code, default: .init()].original += m }
        for code in figures.keys { figures[code]!.budget = figures[code]!.original }
        for (code, m) in totals.transferred { figures[code, default: .init()].budget += m }
        for (code, m) in totals.actual {
            figures[code, default: .init()].actual += m
            figures[code]!.period += totals.actual(of: code, from: start, to: end)
        }
        for (code, m) in totals.committed { figures[code, default: .init()].committed += m }
        for c in clearances.values where c.commitsFee {
            let open = (c.fee ?? .zero) - (c.po.isEmpty ? .zero : totals.invoicedWithoutCommitment(c.po, in: self))
            if open > .zero { figures[c.account, default: .init()].committed += open }
        }
        return figures
    }

    /// The same from every cost entry, as they stood at `upTo` (a past week's report), or all of them.
    func scannedFigures(start: CalendarDate, end: CalendarDate, upTo: CalendarDate?) -> [String: CostReport.Figures] {
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
            guard let d = c.date, upTo.map({ d <= $0 }) ?? true else { continue }
            let m = c.homeAmount
            figures[c.account, default: .init()].actual += m
            if d >= start && d <= end { figures[c.account, default: .init()].period += m }
            if !c.po.isEmpty {
                if let po = commitmentByPO[c.po] { invoiced[po, default: .zero] += m } else { invoicedOther[c.po, default: .zero] += m }
            }
        }
        // A cleared item's agreed fee is committed to its account until the licensor's invoice (same PO) comes.
        for c in clearances.values where c.commitsFee {
            if let upTo, let d = c.cleared, d > upTo { continue }
            let open = (c.fee ?? .zero) - (c.po.isEmpty ? .zero : invoicedOther[c.po] ?? .zero)
            if open > .zero { figures[c.account, default: .init()].committed += open }
        }
        for id in commitmentByPO.values {
            guard let c = costs[id], !c.isClosed, let d = c.date, upTo.map({ d <= $0 }) ?? true else { continue }
            let open = c.homeAmount - (invoiced[id] ?? .zero)
            if open > .zero { figures[c.account, default: .init()].committed += open }
        }
        return figures
    }
}
