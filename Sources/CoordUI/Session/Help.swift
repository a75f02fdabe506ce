import CoordModel

/// The `?` help's search: `/` then words narrow the list to the lines holding them all.
public struct HelpSearch: Sendable, Equatable {
    public var editor = LineEditor()
    /// Keys go to the search (after `/`) rather than scrolling the list.
    public var typing = false
    public init() {}

    public var text: String { editor.text }
    var words: [String] { text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
}

/// One line of the help before it is wrapped to the screen.
struct HelpLine: Equatable {
    enum Kind { case title, legend, heading, key, disabled, note, blank }
    var kind: Kind
    var text: String
    /// More words that find the line without being shown (an action's name).
    var also = ""

    static let blank = HelpLine(kind: .blank, text: "")
}

extension Session {
    /// The help's first line: how to search it.
    static let helpIntro = "Type / and words to narrow this list (e.g. /undo); Esc clears, then closes."

    /// Every key, grouped by where it works; a key that cannot act in this pane just now
    /// carries the reason (and is drawn dimmed).
    func helpLines() -> [HelpLine] {
        var out = [HelpLine(kind: .title, text: Session.helpIntro)]
        let groups: [(String, PaneKind?)] = [("Everywhere", nil)] + PaneKind.allCases.map { ($0.title, $0) }
        var body: [HelpLine] = []
        var dimmed = false
        for (title, p) in groups {
            let members = actions.filter { a in p.map { a.panes?.contains($0) == true } ?? (a.panes == nil) }
            guard !members.isEmpty else { continue }
            body += [.blank, HelpLine(kind: .heading, text: title + (p == pane ? " (the pane you are in)" : ""))]
            for a in members {
                // Reasons are about this pane as it is now; other panes' keys are listed plainly.
                let why = p == nil || p == pane ? a.disabledReason(self) : nil
                if why != nil { dimmed = true }
                body.append(HelpLine(kind: why == nil ? .key : .disabled,
                                     text: Session.keyColumn(a.keyLabel) + a.help + (why.map { " — not now: " + $0 } ?? ""),
                                     also: a.name))
            }
        }
        if dimmed {
            out.append(HelpLine(kind: .legend, text: "Dimmed keys cannot act in the \(pane.title) pane just now; each says why."))
        }
        out += body
        for section in Action.modeKeys {
            body = [.blank, HelpLine(kind: .heading, text: Session.plain(section.title))]
            for row in section.rows {
                body.append(HelpLine(kind: .key, text: Session.keyColumn(row.keys.joined(separator: " ")) + Session.plain(row.what)))
            }
            out += body
        }
        out += [.blank, HelpLine(kind: .heading, text: "Commands at the : line"),
                HelpLine(kind: .note, text: "  noun verb key=value ..., for example"),
                HelpLine(kind: .note, text: "    crew add name=\"Zoë Müller\" role=\"1st AC\" dept=Camera rate=350"),
                HelpLine(kind: .note, text: "    cost add account=2100 amount=1250.00 vendor=Panavision po=PO-0042"),
                HelpLine(kind: .note, text: "  Nouns: " + Noun.allCases.map(\.rawValue).joined(separator: ", ") + ". Verbs: add, set, rm."),
                HelpLine(kind: .note, text: "  Every change is saved to the journal as you make it: " + store.path)]
        return out
    }

    /// The lines the search leaves: those holding every word (a heading that holds them all
    /// keeps its whole group), under their headings.
    static func narrow(_ all: [HelpLine], to search: HelpSearch) -> [HelpLine] {
        let words = search.words
        guard !words.isEmpty else { return all }
        func holds(_ l: HelpLine) -> Bool {
            let hay = (l.text + " " + l.also).lowercased()
            return words.allSatisfy { hay.contains($0) }
        }
        var out = all.filter { $0.kind == .title || $0.kind == .legend }
        var heading: HelpLine?, wholeGroup = false, shownHeading = false
        var found = 0
        for l in all {
            switch l.kind {
            case .title, .legend, .blank: continue
            case .heading: heading = l; wholeGroup = holds(l); shownHeading = false
            default:
                guard wholeGroup || holds(l) else { continue }
                if !shownHeading, let h = heading { out += [.blank, h]; shownHeading = true }
                out.append(l)
                found += 1
            }
        }
        if !out.contains(where: { $0.kind == .disabled }) { out.removeAll { $0.kind == .legend } }
        if found == 0 {
            out += [.blank, HelpLine(kind: .note, text: "Nothing here holds \"\(search.text)\": Backspace changes the search, Esc clears it.")]
        }
        return out
    }

    /// The help as drawn: narrowed by the search and wrapped to the box.
    func helpRows(_ search: HelpSearch) -> [(text: String, kind: HelpLine.Kind)] {
        if helpCache == nil { helpCache = helpLines() }
        let lines = Session.narrow(helpCache ?? [], to: search)
        let w = max(20, width - 4)
        var rows: [(String, HelpLine.Kind)] = []
        for l in lines {
            let indent = l.kind == .key || l.kind == .disabled ? 18 : l.kind == .note ? 4 : 2
            for part in Session.wrap(l.text, width: w, indent: indent) { rows.append((part, l.kind)) }
        }
        return rows
    }

    /// Keys in a column of 16, or followed by two spaces when longer.
    static func keyColumn(_ keys: String) -> String {
        "  " + (TextWidth.of(keys) < 15 ? TextWidth.fit(keys, 16) : keys + "  ")
    }

    /// Docs text for the screen: no Markdown backticks.
    static func plain(_ s: String) -> String { s.replacingAll("`", with: "") }

    /// Word-wraps `text` to `width` columns; lines after the first start `indent` columns in.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        guard TextWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var line = "", used = 0
        let pad = String(repeating: " ", count: indent)
        // Leading spaces are kept as one word, so the first line's indent survives.
        let lead = String(text.prefix { $0 == " " })
        var words = text.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if !lead.isEmpty, !words.isEmpty { words[0] = lead + words[0] }
        for word in words {
            let ww = TextWidth.of(word)
            if used > 0, used + 1 + ww > width, TextWidth.of(line.trimmingWhitespace()) > 0 {
                lines.append(line)
                line = pad + word; used = indent + ww
            } else {
                line += (used > 0 || !line.isEmpty ? " " : "") + word
                used += (used > 0 ? 1 : 0) + ww
            }
        }
        lines.append(line)
        return lines.map { TextWidth.truncate($0, to: width) }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
