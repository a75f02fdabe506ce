import CoordModel

extension Session {
    /// The next of the budget pane's views: cost report, costs, budget lines.
    func cycleBudgetView() {
        let all = BudgetView.allCases
        budgetView = all[(all.firstIndex(of: budgetView)! + 1) % all.count]
    }

    /// What `a` adds: the pane's main record, or a budget line in the budget lines view.
    var addNoun: Noun { pane == .budget && budgetView == .lines ? .budget : pane.primaryNoun }

    /// The account the selected row is about: an account, or a cost's, line's or ETC's account.
    var selectedAccountCode: String? {
        guard let id = selectedRow?.id else { return nil }
        if let a = model.accounts[id] { return a.code }
        if let c = model.costs[id] { return c.account }
        if let l = model.budgetLines[id] { return l.account }
        return nil
    }

    static func needsAccount(_ s: Session) -> String? {
        s.selectedAccountCode == nil ? "select an account (or a cost or budget line of one) first" : nil
    }

    static func needsOpenPO(_ s: Session) -> String? {
        guard let id = s.selectedRow?.id, let c = s.model.costs[id], c.isCommitment else {
            return "select an open PO (a commitment) in the costs view first (v switches view)"
        }
        return c.isClosed ? "PO \(c.po) is closed (edit it to reopen)" : nil
    }

    /// The ETC form for the selected account, starting from the figure the report uses now.
    func openETCForm() {
        guard let code = selectedAccountCode else { return }
        let now = costReport.account(code)?.figures.etc ?? .zero
        openForm(.etc, editing: nil, prefill: ["account": code, "amount": now.plain])
    }

    /// A new actual against the selected PO: same account, vendor and PO, for what is still open.
    func openInvoiceForm() {
        guard let id = selectedRow?.id, let c = model.costs[id], c.isCommitment else { return }
        let open = openOn(c)
        var values = ["kind": "actual", "po": c.po, "account": c.account, "vendor": c.vendor,
                      "description": c.description, "amount": (c.currency.isEmpty ? open : (c.amount ?? .zero)).plain]
        if !c.currency.isEmpty { values["currency"] = c.currency; values["rate"] = c.rate }
        openForm(.cost, editing: nil, prefill: values)
    }

    /// A budget transfer out of the selected account.
    func openTransferForm() {
        openForm(.transfer, editing: nil, prefill: selectedAccountCode.map { ["from": $0] } ?? [:])
    }

    /// The detail line's extra facts for budget records: where figures come from.
    func budgetDetail(_ id: RecordID) -> [(String, String)] {
        let sym = model.production.currencySymbol
        if let a = model.accounts[id], let line = costReport.account(a.code) {
            var out: [(String, String)] = []
            let f = line.figures
            // The row shows the budget and the variance; the line adds where the budget came from.
            if f.budget != f.original {
                out.append(("Budget", sym + f.budget.grouped + " (original \(f.original.grouped), transfers \((f.budget - f.original).grouped))"))
            }
            switch line.etcSource {
            case .entered(let e)?:
                out.append(("ETC", "\(sym)\(f.etc.grouped) entered \(e.date?.short ?? ""): \(e.reason)"))
            case .schedule(let days)?:
                out.append(("ETC", "\(sym)\(f.etc.grouped) from the schedule: \(days) day\(days == 1 ? "" : "s") still booked (E sets one)"))
            default:
                out.append(("ETC", "\(sym)\(f.etc.grouped) = what is left of the budget (E sets one)"))
            }
            return out
        }
        if let c = model.costs[id] {
            var out: [(String, String)] = []
            if c.isCommitment {
                let open = openOn(c)
                let invoiced = invoiceCount(c.po)
                out.append(("Open", sym + open.grouped + (invoiced == 0 ? " (I records its invoice)" : ", \(invoiced) invoice\(invoiced == 1 ? "" : "s")")))
            }
            if !c.currency.isEmpty { out.append(("In \(model.production.currency)", sym + c.homeAmount.grouped)) }
            return out
        }
        if let l = model.budgetLines[id] {
            let fringe = l.fringeAmount == .zero ? "" : " + fringe \(l.fringeAmount.grouped)"
            return [("Total", "\(l.quantity) x \(l.multiplier) x \(money(l.rate)) = \(l.subtotal.grouped)\(fringe) = \(sym)\(l.total.grouped)")]
        }
        return []
    }
}

extension Session {
    /// What a budget change did to its accounts' figures, e.g. "3200 actual +1,850.00, committed -1,850.00, EFC 2,000.00".
    func budgetMoves(from before: CostReport, events: [Event]) -> String? {
        var codes: [String] = []
        for e in events {
            for key in ["account", "from", "to"] {
                if case .text(let c)? = e.value(key), !codes.contains(c) { codes.append(c) }
            }
            if let id = e.id, let c = model.costs[id]?.account ?? model.budgetLines[id]?.account ?? model.clearances[id]?.account,
               !c.isEmpty, !codes.contains(c) { codes.append(c) }
        }
        guard !codes.isEmpty else { return nil }
        let after = costReport
        var parts: [String] = []
        for code in codes.prefix(2) {
            guard let a = after.account(code)?.figures else { continue }
            let b = before.account(code)?.figures ?? CostReport.Figures()
            var moved: [String] = []
            func delta(_ name: String, _ x: Money, _ y: Money) {
                if x != y { moved.append("\(name) \(y - x > .zero ? "+" : "")\((y - x).grouped)") }
            }
            delta("budget", b.budget, a.budget)
            delta("actual", b.actual, a.actual)
            delta("committed", b.committed, a.committed)
            if events.contains(where: { $0.noun == .etc }) { delta("ETC", b.etc, a.etc) }
            var text = moved.joined(separator: ", ")
            if b.efc != a.efc || b.variance != a.variance {
                text += (text.isEmpty ? "" : " · ") + "EFC \(a.efc.grouped), variance \(a.variance.grouped)\(a.isOver ? " OVER" : "")"
            }
            if !text.isEmpty { parts.append("\(code) " + text) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
