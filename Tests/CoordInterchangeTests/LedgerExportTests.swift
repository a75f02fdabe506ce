import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

/// `coord export ledger`: the layout, names tidied for ledger's syntax, and the real ledger
/// binary's `balance --flat ^Expenses` against the cost report's actual to date.
@Suite struct LedgerExportTests {
    static let today = CalendarDate(year: 2027, month: 2, day: 25)!

    /// A program on the PATH (ledger, hledger), or nil when it is not installed.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
    static let ledger = tool("ledger")
    static let hledger = tool("hledger")

    /// Runs a program; its exit status, standard output and standard error.
    static func run(_ program: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// The export written to a temporary file; `body` gets its path.
    static func withExport<T>(_ m: Model, _ body: (String, LedgerExportResult) throws -> T) throws -> T {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("coord-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: d) }
        let e = try LedgerExport.export(m, source: "film.journal")
        let path = d.appendingPathComponent("costs.journal").path
        try Data(e.bytes).write(to: URL(fileURLWithPath: path))
        return try body(path, e)
    }

    /// `ledger balance --flat ^Expenses` per account code (the first word of the last name part).
    static func ledgerBalances(_ path: String) throws -> [String: Money] {
        let r = try run(ledger!, ["-f", path, "balance", "--flat", "--no-total", "^Expenses",
                                  "-F", "%(account)\\t%(quantity(scrub(display_total)))\\n"])
        #expect(r.status == 0 && r.err.isEmpty, "ledger: \(r.err)")
        var out: [String: Money] = [:]
        for line in r.out.split(separator: "\n") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 2, let leaf = cells[0].split(separator: ":").last,
                  let code = leaf.split(separator: " ").first,
                  case .success(let m) = Money.parse(String(cells[1])) else {
                Issue.record("ledger printed a line this test cannot read: \(line)")
                continue
            }
            #expect(out[String(code)] == nil, "two ledger accounts for code \(code)")
            out[String(code)] = m
        }
        return out
    }

    /// Every account of the cost report: its actual to date equals ledger's balance (none: 0).
    static func expectLedgerMatchesCostReport(_ m: Model) throws {
        try withExport(m) { path, e in
            let balances = try ledgerBalances(path)
            let report = m.costReport(periodEnd: nil, today: today)
            let accounts = report.lines.filter { $0.kind == .account }
            #expect(!accounts.isEmpty)
            for a in accounts {
                #expect((balances[a.code] ?? .zero) == a.figures.actual,
                        "account \(a.code) \(a.title): ledger \(balances[a.code]?.plain ?? "none"), cost report \(a.figures.actual.plain)")
            }
            #expect(Set(balances.keys).isSubset(of: Set(accounts.map(\.code))), "ledger has accounts the chart does not")
            #expect(report.total.actual == e.netTotal)
            // The whole file balances and reads without a warning.
            let all = try run(Self.ledger!, ["-f", path, "balance", "--flat"])
            #expect(all.status == 0 && all.err.isEmpty, "ledger: \(all.err)")
        }
    }

