/// A model as bytes: every stored property of `Model`, so that opening a long journal need
/// not replay the lines it has already checked. It is only ever a cache of the journal (see
/// CheckpointStore): it is written from a model that replaying built, and is trusted only
/// while the journal still starts with the very bytes it was made from.
enum Checkpoint {
    struct Damaged: Error {}

    static func encode(_ m: Model) -> [UInt8] {
        var w = ByteWriter()
        record(m.production, into: &w)
        table(m.boards, into: &w)
        for b in m.boards.values { w.ids(b.items) }
        table(m.days, into: &w)
        table(m.strips, into: &w)
        table(m.banners, into: &w)
        table(m.calendar, into: &w)
        table(m.crew, into: &w)
        table(m.kit, into: &w)
        table(m.bookings, into: &w)
        table(m.locations, into: &w)
        table(m.calls, into: &w)
        table(m.safety, into: &w)
        table(m.travel, into: &w)
        table(m.callSheets, into: &w)
        table(m.progress, into: &w)
        table(m.categories, into: &w)
        table(m.accounts, into: &w)
        table(m.budgetLines, into: &w)
        table(m.approvals, into: &w)
        table(m.transfers, into: &w)
        table(m.costs, into: &w)
        table(m.estimates, into: &w)
        table(m.clearances, into: &w)
        table(m.clearanceLog, into: &w)
        nouns(m.nounOf, into: &w)
        nouns(m.removedNouns, into: &w)
        codes(m.accountIDByCode, into: &w)
        codes(m.categoryIDByCode, into: &w)
        codes(m.commitmentByPO, into: &w)
        w.u32(m.costCountByCode.count)
        for (code, n) in m.costCountByCode { w.string(code); w.u64(UInt64(bitPattern: Int64(n))) }
        w.u32(m.bookingAt.count)
        for (k, id) in m.bookingAt { w.string(k.who); w.u32(Int(UInt32(bitPattern: k.date.dayNumber))); w.id(id) }
        totals(m.totals, into: &w)
        return w.bytes
    }

    /// How many stored properties `encode` writes or `decode` rebuilds (`bookingsOf`, `marks`); a test holds `Model`
    /// to it, so a new property cannot be left out of checkpoints unnoticed.
    static let modelProperties = 34

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(Damaged) -> Model {
        var r = ByteReader(bytes)
        var m = Model()
        m.production = try record(Production(id: "production"), from: &r)
        m.boards = try table(from: &r)
        for id in m.boards.keys { m.boards[id]!.items = try r.ids() }
        m.days = try table(from: &r)
        m.strips = try table(from: &r)
        m.banners = try table(from: &r)
        m.calendar = try table(from: &r)
        m.crew = try table(from: &r)
        m.kit = try table(from: &r)
        m.bookings = try table(from: &r)
        m.locations = try table(from: &r)
        m.calls = try table(from: &r)
        m.safety = try table(from: &r)
        m.travel = try table(from: &r)
        m.callSheets = try table(from: &r)
        m.progress = try table(from: &r)
        m.categories = try table(from: &r)
        m.accounts = try table(from: &r)
        m.budgetLines = try table(from: &r)
        m.approvals = try table(from: &r)
        m.transfers = try table(from: &r)
        m.costs = try table(from: &r)
        m.estimates = try table(from: &r)
        m.clearances = try table(from: &r)
        m.clearanceLog = try table(from: &r)
        m.nounOf = try nouns(from: &r)
        m.removedNouns = try nouns(from: &r)
        m.accountIDByCode = try codes(from: &r)
        m.categoryIDByCode = try codes(from: &r)
        m.commitmentByPO = try codes(from: &r)
        var counts = [String: Int]()
        for _ in 0..<(try r.count()) { counts[try r.string()] = Int(Int64(bitPattern: try r.u64())) }
        m.costCountByCode = counts
        var at = [Model.BookingKey: RecordID](minimumCapacity: try r.peekCount())
        for _ in 0..<(try r.count()) {
            let who = try r.string()
            let day = Int32(bitPattern: UInt32(try r.u32()))
            at[Model.BookingKey(who: who, date: CalendarDate(dayNumber: day))] = try r.id()
        }
        m.bookingAt = at
        m.totals = try totals(from: &r)
        guard r.atEnd else { throw Damaged() }
        // Rebuilt, not stored: quick to build, and then nothing can fall out of step.
        for (id, b) in m.bookings { m.bookingsOf[b.who, default: []].insert(id) }
        // `marks` starts afresh: a checkpoint's model is a new line of changes.
        return m
    }

    // MARK: records: the id, then every field's value in field order

    private static func record<R: Record>(_ r: R, into w: inout ByteWriter) {
        for f in R.fields { w.value(f.get(r)) }
    }

    private static func record<R: Record>(_ start: R, from r: inout ByteReader) throws(Damaged) -> R {
        var rec = start
        for f in R.fields {
            let v = try r.value()
            if v != f.get(rec) { f.set(&rec, v) }
        }
        return rec
    }

    private static func table<R: Record>(_ t: RecordTable<R>, into w: inout ByteWriter) {
        w.u32(t.count)
        for (id, rec) in t { w.id(id); record(rec, into: &w) }
    }

