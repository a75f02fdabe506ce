// The journal replay as it was before the byte-level fast paths: the line grammar, and
// Model.validate with its value reading, copied from commit c296cfc. FastPathTests checks that
// today's code gives exactly what this gives, line by line.
//
// Two loops of the old validate went over the `given` dictionary, so when two fields were wrong
// at once, which one was reported depended on the dictionary's (random) order. Here they go in
// field order, as the new validate does; nothing else differs from the copy.
@testable import CoordModel

enum RefGrammar {
    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Command? {
        var p = RefScanner(bytes: bytes)
        p.skipSpaces()
        if p.atEnd || p.peek == UInt8(ascii: "#") { return nil }
        let nounStart = p.pos
        let noun = try p.word(what: "a noun")
        p.skipSpaces()
        if p.atEnd || p.peek == UInt8(ascii: "#") {
            throw p.error(at: p.pos, "'\(noun)' needs a verb (add, set, move or rm)")
        }
        let verbStart = p.pos
        let verb = try p.word(what: "a verb")
        var cmd = Command(noun: noun.lowercased(), verb: verb.lowercased(), pairs: [])
        cmd.nounColumn = p.column(of: nounStart)
        cmd.verbColumn = p.column(of: verbStart)
        while true {
            let hadSpace = p.skipSpaces()
            if p.atEnd { break }
            if p.peek == UInt8(ascii: "#") {
                p.pos += 1
                cmd.comment = p.rest().trimmingWhitespaceGeneral()
                break
            }
            if !hadSpace { throw p.error(at: p.pos, "put a space between key=value pairs") }
            let keyStart = p.pos
            let key = try p.key()
            guard !p.atEnd, p.peek == UInt8(ascii: "=") else {
                throw p.error(at: keyStart, "'\(key)' needs a value: write \(key)=VALUE")
            }
            p.pos += 1
            let value = try p.value()
            cmd.pairs.append(.init(key: key.lowercased(), value: value, column: p.column(of: keyStart)))
        }
        return cmd
    }

}

/// Walks a line's UTF-8 bytes; errors name the character column.
struct RefScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { pos >= bytes.count }
    var peek: UInt8 { bytes[pos] }

    func column(of byteOffset: Int) -> Int {
        // Count characters up to the offset; only UTF-8 lead bytes start one.
        var c = 1, i = 0
        while i < byteOffset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { c += 1 }
            i += 1
        }
        return c
    }

    func error(at offset: Int, _ message: String) -> SyntaxError {
        SyntaxError(column: column(of: offset), message: message)
    }

    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = pos
        while !atEnd, peek == 0x20 || peek == 0x09 { pos += 1 }
        return pos > start
    }

    func string(_ from: Int, _ to: Int) throws(SyntaxError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw error(at: from, "not valid UTF-8 text")
        }
        return s
    }

    func rest() -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[pos...]), as: UTF8.self) }

    mutating func checkControl() throws(SyntaxError) {
        let b = peek
        if b < 0x20 || b == 0x7F {
            throw error(at: pos, "control character \\u{\(String(b, radix: 16))} is not allowed here (inside quotes write it as \\u{\(String(b, radix: 16))})")
        }
    }

    mutating func word(what: String) throws(SyntaxError) -> String {
        let start = pos
        while !atEnd, peek != 0x20, peek != 0x09 {
            let b = peek
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
            if !ok {
                if b < 0x20 || b == 0x7F { try checkControl() }
                throw error(at: pos, "expected \(what) (a plain word) here")
            }
            pos += 1
        }
        return try string(start, pos)
    }

    mutating func key() throws(SyntaxError) -> String {
        let start = pos
        while !atEnd, peek != UInt8(ascii: "=") {
            let b = peek
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
            if !ok {
                if b == 0x20 || b == 0x09 { break }
                if b < 0x20 || b == 0x7F { try checkControl() }
                throw error(at: pos, "a key is a plain word followed by '=' (e.g. name=...)")
            }
            pos += 1
        }
        if pos == start { throw error(at: pos, "expected key=value here") }
        return try string(start, pos)
    }

    mutating func value() throws(SyntaxError) -> String {
        if atEnd { return "" }
        let q = peek
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") { return try quoted(q) }
        let start = pos
        while !atEnd, peek != 0x20, peek != 0x09 {
            if peek == UInt8(ascii: "\"") {
                throw error(at: pos, "a quote inside a value: put the whole value in quotes and write \\\" for the quote")
            }
            if peek < 0x20 || peek == 0x7F { try checkControl() }
            pos += 1
        }
        return try string(start, pos)
    }

    mutating func quoted(_ q: UInt8) throws(SyntaxError) -> String {
        let open = pos
        pos += 1
        var out = [UInt8]()
        while true {
            if atEnd { throw error(at: open, "this quote is never closed") }
            let b = peek
            if b == q {
                pos += 1
                if !atEnd, peek != 0x20, peek != 0x09 {
                    throw error(at: pos, "put a space after the closing quote")
                }
                break
            }
            if b < 0x20 || b == 0x7F { try checkControl() }
            if b == UInt8(ascii: "\\") {
                let escStart = pos
                pos += 1
                if atEnd { throw error(at: escStart, "a backslash at the end: write \\\\ for a backslash") }
                let e = peek
                pos += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(e)
                case UInt8(ascii: "u"):
                    guard !atEnd, peek == UInt8(ascii: "{") else {
                        throw error(at: escStart, "write a code point as \\u{1F3AC}")
                    }
                    pos += 1
                    var v: UInt32 = 0, digits = 0
                    while !atEnd, peek != UInt8(ascii: "}") {
                        guard let d = hexValue(peek), digits < 6 else {
                            throw error(at: escStart, "write a code point as \\u{1F3AC} (1 to 6 hex digits)")
                        }
                        v = v * 16 + d; digits += 1; pos += 1
                    }
                    guard !atEnd, digits > 0, let scalar = Unicode.Scalar(v) else {
                        throw error(at: escStart, "\\u{...} must hold a Unicode code point")
                    }
                    pos += 1
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error(at: escStart, "unknown escape '\\\(Character(Unicode.Scalar(e)))' (use \\\\ \\\" \\n \\t \\u{..})")
                }
                continue
            }
            out.append(b)
            pos += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw error(at: open, "not valid UTF-8 text")
        }
        return s
    }

    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        default: return nil
        }
    }
}

