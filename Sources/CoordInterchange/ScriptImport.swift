import CoordModel
import Foundation

/// Turns parsed scenes into journal commands, matching what the journal already has.
public enum ScriptImport {
    /// What a plan does, counted from its commands.
    public struct Summary: Sendable, Equatable {
        public var stripsAdded = 0
        public var stripsUpdated = 0
        public var castAdded = 0
    }

    public static func summary(of plan: ImportPlan) -> Summary {
        var s = Summary()
        var updated = Set<String>()
        for line in plan.commands {
            guard let c = try? LineGrammar.parse(line) else { continue }
            switch (c.noun, c.verb) {
            case ("strip", "add"): s.stripsAdded += 1
            case ("strip", "set"): updated.insert(c.value("id") ?? "")
            case ("crew", "add"): s.castAdded += 1
            default: break
            }
        }
        s.stripsUpdated = updated.count
        return s
    }

    /// `plan(scenes:model:)` with the parser's notes first.
    public static func plan(_ parse: ScriptParse, model: Model) -> ImportPlan {
        var p = plan(scenes: parse.scenes, model: model)
        p.notes = parse.notes + p.notes
        return p
    }

    /// The commands that bring `scenes` into `model`: a strip per scene (a `strip set` of the
    /// changed fields when a strip already has the scene number), and a cast member per
    /// speaking character not yet in the cast. Strips are never moved or removed.
    public static func plan(scenes raw: [ScriptScene], model: Model) -> ImportPlan {
        var (all, notes) = numbered(raw)
        var commands: [String] = []
        let scenes = all.filter { !$0.omitted }
        all.removeAll { !$0.omitted }

        // Cast: match each speaking character to a cast member, else add one.
        let (numberOf, castCommands) = castNumbers(for: scenes, model: model)
        commands += castCommands
        let owned = Set(numberOf.values)

        // Strips, matched by scene number.
        var byScene: [String: Strip] = [:]
        var doubled = Set<String>()
        for s in model.strips.values {
            let k = s.scene.uppercased()
            if byScene[k] == nil { byScene[k] = s } else { doubled.insert(s.scene) }
        }
        for d in doubled.sorted() {
            notes.append("scene \(d) has several strips; only the first (\(byScene[d.uppercased()]!.id)) is updated")
        }
        // What the heading could not say, unless the strip already says it.
        for s in scenes {
            let strip = byScene[s.number.uppercased()]
            if s.intExt.isEmpty && (strip?.intExt ?? "").isEmpty {
                notes.append("scene \(s.number): no INT/EXT in the heading '\(s.heading)'; I/E left empty")
            }
            if s.dayNight.isEmpty && (strip?.dayNight ?? "").isEmpty {
                notes.append(s.dayNightText.isEmpty
                    ? "scene \(s.number): no day or night in the heading '\(s.heading)'; D/N left empty"
                    : "scene \(s.number): '\(s.dayNightText)' is not one of DAY, NIGHT, DAWN, DUSK, CONTINUOUS; D/N left empty")
            }
        }
        var inScript = Set<String>()
        for s in all where inScript.insert(s.number.uppercased()).inserted {
            if byScene[s.number.uppercased()] != nil {
                notes.append("scene \(s.number) is OMITTED in the script; its strip is kept")
            }
        }
        // A strip holds at most 999 7/8 pages: a longer "scene" is a file that is not really a script.
        let most = Pages(eighths: 7999)
        func pagesText(_ s: ScriptScene) -> String {
            guard s.eighths > most.eighths else { return s.pages.description }
            notes.append("scene \(s.number): \(s.pages) pages counted, more than a strip holds; written as \(most) (is the file a screenplay?)")
            return most.description
        }
        for s in scenes {
            inScript.insert(s.number.uppercased())
            let cast = Set(s.characters.compactMap { numberOf[ScriptText.key($0)] })
            if let strip = byScene[s.number.uppercased()] {
                var pairs: [(String, String)] = [("id", strip.id.raw)]
                if !s.intExt.isEmpty && s.intExt != strip.intExt { pairs.append(("ie", s.intExt)) }
                if !s.set.isEmpty && s.set.lowercased() != strip.set.lowercased() { pairs.append(("set", s.set)) }
                if !s.dayNight.isEmpty && s.dayNight != strip.dayNight { pairs.append(("dn", s.dayNight)) }
                if s.eighths != strip.pages.eighths { pairs.append(("pages", pagesText(s))) }
                if strip.synopsis.isEmpty && !s.synopsis.isEmpty { pairs.append(("synopsis", s.synopsis)) }
                let had = strip.castNumbers
                // Numbers of characters in this script follow the script; others were added by hand and stay.
                let merged = cast.union(had.filter { !owned.contains($0) }).sorted(by: castOrder)
                if merged != Set(had).sorted(by: castOrder) { pairs.append(("cast", merged.joined(separator: ","))) }
                if pairs.count > 1 { commands.append(LineGrammar.line(noun: "strip", verb: "set", pairs: pairs)) }
            } else {
                var pairs: [(String, String)] = [("scene", s.number)]
                if !s.intExt.isEmpty { pairs.append(("ie", s.intExt)) }
                if !s.set.isEmpty { pairs.append(("set", s.set)) }
                if !s.dayNight.isEmpty { pairs.append(("dn", s.dayNight)) }
                pairs.append(("pages", pagesText(s)))
                if !s.synopsis.isEmpty { pairs.append(("synopsis", s.synopsis)) }
                if !cast.isEmpty { pairs.append(("cast", cast.sorted(by: castOrder).joined(separator: ","))) }
                commands.append(LineGrammar.line(noun: "strip", verb: "add", pairs: pairs))
            }
        }
        var gone: [String] = []
        var seenGone = Set<String>()
        for s in model.strips.values where !inScript.contains(s.scene.uppercased()) {
            if seenGone.insert(s.scene.uppercased()).inserted { gone.append(s.scene) }
        }
        if gone.count > 5 {
            notes.append("\(gone.count) scenes are no longer in the script (\(gone.joined(separator: ", "))); their strips are kept")
        } else {
            for g in gone { notes.append("scene \(g) is no longer in the script; its strip is kept") }
        }
        return ImportPlan(commands: commands, notes: notes)
    }

