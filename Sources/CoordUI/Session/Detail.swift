import CoordModel

extension Session {
    /// The detail line is never wider than on an 80-column screen. It shows what the selected
    /// row does not, and a wider screen shows more in the row itself, so moving the selection
    /// sends about as many bytes at any size (docs/PERFORMANCE.md).
    static let detailWidth = 78

    /// One line under the table: the selected record's id and what its row does not show whole.
    func drawDetail(_ c: inout Canvas, y: Int) {
        c.fill(0, y, width, 1, theme.text)
        let room = min(width - 2, Session.detailWidth)
        if pane == .schedule && scheduleView == .combined {
            let legend = stores.enumerated().map { i, s in
                "\(String(UnicodeScalar(UInt8(65 + i % 26)))) = \(s.model.production.title.isEmpty ? s.path : s.model.production.title)"
            }.joined(separator: " · ")
            c.put(1, y, TextWidth.truncate(legend + " · !! = working in two productions on the same day", to: width - 2), theme.text)
            return
        }
        if pane == .schedule && scheduleView == .grid {
            // Whole parts while they fit: the day, the person and their code come first.
            var line = ""
            for part in gridDetail().flatMap({ $0.split(separator: " · ").map(String.init) }) {
                let next = line.isEmpty ? part : line + " · " + part
                if TextWidth.of(next) > room && !line.isEmpty { break }
                line = next
            }
            c.put(1, y, TextWidth.truncate(line, to: room), theme.text)
            return
        }
        guard let row = selectedRow, let id = row.id else {
            let what = pane != .budget ? "" : budgetView == .report ? "EFC = actual + committed + ETC · variance = budget - EFC (negative: over)"
                : budgetView == .costs ? "Totals across all cost entries" : "Budget lines: quantity x multiplier x rate + fringe"
            c.put(1, y, TextWidth.truncate(what, to: width - 2), theme.dim)
            return
        }
        // Fields in order while they fit; the last one that does not is cut short (6 columns at least).
        var x = 1
        for (i, (label, value)) in detailParts(row, id).enumerated() {
            let sep = i == 0 ? "" : " · "
            let left = 1 + room - x - TextWidth.of(sep) - TextWidth.of(label) - 2
            if left < 6 { break }
            x += c.put(x, y, sep + label + ": ", theme.dim)
            x += c.put(x, y, TextWidth.truncate(value, to: min(40, left)), theme.text)
        }
    }

    /// The id, then the record's derived figures and its fields, less what the row shows whole.
    func detailParts(_ row: Row, _ id: RecordID) -> [(String, String)] {
        let inRow = table(pane).fieldsShown(in: row, width: width)
        var parts = [("id", id.raw)] + extraDetail(id) + model.fieldValues(of: id).compactMap { f, v -> (String, String)? in
            if v.isEmpty || inRow.contains(f.key) { return nil }
            let text: String
            switch v {
            case .money(let m): text = model.production.currencySymbol + m.grouped
            case .date(let d): text = d.medium
            default: text = f.kind == .dayRef ? dayText(v.journalText) : v.journalText
            }
            return (f.label, text)
        }
        if model.crew[id] != nil {
            // The bookings desk: the days this person is booked (the grid edits the same records).
            let booked = (model.bookingsOf[id.raw] ?? []).compactMap { model.bookings[$0] }.sorted { ($0.date ?? CalendarDate(dayNumber: 0)) < ($1.date ?? CalendarDate(dayNumber: 0)) }
            if !booked.isEmpty {
                let span = [booked.first?.date, booked.last?.date].compactMap { $0?.short }
                let text = "\(booked.count) day\(booked.count == 1 ? "" : "s") " + (span.count == 2 && span[0] != span[1] ? "\(span[0])–\(span[1])" : span.first ?? "")
                    + " (" + booked.map(\.code).joined(separator: " ") + ")"
                parts.insert(("Booked", text), at: min(1, parts.count))
            }
        }
        return parts
    }
}
