import Foundation
import Testing
@testable import CoordModel

/// A seeded fuzz of the journal's front door: `LineGrammar.parse` and `Model.validate` fed random
/// bytes and the demo journal's lines mangled (bytes flipped, cut short, stretches repeated,
/// quotes and escapes dropped in, two lines spliced), and `JournalReader.replay` fed the demo
/// journal with one line mangled. Nothing may crash, and every refusal must point inside the
/// line: a syntax error and a command error always name a column, 1 to the line's length + 1
/// (columns count Unicode scalars), and a command error about a key that is on the line names
/// that key's column. Everything accepted must write a line that reads back.
///
/// The same seed makes the same cases. `COORD_FUZZ_CASES=N` runs N cases per test instead of
/// 3,000 (the replay test runs a tenth as many whole journals).
@Suite struct FuzzTests {
    static let cases = ProcessInfo.processInfo.environment["COORD_FUZZ_CASES"].flatMap { Int($0) } ?? 3000

    /// The demo journal's lines: commands, comments and blank lines.
    static let demoLines: [[UInt8]] = DemoJournal.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)

    /// Pieces that have broken parsers before.
    static let insertions: [[UInt8]] = [
        "\"", "'", "\\", "\\\"", "\\'", "\\u{", "\\u{}", "\\u{110000}", "\\u{D800}", "\\u{1F3AC}", "\\u{0}", "\\x", "\\n",
        "\"\"", "=\"", "=", "==", " #", "#", " ", "\t", "\r", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{200B}", "\u{202E}",
        "\u{2028}", "é", "e\u{301}", "🎬", "東京", "id=", " id=x", " day=", " after=", " board=", " boneyard=yes", "add ", "rm ",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]

    static func mutate(_ line: [UInt8], other: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var b = line
        func at(_ n: Int) -> Int { Int(rng.next() % UInt64(n + 1)) }
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            switch rng.next() % 7 {
            case 0 where !b.isEmpty: // flip a bit, or put any byte there
                let i = at(b.count - 1)
                b[i] = rng.next() % 2 == 0 ? b[i] ^ UInt8(1 << (rng.next() % 8)) : UInt8(truncatingIfNeeded: rng.next())
            case 1: // cut short
                b.removeSubrange(at(b.count)...)
            case 2 where !b.isEmpty: // a stretch repeated
                let i = at(b.count - 1), j = min(b.count, i + 1 + at(40))
                b.insert(contentsOf: b[i..<j], at: j)
            case 3, 4: // a quote, an escape or an odd character dropped in
                b.insert(contentsOf: insertions[Int(rng.next() % UInt64(insertions.count))], at: at(b.count))
            case 5: // two lines spliced
                b = Array(b.prefix(at(b.count))) + Array(other.suffix(at(other.count)))
            default: // a byte removed
                if !b.isEmpty { b.remove(at: at(b.count - 1)) }
            }
        }
        return b
    }

    static func randomBytes(_ rng: inout SplitMix) -> [UInt8] {
        let n = Int(rng.next() % 160)
        // Mostly printable ASCII, so that some of it gets past the first word.
        return (0..<n).map { _ in
            switch rng.next() % 10 {
            case 0: return UInt8(truncatingIfNeeded: rng.next())
            case 1: return [0x20, 0x3D, 0x22, 0x5C, 0x23][Int(rng.next() % 5)]
            default: return UInt8(0x20 + rng.next() % 95)
            }
        }
    }

    /// The line's width in columns: Unicode scalars, each bad byte counted as one.
    static func width(_ bytes: [UInt8]) -> Int {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.count
    }

    /// What the fuzz saw, for the summary it prints.
    struct Tally {
        var parsed = 0, syntax = 0, accepted = 0, refused = 0, atTheirKey = 0
        /// Refusals with no column, by kind of message.
        var noColumn: [String: Int] = [:]
        /// Refusals about a key that is on the line, placed at another column.
        var elsewhere: [String: Int] = [:]
    }

    /// Parses and validates one line against `model`, in both contexts, checking every refusal.
    static func check(_ bytes: [UInt8], _ model: Model, _ tally: inout Tally, case n: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        let w = width(bytes)
        let parsed: Result<Command?, SyntaxError> = bytes.withUnsafeBufferPointer { buf in
            do throws(SyntaxError) { return .success(try LineGrammar.parse(bytes: buf)) } catch { return .failure(error) }
        }
        switch parsed {
        case .failure(let e):
            tally.syntax += 1
            #expect(e.column >= 1 && e.column <= w + 1, "case \(n): syntax error column \(e.column) outside a line of \(w): \(e.message) in \(text.debugDescription)")
            #expect(!e.message.isEmpty)
        case .success(nil):
            break
        case .success(let cmd?):
            tally.parsed += 1
            #expect(cmd.nounColumn >= 1 && cmd.verbColumn > cmd.nounColumn && cmd.verbColumn <= w, "case \(n): \(text.debugDescription)")
            for p in cmd.pairs {
                #expect(p.column > cmd.verbColumn && p.column <= w, "case \(n): pair \(p.key) at column \(p.column) of \(w)")
            }
            for context in [ValidationContext.replay, ValidationContext(today: CalendarDate(year: 2027, month: 2, day: 25))] {
                do throws(CommandError) {
                    let event = try model.validate(cmd, context: context) { RecordID("fz\(n)") }
                    tally.accepted += 1
                    // What an accepted line writes reads back, and replays against the same model.
                    do {
                        let again = try #require(try LineGrammar.parse(event.line), "case \(n): \(event.line)")
                        _ = try model.validate(again, context: .replay) { RecordID("") }
                    } catch {
                        Issue.record("case \(n): \(text.debugDescription) was accepted, but its line \(event.line.debugDescription) does not replay: \(error)")
                    }
                } catch {
                    tally.refused += 1
                    #expect(!error.message.isEmpty)
                    guard let c = error.column else {
                        tally.noColumn[shape(error.message), default: 0] += 1
                        continue
                    }
                    #expect(c >= 1 && c <= w + 1, "case \(n): column \(c) outside a line of \(w): \(error.message) in \(text.debugDescription)")
                    // About a key that is on the line (under any of its aliases): at that key.
                    let noun = Noun(rawValue: cmd.noun)
                    let at = cmd.pairs.filter { $0.key == error.key || (error.key != nil && noun?.field($0.key)?.key == error.key) }.map(\.column)
                    if !at.isEmpty {
                        if at.contains(c) { tally.atTheirKey += 1 } else { tally.elsewhere[shape(error.message), default: 0] += 1 }
                    }
                }
            }
        }
    }

    /// A message with its particulars taken out, to count kinds of message.
    static func shape(_ message: String) -> String {
        let general = message.replacing(/'[^']*'/, with: "'…'").replacing(/\b(with id|with code|on) \S+/) { "\($0.output.1) …" }
        return String(general.prefix { $0 != "(" }.replacing(/\d+/, with: "N")).trimmingCharacters(in: .whitespaces)
    }

    /// The demo's model as it stands before each line, so mangled lines meet real records.
    static let models: [Model] = {
        var out: [Model] = []
        var m = Model()
        for line in demoLines {
            out.append(m)
            if let cmd = try? LineGrammar.parse(String(decoding: line, as: UTF8.self)),
               let e = try? m.validate(cmd, context: .replay, newID: { RecordID("") }) {
                m.apply(e)
            }
        }
        return out
    }()

    @Test(.timeLimit(.minutes(5)))
    func randomBytesAndMangledDemoLinesNeverCrashAndPointInsideTheLine() {
        var rng = SplitMix(seed: 0xF022)
        var tally = Tally()
        let lines = Self.demoLines
        for n in 0..<Self.cases {
            if n % 5 == 0 {
                Self.check(Self.randomBytes(&rng), Self.models[Int(rng.next() % UInt64(lines.count))], &tally, case: n)
                continue
            }
            let k = Int(rng.next() % UInt64(lines.count))
            let other = lines[Int(rng.next() % UInt64(lines.count))]
            Self.check(Self.mutate(lines[k], other: other, &rng), Self.models[k], &tally, case: n)
        }
        #expect(tally.syntax > Self.cases / 10 && tally.refused > Self.cases / 10 && tally.accepted > 0,
                "the fuzz reaches parsing, validation and acceptance: \(tally)")
        func list(_ d: [String: Int]) -> String {
            d.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) ×\($0.value)" }.joined(separator: "; ")
        }
        print("fuzz: \(Self.cases) lines, \(tally.syntax) syntax errors, \(tally.parsed) parsed; validated twice (replay, typed): "
              + "\(tally.accepted) accepted, \(tally.refused) refused, \(tally.atTheirKey) of them at the column of the key they are about")
        #expect(tally.noColumn.isEmpty, "refusals without a column: \(list(tally.noColumn))")
        #expect(tally.elsewhere.isEmpty, "refusals about a key on the line, placed elsewhere: \(list(tally.elsewhere))")
    }

    @Test(.timeLimit(.minutes(5)))
    func aJournalWithOneMangledLineStopsAtThatLineOrLaterWithItsColumn() throws {
        var rng = SplitMix(seed: 0x10_22)
        let lines = Self.demoLines
        var stopped = 0, opened = 0
        for n in 0..<max(20, Self.cases / 10) {
            let k = 1 + Int(rng.next() % UInt64(lines.count - 2)) // never the header, never the last (empty) line
            var mangled = Self.mutate(lines[k], other: lines[Int(rng.next() % UInt64(lines.count))], &rng)
            if rng.next() % 8 == 0 { mangled.insert(0x0A, at: Int(rng.next() % UInt64(mangled.count + 1))) }
            var file = lines
            file[k] = mangled
            let bytes = Array(file.joined(separator: [0x0A]))
            let fileLines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            do {
                let loaded = try JournalReader.replay(bytes, path: "fuzz.journal")
                #expect(loaded.torn == nil && loaded.goodLength == bytes.count)
                opened += 1
            } catch {
                stopped += 1
                guard case .badLine(let path, let line, let column, let message) = error else {
                    Issue.record("case \(n): \(error)")
                    continue
                }
                #expect(path == "fuzz.journal" && !message.isEmpty)
                #expect(line >= k + 1 && line <= fileLines.count, "case \(n): line \(line) for a change at line \(k + 1)")
                if let column, line <= fileLines.count {
                    let w = Self.width(Array(fileLines[line - 1]))
                    #expect(column >= 1 && column <= w + 1, "case \(n): \(error) in a line of \(w) columns")
                }
            }
        }
        #expect(stopped > 0 && opened > 0)
    }
}
