import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

/// Cost sheets as CSV: import (headings, row errors, foreign amounts, costs already in the
/// journal), export, and the round trip.
@Suite struct CostsCSVTests {
    static let today = CalendarDate(year: 2027, month: 2, day: 25)!

    /// The chart `Fixtures/make-costs-csv.py` codes to (the demo production's account codes).
    static let codes = ["1100", "1200", "1300", "1400", "1500", "1600", "2050", "2100", "2200", "2300", "2400", "2500",
                        "2600", "2700", "2800", "2900", "3050", "3100", "3200", "3300", "3400", "3500", "3600", "3700",
                        "3800", "3900", "4100", "4200", "4300", "4400", "4500", "4600", "5100", "5200", "5300", "5400"]
    static var chart: [String] {
        ["category add id=g1 code=1000 name=\"Above the line\" line=atl", "category add id=g2 code=2000 name=Crew"]
            + codes.map { "account add id=a\($0) code=\($0) category=\($0 < "2000" ? "1000" : "2000") description=\"Account \($0)\"" }
    }

    static func plan(_ csv: String, into model: Model) throws(ImportError) -> CostImport {
        try CostsCSV.importPlan(Array(csv.utf8), into: model, name: "costs.csv", today: today)
    }

    /// A small chart: 2100 Camera crew, 3100 Camera hire; a GBP production.
    static var small: Model {
        get throws {
            try USSFixtures.journal(["category add id=g2 code=2000 name=Crew", "account add id=a1 code=2100 category=2000 description=\"Camera crew\"",
                                     "account add id=a2 code=3100 description=\"Camera hire\""])
        }
    }

    /// The demo production's categories and accounts, without its costs.
    static var demoChart: [String] {
        DemoJournal.text.split(separator: "\n").map { String($0).trimmingWhitespace() }
            .filter { $0.hasPrefix("category add") || $0.hasPrefix("account add") }
    }

