extension Model {
    /// One progress report per shoot day: a second would leave two versions of what happened.
    func checkProgress(_ verb: Verb, id: RecordID?, given: [String: (FieldInfo, FieldValue)]) throws(CommandError) {
        guard verb == .add || verb == .set, case .text(let day)? = given["day"]?.1 else { return }
        if let other = progress.values.first(where: { $0.id != id && $0.day == day }) {
            throw CommandError("day \(day) already has a progress report (\(other.id)); change that one", key: "day")
        }
    }

    /// A strip's `shot` and `shotday` go together. A mark given without a day gets the shoot day
    /// the strip is on (after this change places it) on the active board, written into the line so
    /// replay never has to work it out; clearing the mark clears the day.
    func fillShotDay(_ verb: Verb, id: RecordID?, given: inout [String: (FieldInfo, FieldValue)],
                     placement: Placement?) throws(CommandError) {
        guard verb == .add || verb == .set, let id, given["shot"] != nil || given["shotday"] != nil,
              let dayField = Noun.strip.field("shotday") else { return }
        let current = strips[id]
        let shot = given["shot"]?.1.journalText ?? current?.shot ?? ""
        if given["shot"] != nil && given["shotday"] == nil {
            if shot.isEmpty {
                if !(current?.shotDay ?? "").isEmpty { given["shotday"] = (dayField, .empty) }
            } else if let day = activeDay(of: id, after: placement) {
                given["shotday"] = (dayField, .text(day.raw))
            } else if (current?.shotDay ?? "").isEmpty {
                throw CommandError("\(id) is on no shoot day of the active board: say which day it was shot on (shotday=)",
                                   key: "shotday")
            }
        }
        let shotDay = given["shotday"]?.1.journalText ?? current?.shotDay ?? ""
        if shot.isEmpty && !shotDay.isEmpty {
            throw CommandError("shotday goes with shot=done or shot=part", key: "shotday")
        }
    }

    /// The shoot day of the active board that `strip` is on once `placement` is applied.
    private func activeDay(of strip: RecordID, after placement: Placement?) -> RecordID? {
        var m = self
        m.nounOf[strip] = .strip // a strip being added is not in the model yet
        if let p = placement { m.place(strip, p) }
        let layout = m.layout(of: activeBoard.id)
        return layout.dayOfStrip[strip].map { layout.days[$0].id }
    }
}
