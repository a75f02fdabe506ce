import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

/// Crew lists as CSV: the reader and writer, import (headings, row errors, updates) and export.
@Suite struct CrewCSVTests {
    static let today = CalendarDate(year: 2027, month: 2, day: 25)!

    static func fixture(_ name: String) throws -> [UInt8] { try USSFixtures.bytes(name) }

    static func plan(_ csv: String, into model: Model = Model()) throws(ImportError) -> CrewImport {
        try CrewCSV.importPlan(Array(csv.utf8), into: model, name: "crew.csv", today: today)
    }

    /// A journal in a temporary directory; `body` gets its path.
    static func withJournal<T>(_ body: (String) throws -> T) throws -> T {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("coord-crew-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: d) }
        return try body(d.appendingPathComponent("p.journal").path)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - The reader and writer

    @Test func readsQuotedCellsWithCommasQuotesAndLineBreaks() throws {
        let rows = try CSV.read(Array("\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n1,,3".utf8))
        #expect(rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["1", "", "3"]])
        // A trailing comma is an empty last cell; blank lines are skipped but counted.
        let r = try CSV.rows(Array("h1,h2\n\nx,\n".utf8))
        #expect(r.map { try? $0.get() } == [CSVRow(number: 1, cells: ["h1", "h2"]), CSVRow(number: 3, cells: ["x", ""])])
        #expect(try CSV.read(Array("a\rb\r".utf8)) == [["a"], ["b"]])
    }

    @Test func raggedRowsAndBadUTF8NameTheRow() throws {
        let rows = try CSV.rows(Array("a,b\n\"1\n2\",x\nc,d,e\nf\n".utf8) + [0x67, 0xFF, 0x2C, 0x68, 0x0A])
        let errors = rows.compactMap { r -> String? in if case .failure(let e) = r { return e.description }; return nil }
        #expect(errors == ["row 3: 3 cells, but the header has 2 (a comma in a cell that is not in quotes?)",
                           "row 4: 1 cells, but the header has 2",
                           "row 5, column A: not UTF-8 text (save the file as \"CSV UTF-8\")"])
        #expect(throws: CSVError(row: 3, "3 cells, but the header has 2 (a comma in a cell that is not in quotes?)")) {
            try CSV.read(Array("a,b\n1,2\n1,2,3\n".utf8))
        }
        #expect(throws: CSVError(row: 2, column: 1, "a quoted cell is never closed (its closing quote is missing)")) {
            try CSV.read(Array("a,b\n1,\"2\n3,4\n".utf8))
        }
        #expect(throws: CSVError(row: 2, column: 0, "text after the closing quote of a quoted cell (inside quotes, write a quote as \"\")")) {
            try CSV.read(Array("a,b\n\"1\"x,2\n".utf8))
        }
    }

    @Test func writesCRLFWithABOMQuotingWhenNeededAndFormulasInert() throws {
        let bytes = CSV.write([["Name", "Notes"], ["Zoë, \"Z\"", "=SUM(A1)"], ["-40", "+44 7700 900123"], ["@x", "-"]])
        #expect(Array(bytes.prefix(3)) == CSV.bom)
        #expect(Self.text(Array(bytes.dropFirst(3))) ==
            "Name,Notes\r\n\"Zoë, \"\"Z\"\"\",'=SUM(A1)\r\n-40,'+44 7700 900123\r\n'@x,'-\r\n")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("-inf") == "'-inf")
        #expect(CSV.unprefixed("'=SUM(A1)") == "=SUM(A1)" && CSV.unprefixed("'tis") == "'tis")
        #expect(CSV.columnName(0) == "A" && CSV.columnName(25) == "Z" && CSV.columnName(26) == "AA" && CSV.columnName(701) == "ZZ")
    }

    // MARK: - Import: the 200-person fixture

    static let fixtureProblems = [
        "row 7, column E (Email): 'jo@' is not an email address",
        "row 23, column F (Day rate): '1,25' is ambiguous: ',' must separate thousands (1,250.00) — for decimals use '.'",
        "row 58: 15 cells, but the header has 14 (a comma in a cell that is not in quotes?)",
        "row 120, column G (Status): 'TBC' is not one of pencilled, confirmed, released",
    ]

    @Test func theFixtureReportsEachBadRowByRowAndColumn() throws {
        let r = try CrewCSV.importPlan(try Self.fixture("crew-200.csv"), into: Model(), name: "crew-200.csv", today: Self.today)
        #expect(r.rows == 200)
        #expect(r.problems == Self.fixtureProblems)
        #expect(r.badRows == [7, 23, 58, 120])
        #expect(r.goodRows == 196 && r.added == 196 && r.updated == 0)
        #expect(r.plan.notes == ["ignored (not a crew field): column N (T-shirt size)"])
        #expect(r.commandsToWrite(skipBad: false) == nil)
    }

    @Test func nothingIsWrittenWhenAnyRowIsBad() throws {
        try Self.withJournal { path in
            let (store, _) = try ProductionStore.open(path: path, setAsideTorn: false)
            try store.perform(lines: ["crew add name=\"Iona Firth\" dept=Cast castno=1"])
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let r = try CrewCSV.importPlan(try Self.fixture("crew-200.csv"), into: store.model, name: "crew-200.csv", today: Self.today)
            #expect(r.commandsToWrite(skipBad: false) == nil)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            // The fixture's cast number 1 is taken in this journal: one more bad row.
            #expect(r.problems.count == 5)
            #expect(r.problems.contains { $0.hasSuffix("column I (Cast no.): cast number 1 is Iona Firth's") })
        }
    }

    @Test func skipBadWritesTheGoodRows() throws {
        try Self.withJournal { path in
            let (store, _) = try ProductionStore.open(path: path, setAsideTorn: false)
            let r = try CrewCSV.importPlan(try Self.fixture("crew-200.csv"), into: store.model, name: "crew-200.csv", today: Self.today)
            let lines = try #require(r.commandsToWrite(skipBad: true))
            #expect(lines.count == 196)
            try store.perform(lines: lines)
            let m = try JournalReader.replay(try #require(try JournalReader.readBytes(path: path)), path: path).model
            #expect(m.crew.count == 196)
            let names = Set(m.crew.values.map(\.name))
            #expect(!names.contains("Freya Smith") && !names.contains("Poppy Mensah"))
            #expect(names.isSuperset(of: ["Zoë Müller", "山田 花子", "Łukasz Wróbel", "Siobhán Ní Bhriain"]))
            // The quoted address with a comma and a line break, a quote in the notes, and a formula kept as text.
            let tom = try #require(m.crew.values.first { $0.name == "Tom Carter" })
            #expect(tom.address == "Flat 2, The Old Sail Loft\nWharf Road, St Ives")
            #expect(tom.notes == "Prefers \"Jo\"; drives the unit car, not the minibus")
            #expect(tom.dept == "Direction" && tom.status == "confirmed" && tom.rate == Money(minor: 45000))
            #expect(m.crew.values.first { $0.name == "Grace Nowak" }?.notes == "=HYPERLINK(\"http://example.com\")")
            // Department spellings become Coord's; others are kept.
            #expect(Set(m.crew.values.map(\.dept)).isSuperset(of: ["Electric", "Costume", "Hair & Make-up", "Grip", "Art", "Stunts", "Drone"]))
            #expect(m.crew.values.filter { !$0.castNumber.isEmpty }.count == 20)
        }
    }

    // MARK: - Import: headings, names, updates

    @Test func headingsAreMatchedByNameInAnyCaseAndOrder() throws {
        let r = try Self.plan("""
            E-MAIL,position,Dept.,Tel,Full Name,Booking,Company,Shoe size,Day Rate,Cast #,Next of kin,allergies,,Comments
            zoe@example.com,1st AC,sparks,07700 900123,Zoë Müller,conf,Kit Ltd,5,"1,250",,Ann 07700 900999,nuts,,ok
            """)
        #expect(r.problems.isEmpty)
        #expect(r.plan.commands == ["crew add name=\"Zoë Müller\" role=\"1st AC\" dept=sparks phone=\"07700 900123\" email=zoe@example.com rate=1,250 status=conf agent=\"Kit Ltd\" dietary=nuts emergency=\"Ann 07700 900999\" notes=ok"])
        #expect(r.plan.notes == ["ignored (not a crew field): column H (Shoe size)"])
    }

    @Test func firstNameAndSurnameColumnsMakeTheName() throws {
        let r = try Self.plan("First name,Surname,Role\nZoë,Müller,1st AC\n,Okonjo,Driver\n,,\n")
        #expect(r.plan.commands == ["crew add name=\"Zoë Müller\" role=\"1st AC\"", "crew add name=Okonjo role=Driver"])
        #expect(r.plan.notes == ["names made from columns A (First name) and B (Surname)"])
        #expect(r.rows == 2, "an empty row is not a person")
        // With a Name column too, the name comes from it; of two name columns, the first filled in.
        let both = try Self.plan("Name,Surname,Contact name\nZoë Müller,Müller,Zoë\n,Okonjo,Sam Okonjo\n")
        #expect(both.plan.commands == ["crew add name=\"Zoë Müller\"", "crew add name=\"Sam Okonjo\""])
        #expect(both.plan.notes == ["ignored: column B (Surname) (the name comes from columns A (Name) and C (Contact name))",
                                    "columns A (Name) and C (Contact name) both give the name: on each row the first one filled in is used"])
    }

    @Test func aFileWithoutANameColumnOrRowsIsRefused() throws {
        func refusal(_ csv: String) -> String? { (#expect(throws: ImportError.self) { try Self.plan(csv) })?.message }
        #expect(refusal("Who,Role\nx,y\n") == "crew.csv has no column for the name (a heading such as Name or Full name; the headings are A (Who), B (Role))")
        #expect(refusal("Name,Role\r\n") == "crew.csv has no rows under its header: nothing to import")
        #expect(refusal("\u{FEFF}") == "crew.csv is empty: nothing to import")
        #expect(refusal("Name;Role\nAnn;Driver\n") == "crew.csv: its cells are separated by ';', not commas (save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\")")
        #expect(refusal("Name,Notes\nAnn,\"open\n") == "crew.csv: row 2, column B: a quoted cell is never closed (its closing quote is missing)")
    }

    @Test func rowsWithoutANameOrTwiceTheSamePersonAreBad() throws {
        let r = try Self.plan("Name,Role\nZoë Müller,1st AC\n,Driver\nzoë  müller,2nd AC\n")
        #expect(r.problems == ["row 3, column A (Name): no name (every person needs one)",
                               "row 4, column A (Name): zoë  müller is also on row 2 (one row per person)"])
        #expect(r.plan.commands.count == 1 && r.rowOfCommand == [2])
    }

    @Test func aPersonAlreadyInTheJournalIsUpdatedWithOnlyTheChangedFields() throws {
        let m = try USSFixtures.journal([
            "crew add id=c1 name=\"Zoë Müller\" role=\"1st AC\" dept=Camera rate=350 status=pencilled",
            "crew add id=c2 name=\"Tom Keeper\" role=Gaffer dept=Electric",
        ])
        let r = try Self.plan("""
            Name,Role,Department,Day rate,Status,Email
            ZOË MÜLLER,1st AC,camera,£350.00,Confirmed,
            Tom Keeper,Gaffer,Sparks,,,
            Ann Other,Driver,Transport,,,ann@example.com
            """, into: m)
        #expect(r.plan.commands == ["crew set id=c1 status=Confirmed", "crew add name=\"Ann Other\" role=Driver dept=Transport email=ann@example.com"])
        #expect((r.added, r.updated, r.unchanged) == (1, 1, 1))
        #expect(r.summary == "3 people: 1 added, 1 updated (already in the journal, matched by name: only the changed fields are set), 1 unchanged (already in the journal)")
        let after = try USSFixtures.journal(["crew add id=c1 name=\"Zoë Müller\" rate=350", "crew add id=c2 name=\"Tom Keeper\""] + r.plan.commands)
        #expect(after.crew.count == 3 && after.crew["c1"]?.status == "confirmed" && after.crew["c1"]?.rate == Money(minor: 35000))
    }

    @Test func errorsOnAnUpdateNameTheColumnTheyCameFrom() throws {
        let m = try USSFixtures.journal(["crew add id=c1 name=Ann castno=1", "crew add id=c2 name=Bob"])
        let r = try Self.plan("Name,Cast number,Mobile,Drop after\nBob,1,07700 900123,\nCara,,12ab,x\n", into: m)
        #expect(r.problems == ["row 2, column B (Cast number): cast number 1 is Ann's",
                               "row 3, column C (Mobile): '12ab' is not a phone number (digits, spaces and + - ( ) . only)"])
    }

    // MARK: - Export

    @Test func exportLeavesPersonalDataOutUnlessAskedAndSaysWhich() throws {
        let m = try USSFixtures.journal([
            "crew add id=c1 name=\"Zoë Müller\" role=\"1st AC\" dept=Camera phone=\"+44 7700 900123\" email=zoe@example.com rate=350 address=\"1 Quay Rd\" emergency=\"Ann 07700 900999\" dietary=vegan access=\"step-free\" notes=\"Own car\"",
            "crew add id=c2 name=\"Iona Firth\" role=Mara dept=Cast castno=1 agent=\"Curtis Brown\"",
            "crew add id=c3 name=\"Sian Rowe\" role=Producer dept=Production",
            "crew add id=c4 name=\"Kit Hart\" role=\"Stunt Coordinator\" dept=Stunts",
            "crew add id=c5 name=\"No Dept\"",
        ])
        let plain = try CrewCSV.export(m, personal: false)
        let text = Self.text(plain.bytes)
        #expect(plain.leftOut == ["Phone", "Email", "Address", "Emergency contact", "Dietary", "Access"])
        for secret in ["7700", "zoe@", "Quay", "Ann", "vegan", "step-free"] { #expect(!text.contains(secret)) }
        let rows = try CSV.read(plain.bytes)
        #expect(rows[0] == ["Name", "Role", "Department", "Status", "Deal memo", "Rate", "Rate per", "Overtime", "VAT registered",
                            "Agent/company", "Cast no.", "Hold or drop", "Drop after", "Unavailable", "Notes", "Budget account"])
        #expect(rows.dropFirst().map { $0[0] } == ["Sian Rowe", "Zoë Müller", "Iona Firth", "Kit Hart", "No Dept"])
        #expect(rows[2][5] == "350.00" && rows[2][14] == "Own car")

        let full = try CrewCSV.export(m, personal: true)
        #expect(full.leftOut.isEmpty && full.headings.count == 22)
        #expect(Self.text(full.bytes).contains("'+44 7700 900123,zoe@example.com,1 Quay Rd,Ann 07700 900999,vegan,step-free\r\n"))
        #expect(throws: ScheduleExportError.self) { try CrewCSV.export(Model(), personal: true) }
    }

    /// 200 people with awkward values: exported with personal data, imported into a new
    /// journal they are the same people; imported into their own journal they change nothing.
    @Test func twoHundredPeopleRoundTrip() throws {
        let depts = Choices.departments + ["Stunts", "Drone", ""]
        var lines: [String] = []
        for i in 0..<200 {
            let d = depts[i % depts.count]
            var pairs: [(String, String)] = [("name", i % 7 == 0 ? "Zoë Müller-\(i) 🎬" : "Person \(i), \"Jr\"")]
            pairs += [("role", i % 5 == 0 ? "=cmd|' /C calc'!A0" : "Role \(i)"), ("dept", d),
                      ("phone", "+44 7700 9\(String(format: "%05d", i))"), ("email", "p\(i)@example.com"),
                      ("rate", "\(100 + i).50"), ("status", ["pencilled", "confirmed", "released"][i % 3]),
                      ("agent", i % 4 == 0 ? "Agent, Ltd; \"Co\"" : ""), ("ratetype", ["day", "week", "flat"][i % 3]),
                      ("ot", i % 6 == 0 ? "1.5x after 10h\nDouble on 6th day" : ""), ("vat", i % 2 == 0 ? "yes" : "no"),
                      ("memo", ["not-sent", "sent", "signed"][i % 3]), ("dietary", i % 9 == 0 ? "-nuts, +gluten" : ""),
                      ("access", i % 11 == 0 ? "step-free access" : ""), ("emergency", "Kin \(i) 07700 900\(i % 10)"),
                      ("address", "\(i) Harbour Row,\r\nPenzance"), ("notes", i % 3 == 0 ? "@mention \t tab" : "")]
            if d == "Cast" { pairs += [("castno", "\(i)"), ("hold", "drop"), ("dropdays", "3"), ("unavailable", "2027-03-0\(i % 9 + 1)")] }
            lines.append(LineGrammar.line(noun: "crew", verb: "add", pairs: pairs))
        }
        let original = try USSFixtures.journal(lines)
        #expect(original.crew.count == 200)
        let csv = try CrewCSV.export(original, personal: true)
        #expect(csv.people == 200)

        // Into a new journal: the same people, field for field.
        let r = try CrewCSV.importPlan(csv.bytes, into: Model(), name: "out.csv", today: Self.today)
        #expect(r.problems.isEmpty && r.added == 200)
        let copy = try USSFixtures.journal(r.plan.commands)
        func fields(_ m: Model) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: m.crew.values.map { p in
                (p.name, Noun.crew.fields.map { p.value($0.key).journalText })
            })
        }
        #expect(fields(copy) == fields(original))
        #expect(try CrewCSV.export(copy, personal: true).bytes == csv.bytes)

        // Into its own journal: everyone is already there, unchanged.
        let again = try CrewCSV.importPlan(csv.bytes, into: original, name: "out.csv", today: Self.today)
        #expect(again.plan.commands.isEmpty && again.unchanged == 200 && again.problems.isEmpty)
    }
}