    static func withJournal<T>(_ body: (String) throws -> T) throws -> T {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("coord-costs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: d) }
        return try body(d.appendingPathComponent("p.journal").path)
    }

    // MARK: - The 10,000-row fixture

    static let fixtureProblems = [
        "row 39, column E (Net amount): '1.250,00' is ambiguous: ',' after '.' (write 1250.00)",
        "row 515, column B (Nominal code): no account with code 9999 (add it first: account add code=9999 description=...)",
        "row 1027, column A (Date): '2027-02-30' is not a real date",
        "row 2002, column A (Date): '03/04/2027' is not a date (write YYYY-MM-DD, e.g. 2027-03-01, or today); a spreadsheet's day/month/year date: format the column as YYYY-MM-DD before saving",
        "row 2503, column J (PO number): a commitment needs its PO number (po=...)",
        "row 3336, column E (Net amount): amount is required (Net amount: amount, e.g. 1,250.00)",
        "row 4099: 16 cells, but the header has 15 (a comma in a cell that is not in quotes?)",
        "row 5004, column L (Type): 'maybe' is not one of actual, commitment",
        "row 6005, column I (FX rate): a USD entry needs the exchange rate used (rate=, GBP per 1 USD)",
        "row 7011, column G (Gross): 125.00 is not net + VAT (100.00 + 20.00 = 120.00, columns E and F)",
        "row 8084, column J (PO number): PO PO-00001 is already open as row 2 of this file; record its invoice as kind=actual po=PO-00001",
        "row 9004, column E (Net amount): '$40.00' is not in GBP, the production's currency",
        "row 10002, column A (Date): date is required (Date: YYYY-MM-DD or today)",
    ]
    static let fixtureNotes = [
        "ignored (not a cost field): column O (Cost centre)",
        "column G (Gross) checked against net + VAT on each row (the net amount comes from column E (Net amount))",
        "19 rows give GBP as the currency: the production's own, so they are read as ordinary entries (no currency=; a rate of 1 is left out)",
    ]

    @Test func tenThousandRowsReportEachBadRowByRowAndColumnAndWriteNothing() throws {
        try Self.withJournal { path in
            let (store, _) = try ProductionStore.open(path: path, setAsideTorn: false)
            try store.perform(lines: Self.chart)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let r = try CostsCSV.importPlan(try USSFixtures.bytes("costs-10000.csv"), into: store.model,
                                            name: "costs-10000.csv", today: Self.today)
            #expect(r.rows == 10_000)
            #expect(r.problems == Self.fixtureProblems)
            #expect(r.badRows == [39, 515, 1027, 2002, 2503, 3336, 4099, 5004, 6005, 7011, 8084, 9004, 10002])
            #expect(r.plan.notes == Self.fixtureNotes)
            #expect(r.goodRows == 9987 && r.added == 9987 && r.alreadyInJournal == 0)
            #expect(r.commandsToWrite(skipBad: false) == nil)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing is written while a row is bad")
        }
    }

    @Test func skipBadWritesTheGoodRowsAndTheSummaryAddsUp() throws {
        try Self.withJournal { path in
            let (store, _) = try ProductionStore.open(path: path, setAsideTorn: false)
            try store.perform(lines: Self.chart)
            let bytes = try USSFixtures.bytes("costs-10000.csv")
            let r = try CostsCSV.importPlan(bytes, into: store.model, name: "costs-10000.csv", today: Self.today)
            let lines = try #require(r.commandsToWrite(skipBad: true))
            #expect(lines.count == 9987 && r.rowOfCommand.count == 9987)
            try store.perform(lines: lines)
            let m = try JournalReader.replay(try #require(try JournalReader.readBytes(path: path)), path: path).model
            #expect(m.costs.count == 9987)
            #expect(m.costs.values.filter(\.isCommitment).count == r.commitments && r.actuals + r.commitments == 9987)
            // The total net added is what the cost report now shows as actual, plus the commitments' amounts.
            let report = m.costReport(periodEnd: nil, today: Self.today)
            #expect(report.total.actual == r.netActual)
            #expect(m.costs.values.filter(\.isCommitment).reduce(Money.zero) { $0 + $1.homeAmount } == r.netCommitted)
            #expect(r.summary.hasPrefix("9987 costs added (\(r.actuals) actuals, \(r.commitments) commitments), net \(r.netAdded.grouped) GBP"))
            // Credit notes in brackets, dollar amounts on USD rows, the quoted cell with a line break.
            #expect(m.costs.values.contains { $0.amount?.isNegative == true })
            #expect(m.costs.values.contains { $0.currency == "USD" && $0.rate == "0.7912" })
            #expect(m.costs.values.contains { $0.description == "Hire, \"long\" lens\nreturned late" })
            #expect(!m.costs.values.contains { $0.currency == "GBP" })

            // Imported again: every good row is already there; the bad ones are still bad.
            let again = try CostsCSV.importPlan(bytes, into: m, name: "costs-10000.csv", today: Self.today)
            #expect(again.alreadyInJournal == 9987 && again.added == 0 && again.badRows == r.badRows)
            // The same bad rows; the second commitment on PO-00001 now meets the journal's.
            let po1 = try #require(m.commitmentByPO["PO-00001"])
            #expect(again.problems == Self.fixtureProblems.map {
                $0.hasPrefix("row 8084,") ? "row 8084, column J (PO number): PO PO-00001 is already open as \(po1); record its invoice as kind=actual po=PO-00001" : $0
            })
            #expect(again.commandsToWrite(skipBad: true) == [])
        }
    }

    // MARK: - Headings

