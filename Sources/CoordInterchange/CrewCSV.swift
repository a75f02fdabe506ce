import CoordModel

// Crew lists as CSV, in and out. Import reads a spreadsheet's crew list (headings matched by
// name), checks every row the way Coord checks a typed line, and says which row and column is
// wrong; export writes one row per person in department order, personal data only on request.

/// What `CrewCSV.importPlan` made of a crew list.
public struct CrewImport: Sendable {
    /// Journal lines for the good rows (`crew add`, or `crew set` for a person already in the
    /// journal), and notes on the columns (ignored, or read together).
    public var plan = ImportPlan()
    /// The CSV row (1-based, the header is row 1) each command came from.
    public var rowOfCommand: [Int] = []
    /// One line per bad row, e.g. `row 7, column E (Email): 'jo@' is not an email address`.
    public var problems: [String] = []
    public var badRows: [Int] = []
    /// Rows with a person on them (blank rows are not counted).
    public var rows = 0
    public var added = 0
    /// People already in the journal (same name, any case) whose row changes something.
    public var updated = 0
    /// People already in the journal whose row changes nothing.
    public var unchanged = 0

    public var goodRows: Int { rows - badRows.count }

    /// What to write: every row's change when no row is bad; with `skipBad`, the good rows';
    /// otherwise nil (nothing at all).
    public func commandsToWrite(skipBad: Bool) -> [String]? {
        badRows.isEmpty || skipBad ? plan.commands : nil
    }

    /// `196 people: 150 added, 40 updated, 6 unchanged`.
    public var summary: String {
        var parts: [String] = []
        if added > 0 || (updated == 0 && unchanged == 0) { parts.append("\(added) added") }
        if updated > 0 { parts.append("\(updated) updated (already in the journal, matched by name: only the changed fields are set)") }
        if unchanged > 0 { parts.append("\(unchanged) unchanged (already in the journal)") }
        let n = added + updated + unchanged
        return "\(n) \(n == 1 ? "person" : "people"): " + parts.joined(separator: ", ")
    }
}

/// What `CrewCSV.export` wrote.
public struct CrewCSVExport: Sendable {
    /// The file: UTF-8 with a byte order mark, CRLF line ends.
    public var bytes: [UInt8]
    public var people: Int
    public var headings: [String]
    /// Personal columns left out (no `personal:`), as headings.
    public var leftOut: [String]
}

public enum CrewCSV {
    /// A column of a crew list: the field, the heading Coord writes, whether it is personal
    /// data (GDPR: only in exports that ask for it), and other headings read as it.
    struct Column: Sendable {
        let key: String
        let heading: String
        let personal: Bool
        let headings: [String]
        init(_ key: String, _ heading: String, personal: Bool = false, _ headings: [String]) {
            self.key = key; self.heading = heading; self.personal = personal; self.headings = headings
        }
    }

    /// In the order an export writes them: professional fields, then personal ones.
    static let table: [Column] = [
        Column("name", "Name", ["full name", "crew name", "person", "contact name", "crew member"]),
        Column("role", "Role", ["job", "job title", "position", "crew role", "character", "part"]),
        Column("dept", "Department", ["dept", "section"]),
        Column("status", "Status", ["booking", "booking status", "booked"]),
        Column("memo", "Deal memo", ["memo", "deal memo status"]),
        Column("rate", "Rate", ["day rate", "daily rate", "fee", "pay"]),
        Column("ratetype", "Rate per", ["rate type", "per", "rate basis", "basis", "paid per"]),
        Column("ot", "Overtime", ["ot", "overtime terms", "o/t"]),
        Column("vat", "VAT registered", ["vat", "vat reg"]),
        Column("agent", "Agent/company", ["agent", "company", "agency", "agent or company", "representation"]),
        Column("castno", "Cast no.", ["cast no", "cast number", "cast id", "castno"]),
        Column("hold", "Hold or drop", ["hold", "hold/drop"]),
        Column("dropdays", "Drop after", ["drop days", "drop after days"]),
        Column("unavailable", "Unavailable", ["unavailable dates", "unavailability", "not available", "dates unavailable"]),
        Column("notes", "Notes", ["note", "comments", "remarks"]),
        Column("account", "Budget account", ["account", "budget code", "cost code", "nominal code", "acct"]),
        Column("phone", "Phone", personal: true, ["mobile", "mobile number", "mobile phone", "mob", "cell", "cell phone",
                                                  "tel", "telephone", "phone number", "contact number"]),
        Column("email", "Email", personal: true, ["e-mail", "email address", "e-mail address", "mail"]),
        Column("address", "Address", personal: true, ["home address", "postal address"]),
        Column("emergency", "Emergency contact", personal: true, ["emergency", "ice", "next of kin", "emergency contact details"]),
        Column("dietary", "Dietary", personal: true, ["dietary requirements", "dietary needs", "diet", "allergies",
                                                      "dietary requirements/allergies"]),
        Column("access", "Access", personal: true, ["access needs", "access requirements", "accessibility"]),
    ]

