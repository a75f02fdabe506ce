import CoordModel

// USS breakdowns as strips: scene number, INT/EXT, set, D/N, cast, pages and notes.

extension USSImporter {
    mutating func readBreakdowns(_ list: [JSON]) {
        var noScene = 0
        for b in list {
            guard let id = b["id"]?.idText else { tally("breakdowns with no id skipped"); continue }
            let type = USS.fold(b["type"]?.string ?? "")
            if type == "banner" {
                banners[id] = b
                continue
            }
            guard type == "scene" || type == "strip" else {
                tally("breakdowns of an unknown type skipped", b["type"]?.string ?? "none")
                continue
            }
            var notes: [String] = []
            if let c = b["comments"]?.string, !c.trimmingWhitespace().isEmpty { notes.append(c.trimmingWhitespace()) }
            // Scene: a Coord scene is a code (letters, digits, - . /, up to 24).
            let rawScene = (b["scene"]?.idText ?? "").trimmingWhitespace()
            var scene = sceneCode(rawScene)
            if scene.isEmpty {
                noScene += 1
                scene = "NOSCENE\(noScene)"
                tally("strips with no scene number given NOSCENE1, NOSCENE2...",
                      String((b["description"]?.string ?? id).prefix(40)))
            } else if scene != rawScene {
                notes.append("USS scene: \(rawScene)")
                tally("scene numbers Coord cannot write as they are (letters, digits, - . / up to 24) changed", "\(rawScene) → \(scene)")
            }
            // Elements: INT/EXT, set, day/night, cast; notes for script day, unit...
            var ie: [String] = [], sets: [String] = [], dn: [String] = [], cast: [String] = []
            var extra: [(String, String)] = []
            for ref in b["elements"]?.array ?? [] {
                guard let eid = ref.idText, let el = elements[eid] else { tally("element references to no element skipped", scene); continue }
                switch el.role {
                case .intExt: ie.append(el.name)
                case .set: if !el.name.isEmpty && !sets.contains(el.name) { sets.append(el.name) }
                case .dayNight: dn.append(el.name)
                case .cast: if let n = castNumberOfElement[eid], !cast.contains(n) { cast.append(n) }
                case .stripNote(let label): if !el.name.isEmpty { extra.append((label, el.name)) }
                default: break
                }
            }
            let intExt = mapIntExt(ie, scene: scene)
            let dayNight = mapDayNight(dn, scene: scene, notes: &notes)
            if sets.count > 1 { tally("strips with more than one set: the sets joined with ' / '", scene) }
            for (label, value) in extra { notes.append("\(label): \(value)") }
            cast.sort(by: castOrder)
            let pages = readPages(b["pages"], scene: scene)
            if (b["scriptPage"]?.string).map({ !$0.isEmpty }) == true || b["duration"]?.number != nil {
                tally("script page and estimated duration not kept (Coord strips have no such fields)", scene)
            }
            let sid = freshID(USSImporter.derived(id))
            if model.isUsed(RecordID(USSImporter.derived(id))) {
                tally("strips whose id is already in the journal (imported before?) given new ids", scene)
            }
            stripOf[id] = sid
            sceneOf[id] = scene
            stripOrder.append(sid)
            stripPairs[sid] = [("id", sid), ("scene", scene), ("ie", intExt), ("set", sets.joined(separator: " / ")),
                               ("dn", dayNight), ("pages", pages.eighths == 0 ? "" : pages.description),
                               ("synopsis", (b["description"]?.string ?? "").trimmingWhitespace()),
                               ("cast", cast.joined(separator: ",")), ("notes", notes.joined(separator: "; "))]
        }
    }

    func sceneCode(_ raw: String) -> String {
        var out = ""
        var gap = false
        for ch in raw {
            if ch.isWhitespace || ch == "_" { gap = !out.isEmpty; continue }
            guard ch.isASCII, ch.isLetter || ch.isNumber || "-./".contains(ch) else { continue }
            if gap { out.append("-"); gap = false }
            out.append(ch)
        }
        return String(out.prefix(24))
    }

    mutating func readPages(_ v: JSON?, scene: String) -> Pages {
        switch v {
        case .number(let p)?:
            guard p.isFinite, p >= 0 else { tally("negative page counts read as 0", scene); return Pages(eighths: 0) }
            let e = (p * 8).rounded()
            if abs(e - p * 8) > 1e-6 { tally("page counts not in eighths rounded to the nearest eighth", "\(scene): \(p)") }
            return Pages(eighths: Int(min(e, 999 * 8 + 7)))
        case .string(let s)?:
            if case .success(let p) = Pages.parse(s) { return p }
            tally("page counts that do not read as pages read as 0", "\(scene): \(s)")
            return Pages(eighths: 0)
        default:
            tally("strips with no page count (0 kept)", scene)
            return Pages(eighths: 0)
        }
    }

    mutating func mapIntExt(_ names: [String], scene: String) -> String {
        var found = Set<String>()
        for n in names {
            let f = n.uppercased().filter { !$0.isWhitespace && $0 != "." }
            switch f {
            case "INT", "I", "INTERIOR": found.insert("INT")
            case "EXT", "E", "EXTERIOR": found.insert("EXT")
            case "INT/EXT", "EXT/INT", "I/E", "E/I", "IE", "EI", "INTEXT", "EXTINT": found.formUnion(["INT", "EXT"])
            default:
                if let c = Choices.intExt.canonical(n) {
                    if c == "INT/EXT" { found.formUnion(["INT", "EXT"]) } else { found.insert(c) }
                } else {
                    tally("INT/EXT values Coord does not know left empty", "\(scene): \(n)")
                }
            }
        }
        if found.count > 1 { return "INT/EXT" }
        return found.first ?? ""
    }

    mutating func mapDayNight(_ names: [String], scene: String, notes: inout [String]) -> String {
        var values: [String] = []
        for n in names {
            let f = USS.fold(n)
            let guessed = ["afternoon": "DAY", "noon": "DAY", "magichour": "DUSK", "sunset": "DUSK", "sunrise": "DAWN",
                           "twilight": "DUSK", "latenight": "NIGHT"][f]
            if let g = guessed {
                tally("D/N '\(n.uppercased())' read as \(g)", scene)
                values.append(g)
            } else if let c = Choices.dayNight.canonical(n) {
                if USS.fold(c) != f && !["d", "n", "cont"].contains(f) { tally("D/N '\(n.uppercased())' read as \(c)", scene) }
                values.append(c)
            } else {
                notes.append("D/N: \(n)")
                tally("D/N '\(n)' is not a Coord day/night: left empty, kept in the strip's notes", scene)
            }
        }
        let distinct = values.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if distinct.count > 1 { tally("strips with more than one D/N: the first kept", scene) }
        return distinct.first ?? ""
    }
}
