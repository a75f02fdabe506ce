import CoordModel

// The actual costs as a plain-text accounting journal that ledger (3.x) and hledger read: one
// transaction per actual cost entry, its net amount on an expense account named after the
// chart of accounts, so that `ledger -f OUT balance --flat ^Expenses` gives, per account,
// exactly the cost report's "actual to date".

/// What `LedgerExport.export` wrote.
public struct LedgerExportResult: Sendable {
    /// The file: UTF-8, LF line ends.
    public var bytes: [UInt8]
    /// One per actual cost entry.
    public var transactions: Int
    /// Commitments with something still open on them, listed in the header comment.
    public var openPOs: Int
    /// `account` declarations for the chart of accounts.
    public var accounts: Int
    /// The net of every transaction, in the production's currency.
    public var netTotal: Money
}

public enum LedgerExport {
    public static let vatAccount = "Assets:VAT reclaimable"
    public static let bankAccount = "Assets:Bank"
    public static let payableAccount = "Liabilities:Accounts payable"

    /// The journal: a header comment (what it is, how it was made, the open POs), commodity and
    /// account declarations, then one transaction per actual cost in date order. `source` is
    /// the Coord journal's name, for the header.
    public static func export(_ model: Model, source: String) throws(ScheduleExportError) -> LedgerExportResult {
        guard !model.accounts.isEmpty || !model.costs.isEmpty else {
            throw ScheduleExportError("nothing to export: the production has no chart of accounts and no costs")
        }
        let ccy = model.production.currency
        let p = model.production
        func amount(_ m: Money) -> String { m.plain + " " + ccy }
        let costs = CostsCSV.inDateOrder(model)
        let actuals = costs.filter { !$0.isCommitment }

        var out = ""
        func comment(_ text: String) { out += text.isEmpty ? ";\n" : "; " + text + "\n" }
        let title = commentText(p.title), company = commentText(p.company)
        comment("Actual costs (\(ccy)) of " + (title.isEmpty ? "the production" : title)
                + (company.isEmpty ? "" : " (\(company))") + ", from the Coord journal " + commentText(source) + ".")
        comment("Written by `coord export ledger`; ledger 3 and hledger read it (ledger -f FILE balance).")
        comment("")
        comment("One transaction per actual cost entry, in date order: * paid, ! not paid yet; the code in")
        comment("parentheses is the entry's id in the Coord journal. Its net amount goes to")
        comment("Expenses:<ATL|BTL>:<category>:<account>, its VAT to \(vatAccount), and the gross comes")
        comment("from \(bankAccount) (paid) or \(payableAccount) (not paid yet). An entry in another")
        comment("currency is converted at the rate recorded with it, as Coord's cost report does (the")
        comment("original amount is in a comment). Names are tidied for ledger: no ':' inside a name,")
        comment("no two spaces in a row, no tabs, no ';', no control characters.")
        comment("`ledger -f FILE balance --flat ^Expenses` gives, per account, the cost report's \"actual to date\".")
        comment("")

        // Commitments are not actuals: what is still open on them is listed, not posted.
        let open = model.openCommitments()
        let openPOs = costs.filter { $0.isCommitment && (open[$0.id] ?? .zero) > .zero }
        if openPOs.isEmpty {
            comment("Commitments (purchase orders) are not actuals and are not posted; none is open.")
        } else {
            comment("Commitments (purchase orders) are not actuals and are not posted. Still open on them:")
            let rows = openPOs.map { c -> [String] in
                [commentText(c.po), c.date?.description ?? "", c.account, commentText(c.vendor.isEmpty ? c.description : c.vendor),
                 (open[c.id] ?? .zero).grouped + " " + ccy]
            }
            let widths = (0..<5).map { i in rows.map { $0[i].count }.max() ?? 0 }
            for r in rows {
                var line = "  "
                for i in 0..<4 { line += r[i] + String(repeating: " ", count: widths[i] - r[i].count + 2) }
                line += String(repeating: " ", count: widths[4] - r[4].count) + r[4]
                comment(line)
            }
            let total = openPOs.reduce(Money.zero) { $0 + (open[$1.id] ?? .zero) }
            comment("  total open on these POs: \(total.grouped) \(ccy)")
            if model.clearances.values.contains(where: \.commitsFee) {
                comment("  (the cost report's \"committed\" also counts agreed clearance fees not yet invoiced)")
            }
        }
        out += "\n"

        // Declarations: the commodity, every chart account (so accounts with no costs are known),
        // and the three balancing accounts.
        out += "commodity \(ccy)\n\n"
        var names: [String: String] = [:]
        let chart = model.accounts.values.sorted { Model.codeOrder($0.code, $1.code) }
        for a in chart { names[a.code] = expenseAccount(a, in: model) }
        for a in chart { out += "account \(names[a.code]!)\n" }
        for n in [vatAccount, bankAccount, payableAccount] { out += "account \(n)\n" }

        // The transactions, their amounts lined up.
        func expenseName(_ c: CostEntry) -> String { names[c.account] ?? "Expenses:BTL:No category:" + part(c.account) }
        let width = max(40, (actuals.map { expenseName($0).count } + [vatAccount.count, payableAccount.count]).max() ?? 0)
        let amountWidth = max(12, actuals.map { amount(-($0.homeAmount + $0.homeVAT)).count }.max() ?? 0)
        var net = Money.zero
        for c in actuals {
            let expense = expenseName(c)
            let home = c.homeAmount, vat = c.homeVAT
            let foreign = !c.currency.isEmpty && c.currency != ccy
            var postings: [(String, String, String)] = []
            postings.append((expense, amount(home), foreign ? "\((c.amount ?? .zero).plain) \(c.currency) at \(c.rate) \(ccy) per \(c.currency)" : ""))
            if vat != .zero {
                postings.append((vatAccount, amount(vat), foreign ? "\((c.vat ?? .zero).plain) \(c.currency) at \(c.rate)" : ""))
            }
            postings.append((c.isPaid ? bankAccount : payableAccount, amount(-(home + vat)), ""))
            net += home

            let d = c.date.map { $0.description.replacingSlashes() } ?? "1970/01/01"
            let payee = payeeName(c.vendor)
            out += "\n\(d) \(c.isPaid ? "*" : "!") (\(c.id.raw)) \(payee.isEmpty ? "No vendor" : payee)\n"
            for l in commentLines(c.description) { out += "    ; \(l)\n" }
            let refs = [("invoice", c.invoice), ("po", c.po), ("approved", c.approved)].filter { !$0.1.isEmpty }
            for (k, v) in refs { out += "    ; \(k): \(commentText(v))\n" }
            for (account, money, note) in postings {
                out += "    " + account + String(repeating: " ", count: width - account.count + 2)
                out += String(repeating: " ", count: max(0, amountWidth - money.count)) + money
                out += note.isEmpty ? "\n" : "  ; " + note + "\n"
            }
        }
        return LedgerExportResult(bytes: Array(out.utf8), transactions: actuals.count, openPOs: openPOs.count,
                                  accounts: chart.count, netTotal: net)
    }

