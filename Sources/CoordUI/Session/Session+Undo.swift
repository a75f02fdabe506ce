import CoordModel

/// One of the user's own changes, as undo and redo see it: what to append to take it back.
struct UndoStep {
    /// "crew rm Jo Alder (cr-jo)", for the status line.
    var what: String
    var lines: [String]
}

/// Where a change came from, so its inverse goes on the right stack.
enum UndoSource { case edit, undo, redo }

/// Undo appends the inverse of the user's own last change (`u`), redo appends it again
/// (Ctrl-R); the journal stays append-only and shows both.
extension Session {
    /// Files the inverse of a change that was saved: on the undo stack (a new edit clears redo),
    /// or on the other stack for an undo or a redo.
    func record(_ events: [Event], inverses: [[String]]?, what: String, source: UndoSource) {
        guard let inverses, inverses.count == events.count, !inverses.contains(where: \.isEmpty) else { return }
        let step = UndoStep(what: what, lines: inverses.reversed().flatMap { $0 })
        switch source {
        case .edit: undoStack.append(step); redoStack.removeAll()
        case .undo: redoStack.append(step)
        case .redo: undoStack.append(step)
        }
        if undoStack.count > 500 { undoStack.removeFirst(undoStack.count - 500) }
    }

    func undo() { replay(from: .undo) }
    func redo() { replay(from: .redo) }

    private func replay(from source: UndoSource) {
        guard let step = source == .undo ? undoStack.popLast() : redoStack.popLast() else {
            message = Message(source == .undo ? "nothing to undo" : "nothing to redo", .error)
            return
        }
        undoSource = source
        defer { undoSource = .edit }
        let filed = source == .undo ? redoStack.count : undoStack.count
        switch perform(lines: step.lines) {
        case .success:
            // The step it filed on the other stack is still the user's change, in their words.
            if source == .undo, redoStack.count > filed { redoStack[filed].what = step.what }
            if source == .redo, undoStack.count > filed { undoStack[filed].what = step.what }
            message = Message("\(source == .undo ? "undone" : "redone"): \(step.what) (appended to the journal)", .ok)
        case .failure(let e):
            // Someone else's change may stand in the way: the step stays, for another try.
            if source == .undo { undoStack.append(step) } else { redoStack.append(step) }
            message = Message("could not \(source == .undo ? "undo" : "redo") \(step.what): \(e.description)", .error)
        }
    }
}
