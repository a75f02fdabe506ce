import Testing
@testable import CoordModel

/// Every change's undo lines, applied after it, give back the records and running orders before it.
@Suite struct UndoTests {
    static let context = ValidationContext(today: CalendarDate(year: 2027, month: 2, day: 25)!)

    /// Same live records with the same values, same running orders (an undone add leaves its id used).
    static func same(_ a: Model, _ b: Model) -> String? {
        if a.nounOf != b.nounOf { return "live records differ: \(Set(a.nounOf.keys).symmetricDifference(b.nounOf.keys).prefix(4))" }
        if a.production.fieldPairs.map(\.1) != b.production.fieldPairs.map(\.1) { return "production differs" }
        for id in a.nounOf.keys where a.fieldValues(of: id).map(\.1) != b.fieldValues(of: id).map(\.1) { return "\(id) differs" }
        for board in a.boards.keys where a.layout(of: board).entries != b.layout(of: board).entries { return "order of \(board) differs" }
        return nil
    }

    static func apply(_ line: String, to m: inout Model) throws -> Event {
        let e = try m.validate(try #require(try LineGrammar.parse(line)), context: context) { RecordID("new1") }
        m.apply(e)
        return e
    }

    @Test(arguments: [
        "crew set id=cr-jo role=\"Script supervisor\" phone=\"\"", "crew rm id=cr-jo", "kit rm id=kt-cam",
        "clearance rm id=cl01", "clearance add title=\"New mural\"", "strip rm id=s2", "strip move id=s2 boneyard=yes",
        "strip move id=s2 day=d1", "day rm id=d1", "banner rm id=bn1", "cost rm id=k001", "cost set id=k001 paid=yes",
        "production set title=\"The Lamp\"", "call rm id=ca1",
    ])
    func undoGivesBackTheModelBefore(_ line: String) throws {
        let before = try JournalReader.replay(DemoJournal.bytes, path: "demo").model
        var m = before
        let e = try Self.apply(line, to: &m)
        let undo = try #require(before.undoLines(for: e))
        #expect(!undo.isEmpty)
        for l in undo { _ = try Self.apply(l, to: &m) }
        #expect(Self.same(before, m) == nil, "\(line) undone by \(undo)")
    }
}
