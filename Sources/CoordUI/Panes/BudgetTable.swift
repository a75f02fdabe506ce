import CoordModel

/// The budget pane's three tables: the cost report, the cost entries, the budget lines.
enum BudgetTable {
    /// At 80 columns the period, total-to-date and ETC columns give way (EFC = total + ETC).
    static let reportColumns = [
        Column("Code", 5).showing("code"), Column("Account", 12, flex: 1).showing("description"),
        .money("Budget", 9), .money("Period", 9).dropping(4), .money("Actual", 9), .money("Committed", 9),
        .money("To date", 9).dropping(3), .money("ETC", 9).dropping(2), .money("EFC", 9), .money("Variance", 9),
    ]

    static func report(_ r: CostReport) -> Table {
        let rows = r.lines.map { l -> Row in
            let f = l.figures
            let cells = [l.kind == .account ? l.code : "", l.title, f.budget.grouped, f.period.grouped, f.actual.grouped,
                         f.committed.grouped, f.total.grouped, f.etc.grouped, f.efc.grouped, f.variance.grouped]
            if l.kind == .account {
                var row = Row(id: l.account, noun: .account, cells: cells, mark: f.isOver ? .alert : .none)
                // `f over` narrows the report to the accounts over budget.
                if f.isOver { row.tags = "over" }
                return row
            }
            return Row(id: nil, noun: nil, cells: cells, kind: .total, mark: f.isOver ? .alert : .none)
        }
        return Table(columns: reportColumns, rows: rows)
    }

    static let costColumns = [
        Column("Date", 10).showing("date"), Column("Acct", 5).showing("account"), Column("Vendor", 12, flex: 2).showing("vendor"),
        Column("Description", 12, flex: 3).dropping(1).showing("description"), Column.money("Amount").showing("amount"),
        Column("PO", 8).showing("po"), Column("Invoice", 8).dropping(2).showing("invoice"), Column("Kind", 7),
    ]

    static func costs(_ m: Model) -> Table {
        let sorted = m.costs.values.enumerated().sorted { a, b in
            let da = a.element.date ?? CalendarDate(dayNumber: 0), db = b.element.date ?? CalendarDate(dayNumber: 0)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        let open = m.openCommitments()
        var actual = Money.zero, committed = Money.zero
        var rows = sorted.map { c -> Row in
            let home = c.homeAmount
            let amount = c.currency.isEmpty ? home.grouped : "\(c.currency) \((c.amount ?? .zero).grouped)"
            let kind: String
            var mark = RowMark.none
            if c.isCommitment {
                let left = open[c.id] ?? .zero
                committed += left
                kind = c.isClosed ? "PO shut" : left == .zero ? "PO done" : "PO open"
                mark = left == .zero ? .dim : .warn
            } else {
                actual += home
                kind = c.isPaid ? "paid" : "actual"
            }
            return Row(id: c.id, noun: .cost, cells: [date(c.date), c.account, c.vendor, c.description, amount, c.po, c.invoice, kind],
                       mark: mark)
        }
        for (label, amount) in [("Actual", actual), ("Open POs", committed), ("Total", actual + committed)] {
            rows.append(Row(id: nil, noun: nil, cells: ["", "", "", label, amount.grouped, "", "", ""], kind: .total))
        }
        return Table(columns: costColumns, rows: rows)
    }

    static let lineColumns = [
        Column("Acct", 5).showing("account"), Column("Description", 14, flex: 3).showing("description"),
        Column("Qty", 6, right: true).showing("qty"), Column("Unit", 6).dropping(1).showing("unit"), Column("x", 4, right: true).showing("x"),
        Column.money("Rate", 8).showing("rate"), Column("Fringe", 6, right: true).dropping(2).showing("fringe"), .money("Total", 9),
    ]

    static func lines(_ m: Model) -> Table {
        let sorted = m.budgetLines.values.enumerated().sorted { a, b in
            a.element.account != b.element.account ? Model.codeOrder(a.element.account, b.element.account) : a.offset < b.offset
        }.map(\.element)
        var total = Money.zero
        var rows = sorted.map { l -> Row in
            total += l.total
            return Row(id: l.id, noun: .budget,
                       cells: [l.account, l.description, l.quantity, l.unit, l.multiplier, money(l.rate),
                               l.fringe.isEmpty ? "" : l.fringe + "%", l.total.grouped])
        }
        let lump = m.accounts.values.reduce(Money.zero) { $0 + ($1.budget ?? .zero) }
        if lump != .zero {
            rows.append(Row(id: nil, noun: nil, cells: ["", "Lump budgets on accounts", "", "", "", "", "", lump.grouped], kind: .total))
        }
        rows.append(Row(id: nil, noun: nil, cells: ["", m.budgetLock.map { "Original budget (locked, \($0.by))" } ?? "Budget (not approved yet)",
                                                    "", "", "", "", "", (total + lump).grouped], kind: .total))
        return Table(columns: lineColumns, rows: rows)
    }
}
