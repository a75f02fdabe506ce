/// Builds a large production office's cost ledger for benchmarks: a chart of accounts with
/// budget lines, an approved budget, and a year of costs in the mix a real office writes
/// (mostly invoices, some POs and their invoices, a little foreign currency, credits).
public enum CostGenerator {
    /// A whole journal (header included) with `entries` cost entries over `accounts` accounts.
    public static func journal(entries: Int, accounts: Int = 120, seed: UInt64 = 7) -> String {
        var rng = SplitMix(seed: seed)
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        let stamp = " # 2026-01-05T09:00:00Z bench"
        var out = [JournalFormat.header,
                   "production set title=\"Bench series\" company=\"Bench Films\" currency=GBP start=2026-01-05 end=2026-12-18" + stamp]
        out.reserveCapacity(entries + accounts * 3 + 20)
        let categories = [("1000", "Above the line", "atl"), ("2000", "Production crew", "btl"), ("3000", "Production costs", "btl"),
                          ("4000", "Post-production", "btl"), ("5000", "Other costs", "btl")]
        for (code, name, line) in categories {
            out.append("category add id=g\(code) code=\(code) name=\"\(name)\" line=\(line)" + stamp)
        }
        let n = max(1, accounts)
        var codes: [String] = []
        for a in 0..<n {
            let cat = categories[a * categories.count / n]
            let code = String(Int(cat.0)! + 10 * (1 + a % (n / categories.count + 1)))
            let unique = codes.contains(code) ? "\(code)-\(a)" : code
            codes.append(unique)
            out.append("account add id=a\(a) code=\(unique) category=\(cat.0) description=\"Account \(unique)\"" + stamp)
            out.append("budget add id=bl\(a)x1 account=\(unique) description=\"Crew or hire\" qty=\(20 + pick(80)) unit=days rate=\(200 + pick(600)).00 fringe=12.07" + stamp)
            out.append("budget add id=bl\(a)x2 account=\(unique) description=\"Allowance\" qty=1 unit=allow rate=\(1000 + pick(20000)).00" + stamp)
        }
        out.append("approval add id=ap1 by=\"Line producer\" date=2026-01-09 note=\"Locked budget\"" + stamp)
        let vendors = ["Panavision", "ARRI Rental", "Brunel Lighting", "Pasty & Pan Catering", "West Penwith Fuels",
                       "Cornish Van Hire", "St Ives Props Hire", "Tidewater Post", "Shoreline Insurance", "Data Dock Ltd"]
        var openPOs: [(po: String, account: String, amount: Int)] = []
        var day = 0
        for i in 0..<entries {
            if i % max(1, entries / 340) == 0 { day = min(day + 1, 340) }
            let date = CalendarDate(year: 2026, month: 1, day: 5)!.adding(days: day)
            let r = pick(100)
            let account = codes[pick(codes.count)]
            let vendor = vendors[pick(vendors.count)]
            let pence = 500 + pick(250_000)
            let amount = Money(minor: Int64(pence)).plain
            var line: String
            if r < 12 {
                let po = "PO-\(i)"
                openPOs.append((po, account, pence))
                line = "cost add id=k\(i) date=\(date) account=\(account) vendor=\"\(vendor)\" description=\"Order \(i)\" amount=\(amount) po=\(po) kind=commitment"
            } else if r < 20, !openPOs.isEmpty {
                let po = openPOs.remove(at: pick(openPOs.count))
                let billed = Money(minor: Int64(po.amount - 500 + pick(1000))).plain
                line = "cost add id=k\(i) date=\(date) account=\(po.account) vendor=\"\(vendor)\" description=\"Invoice for \(po.po)\" amount=\(billed) vat=\(Money(minor: Int64(po.amount / 5)).plain) po=\(po.po) invoice=INV-\(i) kind=actual paid=yes"
            } else if r < 22 {
                line = "cost add id=k\(i) date=\(date) account=\(account) vendor=\"Nordlys AS\" description=\"Foreign \(i)\" amount=\(amount) currency=NOK rate=0.0731 invoice=NV-\(i) kind=actual"
            } else if r < 23 {
                line = "cost add id=k\(i) date=\(date) account=\(account) vendor=\"\(vendor)\" description=\"Credit note \(i)\" amount=-\(Money(minor: Int64(pence / 10)).plain) invoice=CN-\(i) kind=actual"
            } else {
                line = "cost add id=k\(i) date=\(date) account=\(account) vendor=\"\(vendor)\" description=\"Item \(i)\" amount=\(amount)"
                    + (r % 2 == 0 ? " vat=\(Money(minor: Int64(pence / 5)).plain)" : "") + " invoice=INV-\(i) kind=actual" + (r % 3 == 0 ? "" : " paid=yes")
            }
            out.append(line + stamp)
            if i % 997 == 0 {
                out.append("etc add id=e\(i) account=\(account) amount=\(Money(minor: Int64(pick(500_000))).plain) reason=\"Revised estimate \(i)\" date=\(date)" + stamp)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
