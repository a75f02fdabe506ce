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
    /// The lines that would take `commands` back, worked out on the model before they run.
    /// An add's line is only known once the store has given it its id (`finish`).
    func inverses(of commands: [Command]) -> [[String]]? {
        var scratch = model // a copy only once a batch changes it
        let context = ValidationContext(today: store.clock.today)
        var out: [[String]] = []
        for (i, c) in commands.enumerated() {
            guard let e = try? scratch.validate(c, context: context, newID: { RecordID("pending") }),
                  let lines = scratch.undoLines(for: e) else { return nil }
            out.append(lines)
            if i < commands.count - 1 { scratch.apply(e) }
        }
        return out
    }

    /// Files the inverse of a change that was saved: on the undo stack (a new edit clears redo),
    /// or on the other stack for an undo or a redo.
    func record(_ events: [Event], inverses: [[String]]?, what: String, source: UndoSource) {
        guard var inverses, inverses.count == events.count else { return }
        for (i, e) in events.enumerated() where (e.verb == .add || e.verb == .restore) && e.id != nil {
            inverses[i] = [LineGrammar.line(noun: e.noun.rawValue, verb: "rm", pairs: [("id", e.id!.raw)])]
        }
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
