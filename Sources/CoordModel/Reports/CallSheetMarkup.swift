// The call sheet as Markdown and as one self-contained, printable HTML file.

extension CallSheet {
    /// The sheet as Markdown (pipe tables); every value escaped so it reads as plain text.
    public func markdown(crewCopy: Bool) -> String {
        var out: [String] = []
        out.append("# " + SheetMarkup.md(title.isEmpty ? "(untitled production)" : title) + " — Call sheet")
        out.append("")
        let facts = [company, dayLine, CallSheet.longDate(date), unitLine].filter { !$0.isEmpty }
        out.append(facts.map { "**" + SheetMarkup.md($0) + "**" }.joined(separator: " · "))
        out.append("")
        out.append(issued?.outOfDate == true ? "**" + SheetMarkup.md(issueLine) + "**" : SheetMarkup.md(issueLine))
        out += SheetMarkup.markdownSections(sections(crewCopy: crewCopy))
        out.append("")
        out.append("*" + SheetMarkup.md(CallSheet.copyLine(crewCopy)) + "*")
        return out.joined(separator: "\n") + "\n"
    }

    /// The sheet as one HTML file: inline CSS, no external resources, A4 with 12 mm margins,
    /// black on white, table rows that are not split across pages.
    public func html(crewCopy: Bool) -> String {
        let h = SheetMarkup.html
        var out = SheetMarkup.htmlHead((title.isEmpty ? "" : title + " — ") + "Call sheet, \(dayLine)")
        out.append("<header>")
        out.append("<div><h1>" + h(title.isEmpty ? "(untitled production)" : title) + "</h1>")
        if !company.isEmpty { out.append("<div>" + h(company) + "</div>") }
        out.append("</div>")
        out.append("<div class=\"day\"><div class=\"big\">CALL SHEET · " + h(dayLine) + "</div>")
        out.append("<div>" + h(CallSheet.longDate(date)) + (unitLine.isEmpty ? "" : " · " + h(unitLine)) + "</div>")
        out.append("<div class=\"" + (issued?.outOfDate == true ? "issue stale" : "issue") + "\">" + h(issueLine) + "</div>")
        out.append("</div>")
        out.append("</header>")
        out += SheetMarkup.htmlSections(sections(crewCopy: crewCopy))
        out.append("<p class=\"copy\">" + h(CallSheet.copyLine(crewCopy)) + "</p>")
        return SheetMarkup.htmlEnd(out)
    }
}

/// Escaping for Markdown and HTML, and the print style sheet.
enum SheetMarkup {
    /// Markdown text that renders as itself: punctuation that would mean something is
    /// backslash-escaped, control characters are inert. Outside a table cell, what would begin
    /// a heading, list or quote at the start is escaped too.
    static func md(_ s: String, cell: Bool = false) -> String {
        let chars = Array(SheetText.inert(s))
        var out = ""
        for (i, c) in chars.enumerated() {
            var escape = "\\`*_[]<>|~".contains(c)
            if i == 0 && !cell && "-+=#>".contains(c) { escape = true }
            if c == "&" {
                // Only what would read as an entity (&amp; &#39;) needs it.
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
                escape = j > i + 1 && j < chars.count && chars[j] == ";"
            }
            if escape { out.append("\\") }
            out.append(c)
        }
        // "1." or "1)" at the start would begin a numbered list.
        if !cell, let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex, out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// Each section as a `##` heading and its blocks.
    static func markdownSections(_ sections: [SheetSection]) -> [String] {
        var out: [String] = []
        for section in sections {
            out.append("")
            out.append("## " + SheetMarkup.md(section.title))
            for block in section.blocks {
                out.append("")
                switch block {
                case .pairs(let pairs):
                    out += pairs.map { "- **" + SheetMarkup.md($0.0) + ":** " + SheetMarkup.md($0.1) }
                case .lines(let ls):
                    out += ls.count == 1 ? [SheetMarkup.md(ls[0])] : ls.map { "- " + SheetMarkup.md($0) }
                case .subheading(let s):
                    out.append("### " + SheetMarkup.md(s))
                case .table(let t):
                    let withDetail = t.details.contains { !$0.isEmpty }
                    let titles = t.columns.map(\.title) + (withDetail ? [t.detailTitle] : [])
                    out.append(SheetMarkup.mdRow(titles))
                    out.append("|" + t.columns.map { $0.right ? " ---: |" : " --- |" }.joined() + (withDetail ? " --- |" : ""))
                    for (i, r) in t.rows.enumerated() {
                        let detail = i < t.details.count ? t.details[i].joined(separator: " · ") : ""
                        out.append(SheetMarkup.mdRow(r + (withDetail ? [detail] : [])))
                    }
                    if let f = t.footer {
                        let cells = f.map { $0.isEmpty ? "" : "**" + SheetMarkup.md($0, cell: true) + "**" }
                        out.append(SheetMarkup.mdRow(cells + (withDetail ? [""] : []), raw: true))
                    }
                }
            }
        }
        return out
    }

    /// Each section as a `<section>` with an `<h2>`.
    static func htmlSections(_ sections: [SheetSection]) -> [String] {
        let h = SheetMarkup.html
        var out: [String] = []
        for section in sections {
            out.append("<section>")
            out.append("<h2>" + h(section.title) + "</h2>")
            for block in section.blocks {
                switch block {
                case .pairs(let pairs):
                    out.append("<table class=\"pairs\">")
                    for (k, v) in pairs { out.append("<tr><th>" + h(k) + "</th><td>" + h(v) + "</td></tr>") }
                    out.append("</table>")
                case .lines(let ls):
                    if ls.count == 1 {
                        out.append("<p>" + h(ls[0]) + "</p>")
                    } else {
                        out.append("<ul>" + ls.map { "<li>" + h($0) + "</li>" }.joined() + "</ul>")
                    }
                case .subheading(let s):
                    out.append("<h3>" + h(s) + "</h3>")
                case .table(let t):
                    out.append(SheetMarkup.htmlTable(t))
                }
            }
            out.append("</section>")
        }
        return out
    }

    /// The start of a page: doctype, title and the print style sheet, up to `<body>`.
    static func htmlHead(_ title: String) -> [String] {
        ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
         "<title>" + html(title) + "</title>", "<style>\n" + css + "</style>", "</head>", "<body>"]
    }