extension Model {
    static func inFieldOrder(_ given: [String: (FieldInfo, FieldValue)], _ noun: Noun) -> [(String, (FieldInfo, FieldValue))] {
        noun.fields.compactMap { f in given[f.key].map { (f.key, $0) } }
    }

    /// Turns a written command into an event, or says what is wrong. Changes nothing.
    func refValidate(_ cmd: Command, context: ValidationContext,
                         newID: () -> RecordID) throws(CommandError) -> Event {
        guard let noun = Noun(rawValue: cmd.noun) else {
            throw CommandError("unknown noun '\(cmd.noun)' (nouns: \(Noun.allCases.map(\.rawValue).joined(separator: ", ")))",
                               column: cmd.nounColumn)
        }
        guard let verb = Verb(rawValue: cmd.verb), noun.verbs.contains(verb) else {
            throw CommandError("\(noun.rawValue) takes \(noun.verbs.map(\.rawValue).joined(separator: ", ")), not '\(cmd.verb)'",
                               column: cmd.verbColumn)
        }
        var seen = Set<String>()
        var idPair: Command.Pair?
        var given: [String: (FieldInfo, FieldValue)] = [:]
        var placing: [String: Command.Pair] = [:]
        for pair in cmd.pairs {
            if pair.key == "id" {
                if idPair != nil { throw CommandError("id is given twice", key: "id", column: pair.column) }
                idPair = pair
                continue
            }
            if noun.isPlaced, Model.placementKeys(noun).contains(pair.key) {
                if placing[pair.key] != nil { throw CommandError("\(pair.key) is given twice", key: pair.key, column: pair.column) }
                placing[pair.key] = pair
                continue
            }
            guard let field = noun.field(pair.key) else {
                throw CommandError("\(noun.rawValue) has no field '\(pair.key)' (fields: \(noun.fields.map(\.key).joined(separator: ", ")))",
                                   key: pair.key, column: pair.column)
            }
            guard seen.insert(field.key).inserted else {
                throw CommandError("\(field.key) is given twice", key: field.key, column: pair.column)
            }
            do {
                let v = try refParseValue(pair.value, field: field, context: context)
                given[field.key] = (field, v)
            } catch {
                throw CommandError("\(field.key): \(error.message)", key: field.key, column: pair.column)
            }
        }

        let id: RecordID?
        switch verb {
        case .restore:
            // Newer than this copy of the old validator: the differential tests never write it.
            throw CommandError("restore is newer than the reference validator")
        case .add:
            if let p = idPair {
                if let bad = RecordID.validateGeneral(p.value) { throw CommandError("id: \(bad.message)", key: "id", column: p.column) }
                let rid = RecordID(p.value)
                if isUsed(rid) {
                    throw CommandError("id \(rid) is already used (ids are never reused)", key: "id", column: p.column)
                }
                id = rid
            } else if context.replaying {
                throw CommandError("add needs id= in a journal (Coord writes one for every record it adds)")
            } else {
                id = newID()
            }
            for field in noun.fields where (given[field.key]?.1 ?? .empty).isEmpty {
                if let d = field.defaultText {
                    do {
                        given[field.key] = (field, try refParseValue(d, field: field, context: context))
                    } catch {
                        throw CommandError("\(field.key): \(error.message)", key: field.key)
                    }
                }
            }
            for field in noun.fields where field.required && (given[field.key]?.1 ?? .empty).isEmpty {
                throw CommandError("\(field.key) is required (\(field.label): \(field.kind.hint))", key: field.key)
            }
        case .set:
            if noun == .production {
                if let p = idPair { throw CommandError("production has no id", key: "id", column: p.column) }
                id = nil
            } else {
                id = try refExisting(idPair, noun: noun)
            }
            if given.isEmpty && placing.isEmpty { throw CommandError("\(noun.rawValue) set needs at least one field to change") }
            if given["board"] != nil, noun == .day || noun == .banner || noun == .calendar {
                throw CommandError("a \(noun.title) stays on its board (add a new one on the other board)", key: "board")
            }
            for (key, (field, value)) in Model.inFieldOrder(given, noun) where (field.required || field.defaultText != nil) && value.isEmpty {
                throw CommandError("\(key) cannot be emptied (\(field.label): \(field.kind.hint))", key: key)
            }
        case .move:
            id = try refExisting(idPair, noun: noun)
            if let extra = given.keys.sorted().first {
                if extra == "board" { throw CommandError("a \(noun.title) stays on its board", key: extra) }
                throw CommandError("move only places; change \(extra) with set", key: extra)
            }
        case .rm:
            id = try refExisting(idPair, noun: noun)
            if let extra = cmd.pairs.first(where: { $0.key != "id" }) {
                throw CommandError("rm takes only id=", key: extra.key, column: extra.column)
            }
            if id == Board.mainID { throw CommandError("the main board cannot be removed (rename it with board set)") }

        }

        // A new day break, banner or calendar day belongs to the active board unless it says.
        if verb == .add, noun == .day || noun == .banner || noun == .calendar, (given["board"]?.1 ?? .empty).isEmpty,
           let f = noun.field("board") {
            given["board"] = (f, .text(activeBoard.id.raw))
        }
        // References, now that every value reads.
        for (key, (field, value)) in Model.inFieldOrder(given, noun) {
            do {
                given[key] = (field, try refResolve(value, field: field, context: context))
            } catch {
                throw CommandError("\(key): \(error.message)", key: key)
            }
        }

        try checkBudget(noun, verb, id: id, given: given)
        if noun == .booking { try checkBooking(id: id, given: given) }
        try checkLogistics(noun, verb, id: id, given: given)
        if noun == .progress { try checkProgress(verb, id: id, given: given) }
        if noun == .board, case .text(let name)? = given["name"]?.1,
           let other = boards.values.first(where: { $0.name.lowercased() == name.lowercased() && $0.id != id }) {
            throw CommandError("a board is already called \(other.name) (\(other.id))", key: "name")
        }
        if noun == .crew, case .text(let n)? = given["castno"]?.1,
           let other = crew.values.first(where: { $0.castNumber == n && $0.id != id }) {
            throw CommandError("cast number \(n) is \(other.name)'s", key: "castno")
        }
        if noun == .board, verb == .set, case .text("no")? = given["active"]?.1, let id, boards[id]?.isActive == true {
            throw CommandError("make another board active instead (board set id=... active=yes)", key: "active")
        }
        var placement: Placement?
        if noun.isPlaced, let id, verb == .add || verb == .move || !placing.isEmpty {
            placement = try resolvePlacement(noun, verb, id, placing, given: given, context: context)
        } else if let p = placing.values.first {
            throw CommandError("\(p.key)= only goes with add or move", key: p.key, column: p.column)
        }
        if noun == .strip { try fillShotDay(verb, id: id, given: &given, placement: placement) }
        let values = noun.fields.compactMap { f in given[f.key].map { Event.Assignment(key: f.key, value: $0.1) } }
        return Event(noun: noun, verb: verb, id: id, values: values, placement: placement)
    }

