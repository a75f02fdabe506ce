/// Help on the journal language, from the same field tables that check every line: what
/// `coord help NOUN`, `coord help VERB` and the app's `:help WORD` print.
public enum JournalHelp {
    /// The topics there is help on, for completion and for the message when a word is not one.
    public static var topics: [String] { ["nouns", "verbs"] + Noun.allCases.map(\.rawValue) + Verb.allCases.map(\.rawValue) }

    /// Help on `topic` (a noun, a verb, `nouns`, `verbs`), or nil when it is none of them.
    public static func text(_ topic: String) -> String? {
        let t = topic.trimmingWhitespace().lowercased()
        if t == "nouns" {
            return "Nouns (the records a journal line names):\n"
                + Noun.allCases.map { "  " + pad($0.rawValue, 10) + $0.title + " (" + $0.verbs.map(\.rawValue).joined(separator: ", ") + ")" }
                .joined(separator: "\n")
        }
        if t == "verbs" { return Verb.allCases.compactMap { verbText($0) }.joined(separator: "\n\n") }
        if let verb = Verb(rawValue: t) { return verbText(verb) }
        guard let noun = Noun(rawValue: t) else { return nil }
        var out = ["\(noun.rawValue): a \(noun.title). Verbs: \(noun.verbs.map(\.rawValue).joined(separator: ", ")).",
                   "", "Fields (key=value; quote values with spaces: name=\"Zoë Müller\"):"]
        for f in noun.fields {
            var notes: [String] = []
            if f.required { notes.append("required") }
            if let d = f.defaultText { notes.append("default \(d)") }
            if !f.aliases.isEmpty { notes.append("also " + f.aliases.joined(separator: ", ")) }
            // A field's own help says more than its kind's hint, except a choice's list of values.
            var isChoice = false
            if case .choice = f.kind { isChoice = true }
            let about = f.label + ": " + (f.help.isEmpty ? f.kind.hint : isChoice ? f.kind.hint + "; " + f.help : f.help)
            out.append("  " + pad(f.key, 14) + about + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"))
        }
        let example = noun == .production ? "production set title=\"The Lighthouse\""
            : "\(noun.rawValue) add " + noun.fields.filter(\.required).prefix(3).map { "\($0.key)=..." }.joined(separator: " ")
        out += ["", "For example:  \(example)", "Every line is also a journal line: docs/JOURNAL.md §6 has each noun in full."]
        return out.joined(separator: "\n")
    }

    private static func verbText(_ verb: Verb) -> String? {
        let what: String
        switch verb {
        case .add: what = "add a record: NOUN add key=value ... (Coord gives it an id; a journal line carries id=)"
        case .set: what = "change fields of a record: NOUN set id=ID key=value ... (key= empties a field)"
        case .rm: what = "remove a record: NOUN rm id=ID (its id is never used again)"
        case .restore: what = "bring back a removed record under its own id: NOUN restore id=ID key=value ... (as add; what undoing an rm writes)"
        case .move: what = "place a strip, day break or banner in a running order: NOUN move id=ID after=ID | before=ID | day=ID | boneyard=yes"
        }
        let nouns = Noun.allCases.filter { $0.verbs.contains(verb) }.map(\.rawValue)
        return "\(verb.rawValue): \(what)\n  nouns: \(nouns.joined(separator: ", "))"
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