    /// A production built to trip ledger up: names with colons, two spaces, semicolons, quotes,
    /// brackets, emoji, tabs and control characters; credit notes; foreign currency with VAT;
    /// paid and unpaid; a commitment partly invoiced; an account with no category.
    static var hostile: Model {
        get throws {
            func l(_ noun: String, _ pairs: [(String, String)]) -> String { LineGrammar.line(noun: noun, verb: "add", pairs: pairs) }
            return try USSFixtures.journal([
                "production set title=\"Hostile: \\\"Names\\\"\" currency=GBP",
                l("category", [("id", "c1"), ("code", "1000"), ("name", "Story: rights;  \"cast\"\t[ATL] 🎬"), ("line", "atl")]),
                l("category", [("id", "c2"), ("code", "2000"), ("name", "(Crew) *and* !kit"), ("line", "btl")]),
                l("account", [("id", "a1"), ("code", "1100"), ("category", "1000"), ("description", "[Rights]: option;  \u{7}bell \u{202E}rtl")]),
                l("account", [("id", "a2"), ("code", "2100"), ("category", "2000"), ("description", "@Camera  crew 🎥 \"A\"")]),
                l("account", [("id", "a3"), ("code", "9.1/x-2"), ("description", "*: No category ;")]),
                l("account", [("id", "a4"), ("code", "3000"), ("category", "2000"), ("description", "Never used")]),
                l("cost", [("id", "k1"), ("date", "2027-03-01"), ("account", "1100"), ("vendor", "(Acme) \"Quotes\" Ltd; 10%  off @ 🎬\t\u{1}!"),
                           ("description", "Option: [2027/99/99] line one\nline two; date: TBC"), ("amount", "1250.00"), ("vat", "250.00"),
                           ("invoice", "INV;1  x"), ("po", "PO: 1"), ("paid", "yes")]),
                l("cost", [("id", "k2"), ("date", "2027-03-02"), ("account", "1100"), ("vendor", "*Star* Hire"),
                           ("amount", "-40.00"), ("vat", "-8.00"), ("description", "Credit note")]),
                l("cost", [("id", "k3"), ("date", "2027-03-02"), ("account", "2100"), ("vendor", "!Bang  Co"),
                           ("amount", "1000.00"), ("vat", "200.00"), ("currency", "EUR"), ("rate", "0.8571")]),
                l("cost", [("id", "k4"), ("date", "2027-03-03"), ("account", "2100"), ("vendor", "   "), ("amount", "0.05"),
                           ("currency", "USD"), ("rate", "0.5"), ("paid", "yes")]),
                l("cost", [("id", "k5"), ("date", "2027-03-03"), ("account", "9.1/x-2"), ("vendor", "Zoë; \u{1F3AC}"), ("amount", "(12.34)")]),
                l("cost", [("id", "k6"), ("date", "2027-03-04"), ("account", "2100"), ("vendor", "Lens Co"), ("amount", "500.00"),
                           ("po", "PO-9"), ("kind", "commitment")]),
                l("cost", [("id", "k7"), ("date", "2027-03-05"), ("account", "2100"), ("vendor", "Lens Co"), ("amount", "200.00"),
                           ("po", "PO-9"), ("invoice", "L-1")]),
                l("cost", [("id", "k8"), ("date", "2027-03-05"), ("account", "9.1/x-2"), ("vendor", "Credit; only"), ("amount", "-99.99")]),
            ])
        }
    }

    // MARK: - With the real ledger

    @Test(.enabled(if: ledger != nil, "ledger is not installed (apt-get install ledger): the check against the real binary is skipped"))
    func demoLedgerBalanceIsTheCostReportActualToDate() throws {
        try Self.expectLedgerMatchesCostReport(try USSFixtures.demo)
    }

