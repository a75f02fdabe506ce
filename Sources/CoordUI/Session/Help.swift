import CoordModel

extension Session {
    /// The help overlay's lines, made from the action table.
    func helpLines() -> [String] {
        var lines = ["Keys (every change is saved to the journal as you make it)", ""]
        lines += Action.helpText(actions)
        lines += ["", "In a form: Tab/Down next field, Shift-Tab/Up previous, Enter save, Esc cancel.",
                  "At the : line: Enter runs, Up/Down recall earlier commands, Esc cancels.",
                  "Commands: noun verb key=value ..., e.g.",
                  "  crew add name=\"Zoë Müller\" role=\"1st AC\" dept=Camera rate=350",
                  "  cost add account=2100 amount=1250.00 vendor=Panavision po=PO-0042",
                  "Nouns: " + Noun.allCases.map(\.rawValue).joined(separator: ", ") + ". Verbs: add, set, rm.",
                  "Journal: " + store.path]
        return lines
    }
}

extension Action {
    /// One line per action: keys, what it does, and where.
    static func helpText(_ actions: [Action]) -> [String] {
        actions.map { a in
            let keys = TextWidth.fit(a.keyLabel, 16)
            let scope = a.panes.map { " (" + $0.map(\.title).joined(separator: ", ") + ")" } ?? ""
            return keys + a.help + scope
        }
    }

    /// docs/KEYS.md, generated from the action table so the two cannot drift.
    public static func markdown() -> String {
        var s = "# Coord keys\n\nGenerated from the action table (`coord keys`); a test fails if this file drifts.\n\n"
        s += "| keys | action | what it does | panes |\n| --- | --- | --- | --- |\n"
        for a in table() {
            let keys = a.keys.map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
            let panes = a.panes.map { $0.map(\.title).joined(separator: ", ") } ?? "all"
            s += "| \(keys) | \(a.name) | \(a.help) | \(panes) |\n"
        }
        s += """

        ## In a form
        | keys | what it does |
        | --- | --- |
        | `Tab` `Down` | next field (the field you leave is checked) |
        | `Shift-Tab` `Up` | previous field |
        | `Enter` | save (every field is checked; errors show beside their field) |
        | `Esc` `Ctrl-C` | cancel; nothing is saved |
        | `Left` `Right` `Home` `End` `Ctrl-A` `Ctrl-E` | move in the field |
        | `Backspace` `Delete` `Ctrl-U` `Ctrl-K` `Ctrl-W` | delete back, forward, to start, to end, a word |

        ## At the `:` line
        | keys | what it does |
        | --- | --- |
        | `Enter` | run the command (a journal line: `noun verb key=value ...`, or `q`, `help`) |
        | `Up` `Down` | earlier and later commands (kept across sessions in `.NAME.history` beside the journal, mode 0600) |
        | `Esc` `Ctrl-C` | cancel |

        ## Delete confirmation
        | keys | what it does |
        | --- | --- |
        | `y` | delete |
        | any other key | keep it |

        ## Help overlay
        | keys | what it does |
        | --- | --- |
        | `j` `k` `Down` `Up` `PgDn` `PgUp` `Space` `g` `G` | scroll |
        | `Esc` `q` `?` | close |

        """
        return s
    }
}
