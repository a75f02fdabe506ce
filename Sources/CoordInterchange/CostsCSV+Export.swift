import CoordModel

extension CostsCSV {
    // MARK: - Export

    /// Every cost entry, one row each in date order (the journal's order within a date), with
    /// the headings `importPlan` reads; Account name, Net in the production's currency and
    /// Open on PO are worked out, and not read back.
    public static func export(_ model: Model) throws(ScheduleExportError) -> CostsCSVExport {
        guard !model.costs.isEmpty else { throw ScheduleExportError("nothing to export: no cost entries") }
        let home = model.production.currency
        let open = model.openCommitments()
        let headings = ["Date", "Account", "Account name", "Vendor", "Description", "Net", "VAT", "Currency", "Rate",
                        "Net in \(home)", "PO", "Invoice", "Kind", "Paid", "PO closed", "Approved", "Open on PO"]
        var rows = [headings]
        var actuals = 0, commitments = 0
        for c in inDateOrder(model) {
            let v = { (key: String) in c.value(key).journalText }
            rows.append([v("date"), v("account"), model.account(code: c.account)?.description ?? "", v("vendor"),
                         v("description"), v("amount"), v("vat"), v("currency"), v("rate"), c.homeAmount.plain,
                         v("po"), v("invoice"), v("kind"), v("paid"), v("closed"), v("approved"),
                         c.isCommitment ? (open[c.id] ?? .zero).plain : ""])
            if c.isCommitment { commitments += 1 } else { actuals += 1 }
        }
        return CostsCSVExport(bytes: CSV.write(rows), costs: model.costs.count, actuals: actuals,
                              commitments: commitments, headings: headings)
    }

    /// The cost entries by date, the journal's order within a date.
    static func inDateOrder(_ model: Model) -> [CostEntry] {
        model.costs.values.enumerated().sorted { a, b in
            let (da, db) = (a.element.date?.dayNumber ?? .min, b.element.date?.dayNumber ?? .min)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
    }
}
