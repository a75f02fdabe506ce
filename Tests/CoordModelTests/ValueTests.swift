import Testing
@testable import CoordModel

@Suite struct ValueTests {
    @Test(arguments: [
        ("1250", 125_000), ("1,250.00", 125_000), ("£1,250.50", 125_050), ("1250.5", 125_050), ("0.07", 7),
        ("-40", -4000), ("(40.00)", -4000), ("$ 12", 1200), ("1,234,567.89", 123_456_789), (".5", 50), ("GBP 10", 1000),
    ])
    func moneyAcceptsWhatPeopleType(_ text: String, _ minor: Int64) throws {
        #expect(try Money.parse(text).get() == Money(minor: minor))
    }

    @Test(arguments: ["1,25", "1.250", "1.250,00", "12,50", "1,2345", "abc", "", "12.", "1.2.3", "£", "1,,000", "99999999999999999", "(-40)", "--5"])
    func moneyRefusesWhatIsAmbiguous(_ text: String) {
        #expect(throws: ValueError.self) { try Money.parse(text).get() }
    }

    @Test func moneyFormats() {
        #expect(Money(minor: 125_050).plain == "1250.50")
        #expect(Money(minor: -5).plain == "-0.05")
        #expect(Money(minor: 123_456_789).grouped == "1,234,567.89")
        #expect(Money(minor: -100_000).grouped == "-1,000.00")
    }

    @Test func datesAreCalendarDates() throws {
        let d = try CalendarDate.parse("2027-03-01", today: nil).get()
        #expect(d.description == "2027-03-01")
        #expect(d.short == "Mon 1 Mar")
        #expect(d.adding(days: 365).description == "2028-02-29")
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2027, month: 2, day: 29) == nil)
        #expect(throws: ValueError.self) { try CalendarDate.parse("2027-02-30", today: nil).get() }
        #expect(throws: ValueError.self) { try CalendarDate.parse("1/3/2027", today: nil).get() }
        // Relative words only when typed, never in a journal.
        #expect(throws: ValueError.self) { try CalendarDate.parse("today", today: nil).get() }
        #expect(try CalendarDate.parse("tomorrow", today: d).get().description == "2027-03-02")
        for n in stride(from: -1000, to: 40000, by: 37) {
            let x = CalendarDate(dayNumber: Int32(n))
            let c = x.components
            #expect(CalendarDate(year: c.year, month: c.month, day: c.day) == x)
        }
    }

    @Test func timesOfDay() throws {
        #expect(try TimeOfDay.parse("7:30").get().description == "07:30")
        #expect(try TimeOfDay.parse("0645").get().minutes == 405)
        #expect(throws: ValueError.self) { try TimeOfDay.parse("24:00").get() }
        #expect(throws: ValueError.self) { try TimeOfDay.parse("7.30").get() }
    }

    @Test(arguments: [("3 4/8", 28), ("3+4/8", 28), ("4/8", 4), ("2", 16), ("0.125", 1), ("3.5", 28), ("0", 0)])
    func pagesInEighths(_ text: String, _ eighths: Int) throws {
        let p = try Pages.parse(text).get()
        #expect(p.eighths == eighths)
        #expect(try Pages.parse(p.description).get() == p)
    }

    @Test(arguments: ["3 4/6", "0.3", "x", "1 2 3", "9/8 1"])
    func pagesRefuseOtherFractions(_ text: String) {
        #expect(throws: ValueError.self) { try Pages.parse(text).get() }
    }

    @Test func choicesTakeAliasesAndUniquePrefixes() {
        #expect(Choices.booking.canonical("conf") == "confirmed")
        #expect(Choices.booking.canonical("Pencil") == "pencilled")
        #expect(Choices.intExt.canonical("i/e") == "INT/EXT")
        #expect(Choices.clearanceStatus.canonical("not needed") == "not-needed")
        #expect(Choices.departmentChoice.canonical("HMU") == "Hair & Make-up")
        #expect(Choices.departmentChoice.canonical("Prod") == "Production")
        #expect(Choices.booking.canonical("x") == nil)
    }

    @Test func generatedIDsAreShortUniqueAndAvoidSeenTags() {
        var g = IDGenerator(seed: 1)
        var seen = Set<RecordID>()
        for _ in 0..<5000 {
            let id = g.next(avoiding: { seen.contains($0) }, tagSeen: { _ in false })
            #expect(RecordID.validate(id.raw) == nil)
            #expect(seen.insert(id).inserted)
        }
        #expect(seen.map(\.raw.count).max()! <= 10)
        var a = IDGenerator(seed: 9), b = IDGenerator(seed: 9)
        let first = a.next(avoiding: { _ in false }, tagSeen: { _ in false })
        let second = b.next(avoiding: { _ in false }, tagSeen: { first.raw.hasPrefix($0) })
        #expect(!second.raw.hasPrefix(String(first.raw.prefix(IDGenerator.tagLength))))
    }
}
