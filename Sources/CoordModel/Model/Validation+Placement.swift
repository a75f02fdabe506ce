extension Model {
    /// Keys that place a record in a running order rather than set a field.
    static func placementKeys(_ noun: Noun) -> Set<String> {
        noun == .strip ? ["board", "after", "before", "day", "boneyard"] : ["after", "before"]
    }

    /// Where an add, move (or a strip's `set day=`) puts the record.
    func resolvePlacement(_ noun: Noun, _ verb: Verb, _ id: RecordID, _ placing: [String: Command.Pair],
                          given: [String: (FieldInfo, FieldValue)], context: ValidationContext) throws(CommandError) -> Placement? {
        var placing = placing
        // `day=""` means the boneyard (of the board given, or the active one).
        if noun == .strip, let d = placing["day"], d.value.trimmingWhitespace().isEmpty {
            placing["day"] = nil
            placing["boneyard"] = Command.Pair(key: "boneyard", value: "yes", column: d.column)
        }
        let anchors = ["after", "before", "day", "boneyard"].filter { placing[$0] != nil }
        if anchors.count > 1 {
            throw CommandError("give one of \(anchors.joined(separator: "=, "))=, not several", key: anchors[1])
        }
        // The board: a day's or banner's own; a strip's from board=, its day, or the active board.
        var board: RecordID
        if noun == .strip {
            if let p = placing["board"] {
                board = try resolveBoard(p.value, key: "board", column: p.column)
            } else if let p = placing["day"] {
                board = RecordID(try resolveDayID(p.value, context: context, column: p.column).board)
            } else if let p = placing["after"] ?? placing["before"], let b = self.board(holding: RecordID(p.value), preferred: activeBoard.id) {
                board = b
            } else {
                board = activeBoard.id
            }
        } else if case .text(let b)? = given["board"]?.1 {
            board = RecordID(b)
        } else {
            board = RecordID((noun == .day ? days[id]?.board : banners[id]?.board) ?? activeBoard.id.raw)
        }
        guard let key = anchors.first, let pair = placing[key] else {
            if verb == .move {
                // `strip move board=B` alone: to the end of board B (a board with no days yet).
                if noun == .strip && placing["board"] != nil { return Placement(board: board, anchor: .end) }
                throw CommandError(noun == .strip ? "move needs board=, day=, after=, before= or boneyard=yes" : "move needs after= or before=")
            }
            if verb == .set { throw CommandError("board= goes with day=, after=, before= or boneyard=yes", key: "board") }
            if noun == .strip && placing["board"] == nil { return nil } // a new strip waits in the boneyard
            return Placement(board: board, anchor: .end)
        }
        switch key {
        case "day":
            guard noun == .strip else { throw CommandError("a \(noun.title) moves with after= or before=", key: key) }
            let day = try resolveDayID(pair.value, context: context, column: pair.column)
            guard RecordID(day.board) == board else {
                throw CommandError("day \(day.id) is on board \(day.board), not \(board)", key: key, column: pair.column)
            }
            return Placement(board: board, anchor: .endOfDay(day.id))
        case "boneyard":
            guard noun == .strip else { throw CommandError("only strips go to the boneyard", key: key) }
            guard Choices.yesNo.canonical(pair.value) == "yes" else {
                throw CommandError("write boneyard=yes", key: key, column: pair.column)
            }
            return Placement(board: board, anchor: .boneyard)
        default:
            let anchor = RecordID(pair.value)
            guard anchor != id else { throw CommandError("a record cannot go \(key) itself", key: key, column: pair.column) }
            guard boards[board]?.items.contains(anchor) == true else {
                throw CommandError("\(anchor) is not on board \(boards[board]?.name ?? board.raw)", key: key, column: pair.column)
            }
            return Placement(board: board, anchor: key == "after" ? .after(anchor) : .before(anchor))
        }
    }

    func resolveBoard(_ raw: String, key: String, column: Int? = nil) throws(CommandError) -> RecordID {
        do throws(ValueError) { return RecordID(try resolveBoardText(raw)) } catch { throw CommandError("\(key): \(error.message)", key: key, column: column) }
    }

    func resolveBoardText(_ raw: String) throws(ValueError) -> String {
        let t = raw.trimmingWhitespace()
        if nounOf[RecordID(t)] == .board { return t }
        let named = boards.values.filter { $0.name.lowercased() == t.lowercased() }
        if named.count == 1 { return named[0].id.raw }
        throw ValueError(named.isEmpty ? "no board '\(t)'" : "\(named.count) boards are called '\(t)'; give the id")
    }

    static let dayRefField = FieldInfo(key: "day", aliases: [], label: "Shoot day", kind: .dayRef,
                                       required: false, defaultText: nil, help: "")

    func resolveDayID(_ raw: String, context: ValidationContext, column: Int?) throws(CommandError) -> ShootDay {
        do throws(ValueError) {
            let v = try resolve(.text(raw.trimmingWhitespace()), field: Model.dayRefField, context: context)
            if case .text(let id) = v, let d = days[RecordID(id)] { return d }
            throw ValueError("no shoot day '\(raw)'")
        } catch {
            throw CommandError("day: \(error.message)", key: "day", column: column)
        }
    }

    func checkBooking(id: RecordID?, given: [String: (FieldInfo, FieldValue)]) throws(CommandError) {
        let current = id.flatMap { bookings[$0] }
        let who: String = { if case .text(let w)? = given["who"]?.1 { return w }; return current?.who ?? "" }()
        let date: CalendarDate? = { if case .date(let d)? = given["date"]?.1 { return d }; return current?.date }()
        guard let date else { return }
        if let other = bookingAt[BookingKey(who: who, date: date)], other != id {
            throw CommandError("\(who) is already booked on \(date) (booking \(other)); change that one", key: "date")
        }
    }
}
