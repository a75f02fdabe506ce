import Testing
@testable import CoordInterchange

@Suite struct InterchangeTests {
    @Test func aPlanStartsEmpty() {
        let plan = ImportPlan()
        #expect(plan.commands.isEmpty && plan.notes.isEmpty)
    }
}
