import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

@Suite struct MouseTests {
    /// Where `text` starts on screen row `y` (in cells), as a click would aim at it.
    func column(of text: String, row y: Int, _ c: Canvas) -> Int? {
        let line = c.row(y)
        guard let r = line.range(of: text) else { return nil }
        return TextWidth.of(String(line[..<r.lowerBound]))
    }

    @Test func aClickOnATabSwitchesPane() throws {
        let (s, _) = try demoSession()
        let c = s.render()
        let xAt = column(of: "2 Crew", row: 0, c)
        let x = try #require(xAt)
        s.handleMouse(MouseEvent(x: x + 2, y: 0, .click))
        #expect(s.pane == .crew)
        let x4At = column(of: "4 Clearances", row: 0, s.render())
        let x4 = try #require(x4At)
        s.handleMouse(MouseEvent(x: x4, y: 0, .click))
        #expect(s.pane == .clearances)
    }

    @Test(arguments: [PaneKind.schedule, .crew, .budget, .clearances])
    func aClickOnARowSelectsIt(_ p: PaneKind) throws {
        let (s, _) = try demoSession()
        s.focus(p)
        let c = s.render()
        let t = s.table(p)
        // The fifth body row (screen row 2 is the first: tabs, then the header).
        s.handleMouse(MouseEvent(x: 10, y: 6, .click))
        #expect(s.selectedRow?.cells == t.rows[4].cells)
        #expect(s.render().row(6).hasPrefix(Table.marker), "the marker moves to the clicked row")
        _ = c
    }

    @Test func aClickBelowTheLastRowDoesNothing() throws {
        let (s, _) = try demoSession()
        s.focus(.crew)
        s.handle(.char("f")); for ch in "Mara" { s.handle(.char(ch)) }; s.handle(.enter)
        let before = s.selectedRow?.id
        _ = s.render()
        s.handleMouse(MouseEvent(x: 10, y: 15, .click))
        #expect(s.selectedRow?.id == before)
    }

    @Test func theWheelScrollsThreeRowsAndTheSelectionStaysInSight() throws {
        let (s, _) = try demoSession()
        s.focus(.crew)
        _ = s.render()
        #expect(s.render().row(2).hasPrefix(Table.marker))
        s.handleMouse(MouseEvent(x: 10, y: 10, .wheelDown))
        let c = s.render()
        let t = s.table(.crew)
        #expect(c.row(2).contains(t.rows[3].cells[0]), "the view moved three rows")
        #expect(c.row(2).hasPrefix(Table.marker), "the selection moved only to stay on screen")
        s.handleMouse(MouseEvent(x: 10, y: 10, .wheelUp))
        #expect(s.render().row(2).contains(t.rows[0].cells[0]))
        #expect(s.selectedRow?.cells == t.rows[3].cells, "scrolling back leaves the selection where it was")
    }

    @Test func atTheEndTheWheelMovesTheSelection() throws {
        let (s, _) = try demoSession()
        s.focus(.clearances)
        _ = s.render()
        let rows = s.table(.clearances).rows.count
        for _ in 0..<(rows / 3 + 3) { s.handleMouse(MouseEvent(x: 10, y: 10, .wheelDown)); _ = s.render() }
        #expect(s.selectedRow?.cells == s.table(.clearances).rows[rows - 1].cells, "the wheel reaches the last row")
    }

    @Test func aClickOnAHintRunsItAsItsKeyWould() throws {
        let (s, _) = try demoSession()
        let c = s.render()
        let xAt = column(of: "? help", row: 22, c)
        let x = try #require(xAt)
        s.handleMouse(MouseEvent(x: x + 3, y: 22, .click))
        guard case .help = s.mode else { Issue.record("the help hint did not open help"); return }
        // In help the wheel scrolls it, three lines a notch.
        let before = s.render()
        s.handleMouse(MouseEvent(x: 10, y: 10, .wheelDown))
        let after = s.render()
        guard case .help = s.mode else { Issue.record("help closed"); return }
        #expect(after.text != before.text)
    }

    @Test func aClickOnADisabledHintSaysWhyAsItsKeyWould() throws {
        let (s, _) = try demoSession(width: 120)
        s.focus(.clearances)
        s.handle(.char("f")); for ch in "zzzz" { s.handle(.char(ch)) }; s.handle(.enter)
        let c = s.render()
        let xAt = column(of: "e edit", row: 22, c)
        let x = try #require(xAt)
        s.handleMouse(MouseEvent(x: x, y: 22, .click))
        #expect(s.message?.kind == .error)
        #expect(s.message?.text.contains("nothing to select") == true)
        guard case .normal = s.mode else { Issue.record("a form opened"); return }
    }

    @Test func inAFormTheMouseDoesNothing() throws {
        let (s, _) = try demoSession()
        s.handle(.char("2")); s.handle(.char("a"))
        let c = s.render()
        s.handleMouse(MouseEvent(x: 2, y: 0, .click))
        s.handleMouse(MouseEvent(x: 2, y: 10, .wheelDown))
        guard case .form = s.mode else { Issue.record("the form closed"); return }
        #expect(s.pane == .crew)
        #expect(s.render().text == c.text)
    }

    @Test func aClickInTheGridSelectsTheCell() throws {
        let (s, _) = try demoSession(width: 100)
        s.handle(.char("v"))
        #expect(s.scheduleView == .grid)
        let c = s.render()
        let xAt = column(of: "D3", row: 1, c)
        let x = try #require(xAt)
        s.handleMouse(MouseEvent(x: x, y: 4, .click))
        #expect(s.gridColumn == 2)
        #expect(s.selectedRow?.cells == s.table(.schedule).rows[2].cells)
        // The names column is not a day: the day stays.
        s.handleMouse(MouseEvent(x: 6, y: 3, .click))
        #expect(s.gridColumn == 2)
        #expect(s.selectedRow?.cells == s.table(.schedule).rows[1].cells)
    }

    @Test func theTooSmallScreenIgnoresTheMouse() throws {
        let (s, _) = try demoSession(width: 60, height: 20)
        _ = s.render()
        s.handleMouse(MouseEvent(x: 20, y: 0, .click))
        #expect(s.pane == .schedule)
    }
}
