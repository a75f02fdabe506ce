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
                list = values(noun, verb, key, model).filter { startsWith($0.value, typed) || (!typed.isEmpty && fold($0.about).contains(fold(typed))) }
                    .map { Candidate(text: key + "=" + LineGrammar.quote($0.value), shown: $0.about.isEmpty ? $0.value : $0.value + " " + $0.about) }
            } else {
                let given = Set(words.dropFirst(2).compactMap { $0.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } })
                list = keys(noun, verb).filter { !given.contains($0) && startsWith($0, word) }
                    .map { Candidate(text: $0 + "=", shown: $0 + "=", complete: false) }
            }
        }
        return list.isEmpty ? nil : Completion(range: range, candidates: list)
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

    /// Values `key` may take: ids and codes of existing records, a choice's words, or what the
    /// field already holds in other records (vendors, roles, PO numbers).
    static func values(_ noun: Noun, _ verb: Verb, _ key: String, _ m: Model) -> [(value: String, about: String)] {
        func records(_ n: Noun) -> [(String, String)] {
            if n == .day {
                // "day 3 Wed 25 Nov", in each board's order.
                return m.boards.values.flatMap { b in
                    m.layout(of: b.id).days.map { ($0.id.raw, "day \($0.number)" + ($0.date.map { " " + $0.short } ?? "")) }
                }
            }
            return m.nounOf.filter { $0.value == n }.keys.map { ($0.raw, Completion.name(of: $0, m)) }
        }
        var out: [(String, String)]
        if key == "id" {
            out = verb == .restore ? m.removedNouns.filter { $0.value == noun }.keys.map { ($0.raw, "") } : records(noun)
        } else if key == "after" || key == "before" {
            out = records(.strip) + records(.day) + records(.banner)
        } else if key == "boneyard" {
            out = [("yes", "")]
        } else if key == "day" && noun == .strip {
            out = records(.day)
        } else if key == "board" && noun == .strip {
            out = records(.board)
        } else if let f = noun.field(key) {
            switch f.kind {
            case .choice(let c): return c.values.map { ($0, "") }
            case .department: return Choices.departments.map { ($0, "") }
            case .accountRef: out = m.accounts.values.map { ($0.code, $0.description) }
            case .categoryRef: out = m.categories.values.map { ($0.code, $0.name) }
            case .dayRef: out = records(.day)
            case .boardRef: out = records(.board)
            case .whoRef: out = records(.crew) + records(.kit)
            case .locationRef: out = records(.location)
            case .text, .code, .email, .phone, .currency:
                // What this key already holds in records of this noun, each once.
                var seen = Set<String>()
                out = []
                for (id, n) in m.nounOf where n == noun {
                    guard let v = m.fieldValues(of: id).first(where: { $0.0.key == f.key })?.1.journalText, !v.isEmpty,
                          seen.insert(v).inserted else { continue }
                    out.append((v, ""))
                    if seen.count >= 500 { break }
                }
            default: return []
            }
        } else {
            return []
        }
        // Days stay in running order; the rest by what a person reads.
        if key == "day" || noun.field(key)?.kind == .dayRef { return out }
        return out.sorted { ($0.1.isEmpty ? $0.0 : $0.1).lowercased() < ($1.1.isEmpty ? $1.0 : $1.1).lowercased() }
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
        var x = c.put(0, y, n == 1 ? " " : " \(cyc.index + 1)/\(n): ", theme.status)
        let room = width - x - 2
        // From the first candidate, or later so the one in the line shows.
        var start = 0
        func span(_ r: ClosedRange<Int>) -> Int { r.map { TextWidth.of(items[$0]) + 2 }.reduce(0, +) + (r.lowerBound > 0 ? 2 : 0) }
        while start < cyc.index, span(start...cyc.index) > room { start += 1 }
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
