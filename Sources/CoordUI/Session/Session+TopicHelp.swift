import CoordModel

/// `:help WORD` and `:find TEXT`: the `:` line's own commands, besides journal lines.
extension Session {
    /// Runs `t` when it is one of the app's own commands; false for a journal line.
    func runAppCommand(_ t: String) -> Bool {
        let words = t.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first?.lowercased() else { return false }
        let rest = words.count > 1 ? words[1].trimmingWhitespace() : ""
        switch verb {
        case "help", "h":
            if rest.isEmpty { mode = .help(top: 0); return true }
            showTopicHelp(rest)
            return true
        case "find":
            startFind(rest)
            return true
        default:
            return false
        }
    }

    /// The same text as `coord help TOPIC`, in a page that scrolls.
    func showTopicHelp(_ topic: String) {
        guard let text = JournalHelp.text(topic) else {
            message = Message("no help on \"\(topic)\": try :help with a noun or verb (crew, cost, set ...), nouns, verbs, or no word for the keys",
                              .error)
            return
        }
        mode = .text(title: "help \(topic.lowercased())", lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), top: 0)
        message = nil
    }

    /// The page's lines wrapped to the overlay's width; a wrapped line goes on under its text.
    func pageLines(_ lines: [String]) -> [String] {
        let room = max(20, width - 4)
        var out: [String] = []
        for line in lines {
            guard TextWidth.of(line) > room else { out.append(line); continue }
            let chars = Array(line)
            let lead = chars.prefix { $0 == " " }.count
            // "  key           Label: ..." goes on under "Label", other lines two further in.
            var indent = lead + 2
            if lead > 0, let gap = line.dropFirst(lead).firstRange(of: "  ") {
                let after = line[gap.upperBound...].prefix { $0 == " " }
                indent = line.distance(from: line.startIndex, to: gap.upperBound) + after.count
            }
            indent = min(indent, room / 2)
            var current = String(repeating: " ", count: lead), used = lead, first = true
            for word in line.dropFirst(lead).split(separator: " ", omittingEmptySubsequences: false) {
                let w = TextWidth.of(String(word))
                if used > 0, used + 1 + w > room, !current.trimmingWhitespace().isEmpty {
                    out.append(current)
                    current = String(repeating: " ", count: indent)
                    used = indent
                    if word.isEmpty { continue }
                    current += word; used += w
                    continue
                }
                if !first { current += " "; used += 1 }
                first = false
                current += word; used += w
            }
            out.append(current)
        }
        return out
    }

    func handleText(_ key: Key, title: String, lines: [String], top t: Int) {
        let page = max(1, height - 5)
        let last = max(0, pageLines(lines).count - page)
        var top = t
        switch key {
        case .escape, .char("q"), .ctrl("c"), .ctrl("g"): mode = .normal; return
        case .char("j"), .down: top = min(last, t + 1)
        case .char("k"), .up: top = max(0, t - 1)
        case .pageDown, .char(" "), .ctrl("f"): top = min(last, t + page)
        case .pageUp, .ctrl("b"): top = max(0, t - page)
        case .char("g"), .home: top = 0
        case .char("G"), .end: top = last
        case .char(":"):
            // Another topic straight away: the : line over the page.
            mode = .command(LineEditor("help "))
            return
        default: break
        }
        mode = .text(title: title, lines: lines, top: top)
    }

    func drawText(_ c: inout Canvas, title: String, lines: [String], top: Int) {
        let all = pageLines(lines)
        let h = height - 3
        let more = all.count > h - 2 ? " · j/k scroll" : ""
        c.box(0, 1, width, h, title: "\(title) — Esc closes\(more) · : another topic", theme.frame)
        for i in 0..<max(0, h - 2) where top + i < all.count {
            c.put(2, 2 + i, TextWidth.truncate(all[top + i], to: width - 4), i == 0 && top == 0 ? theme.label : theme.text)
        }
    }
}
