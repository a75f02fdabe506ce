import CoordModel

// What Fountain and Final Draft are both read into, and how that becomes scenes.

/// One paragraph of a screenplay, whichever format it came from.
struct ScriptElement: Sendable {
    enum Kind: Sendable { case heading, action, character, parenthetical, dialogue, transition, synopsis }
    var kind: Kind
    /// The text; an action may hold several lines separated by `\n`.
    var text: String
    var line: Int
    /// Heading: the scene number the file gives.
    var number: String = ""
    /// Heading: the length the file states (FDX `SceneProperties Length`), in eighths.
    var statedEighths: Int? = nil
    /// Character: the second speaker of dual dialogue (printed beside the first).
    var dual = false
}

/// Turns a run of elements into scenes: characters, synopsis and printed length per scene.
enum ScriptBuilder {
    static func scenes(_ elements: [ScriptElement], file: String) -> ScriptParse {
        var scenes: [ScriptScene] = []
        var notes: [String] = []
        var blocks: [(lines: Int, dual: Bool)] = []
        var current: ScriptScene?
        var stated: Int?
        var firstAction = "", firstSynopsis = ""
        var seen = Set<String>()
        var before: (first: Int, last: Int)?
        var inDialogue = false

        func finish() {
            guard var s = current else { return }
            var lines = 0
            var previous = 0
            for b in blocks {
                // Each block is printed after one blank line; the second speaker of dual
                // dialogue sits beside the first, so only the lines it adds below count.
                if b.dual { lines += max(0, b.lines - previous) } else { lines += 1 + b.lines }
                previous = b.lines
            }
            s.eighths = stated ?? ScriptPages.eighths(lines: lines)
            let syn = firstSynopsis.isEmpty ? firstAction : firstSynopsis
            s.synopsis = ScriptText.synopsis(syn)
            scenes.append(s)
            current = nil
        }

        for e in elements {
            if e.kind != .heading && current == nil {
                if e.kind == .action || e.kind == .dialogue || e.kind == .character {
                    before = (before?.first ?? e.line, e.line)
                }
                continue
            }
            switch e.kind {
            case .heading:
                finish()
                let parts = SceneHeading.split(e.text)
                current = ScriptScene(number: e.number, intExt: parts.intExt, set: parts.set, dayNight: parts.dayNight,
                                      dayNightText: parts.dayNightText, heading: e.text, line: e.line,
                                      omitted: SceneHeading.omittedWords.contains(ScriptText.key(parts.set)) && parts.dayNightText.isEmpty)
                stated = e.statedEighths
                blocks = [(1, false)]
                firstAction = ""; firstSynopsis = ""; seen = []; inDialogue = false
            case .synopsis:
                if firstSynopsis.isEmpty { firstSynopsis = e.text }
            case .action:
                let n = e.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .reduce(0) { $0 + ScriptPages.wrappedLines(ScriptText.plain(String($1)), width: ScriptPages.actionWidth) }
                blocks.append((n, false))
                inDialogue = false
                if firstAction.isEmpty {
                    firstAction = e.text.split(separator: "\n").first.map(String.init) ?? ""
                }
            case .transition:
                blocks.append((1, false)); inDialogue = false
            case .character:
                let name = ScriptText.characterName(e.text)
                if !name.isEmpty, seen.insert(ScriptText.key(name)).inserted { current!.characters.append(name) }
                blocks.append((1, e.dual)); inDialogue = true
            case .parenthetical:
                if inDialogue { blocks[blocks.count - 1].lines += 1 } else { blocks.append((1, false)) }
            case .dialogue:
                let n = ScriptPages.wrappedLines(ScriptText.plain(e.text), width: ScriptPages.dialogueWidth)
                if inDialogue { blocks[blocks.count - 1].lines += n } else { blocks.append((n, false)) }
            }
        }
        finish()
        if let before {
            let one = before.first == before.last
            let span = one ? "line \(before.first) comes" : "lines \(before.first)-\(before.last) come"
            notes.append("\(file): \(span) before the first scene heading and \(one ? "belongs" : "belong") to no strip")
        }
        return ScriptParse(scenes: scenes, notes: notes)
    }
}
