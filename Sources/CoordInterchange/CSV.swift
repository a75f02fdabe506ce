import CoordModel

// RFC 4180 CSV, as spreadsheet programs write and read it. Rows are counted as a spreadsheet
// shows them: a quoted cell with a line break in it is still one row, and row 1 is the header.

/// A row (or cell) of a CSV file that cannot be read, and why.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based, as a spreadsheet numbers its rows (the header is row 1).
    public var row: Int
    /// 0-based cell index (column A is 0), when the problem is in one cell.
    public var column: Int?
    public var message: String
    public init(row: Int, column: Int? = nil, _ message: String) {
        self.row = row; self.column = column; self.message = message
    }
    public var description: String {
        column.map { "row \(row), column \(CSV.columnName($0)): \(message)" } ?? "row \(row): \(message)"
    }
}

/// One row of a CSV file: its number as a spreadsheet shows it, and its cells.
public struct CSVRow: Sendable, Equatable {
    public var number: Int
    public var cells: [String]
    public init(number: Int, cells: [String]) { self.number = number; self.cells = cells }
}

public enum CSV {
    /// A heading as an error message quotes it: a spreadsheet's 8 MB "heading" is cut to 40 characters.
    static func shortHeading(_ h: String) -> String { h.count > 40 ? String(h.prefix(37)) + "..." : h }

    /// The UTF-8 byte order mark: skipped when reading, written first so spreadsheets read Unicode.
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Every row of the file, in order, each read or refused on its own: a row with a
    /// different number of cells than the first row (the header), or with bytes that are not
    /// UTF-8, is a failure naming the row; the rows after it are still read. Blank lines are
    /// skipped (but counted). Throws only when the file cannot be split into rows at all
    /// (a quote that is never closed), naming the row where that quote opened.
    ///
    /// Cells may be quoted (`"a, b"`, `""` for a quote, line breaks inside); rows end with CRLF,
    /// LF or CR. A line break inside a quoted cell is kept as it is (CRLF or LF). A quote in the
    /// middle of an unquoted cell is kept as it is (`5'10"`).
    public static func rows(_ bytes: [UInt8]) throws(CSVError) -> [Result<CSVRow, CSVError>] {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        let n = bytes.count
        var i = bytes.starts(with: bom) ? bom.count : 0
        var row = 1
        var expected: Int?
        var out: [Result<CSVRow, CSVError>] = []
        while i < n {
            var cells: [[UInt8]] = []
            var problem: CSVError?
            var blank = true
            while true {
                var cell: [UInt8] = []
                if i < n, bytes[i] == quote {
                    blank = false
                    i += 1
                    while true {
                        guard i < n else {
                            throw CSVError(row: row, column: cells.count,
                                           "a quoted cell is never closed (its closing quote is missing)")
                        }
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote { cell.append(quote); i += 2; continue }
                            i += 1
                            break
                        }
                        cell.append(b)
                        i += 1
                    }
                    if i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        problem = problem ?? CSVError(row: row, column: cells.count,
                            "text after the closing quote of a quoted cell (inside quotes, write a quote as \"\")")
                        while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf { cell.append(bytes[i]); i += 1 }
                    }
                } else {
                    while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf { cell.append(bytes[i]); i += 1 }
                    if !cell.isEmpty { blank = false }
                }
                cells.append(cell)
                if i < n, bytes[i] == comma {
                    blank = false
                    i += 1
                    continue
                }
                if i < n {
                    if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 2 } else { i += 1 }
                }
                break
            }
            defer { row += 1 }
            if blank { continue }
            var text: [String] = []
            for (c, cell) in cells.enumerated() {
                guard let s = String(validating: cell, as: UTF8.self) else {
                    problem = problem ?? CSVError(row: row, column: c,
                        "not UTF-8 text (save the file as \"CSV UTF-8\")")
                    text.append("")
                    continue
                }
                text.append(s)
            }
            if let e = expected, cells.count != e {
                problem = CSVError(row: row, "\(cells.count) cells, but the header has \(e)"
                    + (cells.count > e ? " (a comma in a cell that is not in quotes?)" : ""))
            }
            if expected == nil { expected = cells.count }
            out.append(problem.map { .failure($0) } ?? .success(CSVRow(number: row, cells: text)))
        }
        return out
    }

    /// The whole file as rows of cells, header first; the first bad row is an error.
    public static func read(_ bytes: [UInt8]) throws(CSVError) -> [[String]] {
        var out: [[String]] = []
        for r in try rows(bytes) {
            switch r {
            case .success(let row): out.append(row.cells)
            case .failure(let e): throw e
            }
        }
        return out
    }

    /// The file: a UTF-8 byte order mark, then each row with CRLF after it.
    public static func write(_ rows: [[String]]) -> [UInt8] {
        var text = ""
        for r in rows { text += r.map(field).joined(separator: ",") + "\r\n" }
        return bom + Array(text.utf8)
    }

    /// One cell as written: quoted when it holds a comma, quote or line break. A cell that
    /// starts with `=` `+` `-` `@` (a formula to a spreadsheet), a tab or a CR, and is not a
    /// number, gets a `'` in front so that it stays text (`coord report --csv` does the same).
    public static func field(_ s: String) -> String {
        var t = s
        if let f = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), !isNumber(t) { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return t }
        var out = "\""
        for c in t { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out + "\""
    }

    /// A cell as Coord wrote it, less the `'` that `field` put before a formula character.
    public static func unprefixed(_ s: String) -> String {
        let u = s.unicodeScalars
        guard u.count >= 2, u.first == "'", "=+-@\t\r".unicodeScalars.contains(u[u.index(after: u.startIndex)]) else { return s }
        return String(String.UnicodeScalarView(u.dropFirst()))
    }

    /// `-40`, `+3.5`, `1e5`: a number to a spreadsheet, so not a formula. Only ASCII digits,
    /// signs, a point and an exponent (`-inf` and `0x1F` are not numbers here).
    static func isNumber(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }
            && s.unicodeScalars.contains { ("0"..."9").contains($0) } && Double(s) != nil
    }

    /// A spreadsheet's name for a column: 0 is A, 25 is Z, 26 is AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(Character(Unicode.Scalar(UInt8(65 + r)))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
