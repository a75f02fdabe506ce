/// The call sheet as sections of blocks, decided once (what a copy shows, in which order) and
/// drawn by the plain-text, Markdown and HTML renderers.
struct SheetTable {
    struct Column {
        var title: String
        /// Characters in the plain text; 0: the rest of the line.
        var width: Int
        var right = false
        /// Short codes and times: never broken across lines in HTML.
        var nowrap = false
    }
    var columns: [Column]
    var rows: [[String]] = []
    /// Lines under each row (a synopsis, contact details); Markdown gives them a last column.
    var details: [[String]] = []
    var detailTitle = ""
    /// The column the detail lines start under (0: the first, indented a little).
    var detailColumn = 1
    /// A last row such as the total pages.
    var footer: [String]?
}

enum SheetBlock {
    case pairs([(String, String)])
    case table(SheetTable)
    /// Paragraphs, each wrapped on its own.
    case lines([String])
    case subheading(String)
}

struct SheetSection {
    var title: String
    var blocks: [SheetBlock]
}

extension CallSheet {
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `Tuesday 2 March 2027`
    static func longDate(_ d: CalendarDate?) -> String {
        guard let d else { return "no date" }
        let c = d.components
        return "\(weekdayNames[d.weekday]) \(c.day) \(monthNames[c.month - 1]) \(c.year)"
    }

    static func time(_ t: TimeOfDay?) -> String { t?.description ?? "—" }

    var dayLine: String { "Day \(number) of \(dayCount)" }
    var unitLine: String { unit.isEmpty ? "" : (unit.lowercased().hasSuffix("unit") ? unit : unit + " unit") }

