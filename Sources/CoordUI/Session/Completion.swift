import CoordModel

/// Tab at the `:` line: what the word at the cursor could be — a noun, then a verb, then a
/// `key=` of that noun, then a value that key already holds somewhere (names, codes, ids).
struct Completion: Sendable, Equatable {
    struct Candidate: Sendable, Equatable {
        /// What replaces the word.
        var text: String
        /// How the list in the status bar shows it ("cr-zoe Zoë Marchetti").
        var shown: String
        /// A whole word, so a lone candidate is followed by a space (not so `key=`).
        var complete = true
    }

    /// The characters of the line the candidate replaces (the word at the cursor).
    var range: Range<Int>
    var candidates: [Candidate]
    /// More values fitted than the list holds (it stops at `cap`): typing more narrows them.
    var more = false

    /// At most this many values are listed, so Tab costs the same with 300,000 records.
    static let cap = 500
    /// At most this many records are read for the values a text field already holds.
    static let scanCap = 100_000

    /// The app's own commands, offered with the nouns.
    static let appCommands = ["help", "find"]

    static func at(_ chars: [Character], cursor: Int, model: Model) -> Completion? {
        // Words before the cursor, quotes kept whole; the last one is being typed.
        var words: [String] = []
        var word = "", quoted = false, escaped = false, start = 0
        for (i, c) in chars[..<cursor].enumerated() {
            if escaped { escaped = false; word.append(c); continue }
            if quoted && c == "\\" { escaped = true; word.append(c); continue }
            if c == "\"" { quoted.toggle() }
            if c == " " && !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
                start = i + 1
                continue
            }
            word.append(c)
        }
        var end = cursor
        while end < chars.count, chars[end] != " " { end += 1 }
        let range = start..<end
        let list: [Candidate]
        var more = false
        switch words.count {
        case 0:
            list = (Noun.allCases.map(\.rawValue) + appCommands).filter { startsWith($0, word) }.map { Candidate(text: $0, shown: $0) }
        case 1:
            let first = words[0].lowercased()
            if first == "help" || first == "h" {
                list = JournalHelp.topics.filter { startsWith($0, word) }.map { Candidate(text: $0, shown: $0) }
            } else if let noun = Noun(rawValue: first) {
                list = noun.verbs.map(\.rawValue).filter { startsWith($0, word) }.map { Candidate(text: $0, shown: $0) }
            } else {
                list = []
            }
        default:
            guard let noun = Noun(rawValue: words[0].lowercased()), let verb = Verb(rawValue: words[1].lowercased()) else { return nil }
            if let eq = word.firstIndex(of: "=") {
                let key = word[..<eq].lowercased()
                var typed = String(word[word.index(after: eq)...])
                if typed.hasPrefix("\"") { typed.removeFirst() }
                if typed.hasSuffix("\"") { typed.removeLast() }
                let found = values(noun, verb, key, model, typed: typed)
                more = found.more
                list = found.list.map { Candidate(text: key + "=" + LineGrammar.quote($0.value), shown: $0.about.isEmpty ? $0.value : $0.value + " " + $0.about) }
            } else {
                let given = Set(words.dropFirst(2).compactMap { $0.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } })
                list = keys(noun, verb).filter { !given.contains($0) && startsWith($0, word) }
                    .map { Candidate(text: $0 + "=", shown: $0 + "=", complete: false) }
            }
        }
        return list.isEmpty ? nil : Completion(range: range, candidates: list, more: more)
    }

    /// The keys a line of this noun and verb takes, in the order a person fills them.
    static func keys(_ noun: Noun, _ verb: Verb) -> [String] {
        let placing = noun == .strip ? ["board", "after", "before", "day", "boneyard"] : noun.isPlaced ? ["after", "before"] : []
        let fields = noun.fields.map(\.key)
        var out: [String]
        switch verb {
        case .rm: out = ["id"]
        case .move: out = ["id"] + placing
        case .add: out = fields + placing
        case .set, .restore: out = (noun == .production ? [] : ["id"]) + fields
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Values `key` may take that fit `typed` (from its start, or anywhere in what they are
    /// about): ids and codes of existing records, a choice's words, or what the field already
    /// holds in other records (vendors, roles, PO numbers). At most `cap`, then `more`.
    static func values(_ noun: Noun, _ verb: Verb, _ key: String, _ m: Model, typed: String = "")
        -> (list: [(value: String, about: String)], more: Bool) {
        let prefix = Array(fold(typed)), inside = TextMatch(typed)
        var out: [(value: String, about: String)] = []
        var more = false
        /// Takes a value that fits; false once the list is full.
        func take(_ v: String, _ about: @autoclosure () -> String) -> Bool {
            if prefix.isEmpty || foldedPrefix(v, prefix) {
                guard out.count < cap else { more = true; return false }
                out.append((v, about()))
            } else if let inside {
                let a = about()
                guard inside.matches(a) else { return true }
                guard out.count < cap else { more = true; return false }
                out.append((v, a))
            }
            return true
        }
        func records(_ n: Noun) {
            if n == .day {
                // "day 3 Wed 25 Nov", in each board's order.
                for b in m.boards.values {
                    for d in m.layout(of: b.id).days where !take(d.id.raw, "day \(d.number)" + (d.date.map { " " + $0.short } ?? "")) { return }
                }
                return
            }
            each(n, m) { id, _ in take(id.raw, Completion.name(of: id, m)) }
        }
        if key == "id" {
            if verb == .restore {
                // Removed records keep no order: by id, so the list is the same each time.
                for id in m.removedNouns.filter({ $0.value == noun }).keys.sorted() where !take(id.raw, "") { break }
            } else {
                records(noun)
            }
        } else if key == "after" || key == "before" {
            records(.strip); records(.day); records(.banner)
        } else if key == "boneyard" {
            _ = take("yes", "")
        } else if key == "day" && noun == .strip {
            records(.day)
        } else if key == "board" && noun == .strip {
            records(.board)
        } else if let f = noun.field(key) {
            switch f.kind {
            case .choice(let c): for v in c.values where !take(v, "") { break }
            case .department: for v in Choices.departments where !take(v, "") { break }
            case .accountRef: for a in m.accounts.values where !take(a.code, a.description) { break }
            case .categoryRef: for c in m.categories.values where !take(c.code, c.name) { break }
            case .dayRef: records(.day)
            case .boardRef: records(.board)
            case .whoRef: records(.crew); records(.kit)
            case .locationRef: records(.location)
            case .text, .code, .email, .phone, .currency:
                // What this key already holds in records of this noun, each once, from the
                // first `scanCap` records.
                var seen = Set<String>()
                var read = 0
                each(noun, m, key: f.key) { _, v in
                    read += 1
                    guard read <= scanCap else { return false }
                    guard !v.isEmpty, seen.insert(v).inserted else { return true }
                    return take(v, "")
                }
            default: return ([], false)
            }
            if case .choice = f.kind { return (out, more) }
            if case .department = f.kind { return (out, more) }
        } else {
            return ([], false)
        }
        // Days stay in running order; the rest by what a person reads, each key made once.
        if key == "day" || noun.field(key)?.kind == .dayRef { return (out, more) }
        let keys = out.map { fold($0.about.isEmpty ? $0.value : $0.about) }
        let order = out.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        return (order.map { out[$0] }, more)
    }

    /// Each record of `n` in its table's order, with the text of field `key` (or ""), until
    /// `body` says stop.
    static func each(_ n: Noun, _ m: Model, key: String? = nil, _ body: (RecordID, String) -> Bool) {
        func walk<R: Record>(_ t: RecordTable<R>) {
            for r in t.values where !body(r.id, key.map { r.value($0).journalText } ?? "") { return }
        }
        switch n {
        case .board: walk(m.boards)
        case .day: walk(m.days)
        case .strip: walk(m.strips)
        case .banner: walk(m.banners)
        case .calendar: walk(m.calendar)
        case .crew: walk(m.crew)
        case .kit: walk(m.kit)
        case .booking: walk(m.bookings)
        case .location: walk(m.locations)
        case .call: walk(m.calls)
        case .safety: walk(m.safety)
        case .travel: walk(m.travel)
        case .callsheet: walk(m.callSheets)
        case .progress: walk(m.progress)
        case .category: walk(m.categories)
        case .account: walk(m.accounts)
        case .budget: walk(m.budgetLines)
        case .approval: walk(m.approvals)
        case .transfer: walk(m.transfers)
        case .cost: walk(m.costs)
        case .etc: walk(m.estimates)
        case .clearance: walk(m.clearances)
        case .log: walk(m.clearanceLog)
        case .production: return
        }
    }

    /// Whether `s` folded starts with `prefix` (already folded); ASCII text is compared in place.
    static func foldedPrefix(_ s: String, _ prefix: [Character]) -> Bool {
        var i = 0
        for b in s.utf8 {
            guard b < 0x80 else { return fold(s).starts(with: prefix) }
            if i == prefix.count { return true }
            guard prefix[i].asciiValue == (b >= 65 && b <= 90 ? b + 32 : b) else { return false }
            i += 1
        }
        return i == prefix.count
    }

    /// A record's name for the candidate list: a crew member's name, a day's date.
    static func name(of id: RecordID, _ m: Model) -> String {
        if let r = m.crew[id] { return r.name }
        if let r = m.kit[id] { return r.name }
        if let r = m.strips[id] { return "scene \(r.scene)" }
        if let r = m.banners[id] { return r.text }
        if let r = m.boards[id] { return r.name }
        if let r = m.locations[id] { return r.name }
        if let r = m.clearances[id] { return r.title }
        if let r = m.accounts[id] { return "\(r.code) \(r.description)" }
        if let r = m.costs[id] { return "\(r.vendor) \(r.amount.map(\.grouped) ?? "")" }
        return ""
    }

    static func fold(_ s: String) -> String { String(TextMatch.fold(s).chars) }
    static func startsWith(_ s: String, _ prefix: String) -> Bool { prefix.isEmpty || fold(s).hasPrefix(fold(prefix)) }
}

/// Tab pressed again on the line it completed moves to the next candidate.
struct CompletionCycle: Sendable {
    /// The line as it was before the first Tab, and the cursor in it.
    var original: String
    var completion: Completion?
    var index: Int
    /// The line after the last Tab: when the line is still this, Tab cycles.
    var result: String
}

extension Session {
    func complete(_ e: inout LineEditor, backward: Bool) {
        if var cyc = completionCycle, cyc.result == e.text, let comp = cyc.completion, comp.candidates.count > 1 {
            let n = comp.candidates.count
            cyc.index = (cyc.index + (backward ? n - 1 : 1)) % n
            e = LineEditor(cyc.original)
            e.replace(comp.range, with: comp.candidates[cyc.index].text)
            cyc.result = e.text
            completionCycle = cyc
            return
        }
        let original = e.text
        guard let comp = Completion.at(e.chars, cursor: e.cursor, model: model) else {
            completionCycle = CompletionCycle(original: original, completion: nil, index: 0, result: original)
            return
        }
        let index = backward ? comp.candidates.count - 1 : 0
        var text = comp.candidates[index].text
        // A lone whole word is followed by a space, ready for the next.
        if comp.candidates.count == 1, comp.candidates[0].complete,
           comp.range.upperBound >= e.chars.count || e.chars[comp.range.upperBound] != " " { text += " " }
        e.replace(comp.range, with: text)
        completionCycle = CompletionCycle(original: original, completion: comp, index: index, result: e.text)
    }

    /// The candidates over the status bar while Tab cycles them, the one in the line in bold.
    func drawCompletions(_ c: inout Canvas, y: Int) {
        guard case .command(let e) = mode, let cyc = completionCycle, cyc.result == e.text else { return }
        c.fill(0, y, width, 1, theme.status)
        guard let comp = cyc.completion else {
            c.put(0, y, " nothing to complete here (Tab completes nouns, verbs, key= and values)", theme.status, maxWidth: width)
            return
        }
        let items = comp.candidates.map(\.shown)
        let n = items.count
        var x = c.put(0, y, n == 1 ? " " : " \(cyc.index + 1)/\(n)\(comp.more ? "+ (type more to narrow)" : ""): ", theme.status)
        let room = width - x - 2
        // From the first candidate, or later so the one in the line shows: back from it
        // while the candidates before it still fit (with the "… " they start with).
        var start = cyc.index
        var used = TextWidth.of(items[start]) + 2
        while start > 0 {
            let w = TextWidth.of(items[start - 1]) + 2
            if used + w + (start - 1 > 0 ? 2 : 0) > room { break }
            used += w
            start -= 1
        }
        if start > 0 { x += c.put(x, y, "… ", theme.status) }
        for i in start..<n {
            let w = TextWidth.of(items[i])
            if x + w + 2 > width - 1 {
                c.put(x, y, "…", theme.status)
                break
            }
            x += c.put(x, y, items[i], i == cyc.index && n > 1 ? Style(bold: true) : theme.status, maxWidth: width - x - 1)
            x += c.put(x, y, "  ", theme.status)
        }
    }
}
