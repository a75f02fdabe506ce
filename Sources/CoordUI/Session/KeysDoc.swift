import CoordModel

extension Action {
    /// The keys outside the action table, for the `?` help and docs/KEYS.md alike.
    /// A key with a space in it ("any other key") is prose, not a key name.
    static let modeKeys: [(title: String, rows: [(keys: [String], what: String)])] = [
        ("In a form", [
            (["Tab", "Down"], "next field (the field you leave is checked)"),
            (["Shift-Tab", "Up"], "previous field"),
            (["Enter"], "save (every field is checked; errors show beside their field)"),
            (["Esc", "Ctrl-C"], "cancel; nothing is saved"),
            (["Left", "Right", "Home", "End", "Ctrl-A", "Ctrl-E"], "move in the field"),
            (["Backspace", "Delete", "Ctrl-U", "Ctrl-K", "Ctrl-W"], "delete back, forward, to start, to end, a word"),
        ]),
        ("At the `:` line", [
            (["Enter"], "run the command (a journal line: `noun verb key=value ...`, or `help WORD`, `find TEXT`, `q`)"),
            (["Tab", "Shift-Tab"], "complete the noun, verb, key= or value; again: the next / previous candidate"),
            (["Up", "Down"], "earlier and later commands (kept across sessions in `.NAME.history` beside the journal, mode 0600)"),
            (["Esc", "Ctrl-C"], "cancel"),
        ]),
        ("Typing a `/` search", [
            (["Enter"], "keep the place found (n / N then go on to the next and previous match)"),
            (["Esc"], "go back to where you were"),
        ]),
        ("The `:find` list", [
            (["j", "k", "Down", "Up", "PgDn", "PgUp", "g", "G"], "move"),
            (["Enter"], "go to the record, in its pane"),
            (["Esc"], "close"),
        ]),
        ("Mouse (`mouse = off` in ~/.config/coord/config turns it off)", [
            (["click a tab"], "go to that pane"),
            (["click a row"], "select it (in the grid: the cell)"),
            (["click a hint"], "run it, as its key would"),
            (["wheel"], "scroll three rows"),
            (["Shift+drag"], "select text, as without the mouse (most terminals)"),
        ]),
        ("Delete confirmation", [
            (["y"], "delete"),
            (["any other key"], "keep it"),
        ]),
        ("Help overlay", [
            (["/"], "search: type words to narrow the list to the lines holding them all (Enter stops typing)"),
            (["Esc"], "clear the search; with none, close"),
            (["j", "k", "Down", "Up", "PgDn", "PgUp", "Space", "g", "G"], "scroll"),
            (["q", "?"], "close"),
        ]),
    ]

    /// docs/KEYS.md, generated from the action table so the two cannot drift.
    public static func markdown() -> String {
        var s = "# Coord keys\n\nGenerated from the action table (`coord keys`); a test fails if this file drifts.\n\n"
        s += "| keys | action | what it does | panes |\n| --- | --- | --- | --- |\n"
        for a in table() {
            let keys = a.keys.map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
            let panes = a.panes.map { $0.map(\.title).joined(separator: ", ") } ?? "all"
            s += "| \(keys) | \(a.name) | \(a.help) | \(panes) |\n"
        }
        for section in modeKeys {
            s += "\n## \(section.title)\n| keys | what it does |\n| --- | --- |\n"
            for row in section.rows {
                let keys = row.keys.map { $0.contains(" ") ? $0 : "`\($0)`" }.joined(separator: " ")
                s += "| \(keys) | \(row.what) |\n"
            }
        }
        return s
    }
}