    /// What the sheet says, section by section. Personal phones, emails and home addresses only
    /// when `crewCopy`; dietary needs never.
    func sections(crewCopy: Bool) -> [SheetSection] {
        var out: [SheetSection] = []
        var times: [(String, String)] = [("General crew call", CallSheet.time(call)), ("Estimated wrap", CallSheet.time(wrap))]
        if let sun {
            times.append(("Sunrise", sun.rise?.description ?? "none (the sun does not rise)"))
            times.append(("Sunset", sun.set?.description ?? "none (the sun does not set)"))
        }
        out.append(SheetSection(title: "Times", blocks: [.pairs(times)]))

        var contactsTable = SheetTable(columns: [.init(title: "Role", width: 20), .init(title: "Name", width: crewCopy ? 26 : 0)]
            + (crewCopy ? [.init(title: "Phone", width: 0)] : []))
        contactsTable.rows = contacts.map { [$0.title, $0.name] + (crewCopy ? [$0.phone] : []) }
        out.append(SheetSection(title: "Key contacts", blocks: contacts.isEmpty ? [.lines(["(none on the crew list)"])] : [.table(contactsTable)]))

        var where_: [(String, String)] = [("Location", site.name.isEmpty ? "(not set)" : site.name)]
        if !site.address.isEmpty { where_.append(("Address", site.address)) }
        if !site.parking.isEmpty { where_.append(("Parking", site.parking)) }
        if !site.base.isEmpty { where_.append(("Unit base", site.base)) }
        let contact = [site.contact, crewCopy ? site.phone : ""].filter { !$0.isEmpty }.joined(separator: ", ")
        if !contact.isEmpty { where_.append(("Location contact", contact)) }
        where_.append(("Nearest A&E", site.hospital.isEmpty ? "(not recorded)" : site.hospital))
        if !site.hospitalAddress.isEmpty { where_.append(("A&E address", site.hospitalAddress)) }
        var locBlocks: [SheetBlock] = [.pairs(where_)]
        if !site.notes.isEmpty { locBlocks.append(.lines(CallSheet.paragraphs(site.notes))) }
        out.append(SheetSection(title: "Location", blocks: locBlocks))

        out.append(SheetSection(title: "Scenes", blocks: scenes.isEmpty ? [.lines(["(no scenes scheduled)"])]
                                : [.table(CallSheet.sceneTable(scenes, pages: pages, synopsis: true))]))

        var castTable = SheetTable(columns: [.init(title: "#", width: 2, nowrap: true), .init(title: "Artist", width: 17),
                                             .init(title: "Character", width: 24), .init(title: "Call", width: 5, nowrap: true),
                                             .init(title: "Pick-up", width: 7, nowrap: true), .init(title: "Note", width: 0)],
                                   detailTitle: "Contact")
        for p in cast {
            castTable.rows.append([p.number, p.name, p.role, CallSheet.time(p.call), p.pickup?.description ?? "", p.note])
            castTable.details.append(crewCopy ? CallSheet.contactLines(p) : [])
        }
        out.append(SheetSection(title: "Cast", blocks: cast.isEmpty ? [.lines(["(no cast called)"])] : [.table(castTable)]))

        var crewBlocks: [SheetBlock] = []
        for d in departments {
            crewBlocks.append(.subheading(d.name + (d.call.map { " — department call \($0)" } ?? "")))
            var t = SheetTable(columns: [.init(title: "Name", width: 22), .init(title: "Role", width: 24),
                                         .init(title: "Call", width: 5, nowrap: true), .init(title: "Pick-up", width: 7, nowrap: true),
                                         .init(title: "Note", width: 0)], detailTitle: "Contact", detailColumn: 0)
            for p in d.people {
                t.rows.append([p.name, p.role, CallSheet.time(p.call), p.pickup?.description ?? "", p.note])
                t.details.append(crewCopy ? CallSheet.contactLines(p) : [])
            }
            crewBlocks.append(d.people.isEmpty ? .lines(["(no one booked)"]) : .table(t))
        }
        out.append(SheetSection(title: "Crew calls", blocks: crewBlocks.isEmpty ? [.lines(["(no crew called)"])] : crewBlocks))

        let journeys = transport.map { j -> String in
            var parts = [j.name + ":"]
            let route = [j.from, j.to].filter { !$0.isEmpty }.joined(separator: " → ")
            if !route.isEmpty { parts.append(route) }
            if !j.how.isEmpty { parts.append("(" + j.how + ")") }
            var s = parts.joined(separator: " ")
            if let p = j.pickup { s += "; pick-up \(p)" }
            if !j.ref.isEmpty { s += "; ref " + j.ref }
            if !j.hotel.isEmpty { s += "; hotel " + j.hotel }
            if !j.notes.isEmpty { s += "; " + j.notes }
            return s
        }
        out.append(SheetSection(title: "Transport", blocks: [.lines(journeys.isEmpty ? ["(no travel this date)"] : journeys)]))

        let hazards = safety.map { h -> String in
            var s = h.hazard
            if !h.risk.isEmpty { s += ". At risk: " + h.risk }
            if !h.controls.isEmpty { s += ". Controls: " + h.controls }
            return s
        }
        out.append(SheetSection(title: "Safety", blocks: [.lines(hazards.isEmpty ? ["(no safety notes for this day)"] : hazards)]))

        if !uncleared.isEmpty {
            out.append(SheetSection(title: "Clearances", blocks: [.lines(["Not cleared yet: do not film or play back without the coordinator's OK."] + uncleared)]))
        }
        if !notes.isEmpty { out.append(SheetSection(title: "Notes", blocks: [.lines(CallSheet.paragraphs(notes))])) }

        if let a = advance {
            var blocks: [SheetBlock] = [.pairs([("Date", CallSheet.longDate(a.date)), ("Location", a.location.isEmpty ? "(not set)" : a.location),
                                                ("Crew call", CallSheet.time(a.call))])]
            blocks.append(a.scenes.isEmpty ? .lines(["(no scenes scheduled)"])
                          : .table(CallSheet.sceneTable(a.scenes, pages: a.pages, synopsis: false)))
            out.append(SheetSection(title: "Advance schedule: Day \(a.number) of \(dayCount)", blocks: blocks))
        } else {
            out.append(SheetSection(title: "Advance schedule", blocks: [.lines(["Last shoot day on this board."])]))
        }
        return out
    }

