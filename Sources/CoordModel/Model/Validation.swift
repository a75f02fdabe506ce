/// Why a command was refused: what is wrong, and where (key and column) when known.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The field the error belongs to, so a form can show it beside that field.
    public var key: String?
    public var column: Int?
    public init(_ message: String, key: String? = nil, column: Int? = nil) {
        self.message = message; self.key = key; self.column = column
    }
    public var description: String {
        if let column { return "column \(column): \(message)" }
        return message
    }
}

/// How a command is being checked.
public struct ValidationContext: Sendable {
    /// nil while replaying: a journal line must not depend on the day it is read.
    public var today: CalendarDate?
    /// Replaying a journal: `add` must carry its id, as Coord always writes one.
    public var replaying: Bool { today == nil }
    /// A foreign-currency cost's own currency: its amounts may carry that symbol or code.
    public var entryCurrency: String?
    public init(today: CalendarDate?) { self.today = today }
    public static let replay = ValidationContext(today: nil)
}

extension Model {
    /// Turns a written command into an event, or says what is wrong. Changes nothing.
    ///
    /// The values given are kept in an array by field index (the noun's `NounTable` maps each
    /// key and alias to its index); the `given` dictionary the rule hooks read is built once,
    /// from that array, when every value reads and resolves.
    public func validate(_ cmd: Command, context: ValidationContext,
                         newID: () -> RecordID) throws(CommandError) -> Event {
        var scratch = ValidationScratch()
        return try validate(cmd, context: context, newID: newID, scratch: &scratch)
    }

    /// `validate`, with buffers that a replay keeps from one line to the next, and what the
    /// parser already worked out about the command's words (`words`, for this `cmd` only).
    func validate(_ cmd: Command, context: ValidationContext, newID: () -> RecordID,
                  scratch: inout ValidationScratch, words: ParsedWords? = nil) throws(CommandError) -> Event {
        var context = context
        if cmd.noun == "cost", let c = cmd.pairs.first(where: { $0.key == "currency" || $0.key == "ccy" }) {
            context.entryCurrency = c.value.trimmingWhitespace().uppercased()
        }
        do {
            return try validateCommand(cmd, context: context, newID: newID, scratch: &scratch, words: words)
        } catch {
            // Every refusal points into the line: at the value it is about, else at the command.
            guard error.column == nil else { throw error }
            var placed = error
            let noun = Noun(rawValue: cmd.noun)
            if let key = error.key,
               let pair = cmd.pairs.first(where: { $0.key == key || noun?.field($0.key)?.key == key }) {
                placed.column = pair.column
            } else {
                placed.column = cmd.nounColumn
            }
            throw placed
        }
    }

