import CoordModel

// Cost sheets as CSV, in and out. Import reads a spreadsheet's or accounts package's cost
// lines (headings matched by name) as `cost add` lines, each checked the way Coord checks a
// typed line against the journal as the rows before it leave it; export writes every cost
// entry, one row each in date order, with headings the import reads back.

public enum CostsCSV {
    /// A column of a cost sheet: the cost field, the heading Coord writes, and other headings read as it.
    struct Column: Sendable {
        let key: String
        let heading: String
        let headings: [String]
        init(_ key: String, _ heading: String, _ headings: [String]) {
            self.key = key; self.heading = heading; self.headings = headings
        }
    }

    /// The cost fields, in the order an export writes them.
    static let table: [Column] = [
        Column("date", "Date", ["invoice date", "transaction date", "txn date", "posting date", "cost date"]),
        Column("account", "Account", ["code", "account code", "nominal", "nominal code", "budget code", "cost code",
                                      "acct", "account no", "account number", "budget account", "gl code", "ledger code"]),
        Column("vendor", "Vendor", ["supplier", "payee", "supplier name", "vendor name", "paid to"]),
        Column("description", "Description", ["details", "memo", "narrative", "desc", "particulars", "item"]),
        Column("amount", "Net", ["net amount", "amount", "net value", "amount net", "amount ex vat", "net of vat"]),
        Column("vat", "VAT", ["tax", "vat amount", "tax amount", "gst", "sales tax"]),
        Column("currency", "Currency", ["ccy", "currency code", "cur"]),
        Column("rate", "Rate", ["fx rate", "exchange rate", "fx", "conversion rate"]),
        Column("po", "PO", ["po number", "purchase order", "po no", "purchase order number", "order number", "order no"]),
        Column("invoice", "Invoice", ["invoice number", "inv no", "invoice no", "inv", "invoice ref", "inv number",
                                      "invoice reference"]),
        Column("kind", "Kind", ["type", "actual/commitment", "cost type", "entry type"]),
        Column("paid", "Paid", ["is paid"]),
        Column("closed", "PO closed", ["closed"]),
        Column("approved", "Approved", ["approved by", "approver", "authorised by", "authorized by", "signed off by"]),
    ]

    /// Headings of the gross amount: read as the net amount less VAT when there is no Net column.
    static let grossHeadings: Set<String> = ["gross", "grossamount", "grossvalue", "amountincvat", "totalincvat",
                                             "total", "grosstotal", "amountgross"]

    /// Columns an export writes that Coord works out itself: never read back.
    static let derivedHeadings: Set<String> = ["accountname", "accountdescription", "openonpo", "netinproductioncurrency"]

    /// `Cast no.` → `castno`: lower case, letters and digits only.
    static func fold(_ heading: String) -> String { CrewCSV.fold(heading) }

    /// What a heading names: a cost field's key, `gross`, `derived`, or nil (not a cost column).
    /// A money heading may end with the production's currency (`Net (GBP)`, `Amount £`).
    static func key(forHeading heading: String, currency: String) -> String? {
        let f = fold(heading)
        guard !f.isEmpty else { return nil }
        if derivedHeadings.contains(f) { return "derived" }
        if f.count == 8, f.hasPrefix("netin"), f.dropFirst(5).allSatisfy({ $0.isASCII && $0.isLetter }) { return "derived" }
        func match(_ f: String) -> String? {
            if grossHeadings.contains(f) { return "gross" }
            if let c = table.first(where: { fold($0.heading) == f || $0.headings.contains { fold($0) == f } }) { return c.key }
            return Noun.cost.fields.first { fold($0.key) == f || fold($0.label) == f || $0.aliases.contains { fold($0) == f } }?.key
        }
        if let k = match(f) { return k }
        let ccy = currency.lowercased()
        if !ccy.isEmpty, f.count > ccy.count, f.hasSuffix(ccy), let k = match(String(f.dropLast(ccy.count))),
           ["amount", "vat", "gross"].contains(k) {
            return k
        }
        return nil
    }