    func refExisting(_ pair: Command.Pair?, noun: Noun) throws(CommandError) -> RecordID {
        guard let pair else { throw CommandError("\(noun.rawValue) needs id= to say which one", key: "id") }
        let rid = RecordID(pair.value)
        if nounOf[rid] == noun { return rid }
        if isUsed(rid), nounOf[rid] == nil {
            throw CommandError("\(noun.rawValue) \(rid) was removed", key: "id", column: pair.column)
        }
        if let other = nounOf[rid] {
            throw CommandError("\(rid) is a \(other.rawValue), not a \(noun.rawValue)", key: "id", column: pair.column)
        }
        throw CommandError("no \(noun.rawValue) with id \(pair.value)", key: "id", column: pair.column)
    }

    func refResolve(_ value: FieldValue, field: FieldInfo, context: ValidationContext) throws(ValueError) -> FieldValue {
        guard case .text(let raw) = value else { return value }
        switch field.kind {
        case .dayRef:
            let rid = RecordID(raw)
            if nounOf[rid] == .day { return value }
            guard case .success(let date) = CalendarDate.parseGeneral(raw, today: context.today) else {
                throw ValueError("no shoot day '\(raw)' (give a day id or a date)")
            }
            let matches = days.values.filter { effectiveDate(of: $0.id) == date }
            let onActive = matches.filter { $0.board == activeBoard.id.raw }
            if onActive.count == 1 { return .text(onActive[0].id.raw) }
            if matches.count == 1 { return .text(matches[0].id.raw) }
            if matches.isEmpty { throw ValueError("no shoot day on \(date)") }
            throw ValueError("\(matches.count) shoot days on \(date); give the day's id")
        case .boardRef:
            return .text(try resolveBoardText(raw))
        case .whoRef:
            let rid = RecordID(raw)
            guard nounOf[rid] == .crew || nounOf[rid] == .kit else {
                throw ValueError("no crew member or kit item with id \(raw)")
            }
            return value
        case .locationRef:
            guard nounOf[RecordID(raw)] == .location else { throw ValueError("no location with id \(raw)") }
            return value
        case .accountRef:
            guard account(code: raw) != nil else {
                throw ValueError("no account with code \(raw) (add it first: account add code=\(raw) description=...)")
            }
            return value
        case .categoryRef:
            if categoryIDByCode[raw] != nil { return value }
            let named = categories.values.filter { $0.name.lowercased() == raw.lowercased() }
            if named.count == 1 { return .text(named[0].code) }
            throw ValueError("no category '\(raw)' (give its code, or add it: category add code=2000 name=\"...\")")
        default:
            return value
        }
    }