    // MARK: Scene numbers

    /// Gives every scene a number: its own, else its position in the script (1, 2, 3...).
    /// A position another scene already has as its number takes a letter (7A); a number used
    /// twice is imported the second time as `12-2`.
    static func numbered(_ raw: [ScriptScene]) -> ([ScriptScene], [String]) {
        var scenes = raw
        var notes: [String] = []
        for i in scenes.indices {
            let n = scenes[i].number.uppercased()
            if !n.isEmpty && !isCode(n) {
                notes.append("line \(scenes[i].line): scene number '\(scenes[i].number)' is not usable (letters, digits, - . / only); numbered by position")
                scenes[i].number = ""
            } else {
                scenes[i].number = n
            }
        }
        if !scenes.isEmpty && scenes.allSatisfy({ $0.number.isEmpty }) {
            for i in scenes.indices { scenes[i].number = String(i + 1) }
            notes.append("the script has no scene numbers: its scenes are numbered 1 to \(scenes.count) in order")
            return (scenes, notes)
        }
        var used = Set(scenes.map(\.number).filter { !$0.isEmpty })
        var seen = Set<String>()
        for i in scenes.indices {
            if scenes[i].number.isEmpty {
                var n = String(i + 1)
                if used.contains(n) {
                    let base = n
                    for letter in "ABCDEFGHJKLMNPQRSTUVWXYZ" where !used.contains(base + String(letter)) {
                        n = base + String(letter); break
                    }
                }
                used.insert(n)
                scenes[i].number = n
                notes.append("line \(scenes[i].line): '\(scenes[i].heading)' has no scene number; imported as scene \(n)")
            } else if !seen.insert(scenes[i].number).inserted {
                let base = scenes[i].number
                var k = 2
                while used.contains("\(base)-\(k)") { k += 1 }
                let n = "\(base)-\(k)"
                used.insert(n)
                scenes[i].number = n
                notes.append("line \(scenes[i].line): scene \(base) is numbered twice; this one is imported as scene \(n)")
            }
            seen.insert(scenes[i].number)
        }
        return (scenes, notes)
    }

    // MARK: Cast

    /// The part of a cast member's role that names the character: before " (" or " - ".
    static func roleName(_ role: String) -> String {
        var r = Substring(role)
        for sep in [" (", " - "] { if let range = r.range(of: sep) { r = r[..<range.lowerBound] } }
        return ScriptText.key(String(r))
    }

    /// Cast numbers per character key, and the crew commands that give them.
    static func castNumbers(for scenes: [ScriptScene], model: Model) -> ([String: String], [String]) {
        // Characters in order of first speech, with the number of scenes each speaks in.
        var order: [String] = []
        var spelling: [String: String] = [:]
        var sceneCount: [String: Int] = [:]
        for s in scenes {
            for c in s.characters {
                let k = ScriptText.key(c)
                if spelling[k] == nil { spelling[k] = c; order.append(k) }
                sceneCount[k, default: 0] += 1
            }
        }
        let cast = model.crew.values.filter { $0.dept.lowercased() == "cast" }
        var highest = 0
        for m in model.crew.values { if let n = Int(m.castNumber), n > highest { highest = n } }

        var numberOf: [String: String] = [:]
        var member: [String: CrewMember] = [:]
        for k in order {
            if let m = cast.first(where: { roleName($0.role) == k || ScriptText.key($0.name) == k }) {
                member[k] = m
                if !m.castNumber.isEmpty { numberOf[k] = m.castNumber }
            }
        }
        // The rest get the next numbers: most scenes first, then by first appearance.
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let needing = order.filter { numberOf[$0] == nil }
            .sorted { (sceneCount[$0]!, rank[$1]!) > (sceneCount[$1]!, rank[$0]!) }
        var commands: [String] = []
        var numbered: [RecordID: String] = [:]
        for k in needing {
            if let m = member[k], let n = numbered[m.id] { numberOf[k] = n; continue }
            highest += 1
            let n = String(highest)
            numberOf[k] = n
            if let m = member[k] {
                numbered[m.id] = n
                commands.append(LineGrammar.line(noun: "crew", verb: "set", pairs: [("id", m.id.raw), ("castno", n)]))
            } else {
                let name = spelling[k]!
                commands.append(LineGrammar.line(noun: "crew", verb: "add", pairs: [
                    ("name", name), ("role", name), ("dept", "Cast"), ("castno", n), ("status", "pencilled"),
                ]))
            }
        }
        return (numberOf, commands)
    }
}
