import Foundation
import Testing
@testable import CoordModel
@testable import CoordUI

/// `u` and Ctrl-R take back and redo the user's own changes by appending to the journal.
@Suite struct UndoSessionTests {
    @Test func aDeletedClearanceComesBackWithUAndGoesAgainWithCtrlR() throws {
        let (s, path) = try demoSession()
        s.handle(.char("4"))
        let id = try #require(s.selectedRow?.id)
        let title = try #require(s.model.clearances[id]?.title)
        let logLines = s.model.clearanceLog.values.filter { $0.item == id.raw }.count
        s.handle(.char("d")); s.handle(.char("y"))
        #expect(s.model.clearances[id] == nil)
        s.handle(.char("u"))
        #expect(s.model.clearances[id]?.title == title, "back under its own id")
        #expect(s.model.clearanceLog.values.filter { $0.item == id.raw }.count == logLines)
        #expect(s.message?.text.hasPrefix("undone: clearance rm \(title)") == true, "\(s.message?.text ?? "")")
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("clearance rm id=\(id.raw)") && journal.contains("clearance restore id=\(id.raw)"),
                "the journal keeps the delete and shows the undo")
        s.handle(.ctrl("r"))
        #expect(s.model.clearances[id] == nil && s.message?.text.hasPrefix("redone: clearance rm \(title)") == true, "\(s.message?.text ?? "")")
        s.handle(.char("u"))
        #expect(s.model.clearances[id] != nil)
        // Undo goes back through the user's changes, newest first, and says when there are no more.
        s.handle(.char("u"))
        #expect(s.message?.text.contains("nothing to undo") == true, "\(s.message?.text ?? "")")
    }

    @Test func anEditIsUndoneFieldByFieldAndANewEditClearsRedo() throws {
        let (s, _) = try demoSession()
        s.run(commandLine: "crew set id=cr-jo role=\"Script supervisor\" phone=\"\"")
        s.run(commandLine: "crew add name=\"Ann Bell\" role=Runner")
        let ann = try #require(s.model.crew.values.first { $0.name == "Ann Bell" }?.id)
        s.handle(.char("u"))
        #expect(s.model.crew[ann] == nil, "the add is undone by removing it")
        s.handle(.char("u"))
        let jo = try #require(s.model.crew["cr-jo"])
        #expect(jo.role != "Script supervisor" && !jo.phone.isEmpty)
        s.run(commandLine: "crew set id=cr-jo notes=Hi")
        s.handle(.ctrl("r"))
        #expect(s.message?.text.contains("nothing undone to redo") == true || s.message?.text.contains("nothing to redo") == true,
                "\(s.message?.text ?? "")")
    }
}
