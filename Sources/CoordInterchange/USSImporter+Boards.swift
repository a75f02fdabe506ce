import CoordModel

// USS stripboards as boards: each board's calendar, shoot days and running order.

extension USSImporter {
    enum Item { case loose(String), day([String]) }

    mutating func items(_ list: [JSON], board: String) -> [Item] {
        var out: [Item] = []
        for x in list {
            switch x {
            case .string, .number: if let id = x.idText { out.append(.loose(id)) }
            case .array(let inner):
                var ids: [String] = []
                var deep = false
                func walk(_ v: [JSON]) {
                    for y in v {
                        if case .array(let a) = y { deep = true; walk(a) }
                        else if let s = y.idText { ids.append(s) }
                    }
                }
                walk(inner)
                if deep { tally("board \(board): lists nested deeper than one shoot day flattened into their day") }
                out.append(.day(ids))
            default:
                tally("board \(board): entries that are not ids skipped", x.kind)
            }
        }
        return out
    }

    mutating func readStripboards(_ stripboards: [JSON], calendars: [JSON]) throws(ImportError) {
        var calendarByID: [String: JSON] = [:]
        for c in calendars { if let id = c["id"]?.idText { calendarByID[id] = c } }
        defer {
            // Strips on no board wait in the boneyard, in the file's order.
            for sid in stripOrder where !stripsAdded.contains(sid) { emit("strip", "add", stripPairs[sid] ?? []) }
        }
        if stripboards.isEmpty {
            note("the file has no stripboards: every strip is in the boneyard")
            return
        }
        let fresh = model.strips.isEmpty && model.days.isEmpty && model.banners.isEmpty && model.boards.count == 1
            && (model.boards[Board.mainID]?.items.isEmpty ?? false)
        // Board names are unique in a journal.
        var boardNames = Set(model.boards.values.filter { !(fresh && $0.id == Board.mainID) }.map { $0.name.lowercased() })
        var boards: [(id: String, name: String, items: [Item])] = []
        for (n, sb) in stripboards.enumerated() {
            var boardName = (sb["name"]?.string ?? "").trimmingWhitespace()
            if boardName.isEmpty { boardName = "Board \(n + 1)" }
            if boardNames.contains(boardName.lowercased()) {
                var k = 2
                while boardNames.contains("\(boardName) (\(k))".lowercased()) { k += 1 }
                note("board \(boardName): a board of that name exists; this one is called '\(boardName) (\(k))'")
                boardName = "\(boardName) (\(k))"
            }
            boardNames.insert(boardName.lowercased())
            let useMain = fresh && n == 0
            let bid = useMain ? Board.mainID.raw : freshID(USSImporter.derived(sb["id"]?.idText ?? "b\(n + 1)"))
            // The calendar: start, weekly days off, other dates.
            var pairs: [(String, String)] = [("id", bid), ("name", boardName)]
            var entries: [(CalendarDate, String, String)] = []
            if let cid = sb["calendar"]?.idText {
                if let cal = calendarByID[cid] {
                    let (start, daysOff, dated) = readCalendar(cal, board: boardName)
                    if let start { pairs.append(("start", start.description)) }
                    if let daysOff { pairs.append(("daysoff", daysOff)) }
                    entries = dated
                } else {
                    note("board \(boardName): its calendar \(cid) is not in the file; the board has no start date")
                }
            }
            emit("board", useMain ? "set" : "add", pairs)
            for (i, e) in entries.enumerated() {
                emit("calendar", "add", [("id", freshID("\(bid)-c\(i + 1)")), ("board", bid), ("date", e.0.description),
                                          ("kind", e.1), ("name", e.2)])
            }
            // The running order; the boneyard is what Coord works out (strips not on the board).
            var running: [JSON] = []
            var runningLists = 0
            for b in sb["boards"]?.array ?? [] {
                let list = b["breakdownIds"]?.array ?? b["breakdownArrays"]?.array ?? []
                if USS.fold(b["name"]?.string ?? "") == "boneyard" {
                    var ids: [String] = []
                    for x in list { USSImporter.collectIDs(x, into: &ids) }
                    for id in ids where banners[id] != nil { tally("banners in a boneyard skipped (a Coord banner sits on a board)") }
                } else {
                    runningLists += 1
                    running += list
                }
            }
            if runningLists > 1 { note("board \(boardName): \(runningLists) running orders in one stripboard, read one after the other") }
            boards.append((bid, boardName, items(running, board: boardName)))
        }
        // Boards with nothing but strips first: their first strip can only be placed by adding it there.
        func anchorless(_ items: [Item]) -> Bool {
            items.allSatisfy { if case .loose(let id) = $0 { return banners[id] == nil }; return false }
        }
        var lastWithDays: (id: String, name: String)?
        for b in boards where anchorless(b.items) { _ = place(b.items, board: b.id, boardName: b.name) }
        for b in boards where !anchorless(b.items) {
            if place(b.items, board: b.id, boardName: b.name) > 0 { lastWithDays = (b.id, b.name) }
        }
        // The last board with shoot days is the one to work from; an existing production keeps its own.
        if let last = lastWithDays {
            if !fresh {
                note("the active board is still '\(model.activeBoard.name)'; to work from '\(last.name)': board set id=\(last.id) active=yes")
            } else {
                if last.id != Board.mainID.raw { emit("board", "set", [("id", last.id), ("active", "yes")]) }
                if stripboards.count > 1 { note("'\(last.name)' is the active board (the last one with shoot days)") }
            }
        }
    }

    static func collectIDs(_ v: JSON, into ids: inout [String]) {
        switch v {
        case .array(let a): for x in a { collectIDs(x, into: &ids) }
        default: if let s = v.idText { ids.append(s) }
        }
    }