    /// `Expenses:BTL:2000 Production crew:2100 Camera crew`; an account whose category is not
    /// in the chart goes under `Expenses:BTL:No category`, as in the cost report.
    public static func expenseAccount(_ a: Account, in model: Model) -> String {
        let leaf = part(a.code + " " + a.description, fallback: a.code)
        guard !a.category.isEmpty, let cid = model.categoryIDByCode[a.category], let cat = model.categories[cid] else {
            return "Expenses:BTL:No category:" + leaf
        }
        return "Expenses:\(cat.isAboveTheLine ? "ATL" : "BTL"):" + part(cat.code + " " + cat.name, fallback: cat.code) + ":" + leaf
    }

    /// One part of an account name as ledger reads it: no `:` (it separates parts; written
    /// ` - `), no `;`, one space at most in a row (two end the name), no tabs or control
    /// characters, and nothing at the start that ledger reads as something else
    /// (`, ; @ ( ) [ ] * !`).
    public static func part(_ s: String, fallback: String = "?") -> String {
        let t = tidy(s, colon: " - ")
        return t.isEmpty ? tidy(fallback, colon: " - ") : t
    }

    /// A vendor as a transaction's payee: the same rules (a `:` may stay; hledger reads `;` as
    /// the start of a comment, so it does not).
    public static func payeeName(_ s: String) -> String { tidy(s, colon: ":") }

    static func tidy(_ s: String, colon: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == ":" { out += colon; continue }
            if u == ";" { out += ","; continue }
            if u.properties.isWhitespace || u == "\t" || u == "\n" || u == "\r" { out += " "; continue }
            if dropped(u) { continue }
            out.unicodeScalars.append(u)
        }
        var collapsed = ""
        var lastSpace = true
        for ch in out {
            if ch == " " {
                if !lastSpace { collapsed.append(ch) }
                lastSpace = true
            } else {
                collapsed.append(ch)
                lastSpace = false
            }
        }
        while collapsed.last == " " { collapsed.removeLast() }
        while let f = collapsed.first, ",;@()[]*! ".contains(f) { collapsed.removeFirst() }
        return collapsed
    }

    /// Characters that never reach the file: controls, format characters, separators,
    /// surrogates, private-use and unassigned code points.
    static func dropped(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// Text on one comment line: line breaks and tabs become spaces, controls are dropped.
    static func commentText(_ s: String) -> String {
        commentLines(s).joined(separator: " ")
    }

    /// A description as comment lines: one per line of it, controls dropped, blank lines left out.
    static func commentLines(_ s: String) -> [String] {
        var lines: [String] = []
        var cur = ""
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" {
                lines.append(cur); cur = ""; continue
            }
            if u == "\t" { cur += " "; continue }
            if dropped(u) { continue }
            cur.unicodeScalars.append(u)
        }
        lines.append(cur)
        return lines.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension String {
    /// `2027-03-01` → `2027/03/01`, ledger's date form.
    fileprivate func replacingSlashes() -> String { String(map { $0 == "-" ? "/" : $0 }) }
}