    static func sceneTable(_ scenes: [Scene], pages: Pages, synopsis: Bool) -> SheetTable {
        var t = SheetTable(columns: [.init(title: "Sc", width: 5, nowrap: true), .init(title: "I/E", width: 7, nowrap: true), .init(title: "Set", width: 27),
                                     .init(title: "D/N", width: 10, nowrap: true), .init(title: "Pages", width: 5, right: true),
                                     .init(title: "Cast", width: 0)], detailTitle: "Synopsis")
        for s in scenes {
            t.rows.append([s.scene, s.intExt, s.set, s.dayNight, s.pages.description, s.cast.joined(separator: ",")])
            t.details.append(synopsis && !s.synopsis.isEmpty ? [s.synopsis] : [])
        }
        t.footer = ["", "", "", "Total", pages.description, ""]
        return t
    }

    static func contactLines(_ p: Person) -> [String] {
        var out: [String] = []
        let reach = [p.phone, p.email].filter { !$0.isEmpty }.joined(separator: " · ")
        if !reach.isEmpty { out.append(reach) }
        if !p.address.isEmpty { out.append("Home: " + p.address) }
        return out
    }

    /// A note's lines (the journal keeps line breaks in notes as real newlines).
    static func paragraphs(_ s: String) -> [String] {
        s.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    /// The closing line: which copy this is.
    static func copyLine(_ crewCopy: Bool) -> String {
        crewCopy ? "CREW COPY: holds personal contact details. Do not forward or post."
                 : "General copy: personal contact details are on the crew copy only."
    }
}

// MARK: - Plain text

extension CallSheet {
    public static let textWidth = 80

    /// The sheet as plain text, 80 columns: the TUI preview and email.
    public func text(crewCopy: Bool) -> String { plainText(crewCopy: crewCopy, issueLine: true) }

