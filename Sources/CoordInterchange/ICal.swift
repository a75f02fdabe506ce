import CoordModel

// iCalendar (RFC 5545) export of the active board's shoot days: one VEVENT per dated day,
// in floating local time, with a UID that stays the same from one export to the next so a
// calendar that imports the file again updates its events instead of doubling them.

/// What `ICal.export` wrote.
public struct ICalExport: Sendable {
    /// The file: UTF-8, CRLF line endings, lines folded at 75 octets.
    public var bytes: [UInt8]
    /// How many VEVENTs (shoot days) it holds.
    public var events: Int
    /// The board it came from.
    public var board: String
    /// Days left out, and why.
    public var notes: [String]
}

public enum ICal {
    /// One VEVENT per shoot day of the active board that has a date.
    public static func export(_ model: Model, clock: Clock = Clock()) throws(ScheduleExportError) -> ICalExport {
        let board = model.activeBoard
        let layout = model.layout(of: board.id)
        let production = model.production
        let title = production.title.trimmingWhitespace()
        let stamp = compactStamp(clock.stamp)
        var notes: [String] = []

        // Scenes and banners of each day, in running order.
        var lines: [[String]] = Array(repeating: [], count: layout.days.count)
        var current: Int?
        for entry in layout.entries {
            switch entry {
            case .day(let i): current = i
            case .strip(let id, let day):
                guard let day, let s = model.strips[id] else { continue }
                lines[day].append(sceneLine(s))
            case .banner(let id):
                guard let day = current, let b = model.banners[id] else { continue }
                lines[day].append(b.kind == "note" ? "— \(b.text) —" : "— \(b.kind): \(b.text) —")
            }
        }

        var out: [String] = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Coord//Coord shooting schedule//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(title.isEmpty ? board.name : "\(title) — \(board.name)"),
        ]
        var events = 0
        var undated: [Int] = []
        for d in layout.days {
            guard let date = d.date, let day = model.days[d.id] else { undated.append(d.number); continue }
            events += 1
            out.append("BEGIN:VEVENT")
            out.append("UID:" + uid(day: d.id, production: production))
            out.append("DTSTAMP:" + stamp)
            if let call = day.call {
                out.append("DTSTART:" + dateTime(date, call))
                if let wrap = day.wrap {
                    // A wrap earlier than the call is after midnight.
                    out.append("DTEND:" + dateTime(wrap < call ? date.adding(days: 1) : date, wrap))
                }
            } else {
                out.append("DTSTART;VALUE=DATE:" + compactDate(date))
                out.append("DTEND;VALUE=DATE:" + compactDate(date.adding(days: 1)))
            }
            let summary = "Day \(d.number) of \(layout.days.count)" + (title.isEmpty ? "" : " — \(title)")
            out.append("SUMMARY:" + escape(summary))
            if !day.location.trimmingWhitespace().isEmpty { out.append("LOCATION:" + escape(day.location)) }
            var text: [String] = []
            var head = "\(day.unit) unit · \(d.strips.count) scene\(d.strips.count == 1 ? "" : "s") · \(d.pages) pgs"
            if day.call == nil, let wrap = day.wrap { head += " · wrap \(wrap)" }
            text.append(head)
            text += lines[d.number - 1]
            if !day.notes.trimmingWhitespace().isEmpty { text.append(""); text.append(day.notes) }
            out.append("DESCRIPTION:" + escape(text.joined(separator: "\n")))
            out.append("END:VEVENT")
        }
        out.append("END:VCALENDAR")
        if !undated.isEmpty {
            notes.append("shoot day\(undated.count == 1 ? "" : "s") \(undated.map(String.init).joined(separator: ", ")) of \(board.name) \(undated.count == 1 ? "has" : "have") no date (no start date on the board, none on the day): left out")
        }
        guard events > 0 else {
            throw ScheduleExportError(layout.days.isEmpty
                ? "nothing to export: the active board '\(board.name)' has no shoot days"
                : "nothing to export: no shoot day of the active board '\(board.name)' has a date (give the board a start date: board set id=\(board.id) start=YYYY-MM-DD)")
        }
        let text = out.map(fold).joined(separator: "\r\n") + "\r\n"
        return ICalExport(bytes: Array(text.utf8), events: events, board: board.name, notes: notes)
    }

    /// `2 · INT · Keeper's cottage - kitchen · DAY · 1 6/8 pgs · cast 1,2`
    static func sceneLine(_ s: Strip) -> String {
        var parts = ["Sc \(s.scene)"]
        for f in [s.intExt, s.set, s.dayNight] where !f.isEmpty { parts.append(f) }
        parts.append("\(s.pages) pgs")
        if !s.cast.isEmpty { parts.append("cast \(s.cast)") }
        return parts.joined(separator: " · ")
    }

    /// Stable per shoot day and production: the day's id and a hash of the production's title and company.
    public static func uid(day: RecordID, production: Production) -> String {
        "\(day.raw)-\(productionHash(production))@coord"
    }

    /// RFC 5545 TEXT: `\` `;` `,` escaped, line breaks as `\n`; other control characters dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        var lastCR = false
        for u in s.unicodeScalars {
            defer { lastCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !lastCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A content line folded so that no line is longer than 75 octets (the leading space of a
    /// continuation counts), never inside a UTF-8 sequence. Lines are joined with CRLF.
    public static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for u in line.unicodeScalars {
            let n = String(u).utf8.count
            if octets + n > 75 {
                lines.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(u)
            octets += n
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Floating local time: `20270301T073000`.
    static func dateTime(_ d: CalendarDate, _ t: TimeOfDay) -> String {
        let hh = t.minutes / 60, mm = t.minutes % 60
        return compactDate(d) + "T" + (hh < 10 ? "0" : "") + String(hh) + (mm < 10 ? "0" : "") + String(mm) + "00"
    }

    /// `2026-11-22T13:44:01Z` as `20261122T134401Z`.
    static func compactStamp(_ s: String) -> String { String(s.filter { $0 != "-" && $0 != ":" }) }
}
