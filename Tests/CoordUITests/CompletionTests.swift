import Testing
@testable import CoordModel
@testable import CoordUI

/// Tab at the `:` line completes nouns, verbs, keys and the values records already hold.
@Suite struct CompletionTests {
    func type(_ s: Session, _ text: String) { for c in text { s.handle(.char(c)) } }

    func line(_ s: Session) -> String {
        guard case .command(let e) = s.mode else { return "(not at the : line)" }
        return e.text
    }

    func colon(_ s: Session, _ text: String) {
        s.handle(.char(":"))
        type(s, text)
    }

    @Test func nounThenVerbThenKeys() throws {
        let (s, _) = try demoSession()
        colon(s, "cr")
        s.handle(.tab)
        #expect(line(s) == "crew ", "one noun fits: it goes in with a space")
        s.handle(.tab)
        #expect(line(s) == "crew add")
        #expect(s.render().row(22).contains("1/4: add  set  rm  restore"), "the status bar lists the verbs")
        s.handle(.tab)
        #expect(line(s) == "crew set")
        s.handle(.backTab)
        #expect(line(s) == "crew add", "Shift-Tab goes back")
        type(s, " na")
        s.handle(.tab)
        #expect(line(s) == "crew add name=", "a key is ready for its value")
    }

    @Test func setOffersIdFirstAndNotKeysAlreadyGiven() throws {
        let (s, _) = try demoSession()
        colon(s, "crew set ")
        s.handle(.tab)
        #expect(line(s) == "crew set id=")
        type(s, "cr-dp ")
        s.handle(.tab)
        #expect(line(s) == "crew set id=cr-dp name=", "id= is not offered twice")
    }

    @Test func anIdIsFoundByTheNameOfItsRecord() throws {
        let (s, _) = try demoSession()
        colon(s, "crew set id=zo")
        s.handle(.tab)
        #expect(line(s) == "crew set id=cr-dp ")
        #expect(s.render().row(22).contains("cr-dp Zoë Marchetti"), "the status bar says who it is")
    }

    @Test func valuesWithSpacesAreQuotedAsTheJournalWritesThem() throws {
        let (s, _) = try demoSession()
        colon(s, "cost add vendor=Bru")
        s.handle(.tab)
        #expect(line(s) == "cost add vendor=\"Brunel Lighting Ltd\" ")
        s.handle(.escape)
        colon(s, "crew set id=cr-dp role=\"Key")
        s.handle(.tab)
        #expect(line(s) == "crew set id=cr-dp role=\"Key grip\" ", "an opening quote already typed is fine")
    }

    @Test func accountCodesChoicesAndDays() throws {
        let (s, _) = try demoSession()
        colon(s, "cost add account=31")
        s.handle(.tab)
        #expect(line(s) == "cost add account=3100 ")
        s.handle(.escape)
        colon(s, "crew add status=")
        s.handle(.tab)
        #expect(line(s) == "crew add status=pencilled")
        #expect(s.render().row(22).contains("pencilled  confirmed  released"))
        s.handle(.escape)
        colon(s, "strip set id=s4 day=")
        s.handle(.tab)
        #expect(line(s) == "strip set id=s4 day=d1")
        #expect(s.render().row(22).contains("d1 day 1"))
    }

    @Test func helpTopicsComplete() throws {
        let (s, _) = try demoSession()
        colon(s, "he")
        s.handle(.tab)
        #expect(line(s) == "help ")
        type(s, "cl")
        s.handle(.tab)
        #expect(line(s) == "help clearance ")
    }

    @Test func nothingToCompleteIsSaidAndTypingGoesOn() throws {
        let (s, _) = try demoSession()
        colon(s, "crew add frob=")
        s.handle(.tab)
        #expect(line(s) == "crew add frob=")
        #expect(s.render().row(22).contains("nothing to complete here"))
        type(s, "x")
        #expect(!s.render().row(22).contains("nothing to complete here"), "the note goes once you type")
    }

    @Test func aCompletedLineRunsAsTyped() throws {
        let (s, path) = try demoSession()
        colon(s, "crew set id=zo")
        s.handle(.tab)
        type(s, "ro")
        s.handle(.tab)
        type(s, "DP")
        s.handle(.enter)
        #expect(s.message?.text.hasPrefix("saved: crew set") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("crew set id=cr-dp role=DP"))
    }

    /// A model with `n` crew, each with its own name and one of three roles.
    func crewModel(_ n: Int, today: CalendarDate) throws -> Model {
        var m = Model()
        var k = 0
        for i in 0..<n {
            let cmd = try #require(try LineGrammar.parse("crew add name=\"Person \(n - i)\" role=R\(i % 3)"))
            m.apply(try m.validate(cmd, context: ValidationContext(today: today)) { k += 1; return RecordID("c\(k)") })
        }
        return m
    }

    @Test func manyRecordsAreCappedAndSortedAndTextValuesListedOnce() throws {
        let (s, _) = try demoSession()
        let m = try crewModel(Completion.cap + 100, today: s.today)
        let ids = Completion.values(.crew, .set, "id", m)
        #expect(ids.list.count == Completion.cap && ids.more, "the list stops at the cap and says there are more")
        #expect(ids.list.map(\.about) == ids.list.map(\.about).sorted { $0.lowercased() < $1.lowercased() }, "by name")
        #expect(Set(ids.list.map(\.value)) == Set((1...Completion.cap).map { "c\($0)" }), "the first records in table order")
        let narrowed = Completion.values(.crew, .set, "id", m, typed: "person 7")
        #expect(!narrowed.more && narrowed.list.allSatisfy { $0.about.hasPrefix("Person 7") })
        let roles = Completion.values(.crew, .add, "role", m)
        #expect(roles.list.map(\.value) == ["R0", "R1", "R2"] && !roles.more)
    }

    @Test func shiftTabToTheLastCandidateShowsIt() throws {
        let (s, _) = try demoSession()
        colon(s, "crew set id=")
        s.handle(.backTab)
        guard case .command(let e) = s.mode, let cyc = s.completionCycle, let comp = cyc.completion else {
            Issue.record("no completion"); return
        }
        #expect(cyc.index == comp.candidates.count - 1)
        #expect(e.text == "crew set " + comp.candidates[cyc.index].text)
        let row = s.render().row(22)
        #expect(row.contains(comp.candidates[cyc.index].shown), "the one in the line is on screen")
        #expect(row.contains("\(comp.candidates.count)/\(comp.candidates.count)"))
    }

    @Test func escapeAndEnterForgetTheCycle() throws {
        let (s, _) = try demoSession()
        colon(s, "crew add frob=")
        s.handle(.tab)
        s.handle(.escape)
        #expect(s.completionCycle == nil)
        colon(s, "cr")
        s.handle(.tab)
        s.handle(.enter)
        #expect(s.completionCycle == nil)
        s.handle(.char(":"))
        #expect(!s.render().row(22).contains("nothing to complete here"))
    }
}
