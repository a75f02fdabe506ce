/// A report as rows of cells: printed as an aligned text table or as CSV.
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns to align right (figures).
    public var rightAligned: Set<Int>

    public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.header = header; self.rows = rows; self.rightAligned = rightAligned
    }

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    public var csv: String {
        ([header] + rows).map { $0.map(ReportTable.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func csvField(_ s: String) -> String {
        // A leading = + - @ (or tab, CR) would be a formula to a spreadsheet: keep data inert.
        var t = s
        let plainNumber = !t.isEmpty && t.unicodeScalars.allSatisfy { "0123456789.-+".unicodeScalars.contains($0) } && Double(t) != nil
        if let f = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), !plainNumber { t = "'" + t }
        // Scalars, not Characters: "\r\n" is one Character that equals neither "\r" nor "\n".
        guard t.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Columns padded to their widest cell (by character count; reports are for files and pipes).
    public var text: String {
        let all = [header] + rows
        let n = all.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in all { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return all.map { r in
            var line = ""
            for (i, c) in r.enumerated() {
                let padding = String(repeating: " ", count: widths[i] - c.count)
                line += (i > 0 ? "  " : "") + (rightAligned.contains(i) ? padding + c : c + padding)
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

extension Model {
    /// `coord report days`: one row per shoot day of the board.
    public func daysReport(board: RecordID) -> ReportTable {
        let layout = self.layout(of: board)
        let rows = layout.days.map { d -> [String] in
            let sd = days[d.id]
            return [String(d.number), d.date?.description ?? "", d.date.map { CalendarDate.weekdayNames[$0.weekday] } ?? "",
                    sd?.location ?? "", sd?.call?.description ?? "", sd?.wrap?.description ?? "",
                    String(d.strips.count), d.pages.description,
                    d.strips.compactMap { strips[$0]?.scene }.joined(separator: " ")]
        }
        return ReportTable(header: ["day", "date", "dow", "location", "call", "wrap", "strips", "pages", "scenes"],
                           rows: rows, rightAligned: [0, 6, 7])
    }

    /// `coord report dood`: one row per element, one column per shoot day, then totals.
    public func doodReport(board: RecordID) -> ReportTable {
        let dood = dayOutOfDays(board: board)
        let header = ["#", "name"] + dood.columns.map { c in "D\(c.number)" + (c.date.map { " \($0)" } ?? "") }
            + ["work", "hold", "travel", "total", "start", "finish"]
        let rows = dood.rows.filter { $0.total > 0 || $0.kind == .cast }.map { r -> [String] in
            [r.number, r.name] + r.codes + [String(r.work), String(r.hold), String(r.travel), String(r.total),
                                           r.start?.description ?? "", r.finish?.description ?? ""]
        }
        let n = dood.columns.count
        return ReportTable(header: header, rows: rows, rightAligned: Set((n + 2)..<(n + 6)))
    }

    /// `coord report movements`: who travels or checks into a hotel on shoot day N's date.
    public func movementsReport(board: RecordID, day number: Int) -> ReportTable? {
        let layout = self.layout(of: board)
        guard layout.days.indices.contains(number - 1) else { return nil }
        let date = layout.days[number - 1].date
        let rows = travel.values.filter { $0.date == date && date != nil }
            .sorted { ($0.pickup?.minutes ?? 0, $0.who) < ($1.pickup?.minutes ?? 0, $1.who) }
            .map { t -> [String] in
                let p = crew[RecordID(t.who)]
                return [p?.name ?? t.who, p?.role ?? "", t.pickup?.description ?? "", t.from, t.to, t.how, t.ref, t.hotel, t.notes]
            }
        return ReportTable(header: ["who", "role", "pick-up", "from", "to", "how", "ref", "hotel", "notes"], rows: rows)
    }

    /// The board called `name` (id or name), or the active board.
    public func board(named name: String?) -> Board? {
        guard let name else { return activeBoard }
        if let b = boards[RecordID(name)] { return b }
        let hits = boards.values.filter { $0.name.lowercased() == name.lowercased() }
        return hits.count == 1 ? hits[0] : nil
    }
}
