import Testing
@testable import CoordModel

/// The budget ledger as the production manager reads it: budget lines, the lock, POs and
/// their invoices, foreign currency, ETC, and the cost report's roll-ups.
@Suite struct BudgetTests {
    static let day = CalendarDate(year: 2027, month: 3, day: 3)!

    /// Applies lines as a person would type them (today = 3 Mar 2027); throws at the first refusal.
    static func model(_ lines: [String], into start: Model = Model()) throws -> Model {
        var m = start
        var n = 0
        for text in lines {
            let cmd = try #require(try LineGrammar.parse(text))
            m.apply(try m.validate(cmd, context: ValidationContext(today: day)) { n += 1; return RecordID("t\(n)x\(m.usedIDs.count)") })
        }
        return m
    }

    static func refusal(_ m: Model, _ text: String) -> String? {
        do {
            let cmd = try #require(try LineGrammar.parse(text))
            _ = try m.validate(cmd, context: ValidationContext(today: day)) { RecordID("zz") }
            return nil
        } catch let e as CommandError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    static let chart = [
        "category add code=1000 name=\"Above the line\" line=atl",
        "category add code=2000 name=\"Production crew\"",
        "account add code=1100 category=1000 description=\"Story & rights\" budget=1000",
        "account add code=2100 category=\"production crew\" description=Camera",
        "account add code=2300 category=2000 description=Electric",
        "budget add account=2100 description=DoP qty=5 unit=days rate=450.00",
        "budget add account=2100 description=\"Focus puller\" qty=2.5 unit=days x=2 rate=300 fringe=12.07%",
        "budget add account=2300 description=Gaffer qty=4 unit=days rate=£250",
    ]

    @Test func budgetLinesAreQuantityTimesMultiplierTimesRatePlusFringeToThePenny() throws {
        let m = try Self.model(Self.chart)
        let lines = Array(m.budgetLines.values)
        #expect(lines[0].total == Money(minor: 225_000), "5 days x 1 x 450.00")
        // 2.5 x 2 x 300.00 = 1,500.00; 12.07% of it = 181.05
        #expect(lines[1].subtotal == Money(minor: 150_000) && lines[1].fringeAmount == Money(minor: 18_105))
        let r = m.costReport(periodEnd: nil, today: Self.day)
        #expect(r.account("2100")?.figures.budget == Money(minor: 225_000 + 168_105))
        #expect(r.account("1100")?.figures.budget == Money(minor: 100_000), "a lump budget on the account counts too")
        // Rounding is half away from zero: 0.333 x 1 x 10.00 = 3.33, 0.125 x 1 x 0.10 = 0.0125 -> 0.01, 1.5 x 0.01 = 0.015 -> 0.02
        let r2 = try Self.model(["budget add account=2300 qty=0.333 rate=10", "budget add account=2300 qty=1.5 rate=0.01"], into: m)
        #expect(r2.budgetLines.values.suffix(2).map(\.total) == [Money(minor: 333), Money(minor: 2)])
        #expect(Self.refusal(m, "budget add account=2100 qty=2.5555 rate=1")?.contains("at most 3 decimal places") == true)
        #expect(Self.refusal(m, "budget add account=9999 rate=1")?.contains("no account with code 9999") == true)
        #expect(Self.refusal(m, "account add code=2400 category=3000 description=Sound")?.contains("no category '3000'") == true)
    }

    @Test func anApprovedBudgetIsLockedAndChangesOnlyByTransfersWithAReason() throws {
        var m = try Self.model(Self.chart)
        #expect(Self.refusal(m, "transfer add from=2100 to=2300 amount=100 reason=x")?.contains("not locked yet") == true)
        m = try Self.model(["approval add by=\"Sam Reid (PM)\" date=2027-02-05 note=v3"], into: m)
        let locked = try #require(Self.refusal(m, "budget add account=2100 qty=1 rate=100"))
        #expect(locked.hasPrefix("the budget is locked (approved by Sam Reid (PM) on 2027-02-05)"))
        let line = try #require(m.budgetLines.keys.first)
        #expect(Self.refusal(m, "budget set id=\(line) rate=500")?.hasPrefix("the budget is locked") == true)
        #expect(Self.refusal(m, "account set id=\(m.accountIDByCode["1100"]!) budget=2000")?.hasPrefix("the budget is locked") == true)
        #expect(Self.refusal(m, "approval add by=Someone")?.contains("already approved") == true)
        #expect(Self.refusal(m, "transfer add from=2100 to=2300 amount=100")?.contains("reason is required") == true)
        #expect(Self.refusal(m, "transfer add from=2100 to=2100 amount=100 reason=x")?.contains("two different accounts") == true)
        m = try Self.model(["transfer add from=2100 to=2300 amount=250.50 reason=\"Extra spark for the night shoot\"",
                            "transfer add to=1100 amount=100 reason=\"Overage approved by the financier\""], into: m)
        let r = m.costReport(periodEnd: nil, today: Self.day)
        #expect(r.account("2100")?.figures.original == Money(minor: 393_105))
        #expect(r.account("2100")?.figures.budget == Money(minor: 393_105 - 25_050))
        #expect(r.account("2300")?.figures.budget == Money(minor: 100_000 + 25_050))
        #expect(r.total.budget == r.total.original + Money(minor: 10_000), "a transfer between accounts keeps the total")
    }

    @Test func anInvoiceAgainstAnOpenPOTurnsCommittedIntoActualWithoutCountingTwice() throws {
        var m = try Self.model(Self.chart + ["cost add account=2300 amount=1000 po=PO-7 kind=po vendor=Brunel"])
        var f = try #require(m.costReport(periodEnd: nil, today: Self.day).account("2300")?.figures)
        #expect(f.actual == .zero && f.committed == Money(minor: 100_000))
        m = try Self.model(["cost add account=2300 amount=400 po=PO-7 invoice=B-1"], into: m)
        f = try #require(m.costReport(periodEnd: nil, today: Self.day).account("2300")?.figures)
        #expect(f.actual == Money(minor: 40_000) && f.committed == Money(minor: 60_000) && f.total == Money(minor: 100_000))
        // The final invoice comes in over the PO: the overrun is actual, nothing stays committed.
        m = try Self.model(["cost add account=2300 amount=700 po=PO-7 invoice=B-2"], into: m)
        f = try #require(m.costReport(periodEnd: nil, today: Self.day).account("2300")?.figures)
        #expect(f.actual == Money(minor: 110_000) && f.committed == .zero)
        #expect(f.variance == Money(minor: -10_000) && f.isOver, "budget 1,000.00, spent 1,100.00")
        #expect(Self.refusal(m, "cost add account=2300 amount=5 kind=po")?.contains("needs its PO number") == true)
        #expect(Self.refusal(m, "cost add account=2300 amount=5 kind=po po=PO-7")?.contains("PO PO-7 is already open") == true)
        // A closed PO releases what was never invoiced.
        m = try Self.model(["cost add account=2100 amount=900 po=PO-8 kind=po", "cost add account=2100 amount=300 po=PO-8"], into: m)
        let po8 = try #require(m.commitmentByPO["PO-8"])
        #expect(m.costReport(periodEnd: nil, today: Self.day).account("2100")?.figures.committed == Money(minor: 60_000))
        m = try Self.model(["cost set id=\(po8) closed=yes"], into: m)
        #expect(m.costReport(periodEnd: nil, today: Self.day).account("2100")?.figures.committed == .zero)
        #expect(Self.refusal(m, "cost add account=2100 amount=1 closed=yes")?.contains("only a commitment") == true)
    }

    @Test func foreignCurrencyEntriesCarryTheirRateAndCountInTheProductionsCurrency() throws {
        let m = try Self.model(Self.chart + ["cost add account=2100 amount=3000 currency=NOK rate=0.0731 vat=750"])
        let c = try #require(m.costs.values.first)
        #expect(c.homeAmount == Money(minor: 21_930) && c.homeVAT == Money(minor: 5_483))
        #expect(m.costReport(periodEnd: nil, today: Self.day).account("2100")?.figures.actual == Money(minor: 21_930))
        #expect(Self.refusal(m, "cost add account=2100 amount=10 currency=USD")?.contains("needs the exchange rate") == true)
        #expect(Self.refusal(m, "cost add account=2100 amount=10 rate=1.2")?.contains("rate= goes with currency=") == true)
        #expect(Self.refusal(m, "cost add account=2100 amount=10 currency=USD rate=1.2.3")?.contains("not a number") == true)
        let dollars = try Self.model(["cost add account=2100 amount=$40 currency=USD rate=0.79"], into: m)
        #expect(dollars.costs.values.last?.homeAmount == Money(minor: 3160), "an amount may carry the entry's own currency")
        #expect(Self.refusal(m, "cost add account=2100 amount=€40 currency=USD rate=0.79")?.contains("not in USD, the entry's currency") == true)
    }

    @Test func moneyIsReadAsPeopleTypeItAndAmbiguityIsRefused() throws {
        let m = try Self.model(Self.chart + ["cost add account=2100 amount=£1,250.50", "cost add account=2100 amount=1250",
                                             "cost add account=2100 amount=\"(40.00)\""])
        #expect(m.costs.values.map { $0.amount! } == [Money(minor: 125_050), Money(minor: 125_000), Money(minor: -4_000)])
        #expect(Self.refusal(m, "cost add account=2100 amount=1.250,00")?.contains("ambiguous") == true)
        #expect(Self.refusal(m, "cost add account=2100 amount=1,25")?.contains("ambiguous") == true)
        #expect(Self.refusal(m, "cost add account=2100 amount=$40")?.contains("not in GBP") == true)
    }

    @Test func etcIsEnteredWithAReasonElseSuggestedFromTheScheduleElseWhatIsLeft() throws {
        var m = try Self.model(Self.chart + [
            "crew add id=sp name=Spark rate=200 account=2300",
            "crew add id=dp name=DoP rate=2250 ratetype=week account=2100",
            "booking add who=sp date=2027-03-01", "booking add who=sp date=2027-03-04", "booking add who=sp date=2027-03-05",
            "booking add who=sp date=2027-03-06 code=D",
            "cost add account=1100 amount=300",
        ])
        let r = m.costReport(periodEnd: nil, today: Self.day)
        // 2300: two days after today (4 and 5 Mar; the drop day is not paid) at 200.00.
        #expect(r.account("2300")?.figures.etc == Money(minor: 40_000) && r.account("2300")?.etcSource == .schedule(days: 2))
        // 2100: the DoP has no booking at all, so the schedule says nothing yet: what is left of the budget.
        #expect(r.account("2100")?.etcSource == .remaining && r.account("2100")?.figures.efc == r.account("2100")?.figures.budget)
        #expect(r.account("1100")?.figures.etc == Money(minor: 70_000))
        #expect(Self.refusal(m, "etc add account=2300 amount=500")?.contains("reason is required") == true)
        #expect(Self.refusal(m, "etc add account=2300 amount=-5 reason=x")?.contains("cannot be negative") == true)
        m = try Self.model(["etc add account=2300 amount=500 reason=\"Night shoot needs a second spark\"",
                            "etc add account=2300 amount=650 reason=\"And a genny op\""], into: m)
        let f = try #require(m.costReport(periodEnd: nil, today: Self.day).account("2300"))
        #expect(f.figures.etc == Money(minor: 65_000), "the latest ETC counts")
        if case .entered(let e)? = f.etcSource { #expect(e.reason == "And a genny op") } else { Issue.record("not entered") }
        #expect(f.figures.efc == f.figures.total + f.figures.etc && f.figures.variance == f.figures.budget - f.figures.efc)
    }

    @Test func theReportRollsUpPerCategoryAboveAndBelowTheLineAndPerPeriod() throws {
        let m = try Self.model(Self.chart + [
            "cost add date=2027-02-20 account=1100 amount=100", "cost add date=2027-03-01 account=2100 amount=50",
            "cost add date=2027-03-07 account=2300 amount=25", "cost add date=2027-03-09 account=2300 amount=7",
        ])
        let all = m.costReport(periodEnd: nil, today: Self.day)
        #expect(all.lines.map(\.code) == ["1100", "1000", "ATL", "2100", "2300", "2000", "BTL", ""])
        #expect(all.lines.map(\.kind) == [.account, .category, .line, .account, .account, .category, .line, .total])
        #expect(all.total.actual == Money(minor: 18_200))
        #expect(all.lines[5].figures.actual == Money(minor: 8_200) && all.lines[6].figures.actual == Money(minor: 8_200))
        #expect(all.periodStart == CalendarDate(year: 2027, month: 3, day: 1)! && all.periodEnd == CalendarDate(year: 2027, month: 3, day: 7)!)
        #expect(all.total.period == Money(minor: 7_500), "this week: Mon 1 to Sun 7 Mar")
        let week = m.costReport(periodEnd: CalendarDate(year: 2027, month: 3, day: 7)!, today: Self.day)
        #expect(week.total.actual == Money(minor: 17_500), "costs after the period are left out")
        let csv = week.table(csv: true).csv
        #expect(csv.hasPrefix("Row,Code,Account,Original budget,Budget,This period,Actual to date,"))
        #expect(csv.contains("account,2300,Electric,1000.00,1000.00,25.00,25.00,0.00,25.00,975.00,1000.00,0.00,budget,\r\n"))
    }

    @Test func accountsInUseStayAndTheirRecordsFollowACodeChange() throws {
        var m = try Self.model(Self.chart + ["crew add id=sp name=Spark rate=200 account=2300", "cost add account=2300 amount=10",
                                             "etc add account=2300 amount=5 reason=x"])
        let a = try #require(m.accountIDByCode["2300"])
        let refused = try #require(Self.refusal(m, "account rm id=\(a)"))
        #expect(refused == "account 2300 has 1 cost entry, 1 budget line, an ETC, crew coded to it: move or remove them first")
        m = try Self.model(["account set id=\(a) code=2350", "category set id=\(m.categoryIDByCode["2000"]!) code=2001"], into: m)
        #expect(m.costs.values.first?.account == "2350" && m.budgetLines.values.last?.account == "2350")
        #expect(m.estimates.values.first?.account == "2350" && m.crew["sp"]?.account == "2350")
        #expect(m.accounts[a]?.category == "2001")
    }

    @Test func theDemoProductionHasEveryKindOfFigure() throws {
        let m = try JournalReader.replay(DemoJournal.bytes, path: "demo").model
        let r = m.costReport(periodEnd: nil, today: DemoJournal.writtenFor)
        #expect(r.overAccounts.map(\.code) == ["2400", "3100", "3600"])
        #expect(m.budgetLock?.by == "Jo Alder (producer)" && !m.transfers.isEmpty && !m.estimates.isEmpty)
        #expect(r.account("2900")?.figures.committed == .zero, "the vans' invoice relieved their PO")
        #expect(r.account("4500")?.figures.actual == Money(minor: 21_930), "NOK 3,000.00 at 0.0731")
        #expect(r.total.efc == r.total.actual + r.total.committed + r.total.etc)
    }
}