    private func validateCommand(_ cmd: Command, context: ValidationContext, newID: () -> RecordID,
                                 scratch: inout ValidationScratch, words: ParsedWords?) throws(CommandError) -> Event {
        guard let table = words?.table ?? NounTable.named(cmd.noun) else {
            throw CommandError("unknown noun '\(cmd.noun)' (nouns: \(Noun.allCases.map(\.rawValue).joined(separator: ", ")))",
                               column: cmd.nounColumn)
        }
        let noun = table.noun
        guard let verb = words?.verb ?? Verb.named(cmd.verb), table.takes(verb) else {
            throw CommandError("\(noun.rawValue) takes \(noun.verbs.map(\.rawValue).joined(separator: ", ")), not '\(cmd.verb)'",
                               column: cmd.verbColumn)
        }
        let fields = table.fields
        // values[i]: nil when field i is not given; `.empty` when it is given empty.
        var values = scratch.values
        scratch.values = []
        if values.count == fields.count {
            for i in values.indices where values[i] != nil { values[i] = nil }
        } else {
            values = Array(repeating: nil, count: fields.count)
        }
        defer { scratch.values = values }
        var givenCount = 0
        var idPair: Command.Pair?
        var placing: [String: Command.Pair] = [:]
        let slots = words.flatMap { $0.table === table && $0.slots.count == cmd.pairs.count ? $0.slots : nil }
        for (k, pair) in cmd.pairs.enumerated() {
            // What the key is: `id`, a placement key, or field i (see ParsedWords.slot).
            var slot = slots?[k] ?? ParsedWords.unknown
            if slot == ParsedWords.unknown {
                let code = WordCode(pair.key)
                if code.map({ $0 == Model.idCode }) ?? (pair.key == "id") {
                    slot = ParsedWords.id
                } else if table.isPlaced,
                          code.map({ table.placement.value($0) != nil }) ?? Model.placementKeys(noun).contains(pair.key) {
                    slot = ParsedWords.placement
                } else if let i = code.flatMap(table.fieldIndex(code:)) ?? table.fieldIndex(pair.key) {
                    slot = Int16(i)
                } else {
                    throw CommandError("\(noun.rawValue) has no field '\(pair.key)' (fields: \(noun.fields.map(\.key).joined(separator: ", ")))",
                                       key: pair.key, column: pair.column)
                }
            }
            if slot == ParsedWords.id {
                if idPair != nil { throw CommandError("id is given twice", key: "id", column: pair.column) }
                idPair = pair
                continue
            }
            if slot == ParsedWords.placement {
                if placing[pair.key] != nil { throw CommandError("\(pair.key) is given twice", key: pair.key, column: pair.column) }
                placing[pair.key] = pair
                continue
            }
            let i = Int(slot)
            let field = fields[i]
            guard values[i] == nil else {
                throw CommandError("\(field.key) is given twice", key: field.key, column: pair.column)
            }
            do {
                values[i] = try parseValue(pair.value, field: field, context: context)
                givenCount += 1
            } catch {
                throw CommandError("\(field.key): \(error.message)", key: field.key, column: pair.column)
            }
        }

        let id: RecordID?
        switch verb {
        case .add, .restore:
            if verb == .restore {
                id = try removed(idPair, noun: noun)
            } else if let p = idPair {
                if let bad = RecordID.validate(p.value) { throw CommandError("id: \(bad.message)", key: "id", column: p.column) }
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
            // The fields with a default, in field order (as the loop over every field found them).
            for i in table.defaulted where Model.blank(values[i]) {
                let field = fields[i]
                do {
                    if values[i] == nil { givenCount += 1 }
                    values[i] = try parseValue(field.defaultText!, field: field, context: context)
                } catch {
                    throw CommandError("\(field.key): \(error.message)", key: field.key)
                }
            }
            for i in table.required where Model.blank(values[i]) {
                let field = fields[i]
                throw CommandError("\(field.key) is required (\(field.label): \(field.kind.hint))", key: field.key)
            }
        case .set:
            if noun == .production {
                if let p = idPair { throw CommandError("production has no id", key: "id", column: p.column) }
                id = nil
            } else {
                id = try existing(idPair, noun: noun)
            }
            if givenCount == 0 && placing.isEmpty { throw CommandError("\(noun.rawValue) set needs at least one field to change") }
            if let b = table.boardIndex, values[b] != nil, noun == .day || noun == .banner || noun == .calendar {
                throw CommandError("a \(noun.title) stays on its board (add a new one on the other board)", key: "board")
            }
            for i in table.notEmptiable where Model.givenEmpty(values[i]) {
                let field = fields[i]
                throw CommandError("\(field.key) cannot be emptied (\(field.label): \(field.kind.hint))", key: field.key)
            }
        case .move:
            id = try existing(idPair, noun: noun)
            if let extra = fields.indices.filter({ values[$0] != nil }).map({ fields[$0].key }).sorted().first {
                if extra == "board" { throw CommandError("a \(noun.title) stays on its board", key: extra) }
                throw CommandError("move only places; change \(extra) with set", key: extra)
            }
        case .rm:
            id = try existing(idPair, noun: noun)
            if let extra = cmd.pairs.first(where: { $0.key != "id" }) {
                throw CommandError("rm takes only id=", key: extra.key, column: extra.column)
            }
            if id == Board.mainID { throw CommandError("the main board cannot be removed (rename it with board set)") }

        }

        // A new day break, banner or calendar day belongs to the active board unless it says.
        if verb == .add, noun == .day || noun == .banner || noun == .calendar, let b = table.boardIndex,
           Model.blank(values[b]) {
            if values[b] == nil { givenCount += 1 }
            values[b] = .text(activeBoard.id.raw)
        }
        // References, now that every value reads.
        for i in table.references {
            guard let value = values[i] else { continue }
            do {
                values[i] = try resolve(value, field: fields[i], context: context)
            } catch {
                throw CommandError("\(fields[i].key): \(error.message)", key: fields[i].key)
            }
        }

        var given = scratch.given(table, values, count: givenCount)
        try checkBudget(noun, verb, id: id, given: given)
        if noun == .booking { try checkBooking(id: id, given: given) }
        try checkLogistics(noun, verb, id: id, given: given)
        if noun == .progress { try checkProgress(verb, id: id, given: given) }
        if noun == .board, let n = table.nameIndex, case .text(let name)? = values[n],
           let other = boards.values.first(where: { $0.name.lowercased() == name.lowercased() && $0.id != id }) {
            throw CommandError("a board is already called \(other.name) (\(other.id))", key: "name")
        }
        if noun == .crew, let c = table.castnoIndex, case .text(let n)? = values[c],
           let other = crew.values.first(where: { $0.castNumber == n && $0.id != id }) {
            throw CommandError("cast number \(n) is \(other.name)'s", key: "castno")
        }
        if noun == .board, verb == .set, let a = table.activeIndex, case .text("no")? = values[a], let id,
           boards[id]?.isActive == true {
            throw CommandError("make another board active instead (board set id=... active=yes)", key: "active")
        }
        var placement: Placement?
        if noun.isPlaced, let id, verb == .add || verb == .move || !placing.isEmpty {
            placement = try resolvePlacement(noun, verb, id, placing, given: given, context: context)
        } else if let p = placing.values.first {
            throw CommandError("\(p.key)= only goes with add or move", key: p.key, column: p.column)
        }
        var assignments: [Event.Assignment] = []
        if noun == .strip {
            try fillShotDay(verb, id: id, given: &given, placement: placement)
            assignments = fields.compactMap { f in given[f.key].map { Event.Assignment(key: f.key, value: $0.1) } }
        } else {
            assignments.reserveCapacity(givenCount)
            for i in fields.indices {
                // Taken out, so the buffer is left empty for the next command.
                if let v = values[i].take() { assignments.append(Event.Assignment(key: fields[i].key, value: v)) }
            }
        }
        return Event(noun: noun, verb: verb, id: id, values: assignments, placement: placement)
    }

    static let idCode = WordCode("id")!

    /// Not given, or given empty: `(value ?? .empty).isEmpty`.
    @inline(__always) static func blank(_ v: FieldValue?) -> Bool {
        switch v {
        case nil, .empty?: return true
        default: return false
        }
    }

    /// Given empty: `value?.isEmpty == true`.
    @inline(__always) static func givenEmpty(_ v: FieldValue?) -> Bool {
        if case .empty? = v { return true }
        return false
    }

    /// The id of a removed record of this noun, for `restore`.
    private func removed(_ pair: Command.Pair?, noun: Noun) throws(CommandError) -> RecordID {
        guard let pair else { throw CommandError("\(noun.rawValue) restore needs id= (the removed record's id)", key: "id") }
        let rid = RecordID(pair.value)
        if let live = nounOf[rid] {
            throw CommandError("\(live.rawValue) \(rid) is not removed: nothing to restore", key: "id", column: pair.column)
        }
        guard let was = removedNouns[rid] else {
            throw CommandError("no removed \(noun.rawValue) with id \(pair.value)", key: "id", column: pair.column)
        }
        guard was == noun else {
            throw CommandError("\(rid) was a \(was.rawValue), not a \(noun.rawValue)", key: "id", column: pair.column)
        }
        return rid
    }

    private func existing(_ pair: Command.Pair?, noun: Noun) throws(CommandError) -> RecordID {
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

    /// One field's text read, checked and resolved (a day by date, an account by code):
    /// what a form checks as a person leaves the field, and what `validate` stores.
    public func checkField(_ raw: String, field: FieldInfo, context: ValidationContext) throws(ValueError) -> FieldValue {
        try resolve(parseValue(raw, field: field, context: context), field: field, context: context)
    }

    func resolve(_ value: FieldValue, field: FieldInfo, context: ValidationContext) throws(ValueError) -> FieldValue {
        guard case .text(let raw) = value else { return value }
        switch field.kind {
        case .dayRef:
            let rid = RecordID(raw)
            if nounOf[rid] == .day { return value }
            guard case .success(let date) = CalendarDate.parse(raw, today: context.today) else {
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
            // `account(code:) != nil`, without copying the account out.
            guard let aid = accountIDByCode[raw], accounts.index(forKey: aid) != nil else {
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
}

/// Buffers `validate` reuses when it is given them line after line (replaying a journal).
struct ValidationScratch {
    var values: [FieldValue?] = []
    /// The last `given` built, with the fields it holds, and where each one's entry is: the next
    /// command of the same noun with the same fields (every cost line of a journal, say) only
    /// stores its values in those places, without hashing a key.
    private var given: [String: (FieldInfo, FieldValue)] = [:]
    private var givenNoun: Noun?
    private var givenFields: UInt64 = 0
    private var slots: [Dictionary<String, (FieldInfo, FieldValue)>.Index?] = []

    /// `given` as the rule hooks read it: each given field's key to the field and its value.
    mutating func given(_ table: NounTable, _ values: [FieldValue?], count: Int) -> [String: (FieldInfo, FieldValue)] {
        let fields = table.fields
        // A strip's `given` is changed by fillShotDay; nouns with more than 64 fields have no mask.
        let reusable = table.noun != .strip && fields.count <= 64
        var mask: UInt64 = 0
        if reusable {
            for i in fields.indices where values[i] != nil { mask |= 1 << UInt64(i) }
            if givenNoun == table.noun && givenFields == mask {
                for i in fields.indices {
                    // The field in each entry is already the right one.
                    if let v = values[i], let slot = slots[i] { given.values[slot].1 = v }
                }
                return given
            }
        }
        var fresh = [String: (FieldInfo, FieldValue)](minimumCapacity: count)
        for i in fields.indices {
            if let v = values[i] { fresh[fields[i].key] = (fields[i], v) }
        }
        if reusable {
            given = fresh
            givenNoun = table.noun
            givenFields = mask
            slots = fields.indices.map { i in values[i] == nil ? nil : fresh.index(forKey: fields[i].key) }
        }
        return fresh
    }
}
