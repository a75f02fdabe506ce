extension Model {
    /// The one place state changes. The event must have come from `validate`.
    public mutating func apply(_ e: Event) {
        marks.note(e)
        switch e.noun {
        case .production:
            Model.assign(&production, e.values)
        case .board:
            Model.change(&boards, e, nounOf: &nounOf, removed: &removedNouns)
            guard let id = e.id else { return }
            if e.verb == .rm {
                if !boards.values.contains(where: \.isActive) { boards[Board.mainID]?.active = "yes" }
                // A board's days, banners and calendar go with it; its strips stay in the breakdown.
                for (k, d) in days where d.board == id.raw { days.removeValue(forKey: k); nounOf[k] = nil; removedNouns[k] = .day }
                for (k, b) in banners where b.board == id.raw { banners.removeValue(forKey: k); nounOf[k] = nil; removedNouns[k] = .banner }
                for (k, c) in calendar where c.board == id.raw { calendar.removeValue(forKey: k); nounOf[k] = nil; removedNouns[k] = .calendar }
            } else if boards[id]?.isActive == true {
                // One board is active at a time.
                for (k, b) in boards where k != id && b.isActive { boards[k]?.active = "no" }
            }
        case .day:
            if e.verb != .move { Model.change(&days, e, nounOf: &nounOf, removed: &removedNouns) }
            applyPlacement(e)
        case .strip:
            if e.verb != .move { Model.change(&strips, e, nounOf: &nounOf, removed: &removedNouns) }
            applyPlacement(e)
        case .banner:
            if e.verb != .move { Model.change(&banners, e, nounOf: &nounOf, removed: &removedNouns) }
            applyPlacement(e)
        case .calendar:
            Model.change(&calendar, e, nounOf: &nounOf, removed: &removedNouns)
        case .crew:
            Model.change(&crew, e, nounOf: &nounOf, removed: &removedNouns)
            if e.verb == .rm, let id = e.id { removeBookings(of: id) }
        case .kit:
            Model.change(&kit, e, nounOf: &nounOf, removed: &removedNouns)
            if e.verb == .rm, let id = e.id { removeBookings(of: id) }
        case .booking:
            if let id = e.id, let old = bookings[id] {
                if let d = old.date { bookingAt[BookingKey(who: old.who, date: d)] = nil }
                bookingsOf[old.who]?.remove(id)
                marks.touch(old.who)
            }
            Model.change(&bookings, e, nounOf: &nounOf, removed: &removedNouns)
            if let id = e.id, let new = bookings[id] {
                if let d = new.date { bookingAt[BookingKey(who: new.who, date: d)] = id }
                bookingsOf[new.who, default: []].insert(id)
                marks.touch(new.who)
            }
        case .location:
            Model.change(&locations, e, nounOf: &nounOf, removed: &removedNouns)
        case .call:
            Model.change(&calls, e, nounOf: &nounOf, removed: &removedNouns)
        case .safety:
            Model.change(&safety, e, nounOf: &nounOf, removed: &removedNouns)
        case .travel:
            Model.change(&travel, e, nounOf: &nounOf, removed: &removedNouns)
        case .callsheet:
            Model.change(&callSheets, e, nounOf: &nounOf, removed: &removedNouns)
        case .progress:
            Model.change(&progress, e, nounOf: &nounOf, removed: &removedNouns)
        case .category:
            let oldCode = e.id.flatMap { categories[$0]?.code }
            Model.change(&categories, e, nounOf: &nounOf, removed: &removedNouns)
            guard let id = e.id else { return }
            if let oldCode { categoryIDByCode[oldCode] = nil }
            if let newCode = categories[id]?.code {
                categoryIDByCode[newCode] = id
                if let oldCode, oldCode != newCode {
                    for (aid, a) in accounts where a.category == oldCode { accounts[aid]?.category = newCode }
                }
            }
        case .account:
            let oldCode = e.id.flatMap { accounts[$0]?.code }
            Model.change(&accounts, e, nounOf: &nounOf, removed: &removedNouns)
            guard let id = e.id else { return }
            if let oldCode { accountIDByCode[oldCode] = nil }
            if let newCode = accounts[id]?.code {
                accountIDByCode[newCode] = id
                if let oldCode, oldCode != newCode { recodeAccount(oldCode, to: newCode) }
            }
        case .budget:
            if let id = e.id, let old = budgetLines[id] { totals.count(old, sign: -1) }
            Model.change(&budgetLines, e, nounOf: &nounOf, removed: &removedNouns)
            if let id = e.id, let new = budgetLines[id] { totals.count(new, sign: 1) }
        case .approval:
            Model.change(&approvals, e, nounOf: &nounOf, removed: &removedNouns)
        case .transfer:
            if let id = e.id, let old = transfers[id] { totals.count(old, sign: -1) }
            Model.change(&transfers, e, nounOf: &nounOf, removed: &removedNouns)
            if let id = e.id, let new = transfers[id] { totals.count(new, sign: 1) }
        case .etc:
            let old = e.id.flatMap { estimates[$0] }
            Model.change(&estimates, e, nounOf: &nounOf, removed: &removedNouns)
            if e.verb == .add || e.verb == .restore, let id = e.id, let new = estimates[id] {
                totals.latestEstimate[new.account] = id // a new line is the table's last
            } else {
                // Rare: a set or rm looks again at the accounts it touched.
                for a in Set([old?.account, e.id.flatMap { estimates[$0] }?.account].compactMap { $0 }) {
                    let latest = estimates.values.last(where: { $0.account == a })?.id
                    totals.latestEstimate[a] = latest
                }
            }
        case .cost:
            var pos: [String] = []
            if let id = e.id, let old = costs[id] {
                costCountByCode[old.account, default: 1] -= 1
                if old.isCommitment, commitmentByPO[old.po] == id { commitmentByPO[old.po] = nil }
                totals.count(old, sign: -1)
                pos.append(old.po)
            }
            Model.change(&costs, e, nounOf: &nounOf, removed: &removedNouns)
            if let id = e.id, let new = costs[id] {
                costCountByCode[new.account, default: 0] += 1
                if new.isCommitment { commitmentByPO[new.po] = id }
                totals.count(new, sign: 1)
                if new.po != pos.first { pos.append(new.po) }
            }
            for po in pos {
                let c = commitment(po: po)
                totals.refreshPO(po, commitment: c)
            }
        case .clearance:
            Model.change(&clearances, e, nounOf: &nounOf, removed: &removedNouns)
        case .log:
            Model.change(&clearanceLog, e, nounOf: &nounOf, removed: &removedNouns)
        }
    }

    /// A strip's, day break's or banner's place in the running order, after the record changed.
    private mutating func applyPlacement(_ e: Event) {
        guard let id = e.id else { return }
        if e.verb == .rm {
            // A removed day break joins its strips to the day before; a removed strip leaves every board.
            unplace(id)
            return
        }
        if let p = e.placement { place(id, p) }
    }

    /// Everything coded to an account follows it when its code changes.
    private mutating func recodeAccount(_ old: String, to new: String) {
        for (k, c) in costs where c.account == old { costs[k]?.account = new }
        costCountByCode[new] = costCountByCode.removeValue(forKey: old)
        for (k, l) in budgetLines where l.account == old { budgetLines[k]?.account = new }
        for (k, t) in transfers {
            if t.from == old { transfers[k]?.from = new }
            if t.to == old { transfers[k]?.to = new }
        }
        for (k, x) in estimates where x.account == old { estimates[k]?.account = new }
        for (k, c) in crew where c.account == old { crew[k]?.account = new }
        // Every total is by code: a new code is rare enough to count again from the tables.
        let again = LedgerTotals.rebuilt(from: self)
        totals = again
    }

    private mutating func removeBookings(of who: RecordID) {
        for k in bookingsOf[who.raw] ?? [] {
            guard let b = bookings[k] else { continue }
            bookings.removeValue(forKey: k)
            nounOf[k] = nil
            removedNouns[k] = .booking
            if let d = b.date { bookingAt[BookingKey(who: b.who, date: d)] = nil }
        }
        bookingsOf[who.raw] = nil
    }

    static func assign<R: Record>(_ r: inout R, _ values: [Event.Assignment]) {
        let fields = R.fields
        let n = fields.count
        // An event's values come in the order of the fields, so the search for each one starts
        // just after the last one found; it goes round all of them, so any order still works.
        // Field keys are unique (a test checks), so it finds the field `first(where:)` would.
        var next = 0
        for a in values {
            var i = next
            for _ in 0..<n {
                if fields[i].info.key == a.key {
                    fields[i].set(&r, a.value)
                    next = i + 1 == n ? 0 : i + 1
                    break
                }
                i = i + 1 == n ? 0 : i + 1
            }
        }
    }

    static func change<R: Record>(_ table: inout RecordTable<R>, _ e: Event,
                                  nounOf: inout [RecordID: Noun], removed: inout [RecordID: Noun]) {
        guard let id = e.id else { return }
        switch e.verb {
        case .add, .restore:
            // A restored record comes back at the end of its table, with the values its line gives.
            var r = R(id: id)
            assign(&r, e.values)
            table.updateValue(consume r, forKey: id)
            nounOf[id] = R.noun
            if e.verb == .restore { removed[id] = nil }
        case .set:
            if var r = table[id] {
                assign(&r, e.values)
                table[id] = r
            }
        case .rm:
            table.removeValue(forKey: id)
            nounOf[id] = nil
            removed[id] = R.noun
        case .move:
            break
        }
    }
}