    @Test func headingsAreMatchedByNameInAnyCaseAndOrder() throws {
        let r = try Self.plan("""
            SUPPLIER,Narrative,Nominal Code,Inv No.,Purchase order,Net (GBP),Tax,Type,Paid?,Authorised by,Posting date,Colour,,
            Kernow Hire,"Lens, 1 day",2100,KH-1,PO-7,"£1,250.00",250,po,Y,Jo,2027-03-01,blue,,
            ,,,,,,,,,,,,,
            Data Dock,Drives,3100,DD-2,,(45.00),,invoice,,,today,,x,
            """, into: try Self.small)
        #expect(r.problems.isEmpty)
        #expect(r.plan.commands == [
            "cost add date=2027-03-01 account=2100 vendor=\"Kernow Hire\" description=\"Lens, 1 day\" amount=£1,250.00 vat=250 po=PO-7 invoice=KH-1 kind=po paid=Y approved=Jo",
            "cost add date=today account=3100 vendor=\"Data Dock\" description=Drives amount=(45.00) invoice=DD-2 kind=invoice",
        ])
        #expect(r.rows == 2, "a blank row is not a cost")
        #expect(r.plan.notes == ["ignored (not a cost field): column L (Colour)",
                                 "ignored: columns M, N (no heading), filled in on 1 row"])
        #expect(r.summary == "2 costs added (1 actual, 1 commitment), net 1,205.00 GBP (actuals -45.00, commitments 1,250.00)")
    }

    @Test func grossLessVATIsTheNetWhenThereIsNoNetColumn() throws {
        let r = try Self.plan("Date,Code,Gross,VAT\n2027-03-01,2100,120.00,20.00\n2027-03-02,2100,99.99,\n2027-03-03,2100,,\n",
                              into: try Self.small)
        #expect(r.plan.commands == ["cost add date=2027-03-01 account=2100 amount=100.00 vat=20.00",
                                    "cost add date=2027-03-02 account=2100 amount=99.99"])
        #expect(r.problems == ["row 4, column C (Gross): amount is required (Net amount: amount, e.g. 1,250.00)"])
        #expect(r.plan.notes == ["net amounts worked out as column C (Gross) less column D (VAT)"])
    }

    @Test func twoColumnsForOneFieldAndWorkedOutColumnsAreNoted() throws {
        let r = try Self.plan("Date,Account,Nominal,Account name,Amount,Net in GBP,Open on PO\n2027-03-01,,3100,Whatever,10,99,\n",
                              into: try Self.small)
        #expect(r.plan.commands == ["cost add date=2027-03-01 account=3100 amount=10"])
        #expect(r.plan.notes == [
            "not read (Coord works them out from the other columns): columns D (Account name), F (Net in GBP), G (Open on PO)",
            "columns B (Account) and C (Nominal) both give the account: on each row the first one filled in is used",
        ])
    }

    @Test func aSheetWithoutAccountOrAmountOrCommasIsRefused() throws {
        let m = try Self.small
        func refusal(_ csv: String) -> String? { (#expect(throws: ImportError.self) { try Self.plan(csv, into: m) })?.message }
        #expect(refusal("Date,Supplier,Amount\n2027-03-01,x,1\n")
            == "costs.csv has no column for the account (a heading such as Account, Code, Nominal code or Budget code) (the headings are A (Date), B (Supplier), C (Amount))")
        #expect(refusal("Date,Code,Supplier\n2027-03-01,2100,x\n")
            == "costs.csv has no column for the net amount (a heading such as Net, Amount, or Gross with VAT) (the headings are A (Date), B (Code), C (Supplier))")
        #expect(refusal("Date;Account;Net\n2027-03-01;2100;1.250,00\n")
            == "costs.csv: its cells are separated by ';', not commas (what Excel saves as \"CSV\" where a comma is the decimal point): save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\", with amounts written 1250.00")
        #expect(refusal("Date\tAccount\tNet\n2027-03-01\t2100\t1\n")
            == "costs.csv: its cells are separated by tabs, not commas (tab-delimited text): save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\"")
        #expect(refusal("Date,Account,Net\r\n") == "costs.csv has no rows under its header: nothing to import")
        #expect(refusal("") == "costs.csv is empty: nothing to import")
        #expect(refusal("Account,Net,Memo\n2100,1,\"open\n") == "costs.csv: row 2, column C: a quoted cell is never closed (its closing quote is missing)")
    }

    @Test func noDateColumnDatesEveryCostToday() throws {
        let r = try Self.plan("Account,Net\n2100,10\n", into: try Self.small)
        #expect(r.plan.commands == ["cost add account=2100 amount=10"])
        #expect(r.plan.notes == ["no Date column: every cost is dated today (2027-02-25)"])
    }

    // MARK: - Foreign currency

    @Test func foreignAmountsMayCarryTheirOwnSymbolButNotAnother() throws {
        let r = try Self.plan("""
            Date,Account,Net,VAT,Currency,Rate
            2027-03-01,2100,$100.00,$20.00,usd,0.79
            2027-03-01,2100,€100.00,,USD,0.79
            2027-03-01,2100,100.00,,GBP,1.0
            2027-03-01,2100,100.00,,GBP,1.2
            2027-03-01,2100,(€40),,EUR,0.8571
            """, into: try Self.small)
        #expect(r.plan.commands == ["cost add date=2027-03-01 account=2100 amount=100.00 vat=20.00 currency=usd rate=0.79",
                                    "cost add date=2027-03-01 account=2100 amount=100.00",
                                    "cost add date=2027-03-01 account=2100 amount=(40) currency=EUR rate=0.8571"])
        #expect(r.problems == ["row 3, column C (Net): '€100.00' is not in USD, this row's currency (column E)",
                               "row 5, column F (Rate): rate= goes with currency= of a foreign-currency entry"])
        #expect(r.netAdded == Money(minor: 7900 + 10000 - 3428))
    }

    // MARK: - Round trip and export

    @Test func demoExportReimportsToTheSameBytesAndIntoItsOwnJournalAddsNothing() throws {
        let demo = try USSFixtures.demo
        let csv = try CostsCSV.export(demo)
        #expect(csv.costs == demo.costs.count && csv.actuals + csv.commitments == csv.costs)

        // Into a journal with the same chart: the same costs, and the same file again.
        let chart = try USSFixtures.journal(Self.demoChart)
        let r = try CostsCSV.importPlan(csv.bytes, into: chart, name: "costs.csv", today: Self.today)
        #expect(r.problems.isEmpty && r.added == demo.costs.count)
        #expect(r.plan.notes == ["not read (Coord works them out from the other columns): columns C (Account name), J (Net in GBP), Q (Open on PO)"])
        let copy = try USSFixtures.journal(Self.demoChart + r.plan.commands)
        #expect(try CostsCSV.export(copy).bytes == csv.bytes)
        func figures(_ m: Model) -> [String: [Money]] {
            let open = m.openCommitments()
            return Dictionary(grouping: m.costs.values, by: \.account).mapValues { cs in
                [cs.reduce(.zero) { $0 + ($1.isCommitment ? .zero : $1.homeAmount) }, cs.reduce(.zero) { $0 + (open[$1.id] ?? .zero) }]
            }
        }
        #expect(figures(copy) == figures(demo), "per account: the same actuals and the same open on POs")
        #expect(copy.costReport(periodEnd: nil, today: Self.today).total.actual == demo.costReport(periodEnd: nil, today: Self.today).total.actual)

        // Into its own journal: every row is already there.
        let again = try CostsCSV.importPlan(csv.bytes, into: demo, name: "costs.csv", today: Self.today)
        #expect(again.alreadyInJournal == demo.costs.count && again.plan.commands.isEmpty && again.problems.isEmpty)
    }

    @Test func exportWritesDateOrderOpenPOsAndFormulaSafeCells() throws {
        let m = try USSFixtures.journal([
            "account add id=a1 code=2100 description=\"Camera, crew\"",
            "cost add id=k2 date=2027-03-05 account=2100 vendor=\"=HYPERLINK(1)\" description=\"two\\nlines\" amount=300 po=PO-1 invoice=I-2",
            "cost add id=k1 date=2027-03-01 account=2100 vendor=\"+Plus Hire\" amount=1000 po=PO-1 kind=commitment",
            "cost add id=k3 date=2027-03-05 account=2100 vendor=\"-40 Ltd\" amount=-40 vat=-8 currency=EUR rate=0.5 paid=yes approved=\"@jo\"",
        ])
        let e = try CostsCSV.export(m)
        #expect(Array(e.bytes.prefix(3)) == CSV.bom)
        let text = String(decoding: e.bytes.dropFirst(3), as: UTF8.self)
        #expect(text == """
            Date,Account,Account name,Vendor,Description,Net,VAT,Currency,Rate,Net in GBP,PO,Invoice,Kind,Paid,PO closed,Approved,Open on PO\r
            2027-03-01,2100,"Camera, crew",'+Plus Hire,,1000.00,,,,1000.00,PO-1,,commitment,,,,700.00\r
            2027-03-05,2100,"Camera, crew",'=HYPERLINK(1),"two
            lines",300.00,,,,300.00,PO-1,I-2,actual,,,,\r
            2027-03-05,2100,"Camera, crew",'-40 Ltd,,-40.00,-8.00,EUR,0.5,-20.00,,,actual,yes,,'@jo,\r

            """)
        #expect((e.costs, e.actuals, e.commitments) == (3, 2, 1))
        #expect(throws: ScheduleExportError.self) { try CostsCSV.export(Model()) }
    }
}
