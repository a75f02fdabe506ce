/// `coord compact`: an equivalent, shorter journal. Each record off the running orders keeps
/// the line that added it; all its `set` lines become one `set` of its final values, written
/// where the last one was; a removed record keeps only its `add` and `rm` (so its id stays
/// used). Running orders (boards, days, strips, banners) and the production keep every line,
/// since their order is their meaning. The result is replayed and compared with the original
/// before anything is written: if any record differs, nothing is compacted.
public enum Compaction {
    public struct Result: Sendable {
        public var text: String
        public var linesBefore: Int
        public var linesAfter: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case journal(JournalError)
        case notEquivalent(String)
        public var description: String {
            switch self {
            case .journal(let e): return e.description
            case .notEquivalent(let why): return "cannot compact safely: \(why); nothing was changed"
            }
        }
    }

    static let kept: Set<Noun> = [.production, .board, .day, .strip, .banner]

    public static func compact(_ bytes: [UInt8], path: String) throws(Failure) -> Result {
        let original: Model
        do { original = try JournalReader.replay(bytes, path: path).model } catch { throw .journal(error) }
        // Every change line, in order, with the record it changed.
        var lines: [(text: String, noun: Noun?, verb: Verb?, id: RecordID?)] = []
        var model = Model()
        var lineNo = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            let text = String(decoding: raw, as: UTF8.self)
            guard let cmd = try? LineGrammar.parse(text) else {
                // People's comments stay where they were; the header is written anew.
                // (A batch marker's count would no longer fit the lines after it: it goes.)
                if lineNo > 1, text.hasPrefix("#"), !text.hasPrefix(BatchMarker.prefix) { lines.append((text, nil, nil, nil)) }
                continue
            }
            guard let event = try? model.validate(cmd, context: .replay, newID: { RecordID("-") }) else {
                throw .journal(.badLine(path: path, line: lineNo, column: nil, message: "does not replay"))
            }
            model.apply(event)
            lines.append((text, event.noun, event.verb, event.id))
        }
        // Per squashable record: where its lines are.
        var lastSet: [RecordID: Int] = [:], removed = Set<RecordID>()
        for (i, l) in lines.enumerated() {
            guard let noun = l.noun, !kept.contains(noun), let id = l.id else { continue }
            switch l.verb {
            case .set?: lastSet[id] = i
            case .rm?: removed.insert(id)
            case .restore?: removed.remove(id) // back again: its later sets are squashed like any live record's
            default: break
            }
        }
        var out = [JournalFormat.header]
        var replay = Model()
        for (i, l) in lines.enumerated() {
            guard let noun = l.noun, !kept.contains(noun), let id = l.id, l.verb == .set else {
                out.append(l.text)
                if l.noun != nil, let cmd = try? LineGrammar.parse(l.text), let e = try? replay.validate(cmd, context: .replay, newID: { RecordID("-") }) {
                    replay.apply(e)
                }
                continue
            }
            // Sets of a removed record go; a live record's sets become one, at the last one's place.
            guard !removed.contains(id), lastSet[id] == i else { continue }
            let now = Dictionary(replay.fieldValues(of: id).map { ($0.0.key, $0.1) }, uniquingKeysWith: { a, _ in a })
            let changed = original.fieldValues(of: id).filter { now[$0.0.key] != $0.1 }
            guard !changed.isEmpty else { continue }
            let stamp = l.text.lastIndex(of: "#").map { " " + l.text[$0...] } ?? ""
            let line = LineGrammar.line(noun: noun.rawValue, verb: "set",
                                        pairs: [("id", id.raw)] + changed.map { ($0.0.key, $0.1.journalText) }) + stamp
            out.append(line)
            if let cmd = try? LineGrammar.parse(line), let e = try? replay.validate(cmd, context: .replay, newID: { RecordID("-") }) {
                replay.apply(e)
            } else {
                throw .notEquivalent("the squashed change of \(noun.rawValue) \(id) does not replay")
            }
        }
        let text = out.joined(separator: "\n") + "\n"
        // Proof before anything is written: the compacted journal replays to the same records.
        let again: Model
        do { again = try JournalReader.replay(Array(text.utf8), path: path + " (compacted)").model } catch {
            throw .notEquivalent(error.description)
        }
        if let why = difference(original, again) { throw .notEquivalent(why) }
        return Result(text: text, linesBefore: lineNo, linesAfter: out.count)
    }

    /// The first way two models differ, in words; nil when they hold the same records.
    public static func difference(_ a: Model, _ b: Model) -> String? {
        let usedA = a.usedIDs, usedB = b.usedIDs
        if usedA != usedB { return "the ids ever used differ (\(usedA.symmetricDifference(usedB).prefix(3).map(\.raw)))" }
        if a.nounOf != b.nounOf { return "the live records differ" }
        if a.production.fieldValuesList != b.production.fieldValuesList { return "the production differs" }
        for id in a.nounOf.keys.sorted() where a.fieldValues(of: id).map(\.1) != b.fieldValues(of: id).map(\.1) {
            return "\(a.nounOf[id]!.rawValue) \(id) differs"
        }
        for board in a.boards.keys where a.layout(of: board).entries != b.layout(of: board).entries {
            return "the running order of board \(board) differs"
        }
        return nil
    }
}

extension Production {
    var fieldValuesList: [FieldValue] { Production.fields.map { $0.get(self) } }
}