    /// Whether a cell that is not a date looks like a spreadsheet's day/month/year.
    static func looksLikeSlashDate(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The fields that say two entries are the same cost (status fields such as paid are left out).
    static let sameCostKeys = ["date", "account", "vendor", "description", "amount", "vat", "currency", "rate", "po",
                               "invoice", "kind"]

    // MARK: - Import

    /// Reads a cost sheet (a header row, then one cost per row) into `cost add` lines, checking
    /// each row against the model as the rows before it leave it. `today` reads `today` in dates
    /// and dates every cost when the sheet has no Date column. `progress` is told rows checked of all.
    public static func importPlan(_ bytes: [UInt8], into model: Model, name: String, today: CalendarDate,
                                  progress: ((Int, Int) -> Void)? = nil) throws(ImportError) -> CostImport {
        let rows: [Result<CSVRow, CSVError>]
        do { rows = try CSV.rows(bytes) } catch { throw ImportError("\(name): \(error.description)") }
        guard let first = rows.first else { throw ImportError("\(name) is empty: nothing to import") }
        let header: [String]
        switch first {
        case .success(let r): header = r.cells.map { CSV.unprefixed($0).trimmingWhitespace() }
        case .failure(let e): throw ImportError("\(name): the header: \(e.description)")
        }
        func place(_ c: Int) -> String { CSV.columnName(c) + (header[c].isEmpty ? "" : " (\(CSV.shortHeading(header[c])))") }
        func list(_ cols: [Int]) -> String { cols.map(place).joined(separator: ", ") }
        func plural(_ n: Int, _ word: String) -> String { "\(word)\(n == 1 ? "" : "s")" }

        var result = CostImport()
        let home = model.production.currency
        result.currency = home

        // Headings to fields.
        var columnsOf: [String: [Int]] = [:]
        var unknown: [Int] = [], unnamed: [Int] = [], derived: [Int] = []
        for (c, h) in header.enumerated() {
            if h.isEmpty { unnamed.append(c); continue }
            switch key(forHeading: h, currency: home) {
            case "derived"?: derived.append(c)
            case let k?: columnsOf[k, default: []].append(c)
            case nil: unknown.append(c)
            }
        }
        let grossCols = columnsOf["gross"] ?? []
        let missing = [columnsOf["account"] == nil ? "the account (a heading such as Account, Code, Nominal code or Budget code)" : nil,
                       columnsOf["amount"] == nil && grossCols.isEmpty ? "the net amount (a heading such as Net, Amount, or Gross with VAT)" : nil]
            .compactMap { $0 }
        if !missing.isEmpty {
            let joined = header.joined(separator: ",")
            if let sep = [";", "\t", "|"].first(where: { joined.contains($0) }) {
                switch sep {
                case ";":
                    throw ImportError("\(name): its cells are separated by ';', not commas (what Excel saves as \"CSV\" where a comma is the decimal point): save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\", with amounts written 1250.00")
                case "\t":
                    throw ImportError("\(name): its cells are separated by tabs, not commas (tab-delimited text): save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\"")
                default:
                    throw ImportError("\(name): its cells are separated by '|', not commas: save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\"")
                }
            }
            throw ImportError("\(name) has no column for " + missing.joined(separator: " or ")
                + " (the headings are " + list(Array(header.indices)) + ")")
        }
        if !unknown.isEmpty {
            result.plan.notes.append("ignored (not a cost field): \(plural(unknown.count, "column")) \(list(unknown))")
        }
        if !derived.isEmpty {
            result.plan.notes.append("not read (Coord works \(derived.count == 1 ? "it" : "them") out from the other columns): \(plural(derived.count, "column")) \(list(derived))")
        }
        for info in Noun.cost.fields {
            if let cols = columnsOf[info.key], cols.count > 1 {
                result.plan.notes.append("columns \(cols.map(place).joined(separator: " and ")) \(cols.count == 2 ? "both" : "all") give the \(info.label.lowercased()): on each row the first one filled in is used")
            }
        }
        if grossCols.count > 1 {
            result.plan.notes.append("columns \(grossCols.map(place).joined(separator: " and ")) \(grossCols.count == 2 ? "both" : "all") give the gross amount: on each row the first one filled in is used")
        }
        let netFromGross = columnsOf["amount"] == nil
        if !grossCols.isEmpty {
            let vat = columnsOf["vat"].map { " less column " + place($0[0]) } ?? " (no VAT column: net is gross)"
            result.plan.notes.append(netFromGross
                ? "net amounts worked out as column \(place(grossCols[0]))\(vat)"
                : "column \(place(grossCols[0])) checked against net + VAT on each row (the net amount comes from column \(place(columnsOf["amount"]![0])))")
        }
        if columnsOf["date"] == nil {
            result.plan.notes.append("no Date column: every cost is dated today (\(today))")
        }

        // Costs already in the journal, by what makes them the same cost.
        func sameKey<E: Error>(_ value: (String) throws(E) -> String) throws(E) -> String {
            var parts: [String] = []
            for k in sameCostKeys { parts.append(try value(k)) }
            return parts.joined(separator: "\u{1F}")
        }
        var existing: [String: Int] = [:]
        for c in model.costs.values { existing[sameKey { c.value($0).journalText }, default: 0] += 1 }
        var existingRows: [Int] = []

        // Rows to commands, each checked on a scratch model.
        var scratch = model
        let context = ValidationContext(today: today)
        let fields = Noun.cost.fields
        var unnamedFilled = 0, homeCurrencyRows = 0
        var tmp = 0
        var rowOfScratchID: [String: Int] = [:]
        func bad(_ row: Int, _ col: Int?, _ text: String) {
            result.problems.append("row \(row)" + (col.map { ", column " + place($0) } ?? "") + ": " + text)
            result.badRows.append(row)
        }
        var checked = 0
        rowLoop: for r in rows.dropFirst() {
            checked += 1
            if checked & 255 == 0, let progress { progress(checked, rows.count - 1) }
            let row: CSVRow
            switch r {
            case .failure(let e):
                result.rows += 1
                bad(e.row, e.column, e.message)
                continue
            case .success(let x): row = x
            }
            let cells = row.cells.map { CSV.unprefixed($0).trimmingWhitespace() }
            if cells.allSatisfy(\.isEmpty) { continue }
            result.rows += 1
            if unnamed.contains(where: { !cells[$0].isEmpty }) { unnamedFilled += 1 }

            // The value of each field, from the first of its columns filled in on this row.
            var source: [String: Int] = [:]
            var raw: [String: String] = [:]
            for info in fields {
                guard let cols = columnsOf[info.key] else { continue }
                let c = cols.first(where: { !cells[$0].isEmpty }) ?? cols[0]
                source[info.key] = c
                raw[info.key] = cells[c]
            }
            var grossCol: Int?
            if !grossCols.isEmpty {
                grossCol = grossCols.first(where: { !cells[$0].isEmpty }) ?? grossCols[0]
                if netFromGross { source["amount"] = grossCol }
            }
            if let c = source["date"], cells[c].isEmpty, let info = Noun.cost.field("date") {
                bad(row.number, c, "date is required (\(info.label): \(info.kind.hint))")
                continue
            }

            // The production's own currency named on a row (as accounts packages write every
            // row) is no foreign entry: its currency, and a rate of 1, are left out.
            let rowCurrency = (raw["currency"] ?? "").uppercased()
            if rowCurrency == home {
                raw["currency"] = nil
                if let r = raw["rate"], Decimals.scaled(r, places: 6) == Decimals.power(6) { raw["rate"] = nil }
                homeCurrencyRows += 1
            }
            // An amount written with the entry's own foreign currency (`$40` on a USD row) is
            // read as that currency's; one in a third currency is refused.
            var money: [String: String] = [:]
            for key in ["amount", "vat", "gross"] {
                guard let c = key == "gross" ? grossCol : source[key], !(key == "amount" && netFromGross) else { continue }
                var text = cells[c]
                let bracketed = text.hasPrefix("(") && text.hasSuffix(")") && text.count > 2
                if bracketed { text = String(text.dropFirst().dropLast()) }
                let split = Money.splitCurrency(text)
                if let named = split.currency, !rowCurrency.isEmpty, rowCurrency != home, rowCurrency.count == 3 {
                    guard Currency.matches(named, rowCurrency) else {
                        bad(row.number, c, "'\(cells[c])' is not in \(rowCurrency), this row's currency"
                            + (source["currency"].map { " (column \(CSV.columnName($0)))" } ?? ""))
                        continue rowLoop
                    }
                    text = split.number
                }
                money[key] = bracketed ? "(" + text + ")" : text
            }
            if let c = grossCol, let g = money["gross"], !g.isEmpty {
                // Gross less VAT, exactly; or gross checked against net + VAT.
                func amount(_ text: String, _ key: String, _ col: Int) -> Money? {
                    guard let info = Noun.cost.field(key) else { return nil }
                    do {
                        if case .money(let m) = try scratch.checkField(text, field: info, context: context) { return m }
                        return .zero
                    } catch {
                        bad(row.number, col, error.message)
                        return nil
                    }
                }
                guard let gross = amount(g, "amount", c) else { continue }
                var vat = Money.zero
                if let v = money["vat"], let vc = source["vat"] {
                    guard let m = amount(v, "vat", vc) else { continue }
                    vat = m
                }
                if netFromGross {
                    money["amount"] = (gross - vat).plain
                } else if let n = money["amount"], !n.isEmpty, let nc = source["amount"],
                          case .money(let net)? = try? scratch.checkField(n, field: Noun.cost.field("amount")!, context: context),
                          net + vat != gross {
                    bad(row.number, c, "\(gross.plain) is not net + VAT (\(net.plain) + \(vat.plain) = \((net + vat).plain), columns \(CSV.columnName(nc))\(source["vat"].map { " and " + CSV.columnName($0) } ?? ""))")
                    continue
                }
            }
            var pairs: [(String, String)] = []
            for info in fields {
                guard let v = money[info.key] ?? raw[info.key], !v.isEmpty else { continue }
                pairs.append((info.key, v))
            }
            // A cost already in the journal is not added again (before validation: a second
            // commitment on an open PO would be refused).
            if !existing.isEmpty {
                let given = Dictionary(pairs, uniquingKeysWith: { a, _ in a })
                let k = try? sameKey { key -> String in
                    guard let info = Noun.cost.field(key) else { return "" }
                    let text = given[key] ?? info.defaultText ?? ""
                    return try scratch.checkField(text, field: info, context: context).journalText
                }
                if let k, let n = existing[k], n > 0 {
                    existing[k] = n - 1
                    result.alreadyInJournal += 1
                    existingRows.append(row.number)
                    continue
                }
            }
            let line = LineGrammar.line(noun: "cost", verb: "add", pairs: pairs)
            do {
                guard let cmd = try LineGrammar.parse(line) else { continue }
                let event = try scratch.validate(cmd, context: context) {
                    // Named after its row, so a message about an earlier row's cost can say which.
                    var id = RecordID("csv-row-\(row.number)")
                    while scratch.isUsed(id) { tmp += 1; id = RecordID("csv-row-\(row.number)-\(tmp)") }
                    rowOfScratchID[id.raw] = row.number
                    return id
                }
                scratch.apply(event)
                if let id = event.id, let c = scratch.costs[id] {
                    if c.isCommitment { result.commitments += 1; result.netCommitted += c.homeAmount }
                    else { result.actuals += 1; result.netActual += c.homeAmount }
                }
            } catch let e as CommandError {
                var message = e.message
                if let k = e.key, message.hasPrefix(k + ": ") { message.removeFirst(k.count + 2) }
                message = namingRows(message, rowOfScratchID)
                var col = e.key.flatMap { source[$0] }
                if col == nil, e.key == "po" { col = source["kind"] }
                if col == nil, e.key == "rate" { col = source["currency"] }
                if e.key == "date", let c = col, looksLikeSlashDate(cells[c]) {
                    message += "; a spreadsheet's day/month/year date: format the column as YYYY-MM-DD before saving"
                }
                bad(row.number, col, message)
                continue
            } catch {
                bad(row.number, nil, "\(error)")
                continue
            }
            result.plan.commands.append(line)
            result.rowOfCommand.append(row.number)
        }
        if unnamedFilled > 0 {
            let cols = unnamed.map(CSV.columnName).joined(separator: ", ")
            result.plan.notes.append("ignored: \(plural(unnamed.count, "column")) \(cols) (no heading), filled in on \(unnamedFilled) \(plural(unnamedFilled, "row"))")
        }
        if homeCurrencyRows > 0 {
            result.plan.notes.append("\(homeCurrencyRows) \(plural(homeCurrencyRows, "row")) give \(home) as the currency: the production's own, so they are read as ordinary entries (no currency=; a rate of 1 is left out)")
        }
        if !existingRows.isEmpty {
            let shown = existingRows.prefix(10).map(String.init).joined(separator: ", ") + (existingRows.count > 10 ? ", ..." : "")
            result.plan.notes.append("already in the journal, not added again (same date, account, amounts, vendor, description, PO, invoice and kind): \(plural(existingRows.count, "row")) \(shown)")
        }
        if result.rows == 0 { throw ImportError("\(name) has no rows under its header: nothing to import") }
        return result
    }

    /// A model message that names a cost added from an earlier row by its scratch id
    /// (`PO PO-7 is already open as csv-row-12`) names the row instead (`as row 12 of this file`).
    static func namingRows(_ message: String, _ rowOf: [String: Int]) -> String {
        guard message.contains("csv-row-") else { return message }
        let words = message.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let trail = word.reversed().prefix { ";,.:)".contains($0) }.count
            let id = String(word.dropLast(trail))
            guard let row = rowOf[id] else { return String(word) }
            return "row \(row) of this file" + word.suffix(trail)
        }
        return words.joined(separator: " ")
    }
}
