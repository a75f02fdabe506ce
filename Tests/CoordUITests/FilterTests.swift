import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

@Suite struct FilterTests {
    /// A new user narrowing the budget to what is over: `f`, "over", Enter.
    @Test func overNarrowsTheCostReportToTheAccountsOverBudget() throws {
        let (s, _) = try demoSession(width: 100, height: 30)
        s.handle(.char("3"))
        let over = Set(s.costReport.overAccounts.map(\.code))
        #expect(over.count >= 2, "the demo has accounts over budget")
        s.handle(.char("f"))
        for c in "over" { s.handle(.char(c)) }
        s.handle(.enter)
        let shown = s.table(.budget).rows.filter { $0.kind == .record }
        #expect(Set(shown.map { $0.cells[0] }) == over)
        #expect(s.render().text.contains("filter: over"))
    }
}
