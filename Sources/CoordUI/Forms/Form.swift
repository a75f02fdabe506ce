import CoordModel

/// An add or edit form for one record, built from the record's field table.
public struct Form: Sendable {
    public var noun: Noun
    public var verb: Verb
    public var id: RecordID?
    public var fields: [FieldInfo]
    public var editors: [LineEditor]
    var original: [String]
    public var errors: [String?]
    /// An error that belongs to no one field (a full disk, a rule across fields).
    public var formError: String?
    public var focus = 0
    /// Keys the form adds without asking (where a new banner goes).
    public var extra: [Command.Pair] = []

    public init(noun: Noun, verb: Verb, id: RecordID?, values: [String: String]) {
        self.noun = noun; self.verb = verb; self.id = id
        fields = noun.formFields
        original = fields.map { values[$0.key] ?? "" }
        editors = original.map { LineEditor($0) }
        errors = Array(repeating: nil, count: fields.count)
    }

    public var title: String {
        (verb == .add ? "Add " : "Edit ") + noun.title + (id.map { " \($0)" } ?? "")
    }

    public func text(_ key: String) -> String? {
        fields.firstIndex { $0.key == key }.map { editors[$0].text }
    }

    /// The command this form stands for: every filled field when adding, changed ones when editing.
    public func command() -> Command {
        var pairs: [Command.Pair] = []
        if let id { pairs.append(.init(key: "id", value: id.raw)) }
        for (i, f) in fields.enumerated() {
            let t = editors[i].text
            if verb == .add ? !t.trimmingWhitespace().isEmpty : t != original[i] {
                pairs.append(.init(key: f.key, value: t))
            }
        }
        return Command(noun: noun.rawValue, verb: verb.rawValue, pairs: pairs + extra)
    }

    public var hasChanges: Bool { zip(editors, original).contains { $0.text != $1 } }

    /// Checks one field as the person leaves it.
    public mutating func check(_ i: Int, model: Model, today: CalendarDate) {
        errors[i] = Form.problem(fields[i], editors[i].text, model: model, today: today)
    }

    static func problem(_ f: FieldInfo, _ text: String, model: Model, today: CalendarDate) -> String? {
        let t = text.trimmingWhitespace()
        if t.isEmpty { return f.required ? "required" : nil }
        do {
            _ = try model.checkField(t, field: f, context: ValidationContext(today: today))
            return nil
        } catch {
            // The value is in the field already; say only what is wrong with it.
            let quoted = "'\(t)' "
            return error.message.hasPrefix(quoted) ? String(error.message.dropFirst(quoted.count)) : error.message
        }
    }

    /// Draws the form as a box in the middle of (x, y, w, h); returns where the cursor goes.
    public func draw(into c: inout Canvas, x: Int, y: Int, w: Int, h: Int, theme: Theme) -> (Int, Int) {
        let boxW = min(w, 76)
        let boxH = min(h, fields.count + 5)
        let bx = x + (w - boxW) / 2, by = y + max(0, (h - boxH) / 2)
        c.box(bx, by, boxW, boxH, title: title, theme.frame)
        let labelW = max(12, fields.map { TextWidth.of($0.label) }.max() ?? 12)
        let inputW = max(10, min(36, boxW - labelW - 30))
        let visible = boxH - 5
        let first = max(0, min(focus - visible + 1, fields.count - visible))
        var cursor = (bx + 2, by + 1)
        for (row, i) in (first..<min(fields.count, first + visible)).enumerated() {
            let f = fields[i], fy = by + 1 + row
            let label = f.label + (f.required ? "*" : "")
            c.put(bx + 2, fy, TextWidth.fit(label, labelW, right: true), i == focus ? theme.label : theme.text)
            let ix = bx + 3 + labelW
            let cx = editors[i].draw(into: &c, x: ix, y: fy, width: inputW, style: i == focus ? theme.selected : theme.input)
            if i == focus { cursor = (cx, fy) }
            let noteX = ix + inputW + 1, noteW = bx + boxW - 2 - noteX
            if let e = errors[i] {
                c.put(noteX, fy, TextWidth.truncate(e, to: noteW), theme.error)
            } else if i == focus {
                c.put(noteX, fy, TextWidth.truncate(f.kind.hint, to: noteW), theme.dim)
            }
        }
        let footY = by + boxH - 3
        if let e = errors[focus] {
            // The note beside a field is short; the whole message shows here.
            c.put(bx + 2, footY, TextWidth.truncate(fields[focus].label + ": " + e, to: boxW - 4), theme.error)
        } else if let formError {
            c.put(bx + 2, footY, TextWidth.truncate(formError, to: boxW - 4), theme.error)
        } else if verb == .set {
            c.put(bx + 2, footY, TextWidth.truncate("Changes are saved to the journal at once.", to: boxW - 4), theme.dim)
        }
        c.put(bx + 2, by + boxH - 2, TextWidth.truncate("Enter save · Tab/↓ next · Shift-Tab/↑ back · Esc cancel", to: boxW - 4), theme.dim)
        return cursor
    }
}
