/// The ledger's running totals in a checkpoint: stored, since counting them again from
/// 300,000 cost entries took a seventh of an open from a checkpoint. A test holds the decoded
/// totals equal to the ones replaying built.
extension Checkpoint {
    static func totals(_ t: LedgerTotals, into w: inout ByteWriter) {
        func money(_ d: [String: Money]) {
            w.u32(d.count)
            for (k, m) in d { w.string(k); w.u64(UInt64(bitPattern: m.minor)) }
        }
        money(t.actual)
        w.u32(t.actualOn.count)
        for (code, byDate) in t.actualOn {
            w.string(code)
            w.u32(byDate.count)
            for (d, m) in byDate { w.u32(Int(UInt32(bitPattern: d.dayNumber))); w.u64(UInt64(bitPattern: m.minor)) }
        }
        money(t.invoicedDated)
        money(t.invoicedAll)
        w.u32(t.invoiceCount.count)
        for (po, n) in t.invoiceCount { w.string(po); w.u64(UInt64(bitPattern: Int64(n))) }
        w.u32(t.openOnPO.count)
        for (po, o) in t.openOnPO { w.string(po); w.string(o.account); w.u64(UInt64(bitPattern: o.amount.minor)) }
        money(t.committed)
        money(t.lines)
        money(t.transferred)
        w.u32(t.latestEstimate.count)
        for (code, id) in t.latestEstimate { w.string(code); w.id(id) }
    }

    static func totals(from r: inout ByteReader) throws(Damaged) -> LedgerTotals {
        func money(_ r: inout ByteReader) throws(Damaged) -> [String: Money] {
            let n = try r.count()
            var d = [String: Money](minimumCapacity: n)
            for _ in 0..<n { d[try r.string()] = Money(minor: Int64(bitPattern: try r.u64())) }
            return d
        }
        var t = LedgerTotals()
        t.actual = try money(&r)
        for _ in 0..<(try r.count()) {
            let code = try r.string()
            let n = try r.count()
            var byDate = [CalendarDate: Money](minimumCapacity: n)
            for _ in 0..<n {
                let day = Int32(bitPattern: UInt32(try r.u32()))
                byDate[CalendarDate(dayNumber: day)] = Money(minor: Int64(bitPattern: try r.u64()))
            }
            t.actualOn[code] = byDate
        }
        t.invoicedDated = try money(&r)
        t.invoicedAll = try money(&r)
        for _ in 0..<(try r.count()) { t.invoiceCount[try r.string()] = Int(Int64(bitPattern: try r.u64())) }
        for _ in 0..<(try r.count()) {
            let po = try r.string(), account = try r.string()
            t.openOnPO[po] = (account, Money(minor: Int64(bitPattern: try r.u64())))
        }
        t.committed = try money(&r)
        t.lines = try money(&r)
        t.transferred = try money(&r)
        for _ in 0..<(try r.count()) { t.latestEstimate[try r.string()] = try r.id() }
        return t
    }
}