    @Test(.enabled(if: ledger != nil, "ledger is not installed (apt-get install ledger): the check against the real binary is skipped"))
    func hostileNamesCreditNotesAndForeignCurrencyStillBalance() throws {
        let m = try Self.hostile
        try Self.expectLedgerMatchesCostReport(m)
        try Self.withExport(m) { path, _ in
            // Payees come through tidied, and ledger reads every transaction.
            let r = try Self.run(Self.ledger!, ["-f", path, "register", "--format", "%(payee)\\n", "^Liabilities|^Assets:Bank"])
            #expect(r.status == 0 && r.err.isEmpty)
            #expect(r.out.split(separator: "\n").map(String.init) == [
                "Acme) \"Quotes\" Ltd, 10% off @ 🎬 !", "Star* Hire", "Bang Co", "No vendor", "Zoë, 🎬", "Lens Co", "Credit, only",
            ])
        }
    }

    @Test(.enabled(if: hledger != nil, "hledger is not installed: the hledger check is skipped"))
    func hledgerReadsItToo() throws {
        for m in [try USSFixtures.demo, try Self.hostile] {
            try Self.withExport(m) { path, e in
                let r = try Self.run(Self.hledger!, ["-f", path, "balance", "--flat", "--no-total", "^Expenses", "-O", "csv"])
                #expect(r.status == 0 && r.err.isEmpty, "hledger: \(r.err)")
                var total = Money.zero
                for line in r.out.split(separator: "\n").dropFirst() {
                    let cells = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                    if case .success(let m)? = cells.last.map({ Money.parse($0.replacingOccurrences(of: " GBP", with: "")) }) { total += m }
                }
                #expect(total == e.netTotal)
                let check = try Self.run(Self.hledger!, ["-f", path, "check", "accounts", "commodities", "ordereddates"])
                #expect(check.status == 0, "hledger check: \(check.err)")
            }
        }
    }

    // MARK: - The layout (no ledger needed)

    @Test func namesAreTidiedForLedgersSyntax() {
        #expect(LedgerExport.part("Story: rights;  \"cast\"\t[ATL] 🎬") == "Story - rights, \"cast\" [ATL] 🎬")
        #expect(LedgerExport.part("[Rights]: option") == "Rights] - option")
        #expect(LedgerExport.part(" ;@(*![x") == "x")
        #expect(LedgerExport.part("a\u{7}b\u{202E}c\u{0}d\r\ne") == "abcd e")
        #expect(LedgerExport.part("\u{1}", fallback: "2100") == "2100")
        #expect(LedgerExport.payeeName("(Acme): 10%  off;\tnow") == "Acme): 10% off, now")
        #expect(LedgerExport.payeeName("*Star*") == "Star*")
    }

    @Test func oneTransactionPerActualWithVATAndTheBalancingAccount() throws {
        let m = try USSFixtures.journal([
            "category add id=g1 code=3000 name=\"Production costs\"",
            "account add id=a1 code=3100 category=3000 description=\"Camera hire\"",
            "account add id=a2 code=3200 description=Lighting",
            "cost add id=k1 date=2027-03-01 account=3100 vendor=\"Kernow Hire\" description=\"Lens\\nMacro\" amount=1250 vat=250 po=PO-1 invoice=KH-1 paid=yes approved=Jo",
            "cost add id=k2 date=2027-02-28 account=3100 vendor=\"Nordlys\" amount=3000 currency=NOK rate=0.0731",
            "cost add id=k3 date=2027-02-01 account=3200 vendor=\"Brunel\" amount=1850 po=PO-2 kind=commitment",
        ])
        let e = try LedgerExport.export(m, source: "film.journal")
        #expect((e.transactions, e.openPOs, e.accounts, e.netTotal) == (2, 1, 2, Money(minor: 125_000 + 21_930)))
        let text = String(decoding: e.bytes, as: UTF8.self)
        #expect(text.contains("""
            ; Commitments (purchase orders) are not actuals and are not posted. Still open on them:
            ;   PO-2  2027-02-01  3200  Brunel  1,850.00 GBP
            ;   total open on these POs: 1,850.00 GBP

            commodity GBP

            account Expenses:BTL:3000 Production costs:3100 Camera hire
            account Expenses:BTL:No category:3200 Lighting
            account Assets:VAT reclaimable
            account Assets:Bank
            account Liabilities:Accounts payable

            2027/02/28 ! (k2) Nordlys
                Expenses:BTL:3000 Production costs:3100 Camera hire    219.30 GBP  ; 3000.00 NOK at 0.0731 GBP per NOK
                Liabilities:Accounts payable                          -219.30 GBP

            2027/03/01 * (k1) Kernow Hire
                ; Lens
                ; Macro
                ; invoice: KH-1
                ; po: PO-1
                ; approved: Jo
                Expenses:BTL:3000 Production costs:3100 Camera hire   1250.00 GBP
                Assets:VAT reclaimable                                 250.00 GBP
                Assets:Bank                                          -1500.00 GBP

            """))
        #expect(text.hasPrefix("; Actual costs (GBP) of the production, from the Coord journal film.journal.\n"))
        #expect(!text.contains("Brunel\n"), "a commitment is not posted")
        #expect(throws: ScheduleExportError.self) { try LedgerExport.export(Model(), source: "x") }
    }
}