    // Inlined where R is known: unspecialized, every append asks the runtime for R's metadata.
    @inline(__always)
    private static func table<R: Record>(from r: inout ByteReader) throws(Damaged) -> RecordTable<R> {
        let n = try r.count()
        let fields = R.fields
        // Only values that differ from a new record's are set: most fields of most records are empty.
        let blank = R(id: "")
        let defaults = fields.map { $0.get(blank) }
        var keys = [RecordID](), values = [R]()
        keys.reserveCapacity(n); values.reserveCapacity(n)
        for _ in 0..<n {
            let id = try r.id()
            var rec = R(id: id)
            for i in fields.indices {
                let v = try r.value()
                if v != defaults[i] { fields[i].set(&rec, v) }
            }
            keys.append(id)
            values.append(rec)
        }
        return RecordTable(uncheckedUniqueKeys: keys, values: values)
    }

    private static func nouns(_ d: [RecordID: Noun], into w: inout ByteWriter) {
        w.u32(d.count)
        for (id, noun) in d { w.id(id); w.u8(UInt8(Noun.allCases.firstIndex(of: noun)!)) }
    }

    private static func nouns(from r: inout ByteReader) throws(Damaged) -> [RecordID: Noun] {
        let all = Noun.allCases
        var d = [RecordID: Noun](minimumCapacity: try r.peekCount())
        for _ in 0..<(try r.count()) {
            let id = try r.id()
            let k = Int(try r.u8())
            guard k < all.count else { throw Damaged() }
            d[id] = all[k]
        }
        return d
    }

    private static func codes(_ d: [String: RecordID], into w: inout ByteWriter) {
        w.u32(d.count)
        for (code, id) in d { w.string(code); w.id(id) }
    }

    private static func codes(from r: inout ByteReader) throws(Damaged) -> [String: RecordID] {
        var d = [String: RecordID](minimumCapacity: try r.peekCount())
        for _ in 0..<(try r.count()) { d[try r.string()] = try r.id() }
        return d
    }
}

/// Little-endian numbers, length-prefixed UTF-8 and tagged field values.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: Int) { let x = UInt32(v); for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: x >> UInt32(s))) } }
    mutating func u64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) } }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in u32(u.count); bytes.append(contentsOf: u) }
    }
    mutating func id(_ id: RecordID) { string(id.raw) }
    mutating func ids(_ ids: [RecordID]) { u32(ids.count); for i in ids { id(i) } }

    mutating func value(_ v: FieldValue) {
        switch v {
        case .empty: u8(0)
        case .text(let s): u8(1); string(s)
        case .date(let d): u8(2); u32(Int(UInt32(bitPattern: d.dayNumber)))
        case .time(let t): u8(3); u64(UInt64(bitPattern: Int64(t.minutes)))
        case .money(let m): u8(4); u64(UInt64(bitPattern: m.minor))
        case .pages(let p): u8(5); u64(UInt64(bitPattern: Int64(p.eighths)))
        }
    }
}

struct ByteReader {
    let base: UnsafeRawBufferPointer
    var at = 0
    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var atEnd: Bool { at == base.count }

    mutating func u8() throws(Checkpoint.Damaged) -> UInt8 {
        guard at < base.count else { throw Checkpoint.Damaged() }
        defer { at += 1 }
        return base[at]
    }
    mutating func u32() throws(Checkpoint.Damaged) -> Int {
        guard base.count - at >= 4 else { throw Checkpoint.Damaged() }
        defer { at += 4 }
        return Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }
    mutating func u64() throws(Checkpoint.Damaged) -> UInt64 {
        guard base.count - at >= 8 else { throw Checkpoint.Damaged() }
        defer { at += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
    /// A count of things still to read; each takes at least one byte, so a damaged count
    /// cannot ask for more room than the file has.
    mutating func count() throws(Checkpoint.Damaged) -> Int {
        let n = try u32()
        guard n <= base.count - at else { throw Checkpoint.Damaged() }
        return n
    }
    func peekCount() throws(Checkpoint.Damaged) -> Int {
        var copy = self
        return try copy.count()
    }
    mutating func string() throws(Checkpoint.Damaged) -> String {
        let n = try u32()
        guard n <= base.count - at else { throw Checkpoint.Damaged() }
        defer { at += n }
        let slice = UnsafeRawBufferPointer(rebasing: base[at..<(at + n)])
        // The body's hash was checked before any of it is read, so its text is what was written.
        return String(decoding: slice.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }
    mutating func id() throws(Checkpoint.Damaged) -> RecordID { RecordID(try string()) }
    mutating func ids() throws(Checkpoint.Damaged) -> [RecordID] {
        let n = try count()
        var out = [RecordID]()
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try id()) }
        return out
    }

    mutating func value() throws(Checkpoint.Damaged) -> FieldValue {
        switch try u8() {
        case 0: return .empty
        case 1: return .text(try string())
        case 2: return .date(CalendarDate(dayNumber: Int32(bitPattern: UInt32(try u32()))))
        case 3: return .time(TimeOfDay(minutes: Int(Int64(bitPattern: try u64()))))
        case 4: return .money(Money(minor: Int64(bitPattern: try u64())))
        case 5: return .pages(Pages(eighths: Int(Int64(bitPattern: try u64()))))
        default: throw Checkpoint.Damaged()
        }
    }
}
