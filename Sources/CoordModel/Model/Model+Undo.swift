/// Undo appends the inverse of a change; the journal is never rewritten, and shows the undo.
extension Model {
    /// The journal lines that undo `e`, worked out on this model, as it was before `e` was
    /// applied. Nil when there is nothing to undo it with.
    public func undoLines(for e: Event) -> [String]? {
        let noun = e.noun.rawValue
        switch e.verb {
        case .add, .restore:
            guard let id = e.id else { return nil }
            return [LineGrammar.line(noun: noun, verb: "rm", pairs: [("id", id.raw)])]
        case .rm:
            guard let id = e.id else { return nil }
            var lines = [restoreLine(id)]
            // What the rm took with it comes back too.
            if e.noun == .crew || e.noun == .kit {
                lines += bookings.values.filter { $0.who == id.raw }.map { restoreLine($0.id) }
            } else if e.noun == .board {
                lines += days.values.filter { $0.board == id.raw }.map { restoreLine($0.id) }
                lines += banners.values.filter { $0.board == id.raw }.map { restoreLine($0.id) }
                lines += calendar.values.filter { $0.board == id.raw }.map { restoreLine($0.id) }
            }
            return lines
        case .set:
            let current = Dictionary((e.id.map { fieldValues(of: $0) } ?? production.fieldPairs).map { ($0.0.key, $0.1) },
                                     uniquingKeysWith: { a, _ in a })
            var pairs: [(String, String)] = e.id.map { [("id", $0.raw)] } ?? []
            for a in e.values { pairs.append((a.key, current[a.key]?.journalText ?? "")) }
            var lines = pairs.count > (e.id == nil ? 0 : 1) ? [LineGrammar.line(noun: noun, verb: "set", pairs: pairs)] : []
            if let id = e.id, let p = e.placement, let back = placeBack(id, e.noun, board: p.board) { lines.append(back) }
            return lines
        case .move:
            guard let id = e.id, let p = e.placement, let back = placeBack(id, e.noun, board: p.board) else { return nil }
            return [back]
        }
    }

    /// A `restore` line giving the record every field it has now, and its place on its board.
    private func restoreLine(_ id: RecordID) -> String {
        guard let noun = nounOf[id] else { return "" }
        var pairs: [(String, String)] = [("id", id.raw)]
        for (f, v) in fieldValues(of: id) where v != .empty { pairs.append((f.key, v.journalText)) }
        if noun.isPlaced, let (board, anchor) = place(of: id) {
            if noun == .strip { pairs.append(("board", board.raw)) }
            if let anchor { pairs.append(anchor) }
        }
        return LineGrammar.line(noun: noun.rawValue, verb: "restore", pairs: pairs)
    }

    /// A `move` that puts a strip, day or banner back where it is now on `board`.
    private func placeBack(_ id: RecordID, _ noun: Noun, board: RecordID) -> String? {
        var pairs: [(String, String)] = [("id", id.raw)]
        if noun == .strip { pairs.append(("board", board.raw)) }
        switch place(of: id, on: board) {
        case (_, let anchor?)?: pairs.append(anchor)
        case (_, nil)?: if noun != .strip { return nil } // alone on its board: already where it was
        case nil: if noun == .strip { pairs.append(("boneyard", "yes")) } else { return nil }
        }
        return LineGrammar.line(noun: noun.rawValue, verb: "move", pairs: pairs)
    }

    /// Where `id` sits in a running order: the board, and `after=` its neighbour (`before=` when
    /// first; nil when it is alone there).
    private func place(of id: RecordID, on only: RecordID? = nil) -> (RecordID, (String, String)?)? {
        for b in boards.values where only == nil || b.id == only {
            guard let i = b.items.firstIndex(of: id) else { continue }
            if i > 0 { return (b.id, ("after", b.items[i - 1].raw)) }
            if b.items.count > 1 { return (b.id, ("before", b.items[1].raw)) }
            return (b.id, nil)
        }
        return nil
    }
}

extension Production {
    var fieldPairs: [(FieldInfo, FieldValue)] { Production.fields.map { ($0.info, $0.get(self)) } }
}