    /// Reads one field's text into its canonical value.
    func refParseValue(_ raw: String, field: FieldInfo, context: ValidationContext) throws(ValueError) -> FieldValue {
        let trimmed = raw.trimmingWhitespaceGeneral()
        if trimmed.isEmpty { return .empty }
        switch field.kind {
        case .text, .dayRef:
            return .text(trimmed)
        case .date:
            return try CalendarDate.parseGeneral(trimmed, today: context.today).map(FieldValue.date).get()
        case .time:
            return try TimeOfDay.parseGeneral(trimmed).map(FieldValue.time).get()
        case .money:
            if let named = Money.splitCurrency(trimmed).currency, !Currency.matches(named, production.currency) {
                throw ValueError("'\(raw)' is not in \(production.currency), the production's currency")
            }
            return try Money.parseGeneral(trimmed).map(FieldValue.money).get()
        case .pages:
            return try Pages.parse(trimmed).map(FieldValue.pages).get()
        case .email:
            let at = trimmed.firstIndex(of: "@")
            guard let at, at != trimmed.startIndex, trimmed[trimmed.index(after: at)...].contains("."),
                  !trimmed.contains(where: { $0.isWhitespace }) else {
                throw ValueError("'\(raw)' is not an email address")
            }
            return .text(trimmed)
        case .phone:
            let digits = trimmed.filter { $0.isASCII && $0.isNumber }.count
            guard digits >= 5, trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || " +-().".contains($0) }) else {
                throw ValueError("'\(raw)' is not a phone number (digits, spaces and + - ( ) . only)")
            }
            return .text(trimmed)
        case .code, .accountRef:
            guard trimmed.count <= 24, trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }) else {
                throw ValueError("'\(raw)' is not a code (letters, digits, - . / only)")
            }
            return .text(trimmed)
        case .currency:
            let up = trimmed.uppercased()
            guard up.count == 3, up.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ValueError("'\(raw)' is not a currency code (three letters, e.g. GBP)")
            }
            return .text(up)
        case .choice(let c):
            guard let v = c.canonical(trimmed) else {
                throw ValueError("'\(raw)' is not one of \(c.values.joined(separator: ", "))")
            }
            return .text(v)
        case .department:
            return .text(Choices.departmentChoice.canonical(trimmed) ?? trimmed)
        case .boardRef, .whoRef, .locationRef, .categoryRef:
            return .text(trimmed)
        case .decimal(let places):
            guard let v = Decimals.scaled(trimmed, places: places), v >= 0, v < 1_000_000 * Decimals.power(places) else {
                throw ValueError("'\(raw)' is not a number with at most \(places) decimal places, 0 to 999,999 (e.g. \(places > 3 ? "0.7912" : "2.5"))")
            }
            return .text(Decimals.text(v, places: places))
        case .percent:
            let t = trimmed.hasSuffix("%") ? String(trimmed.dropLast()).trimmingWhitespaceGeneral() : trimmed
            guard let v = Decimals.scaled(t, places: 2), v >= 0, v <= 100_000 else {
                throw ValueError("'\(raw)' is not a percentage from 0 to 1000 with at most 2 decimals (e.g. 13.8)")
            }
            return .text(Decimals.text(v, places: 2))
        case .degrees(let limit):
            guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let d = Double(trimmed),
                  abs(d) <= Double(limit) else {
                throw ValueError("'\(raw)' is not in decimal degrees (between -\(limit) and \(limit), e.g. 50.1664)")
            }
            return .text(trimmed)
        case .count:
            guard let n = Int(trimmed), n >= 0, n < 100_000 else { throw ValueError("'\(raw)' is not a whole number") }
            return .text(String(n))
        case .hours:
            let parts = trimmed.split(separator: "+", omittingEmptySubsequences: false)
            let numbers = parts.compactMap { p -> Double? in
                let t = String(p).trimmingWhitespaceGeneral()
                return t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) ? Double(t) : nil
            }
            let total = numbers.reduce(0, +)
            guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }), total > 0, total <= 24 else {
                throw ValueError("'\(raw)' is not a number of hours (e.g. 11 or 10+1)")
            }
            return .text(total == total.rounded() ? String(Int(total)) : String(total))
        case .weekdays:
            if trimmed.lowercased() == "none" { return .text("none") }
            var days: [Int] = []
            for part in trimmed.split(separator: ",") {
                guard let d = Weekdays.number(String(part)) else {
                    throw ValueError("'\(part)' is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
                }
                if !days.contains(d) { days.append(d) }
            }
            if days.count == 7 { throw ValueError("'\(raw)' leaves no day to shoot (write none for no days off)") }
            return days.isEmpty ? .empty : .text(days.sorted().map { Weekdays.names[$0] }.joined(separator: ","))
        case .dates:
            var out: [CalendarDate] = []
            for part in trimmed.split(separator: ",") {
                let d = try CalendarDate.parseGeneral(String(part), today: context.today).get()
                if !out.contains(d) { out.append(d) }
            }
            return out.isEmpty ? .empty : .text(out.sorted().map(\.description).joined(separator: ","))
        }
    }
}