    /// The page closed and joined.
    static func htmlEnd(_ lines: [String]) -> String {
        (lines + ["</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    static func mdRow(_ cells: [String], raw: Bool = false) -> String {
        "| " + cells.map { raw ? $0 : md($0, cell: true) }.joined(separator: " | ") + " |"
    }

    /// HTML text: the five special characters as entities, control characters inert.
    static func html(_ s: String) -> String {
        var out = ""
        for c in SheetText.inert(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A table with one row per entry: a detail (synopsis, contact) is a last column, as in
    /// Markdown, so that nothing hangs on a row of its own that a page break could part from it.
    static func htmlTable(_ t: SheetTable) -> String {
        let withDetail = t.details.contains { !$0.isEmpty }
        func cell(_ tag: String, _ text: String, right: Bool, nowrap: Bool = false) -> String {
            "<\(tag)" + (right ? " class=\"r\"" : nowrap ? " class=\"n\"" : "") + ">" + text + "</\(tag)>"
        }
        var out = ["<table>", "<thead><tr>" + t.columns.map { cell("th", html($0.title), right: $0.right, nowrap: true) }.joined()
            + (withDetail ? cell("th", html(t.detailTitle), right: false) : "") + "</tr></thead>", "<tbody>"]
        for (i, r) in t.rows.enumerated() {
            var row = "<tr>"
            for (j, c) in t.columns.enumerated() { row += cell("td", html(j < r.count ? r[j] : ""), right: c.right, nowrap: c.nowrap) }
            if withDetail {
                let detail = i < t.details.count ? t.details[i] : []
                row += "<td class=\"detail\">" + detail.map(html).joined(separator: "<br>") + "</td>"
            }
            out.append(row + "</tr>")
        }
        out.append("</tbody>")
        if let f = t.footer {
            out.append("<tfoot><tr>" + zip(t.columns, f).map { c, v in
                cell("td", v.isEmpty ? "" : "<strong>" + html(v) + "</strong>", right: c.right)
            }.joined() + (withDetail ? "<td></td>" : "") + "</tr></tfoot>")
        }
        out.append("</table>")
        return out.joined(separator: "\n")
    }

    static let css = """
        @page { size: A4; margin: 12mm; }
        * { box-sizing: border-box; }
        html, body { color: #000; background: #fff; }
        body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 9.5pt; line-height: 1.3; margin: 0; }
        @media screen { body { max-width: 186mm; margin: 8mm auto; padding: 0 4mm; } }
        header { display: flex; justify-content: space-between; gap: 8mm; border-bottom: 2pt solid #000; padding-bottom: 3pt; }
        h1 { font-size: 16pt; margin: 0 0 2pt; }
        .day { text-align: right; }
        .big { font-size: 13pt; font-weight: bold; }
        .issue { margin-top: 2pt; }
        .stale { font-weight: bold; border: 1.5pt solid #000; padding: 1pt 3pt; display: inline-block; }
        h2 { font-size: 10.5pt; text-transform: uppercase; letter-spacing: 0.04em; margin: 9pt 0 3pt;
             border-bottom: 1pt solid #000; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 9.5pt; margin: 5pt 0 2pt; break-after: avoid; page-break-after: avoid; }
        p, ul { margin: 2pt 0; }
        ul { padding-left: 14pt; }
        li { break-inside: avoid; page-break-inside: avoid; }
        table { width: 100%; border-collapse: collapse; margin: 2pt 0 4pt; }
        thead { display: table-header-group; }
        tfoot { display: table-row-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.75pt solid #000; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }
        th { font-weight: bold; }
        .r { text-align: right; white-space: nowrap; }
        .n { white-space: nowrap; }
        td.detail { font-style: italic; }
        table.pairs { width: auto; }
        table.pairs th, table.pairs td { border: 0; padding: 0.5pt 10pt 0.5pt 0; }
        .copy { margin-top: 10pt; border-top: 1pt solid #000; padding-top: 3pt; font-size: 8.5pt; }

        """
}