    static let firstNameHeadings: Set<String> = ["firstname", "forename", "givenname", "first", "christianname"]
    static let lastNameHeadings: Set<String> = ["lastname", "surname", "familyname", "last"]

    /// The columns of the crew record as it is: the table's, then any field the table does
    /// not know (treated as personal until someone says otherwise).
    static var columns: [Column] {
        let fields = Noun.crew.fields
        var out = table.filter { c in fields.contains { $0.key == c.key } }
        for f in fields where !table.contains(where: { $0.key == f.key }) {
            out.append(Column(f.key, f.label, personal: true, []))
        }
        return out
    }

    /// `Cast no.` → `castno`: lower case, letters and digits only.
    static func fold(_ heading: String) -> String {
        String(String.UnicodeScalarView(heading.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    /// The crew field a heading names: the table's headings, then the field's own key,
    /// aliases and label (`dayrate`, `Booking`).
    static func key(forHeading heading: String) -> String? {
        let f = fold(heading)
        guard !f.isEmpty else { return nil }
        let cols = columns
        if let c = cols.first(where: { fold($0.heading) == f || $0.headings.contains { fold($0) == f } }) { return c.key }
        return Noun.crew.fields.first { fold($0.key) == f || fold($0.label) == f || $0.aliases.contains { fold($0) == f } }?.key
    }

    /// How a person's name is compared: any case, spaces squeezed.
    static func nameKey(_ s: String) -> String {
        s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: - Import

    /// Reads a crew list (a header row, then one person per row) into journal lines, checking
    /// each row against the model as the rows before it leave it. `today` reads `today` in dates.
    /// `progress` is told rows checked of all.
    public static func importPlan(_ bytes: [UInt8], into model: Model, name: String, today: CalendarDate?,
                                  progress: ((Int, Int) -> Void)? = nil) throws(ImportError) -> CrewImport {
        let rows: [Result<CSVRow, CSVError>]
        do { rows = try CSV.rows(bytes) } catch { throw ImportError("\(name): \(error.description)") }
        guard let first = rows.first else { throw ImportError("\(name) is empty: nothing to import") }
        let header: [String]
        switch first {
        case .success(let r): header = r.cells.map { $0.trimmingWhitespace() }
        case .failure(let e): throw ImportError("\(name): the header: \(e.description)")
        }
        func place(_ c: Int) -> String { CSV.columnName(c) + (header[c].isEmpty ? "" : " (\(CSV.shortHeading(header[c])))") }

        // Headings to fields.
        var result = CrewImport()
        var columnsOf: [String: [Int]] = [:]
        var firstCols: [Int] = [], lastCols: [Int] = [], unknown: [Int] = [], unnamed: [Int] = []
        for (c, h) in header.enumerated() {
            if h.isEmpty { unnamed.append(c); continue }
            if let k = key(forHeading: h) { columnsOf[k, default: []].append(c) }
            else if firstNameHeadings.contains(fold(h)) { firstCols.append(c) }
            else if lastNameHeadings.contains(fold(h)) { lastCols.append(c) }
            else { unknown.append(c) }
        }
        var nameCols = columnsOf["name"] ?? []
        let nameParts = nameCols.isEmpty ? Array((firstCols.prefix(1) + lastCols.prefix(1))) : []
        if nameCols.isEmpty && nameParts.isEmpty {
            if header.count == 1, let sep = [";", "\t", "|"].first(where: { header[0].contains($0) }) {
                throw ImportError("\(name): its cells are separated by '\(sep == "\t" ? "tab" : sep)', not commas (save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\")")
            }
            throw ImportError("\(name) has no column for the name (a heading such as Name or Full name; the headings are "
                + header.indices.map(place).joined(separator: ", ") + ")")
        }
        if !nameParts.isEmpty {
            result.plan.notes.append("names made from column\(nameParts.count == 1 ? "" : "s") " + nameParts.map(place).joined(separator: " and "))
            nameCols = nameParts
        }
        let unusedParts = (firstCols + lastCols).filter { !nameCols.contains($0) }.sorted()
        if !unusedParts.isEmpty {
            result.plan.notes.append("ignored: column\(unusedParts.count == 1 ? "" : "s") \(unusedParts.map(place).joined(separator: ", ")) (the name comes from column\(nameCols.count == 1 ? "" : "s") \(nameCols.map(place).joined(separator: " and ")))")
        }
        if !unknown.isEmpty {
            let list = unknown.sorted().map(place).joined(separator: ", ")
            result.plan.notes.append("ignored (not a crew field): column\(unknown.count == 1 ? "" : "s") \(list)")
        }
        for info in Noun.crew.fields {
            if let cols = columnsOf[info.key], cols.count > 1 {
                result.plan.notes.append("columns \(cols.map(place).joined(separator: " and ")) \(cols.count == 2 ? "both" : "all") give the \(info.label.lowercased()): on each row the first one filled in is used")
            }
        }

        // Rows to commands, each checked on a scratch model.
        var scratch = model
        let context = ValidationContext(today: today)
        var byName: [String: [RecordID]] = [:]
        for m in model.crew.values { byName[nameKey(m.name), default: []].append(m.id) }
        var rowOfName: [String: Int] = [:]
        var unnamedFilled = 0
        var tmp = 0
        func bad(_ row: Int, _ text: String) {
            result.problems.append("row \(row)" + text)
            result.badRows.append(row)
        }
        var checked = 0
        for r in rows.dropFirst() {
            checked += 1
            if checked & 255 == 0, let progress { progress(checked, rows.count - 1) }
            let row: CSVRow
            switch r {
            case .failure(let e):
                result.rows += 1
                bad(e.row, (e.column.map { ", column " + place($0) } ?? "") + ": " + e.message)
                continue
            case .success(let x): row = x
            }
            let cells = row.cells.map { CSV.unprefixed($0).trimmingWhitespace() }
            if cells.allSatisfy(\.isEmpty) { continue }
            result.rows += 1
            if unnamed.contains(where: { !cells[$0].isEmpty }) { unnamedFilled += 1 }

            // First name and surname are joined; of several name columns the first filled in counts.
            let filled = nameCols.map { cells[$0] }.filter { !$0.isEmpty }
            let person = nameParts.isEmpty ? (filled.first ?? "") : filled.joined(separator: " ")
            let nameCol = nameCols.first { !cells[$0].isEmpty } ?? nameCols[0]
            guard !person.isEmpty else {
                bad(row.number, ", column \(place(nameCol)): no name (every person needs one)")
                continue
            }
            let nk = nameKey(person)
            if let earlier = rowOfName[nk] {
                bad(row.number, ", column \(place(nameCol)): \(person) is also on row \(earlier) (one row per person)")
                continue
            }
            rowOfName[nk] = row.number

            // The value of each field, from the first of its columns filled in on this row.
            var source: [String: Int] = ["name": nameCol]
            var values: [(String, String)] = []
            for info in Noun.crew.fields where info.key != "name" {
                guard let c = columnsOf[info.key]?.first(where: { !cells[$0].isEmpty }) else { continue }
                source[info.key] = c
                values.append((info.key, cells[c]))
            }

            let line: String
            let matches = byName[nk] ?? []
            if matches.count > 1 {
                bad(row.number, ", column \(place(nameCol)): \(matches.count) crew members in the journal are called \(person) (change them in Coord)")
                continue
            }
            if let id = matches.first, let m = scratch.crew[id] {
                let changed = values.filter { key, raw in
                    guard let info = Noun.crew.field(key),
                          let v = try? scratch.checkField(raw, field: info, context: context) else { return true }
                    return v.journalText != m.value(key).journalText
                }
                if changed.isEmpty { result.unchanged += 1; continue }
                line = LineGrammar.line(noun: "crew", verb: "set", pairs: [("id", id.raw)] + changed)
            } else {
                line = LineGrammar.line(noun: "crew", verb: "add", pairs: [("name", person)] + values)
            }
            do {
                guard let cmd = try LineGrammar.parse(line) else { continue }
                let event = try scratch.validate(cmd, context: context) {
                    repeat { tmp += 1 } while scratch.isUsed(RecordID("tmp\(tmp)"))
                    return RecordID("tmp\(tmp)")
                }
                scratch.apply(event)
            } catch let e as CommandError {
                var message = e.message
                if let k = e.key, message.hasPrefix(k + ": ") { message.removeFirst(k.count + 2) }
                bad(row.number, (e.key.flatMap { source[$0] }.map { ", column " + place($0) } ?? "") + ": " + message)
                continue
            } catch {
                bad(row.number, ": \(error)")
                continue
            }
            result.plan.commands.append(line)
            result.rowOfCommand.append(row.number)
            if matches.isEmpty { result.added += 1 } else { result.updated += 1 }
        }
        if unnamedFilled > 0 {
            let list = unnamed.map(CSV.columnName).joined(separator: ", ")
            result.plan.notes.append("ignored: column\(unnamed.count == 1 ? "" : "s") \(list) (no heading), filled in on \(unnamedFilled) row\(unnamedFilled == 1 ? "" : "s")")
        }
        if result.rows == 0 { throw ImportError("\(name) has no rows under its header: nothing to import") }
        return result
    }

    // MARK: - Export

    /// One row per person in department order (`Choices.departments`; other departments after
    /// them by name, no department last), keeping the journal's order within a department.
    /// Phone, email, address, emergency contact, dietary and access needs only with `personal`.
    public static func export(_ model: Model, personal: Bool) throws(ScheduleExportError) -> CrewCSVExport {
        let people = listOrder(model.crew.values)
        guard !people.isEmpty else { throw ScheduleExportError("nothing to export: the crew list is empty") }
        let all = columns
        let cols = all.filter { personal || !$0.personal }
        var rows = [cols.map(\.heading)]
        for p in people { rows.append(cols.map { p.value($0.key).journalText }) }
        return CrewCSVExport(bytes: CSV.write(rows), people: people.count, headings: cols.map(\.heading),
                             leftOut: personal ? [] : all.filter(\.personal).map(\.heading))
    }

    /// The crew list's order: department, then as added.
    static func listOrder<S: Sequence>(_ crew: S) -> [CrewMember] where S.Element == CrewMember {
        func rank(_ d: String) -> Int {
            d.isEmpty ? Choices.departments.count + 1 : Choices.departmentRank(d)
        }
        return crew.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element.dept), rank(b.element.dept))
            if ra != rb { return ra < rb }
            let (da, db) = (a.element.dept.lowercased(), b.element.dept.lowercased())
            if da != db { return da < db }
            return a.offset < b.offset
        }.map(\.element)
    }
}
