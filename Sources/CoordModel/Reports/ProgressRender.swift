// The progress report as text, Markdown and one printable HTML file, drawn with the call
// sheet's blocks, escaping and print style sheet.

extension DailyProgressReport {
    var dayLine: String { "Day \(number) of \(dayCount)" }
    var unitLine: String { unit.isEmpty ? "" : (unit.lowercased().hasSuffix("unit") ? unit : unit + " unit") }

    /// The closing line: how pages are counted.
    static let closingLine = "Pages shot count completed scenes only; part-shot scenes and their pages are listed apart."

    /// What the report says, section by section.
    func sections() -> [SheetSection] {
        let t = CallSheet.time
        let p = record
        var times: [(String, String)] = [("Location", location.isEmpty ? "(not set)" : location),
                                         ("Scheduled", "call \(t(scheduledCall)), wrap \(t(scheduledWrap))"),
                                         ("Crew call", t(p?.crewCall)), ("First shot", t(p?.firstShot))]
        switch (p?.lunch, p?.lunchEnd) {
        case (nil, nil): times.append(("Lunch", "—"))
        case (let a, let b): times.append(("Lunch", t(a) + "–" + t(b)))
        }
        times += [("Camera wrap", t(p?.cameraWrap)), ("Unit wrap", t(p?.unitWrap))]
        if let call = p?.crewCall, let wrap = p?.unitWrap {
            // A wrap before the call is after midnight.
            let length = wrap.minutes >= call.minutes ? wrap.minutes - call.minutes : wrap.minutes + 1440 - call.minutes
            times.append(("Day length", Model.hours(length) + " from crew call to unit wrap"))
        }
        var timeBlocks: [SheetBlock] = [.pairs(times)]
        if p == nil { timeBlocks.append(.lines(["No progress report has been written for this day yet."])) }
        var out = [SheetSection(title: "Times", blocks: timeBlocks)]

        func count(_ n: Int, _ pages: Pages) -> String { "\(n) (\(pages) pgs)" }
        func number(_ s: String?) -> String { (s ?? "").isEmpty ? "—" : s! }
        out.append(SheetSection(title: "Progress", blocks: [.pairs([
            ("Scenes completed", count(completed.count, pagesShot)),
            ("Part-shot", count(partShot.count, partPages)),
            ("Not shot", count(notShot.count, notShotPages)),
            ("Pages shot today", "\(pagesShot) of \(scheduledPages) scheduled"),
            ("Pages shot to date", "\(pagesToDate) of \(totalPages)"),
            ("Scenes to date", "\(scenesToDate) of \(totalScenes)"),
            ("Screen minutes", number(p?.minutes)),
            ("Set-ups", number(p?.setups)),
        ])]))

        for (title, scenes, pages, none) in [("Scenes completed", completed, pagesShot, "(none marked done on this day)"),
                                             ("Part-shot", partShot, partPages, "(none)"),
                                             ("Not shot", notShot, notShotPages, "(none: every scene on the day is marked)")] {
            out.append(SheetSection(title: title, blocks: scenes.isEmpty ? [.lines([none])]
                                    : [.table(CallSheet.sceneTable(scenes, pages: pages, synopsis: false))]))
        }
        for (title, text) in [("Delays", p?.delays ?? ""), ("Incidents", p?.incidents ?? ""), ("Notes", p?.notes ?? "")] {
            let lines = CallSheet.paragraphs(text)
            out.append(SheetSection(title: title, blocks: [.lines(lines.isEmpty ? ["(none recorded)"] : lines)]))
        }
        return out
    }

    /// The report as plain text, 80 columns.
    public func text() -> String {
        let w = CallSheet.textWidth
        let rule = String(repeating: "=", count: w)
        var out = [rule]
        out.append(SheetText.split(title.isEmpty ? "(untitled production)" : title.uppercased(), "DAILY PROGRESS REPORT", width: w))
        out.append(SheetText.split(company, dayLine, width: w))
        out.append(SheetText.split(CallSheet.longDate(date), unitLine, width: w))
        out.append(rule)
        out += SheetText.sections(sections(), width: w)
        out.append("")
        out += SheetText.wrap(DailyProgressReport.closingLine, width: w, indent: "")
        return SheetText.document(out)
    }

    /// The report as Markdown; every value escaped so it reads as plain text.
    public func markdown() -> String {
        var out = ["# " + SheetMarkup.md(title.isEmpty ? "(untitled production)" : title) + " — Daily progress report", ""]
        let facts = [company, dayLine, CallSheet.longDate(date), unitLine].filter { !$0.isEmpty }
        out.append(facts.map { "**" + SheetMarkup.md($0) + "**" }.joined(separator: " · "))
        out += SheetMarkup.markdownSections(sections())
        out += ["", "*" + SheetMarkup.md(DailyProgressReport.closingLine) + "*"]
        return out.joined(separator: "\n") + "\n"
    }

    /// The report as one self-contained HTML file for A4, styled like the call sheet.
    public func html() -> String {
        let h = SheetMarkup.html
        var out = SheetMarkup.htmlHead((title.isEmpty ? "" : title + " — ") + "Daily progress report, \(dayLine)")
        out.append("<header>")
        out.append("<div><h1>" + h(title.isEmpty ? "(untitled production)" : title) + "</h1>")
        if !company.isEmpty { out.append("<div>" + h(company) + "</div>") }
        out.append("</div>")
        out.append("<div class=\"day\"><div class=\"big\">DAILY PROGRESS REPORT · " + h(dayLine) + "</div>")
        out.append("<div>" + h(CallSheet.longDate(date)) + (unitLine.isEmpty ? "" : " · " + h(unitLine)) + "</div>")
        out.append("</div>")
        out.append("</header>")
        out += SheetMarkup.htmlSections(sections())
        out.append("<p class=\"copy\">" + h(DailyProgressReport.closingLine) + "</p>")
        return SheetMarkup.htmlEnd(out)
    }
}