    /// With `issueLine` false, the text the fingerprint is taken of (issuing must not change it).
    func plainText(crewCopy: Bool, issueLine withIssue: Bool) -> String {
        let w = CallSheet.textWidth
        let rule = String(repeating: "=", count: w)
        var out: [String] = [rule]
        out.append(SheetText.split(title.isEmpty ? "(untitled production)" : title.uppercased(), "CALL SHEET", width: w))
        out.append(SheetText.split(company, dayLine, width: w))
        out.append(SheetText.split(CallSheet.longDate(date), unitLine, width: w))
        if withIssue { out.append(issueLine) }
        out.append(rule)
        out += SheetText.sections(sections(crewCopy: crewCopy), width: w)
        out.append("")
        out += SheetText.wrap(CallSheet.copyLine(crewCopy), width: w, indent: "")
        return SheetText.document(out)
    }
}

/// Plain-text helpers: inert characters, fitting and wrapping by character count.
enum SheetText {
    /// Control, format and separator characters as harmless pictures: ESC shows as ␛, a
    /// right-to-left override as �. Joiners inside emoji stay.
    static func inert(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value == 0x200D || u.value == 0x200C || !LineGrammar.needsEscape(u) {
                out.append(u)
            } else if u.value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + u.value)!)
            } else if u.value == 0x7F {
                out.append("␡")
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    /// Pads or cuts (with …) to exactly `width` characters.
    static func fit(_ s: String, _ width: Int, right: Bool = false) -> String {
        guard width > 0 else { return "" }
        var t = s
        if t.count > width { t = String(t.prefix(width - 1)) + "…" }
        let pad = String(repeating: " ", count: width - t.count)
        return right ? pad + t : t + pad
    }

    /// Word-wrapped lines of at most `width` characters: the first starts with `first`, later
    /// ones with `indent`; a word longer than a line is cut.
    static func wrap(_ s: String, width: Int, indent: String, first: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var empty = true
        for w in inert(s).split(separator: " ") {
            var word = Substring(w)
            if !empty && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                empty = true
            }
            while line.count + word.count > width {
                let room = max(1, width - line.count)
                lines.append(line + word.prefix(room))
                word = word.dropFirst(room)
                line = indent
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines
    }

    /// `left` and `right` on one line of `width`, the left cut when both do not fit.
    static func split(_ left: String, _ right: String, width w: Int) -> String {
        let l = inert(left), r = inert(right)
        let gap = w - l.count - r.count
        return gap >= 2 ? l + String(repeating: " ", count: gap) + r : fit(l, w - r.count - 2) + "  " + r
    }

    /// Each section: a blank line, its title in capitals, its blocks.
    static func sections(_ sections: [SheetSection], width w: Int) -> [String] {
        var out: [String] = []
        for section in sections {
            out.append("")
            out.append(fit(inert(section.title.uppercased()), w))
            var lastHeader: [String]? = nil
            for block in section.blocks {
                out += render(block, width: w, lastHeader: &lastHeader)
            }
        }
        return out
    }

    /// The lines as one text: no trailing spaces, a newline at the end.
    static func document(_ lines: [String]) -> String {
        lines.map { l in
            var s = l
            while s.last == " " { s.removeLast() }
            return s
        }.joined(separator: "\n") + "\n"
    }

    static let gap = "  "

    static func render(_ block: SheetBlock, width w: Int, lastHeader: inout [String]?) -> [String] {
        let indent = "  "
        switch block {
        case .pairs(let pairs):
            let labelWidth = min(20, (pairs.map(\.0.count).max() ?? 0) + 2)
            return pairs.flatMap { label, value in
                wrap(value, width: w, indent: indent + String(repeating: " ", count: labelWidth),
                     first: indent + fit(inert(label), labelWidth))
            }
        case .lines(let ls):
            let bullet = ls.count > 1 ? "- " : ""
            return ls.flatMap { wrap($0, width: w, indent: indent + String(repeating: " ", count: bullet.count), first: indent + bullet) }
        case .subheading(let s):
            return [fit(indent + inert(s), w)]
        case .table(let t):
            var out: [String] = []
            let titles = t.columns.map(\.title)
            if lastHeader != titles {
                out += row(titles, t, w)
                lastHeader = titles
            }
            let detailIndent = String(repeating: " ", count: detailStart(t))
            for (i, r) in t.rows.enumerated() {
                out += row(r, t, w)
                for d in (i < t.details.count ? t.details[i] : []) {
                    out += wrap(d, width: w, indent: detailIndent + "  ", first: detailIndent)
                }
            }
            if let f = t.footer { out += row(f, t, w) }
            return out
        }
    }

    /// Where lines under a row start: under the detail column (under the first, a little in).
    static func detailStart(_ t: SheetTable) -> Int {
        let starts = columnStarts(t)
        return starts[min(t.detailColumn, starts.count - 1)] + (t.detailColumn == 0 ? 2 : 0)
    }

    /// Where each column starts in a line.
    static func columnStarts(_ t: SheetTable) -> [Int] {
        var at = 2
        return t.columns.map { c in
            defer { at += c.width + gap.count }
            return at
        }
    }

    /// One table row: each cell fitted to its column; the last column takes what is left of the
    /// line, and text too long for it goes on a line of its own under the row.
    static func row(_ cells: [String], _ t: SheetTable, _ w: Int) -> [String] {
        var line = "  "
        var more: [String] = []
        for (i, c) in t.columns.enumerated() {
            let cell = inert(i < cells.count ? cells[i] : "")
            if c.width > 0 {
                line += fit(cell, c.width, right: c.right)
                if i + 1 < t.columns.count { line += gap }
            } else if line.count + cell.count <= w {
                line += cell
            } else {
                let at = String(repeating: " ", count: detailStart(t))
                more = wrap(c.title + ": " + cell, width: w, indent: at + "  ", first: at)
            }
        }
        return [String(line.prefix(w))] + more
    }
}
