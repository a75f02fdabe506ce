extension Model {
    /// The approval that locks the original budget, if one stands.
    public var budgetLock: Approval? { approvals.values.last }

    /// Rules across fields and records for the chart of accounts, the budget and costs.
    func checkBudget(_ noun: Noun, _ verb: Verb, id: RecordID?, given: [String: (FieldInfo, FieldValue)]) throws(CommandError) {
        func text(_ key: String, _ current: String?) -> String {
            if let v = given[key]?.1 { return v.journalText }
            return current ?? ""
        }
        // Only the budget nouns need the lock; its message is only made when it is said.
        let isLocked = noun == .account || noun == .budget ? !approvals.isEmpty : false
        var locked: String? {
            guard isLocked, let lock = budgetLock else { return nil }
            return "the budget is locked (approved by \(lock.by) on \(lock.date.map(\.description) ?? "?")): record the change as a transfer (transfer add from=... to=... amount=... reason=...)"
        }
        switch noun {
        case .category:
            if verb == .rm, let id, let code = categories[id]?.code {
                let n = accounts.values.filter { $0.category == code }.count
                if n > 0 { throw CommandError("category \(code) has \(n) account\(n == 1 ? "" : "s"): move or remove them first") }
            }
            if case .text(let code)? = given["code"]?.1, let other = categoryIDByCode[code], other != id {
                throw CommandError("category code \(code) is already used by \(categories[other]?.name ?? other.raw)", key: "code")
            }
        case .account:
            if verb == .rm, let id, let a = accounts[id] {
                let code = a.code
                var uses: [String] = []
                if let n = costCountByCode[code], n > 0 { uses.append("\(n) cost \(n == 1 ? "entry" : "entries")") }
                let lines = budgetLines.values.filter { $0.account == code }.count
                if lines > 0 { uses.append("\(lines) budget line\(lines == 1 ? "" : "s")") }
                if transfers.values.contains(where: { $0.from == code || $0.to == code }) { uses.append("transfers") }
                if estimates.values.contains(where: { $0.account == code }) { uses.append("an ETC") }
                if crew.values.contains(where: { $0.account == code }) { uses.append("crew coded to it") }
                if clearances.values.contains(where: { $0.account == code }) { uses.append("clearance fees") }
                if !uses.isEmpty {
                    throw CommandError("account \(code) has \(uses.joined(separator: ", ")): move or remove them first")
                }
                if let locked, (a.budget ?? .zero) != .zero { throw CommandError(locked) }
            }
            if case .text(let code)? = given["code"]?.1, let other = accountIDByCode[code], other != id {
                throw CommandError("account code \(code) is already used by \(accounts[other]?.description ?? other.raw)", key: "code")
            }
            if let locked, let v = given["budget"]?.1, v != (id.flatMap { accounts[$0]?.budget }.map(FieldValue.money) ?? .empty),
               !(verb == .add && v == .money(.zero)) {
                throw CommandError(locked, key: "budget")
            }
        case .budget:
            if let locked { throw CommandError(locked) }
        case .approval:
            if verb == .add, let lock = budgetLock {
                throw CommandError("the budget is already approved (by \(lock.by) on \(lock.date.map(\.description) ?? "?"), \(lock.id)); remove that approval to unlock it")
            }
        case .transfer:
            guard verb != .rm else { return }
            if verb == .add, budgetLock == nil {
                throw CommandError("the budget is not locked yet: change its budget lines, or approve it first (approval add by=...)")
            }
            let current = id.flatMap { transfers[$0] }
            let from = text("from", current?.from), to = text("to", current?.to)
            if from.isEmpty && to.isEmpty { throw CommandError("a transfer needs from= or to= (or both)", key: "from") }
            if from == to { throw CommandError("a transfer needs two different accounts", key: "to") }
            if case .money(let m)? = given["amount"]?.1, m <= .zero {
                throw CommandError("amount must be more than zero (swap from= and to= to move money the other way)", key: "amount")
            }
        case .cost:
            guard verb != .rm else { return }
            let current = id.flatMap { costs[$0] }
            let kind = text("kind", current?.kind), po = text("po", current?.po)
            if kind == "commitment" {
                if po.isEmpty { throw CommandError("a commitment needs its PO number (po=...)", key: "po") }
                if let other = commitmentByPO[po], other != id {
                    throw CommandError("PO \(po) is already open as \(other); record its invoice as kind=actual po=\(po)", key: "po")
                }
            } else if text("closed", current?.closed) == "yes" {
                throw CommandError("only a commitment (PO) can be closed", key: "closed")
            }
            let currency = text("currency", current?.currency), rate = text("rate", current?.rate)
            if !currency.isEmpty, currency != production.currency, rate.isEmpty {
                throw CommandError("a \(currency) entry needs the exchange rate used (rate=, \(production.currency) per 1 \(currency))", key: "rate")
            }
            if !rate.isEmpty, currency.isEmpty || currency == production.currency {
                throw CommandError("rate= goes with currency= of a foreign-currency entry", key: "rate")
            }
            if rate == "0" { throw CommandError("an exchange rate of 0 would make the entry worth nothing", key: "rate") }
        case .etc:
            if case .money(let m)? = given["amount"]?.1, m.isNegative {
                throw CommandError("an estimate to complete cannot be negative", key: "amount")
            }
        case .clearance, .log:
            // Clearances share this hook so that the validator has one place to call.
            try checkClearance(noun, verb, id: id, given: given)
        default:
            break
        }
    }
}