    /// Start date, Coord days off, and dated entries (kind, name) of a USS calendar.
    mutating func readCalendar(_ cal: JSON, board: String) -> (CalendarDate?, String?, [(CalendarDate, String, String)]) {
        var start: CalendarDate?
        var entries: [(CalendarDate, String, String)] = []
        for ev in cal["events"]?.array ?? [] {
            let type = USS.fold(ev["type"]?.string ?? "")
            let evName = (ev["name"]?.string ?? "").trimmingWhitespace()
            guard let date = USSImporter.date(ev["date"]) else {
                tally("board \(board): calendar dates that do not read as a date skipped", ev["date"]?.string ?? "none")
                continue
            }
            if type == "start" {
                if start == nil { start = date } else { note("board \(board): a second start date (\(date)) ignored") }
                continue
            }
            let f = USS.fold(evName)
            let ours = Choices.calendarKind.values.first { USS.fold($0) == f }
            if let ours {
                entries.append((date, ours, ""))
            } else if type == "dayoff" || f == "dayoff" {
                entries.append((date, "off", f == "dayoff" || evName.isEmpty ? "" : evName))
            } else {
                entries.append((date, "off", evName.isEmpty ? (ev["type"]?.string ?? "") : evName))
                tally("calendar dates of a kind Coord does not have kept as kind=off with their name", "\(board): \(evName.isEmpty ? type : evName)")
            }
        }
        var daysOff: String?
        if let off = cal["daysOff"]?.array {
            let coord = Set(off.compactMap(\.int).filter { (0...6).contains($0) }.map(USS.coordWeekday))
            if coord.isEmpty {
                daysOff = "none"
            } else if coord.count == 7 {
                note("board \(board): the file's calendar has every weekday off: left at sat,sun")
            } else {
                daysOff = coord.sorted().map { Weekdays.names[$0] }.joined(separator: ",")
            }
        }
        return (start, daysOff, entries)
    }

    /// Puts the board's running order in place; returns how many shoot days it has. A strip
    /// is added where it first appears on a board, and moved onto the boards after that.
    mutating func place(_ items: [Item], board bid: String, boardName: String) -> Int {
        var last: String?
        // Strips already added that come before anything on this board: they go before the first thing placed.
        var waiting: [String] = []
        var onBoard = Set<String>()
        var days = 0
        var between = 0
        func placed(_ id: String, _ me: inout USSImporter) {
            if last == nil {
                for sid in waiting { me.emit("strip", "move", [("id", sid), ("board", bid), ("before", id)]) }
                waiting = []
            }
            last = id
        }
        for item in items {
            let ids: [String]
            switch item {
            case .loose(let id):
                ids = [id]
                if days > 0, stripOf[id] != nil { between += 1 }
            case .day(let inner):
                days += 1
                let did = freshID("\(bid)-d\(days)")
                emit("day", "add", [("id", did), ("board", bid)])
                placed(did, &self)
                ids = inner
            }
            for id in ids {
                if let sid = stripOf[id] {
                    guard onBoard.insert(sid).inserted else {
                        tally("board \(boardName): strips listed twice on the board (kept at the first place)", sceneOf[id])
                        continue
                    }
                    if !stripsAdded.contains(sid) {
                        stripsAdded.insert(sid)
                        emit("strip", "add", (stripPairs[sid] ?? []) + [("board", bid)] + (last.map { [("after", $0)] } ?? []))
                        placed(sid, &self)
                    } else if let l = last {
                        emit("strip", "move", [("id", sid), ("board", bid), ("after", l)])
                        last = sid
                    } else {
                        waiting.append(sid)
                    }
                } else if let b = banners[id] {
                    let nid = freshID(USSImporter.derived(id))
                    let text = bannerText(b)
                    emit("banner", "add", [("id", nid), ("board", bid), ("text", text), ("kind", bannerKind(b, text: text))])
                    bannersPlaced.insert(id)
                    placed(nid, &self)
                } else {
                    tally("board \(boardName): ids that name no scene or banner in the file skipped", String(id.prefix(24)))
                }
            }
        }
        if !waiting.isEmpty {
            // Nothing on the board to place them against: a banner holds the place for a moment.
            let holder = freshID("\(bid)-placing")
            emit("banner", "add", [("id", holder), ("board", bid), ("text", "placing strips")])
            for sid in waiting { emit("strip", "move", [("id", sid), ("board", bid), ("before", holder)]) }
            emit("banner", "rm", [("id", holder)])
            note("board \(boardName): its strips were placed against a banner added and removed at once (\(holder)): a strip already on another board cannot be placed on an empty one")
        }
        if between > 0 {
            note("board \(boardName): \(between) strip\(between == 1 ? "" : "s") sat between shoot days, outside any day; Coord puts each at the end of the day before it")
        }
        return days
    }

    func bannerText(_ b: JSON) -> String {
        for key in ["bannerText", "scene", "description", "comments"] {
            if let s = b[key]?.string, !s.trimmingWhitespace().isEmpty { return s.trimmingWhitespace() }
        }
        return "(banner)"
    }

    /// Coord's exports write the kind in `comments`; otherwise the text says it (lunch, company move).
    func bannerKind(_ b: JSON, text: String) -> String {
        if let c = b["comments"]?.string, let k = Choices.bannerKind.canonical(c), USS.fold(c) == USS.fold(k) { return k }
        let t = text.lowercased()
        if t.contains("lunch") || t.contains("meal") || t.contains("dinner") || t.contains("breakfast") { return "meal" }
        if t.contains("company move") || t.contains("unit move") || t.contains("moves to") { return "move" }
        return "note"
    }
}
