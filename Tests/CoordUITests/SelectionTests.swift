import Testing
@testable import CoordModel
@testable import CoordUI

/// The selection is a marker in the left margin and the row's first cell in reverse video, so
/// moving it repaints a few cells, not two whole rows (issue 8: bytes per j/k at any size).
@Suite struct SelectionTests {
    func rowIndex(_ c: Canvas, containing text: String) -> Int? {
        (0..<c.height).first { c.row($0).contains(text) }
    }

    @Test(arguments: [false, true])
    func theSelectedRowShowsAMarkerAndItsFirstCellReversed(_ monochrome: Bool) throws {
        let (s, _) = try demoSession(theme: monochrome ? .monochrome : .colour)
        s.select(id: "s2")
        let c = s.render()
        let y = try #require(rowIndex(c, containing: "Mara arrives"))
        #expect(c[0, y].text == "▸" && c[0, y].style.bold)
        #expect(c[1, y].style.reverse && c[2, y].style.reverse, "the scene number, 2✓, is reversed")
        #expect((3..<c.width).allSatisfy { !c[$0, y].style.reverse }, "the rest of the row keeps its own style")
        // No other row carries the marker or any reverse video.
        for other in 2..<(c.height - 3) where other != y {
            #expect(c[0, other].text == " " && (0..<c.width).allSatisfy { !c[$0, other].style.reverse })
        }
        // A heading: its first part stands out, not the whole line.
        s.move(by: -1)
        let h = s.render()
        let hy = try #require(rowIndex(h, containing: "Day 1 of 6"))
        #expect(h[0, hy].text == "▸" && h[1, hy].style.reverse && h[10, hy].style.reverse && !h[11, hy].style.reverse)
    }

    @Test func aWideScreenDetailLineGivesWhatTheRowDoesNotShow() throws {
        let (s, _) = try demoSession(width: 200, height: 60)
        s.select(id: "s2")
        s.message = nil
        let c = s.render()
        #expect(c.row(57).hasPrefix(" id: s2 · Notes: ") && !c.row(57).contains("Synopsis:"), "the row shows the synopsis whole at 200 columns")
        expectGolden(c, "schedule-200x60")
    }

    /// Cells that differ between two frames of one size.
    func changes(_ a: Canvas, _ b: Canvas) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        for y in 0..<a.height { for x in 0..<a.width where a[x, y] != b[x, y] { out.append((x, y)) } }
        return out
    }

    @Test(arguments: PaneKind.allCases)
    func aMoveRepaintsTheMarkerTheFirstCellsTheDetailAndTheCounterOnly(_ pane: PaneKind) throws {
        for (w, h) in [(80, 24), (200, 60)] {
            let (s, _) = try demoSession(width: w, height: h)
            s.focus(pane)
            s.message = nil
            var before = s.render()
            for _ in 0..<12 { // within the first screen: nothing scrolls
                s.handle(.char("j"))
                let after = s.render()
                let cells = changes(before, after)
                for (x, y) in cells {
                    if y >= 1 && y < h - 3 {
                        // In the table only the marker column and reversed (selected) cells change...
                        #expect(x == 0 || before[x, y].style.reverse || after[x, y].style.reverse, "\(pane) \(w)x\(h): (\(x), \(y))")
                    } else if y == h - 3 {
                        #expect(x <= Session.detailWidth, "the detail line is never wider than at 80 columns")
                    } else {
                        #expect(y == h - 2, "only the status bar's row counter changes besides")
                    }
                }
                #expect(cells.filter { $0.y == h - 2 }.count <= 2, "\(before.row(h - 2)) -> \(after.row(h - 2))")
                // ...and the reversed part of a row is its first cell's text, however wide the screen.
                let row = try #require(s.selectedRow)
                let heading = row.kind == .group || row.kind == .banner
                let first = heading ? String(row.cells[0].split(separator: " · ").first ?? "") : row.cells.first { !$0.isEmpty } ?? ""
                let y = try #require((1..<(h - 3)).first { after[0, $0].text == "▸" })
                #expect((0..<w).filter { after[$0, y].style.reverse }.count <= TextWidth.of(first), "\(pane) \(w)x\(h): \(after.row(y))")
                before = after
            }
        }
    }
}
