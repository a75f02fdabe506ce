import Foundation
import Testing
@testable import CoordModel

/// Replay reads canonical lines from their bytes and falls back to the general reading for
/// anything else. These tests check that it gives exactly what the old code gives (kept in
/// FastPathReference.swift): the same commands, the same events, the same errors, on every line
/// of the demo and of these tests, and on many mutations of them.
@Suite struct FastPathTests {
    // MARK: - Corpus

    /// Lines of the demo journal.
    static var demoLines: [String] { DemoJournal.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Command lines written as string literals in this folder's tests.
    static var testLines: [String] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let nouns = Set(Noun.allCases.map(\.rawValue))
        var out: [String] = []
        for f in files.sorted() where f.hasSuffix(".swift") && !f.hasPrefix("FastPath") {
            let text = (try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)) ?? ""
            for literal in swiftStringLiterals(text) {
                let first = literal.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                // A foreign entry's amount in its own currency ($40 with currency=USD) is newer than the reference.
                let foreignSymbol = literal.contains("currency=") && (literal.contains("amount=$") || literal.contains("amount=€"))
                if nouns.contains(first) && !foreignSymbol { out.append(literal) }
            }
        }
        return out
    }

    /// The text of plain ("...") and raw (#"..."#) string literals without interpolation.
    static func swiftStringLiterals(_ source: String) -> [String] {
        var out: [String] = []
        let s = Array(source.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "#", i + 1 < s.count, s[i + 1] == "\"" {
                var j = i + 2, text = String.UnicodeScalarView()
                while j + 1 < s.count, !(s[j] == "\"" && s[j + 1] == "#"), s[j] != "\n" { text.append(s[j]); j += 1 }
                out.append(String(text))
                i = j + 2
            } else if s[i] == "\"" {
                var j = i + 1, text = String.UnicodeScalarView(), ok = true
                while j < s.count, s[j] != "\"", s[j] != "\n" {
                    if s[j] == "\\", j + 1 < s.count {
                        let e = s[j + 1]
                        switch e {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        case "0": text.append("\u{0}")
                        case "\"", "\\", "'": text.append(e)
                        case "u":
                            var k = j + 3, hex = ""
                            while k < s.count, s[k] != "}" { hex.unicodeScalars.append(s[k]); k += 1 }
                            if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { text.append(u) } else { ok = false }
                            j = k - 1
                        default: ok = false // interpolation
                        }
                        j += 2
                        continue
                    }
                    text.append(s[j]); j += 1
                }
                if ok { out.append(String(text)) }
                i = j + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Cost lines as the benchmark journal has them, and a few of every other kind.
    static var generatedLines: [String] {
        var rng = SplitMix(seed: 11)
        var lines = ["production set title=\"Bench\" currency=GBP # 2026-01-01T00:00:00Z bench"]
        for a in 0..<12 { lines.append("account add id=acct\(a) code=\(1000 + a * 10) description=\"Account \(a)\" # 2026-01-01T00:00:00Z bench") }
        for i in 0..<300 {
            let m = 1 + Int(rng.next() % 12), d = 1 + Int(rng.next() % 28)
            let amount = Double(rng.next() % 500_000) / 100
            lines.append("cost add id=cost\(i) date=2026-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d) account=\(1000 + Int(rng.next() % 12) * 10) vendor=\"Vendor \(rng.next() % 50)\" description=\"Item \(i)\" amount=\(String(format: "%.2f", amount)) invoice=INV\(i) kind=actual # 2026-01-01T00:00:00Z bench")
        }
        lines += ["cost set id=cost1 amount=12.50 paid=yes", "cost set id=cost2 kind=po po=PO-1", "cost rm id=cost3",
                  "cost add id=cost9999 date=2026-01-01 account=1000 amount=-0.00", "account rm id=acct11"]
        return lines
    }

    static var everyVerbLines: [String] { hostileStrings.flatMap { JournalTests.everyVerb($0) } }

    // MARK: - Mutations

    static let valuePool = [
        "", " ", "  x  ", "x ", " x", "\u{A0}x", "x\u{A0}", "x\u{301}", " \u{301}x", "Zoë", "a b", "#x", "=", "'q'",
        "1250", "1250.00", "1,250.00", "£1,250.50", "-40", "(40.00)", "-0.00", "0.00", "1250.5", "1,25", "1.250",
        "999999999.99", "1000000000.00", "000000000012.34", "0000000000012.34", "12.345", "USD 12.00", "12.00 EUR", "$12",
        "2027-03-01", "2027-3-1", "2027-02-30", "2028-02-29", "0000-01-01", "today", "TODAY", "yesterday", "2027-03-01 ",
        "07:30", "7:30", "0730", "24:00", "23:59", "+7:30", "actual", "ACTUAL", "Actual", "act", "po", "commitment", "comm",
        "yes", "Y", "no", "off", "gbp", "GBP", "usd", "EURO", "2100", "2100-A", "2100 ", "abc_def", "a/b.c-d",
        "main", "d1", "s1", "c1", "k1", "a1", "1", "0", "+24", "10+1", "sat,sun", "none", "3 4/8", "4/8", "13.8%", "2.5",
        "a@example.com", "+44 7700 900123", "INT", "ext", "night", "N", "done", "part", "camera", "Lighting",
    ]

    static let bytePool: [[UInt8]] = [
        [0x20], [0x09], [0x22], [0x27], [0x3D], [0x23], [0x5C], [0x41], [0x7A], [0x30], [0x2E], [0x2C], [0x2D],
        Array("£".utf8), Array("é".utf8), Array("\u{301}".utf8), Array("\u{A0}".utf8), [0xFF], [0x01], [0x0D], [0xC3], [],
    ]

    /// Edits of a line: bytes changed, words in capitals, values swapped for hard ones.
    static func mutations(of line: String, _ rng: inout SplitMix, count: Int) -> [[UInt8]] {
        let bytes = Array(line.utf8)
        var out: [[UInt8]] = []
        for _ in 0..<count {
            var b = bytes
            switch rng.next() % 4 {
            case 0 where !b.isEmpty:
                let at = Int(rng.next() % UInt64(b.count))
                let with = bytePool[Int(rng.next() % UInt64(bytePool.count))]
                if rng.next() % 2 == 0 { b.replaceSubrange(at...at, with: with) } else { b.insert(contentsOf: with, at: at) }
            case 1:
                // A value replaced (quoted when it must be, sometimes not).
                var parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                let pairs = parts.indices.filter { parts[$0].contains("=") && !parts[$0].hasPrefix("#") }
                if let k = pairs.randomElement(using: &rng), let eq = parts[k].firstIndex(of: "=") {
                    let v = valuePool[Int(rng.next() % UInt64(valuePool.count))]
                    let written = rng.next() % 3 == 0 ? v : LineGrammar.quote(v)
                    parts[k] = String(parts[k][...eq]) + written
                }
                b = Array(parts.joined(separator: " ").utf8)
            case 2:
                // Capitals, or a key given twice, or a stray key.
                var parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                guard !parts.isEmpty else { break }
                let k = Int(rng.next() % UInt64(parts.count))
                switch rng.next() % 3 {
                case 0: parts[k] = parts[k].uppercased()
                case 1: parts.insert(parts[k], at: k)
                default: parts.insert(["frob=1", "id=x1", "desc=d", "amt=1.00", "after=s1", "board=main", "day=d1"][Int(rng.next() % 7)], at: min(parts.count, 2 + k))
                }
                b = Array(parts.joined(separator: rng.next() % 5 == 0 ? "\t" : " ").utf8)
            default:
                if !b.isEmpty { b.removeSubrange(Int(rng.next() % UInt64(b.count))...) }
            }
            out.append(b)
        }
        return out
    }

    // MARK: - The comparison

    struct Outcome: Equatable, CustomStringConvertible {
        var parsed: Result<Command?, SyntaxError>
        var event: Result<Event, CommandError>?
        var description: String { "\(parsed) -> \(String(describing: event))" }
    }

    /// Replays `lines` from an empty model through the new code and the reference side by side,
    /// checking every line and `mutationsPerLine` edits of it against the model of the lines above.
    static func compare(_ lines: [String], today: CalendarDate?, mutationsPerLine: Int, seed: UInt64) {
        let context = ValidationContext(today: today)
        var model = Model()
        var ref = Model()
        var rng = SplitMix(seed: seed)
        var cmd = Command(noun: "", verb: "", pairs: [])
        var words = ParsedWords()
        var scratch = ValidationScratch()
        var n = 0
        let newID = { () -> RecordID in RecordID("gen\(n)") }

        func check(_ bytes: [UInt8], apply: Bool) {
            n += 1
            // The reference.
            let refParsed: Result<Command?, SyntaxError> = bytes.withUnsafeBufferPointer { b in
                do throws(SyntaxError) { return .success(try RefGrammar.parse(bytes: b)) } catch { return .failure(error) }
            }
            // `restore` came after the reference was copied: RestoreTests checks it.
            if case .success(let c?) = refParsed, c.verb.lowercased() == "restore" { return }
            var refEvent: Result<Event, CommandError>?
            if case .success(let c?) = refParsed {
                do throws(CommandError) { refEvent = .success(try ref.refValidate(c, context: context, newID: newID)) } catch {
                    // Since the reference was copied, a refusal without a column points at its value, else the command.
                    var placed = error
                    if placed.column == nil {
                        let noun = Noun(rawValue: c.noun)
                        placed.column = error.key.flatMap { key in c.pairs.first { $0.key == key || noun?.field($0.key)?.key == key }?.column }
                            ?? c.nounColumn
                    }
                    refEvent = .failure(placed)
                }
            }
            // The public entry points.
            let parsed: Result<Command?, SyntaxError> = bytes.withUnsafeBufferPointer { b in
                do throws(SyntaxError) { return .success(try LineGrammar.parse(bytes: b)) } catch { return .failure(error) }
            }
            var event: Result<Event, CommandError>?
            if case .success(let c?) = parsed {
                do throws(CommandError) { event = .success(try model.validate(c, context: context, newID: newID)) } catch {
                    event = .failure(error)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Outcome(parsed: parsed, event: event) == Outcome(parsed: refParsed, event: refEvent), "\(text)")
            // Replay's way: one command, one set of words and buffers for every line.
            let reused: Result<Bool, SyntaxError> = bytes.withUnsafeBufferPointer { b in
                do throws(SyntaxError) {
                    return .success(try LineGrammar.parse(bytes: b, into: &cmd, keepingComment: true, words: &words))
                } catch { return .failure(error) }
            }
            switch (reused, refParsed) {
            case (.success(true), .success(let c?)):
                #expect(cmd == c, "\(text)")
                var again: Result<Event, CommandError>
                do throws(CommandError) {
                    again = .success(try model.validate(cmd, context: context, newID: newID, scratch: &scratch, words: words))
                } catch { again = .failure(error) }
                #expect(again == refEvent, "\(text)")
            case (.success(false), .success(nil)): break
            case (.failure(let a), .failure(let b)): #expect(a == b, "\(text)")
            default: Issue.record("parse(into:) \(reused) but the reference \(refParsed): \(text)")
            }
            if apply, case .success(let e)? = refEvent, event == refEvent {
                model.apply(e)
                ref.apply(e)
            }
        }

        for line in lines {
            for m in mutations(of: line, &rng, count: mutationsPerLine) { check(m, apply: false) }
            check(Array(line.utf8), apply: true)
        }
        #expect(Noun.allCases.allSatisfy { model.count(of: $0) == ref.count(of: $0) })
    }

    @Test func theDemoReplaysAsBefore() {
        Self.compare(Self.demoLines, today: nil, mutationsPerLine: 12, seed: 1)
    }

    @Test func everyVerbAndTheTestsLinesReadAsBefore() {
        Self.compare(Self.everyVerbLines, today: CalendarDate(year: 2027, month: 2, day: 25), mutationsPerLine: 3, seed: 2)
        Self.compare(Self.everyVerbLines, today: nil, mutationsPerLine: 3, seed: 3)
        let lines = Self.testLines
        #expect(lines.count > 100)
        Self.compare(lines, today: CalendarDate(year: 2027, month: 2, day: 25), mutationsPerLine: 6, seed: 4)
        Self.compare(lines, today: nil, mutationsPerLine: 6, seed: 5)
    }

    @Test func costLinesReadAsBefore() {
        Self.compare(Self.generatedLines, today: nil, mutationsPerLine: 8, seed: 6)
    }

    @Test func aReplayedJournalIsTheSameModel() throws {
        // The whole demo through JournalReader, against the reference line by line.
        let loaded = try JournalReader.replay(DemoJournal.bytes, path: "demo")
        var ref = Model()
        for line in Self.demoLines.dropFirst() {
            guard let c = try Array(line.utf8).withUnsafeBufferPointer({ b in try RefGrammar.parse(bytes: b) }) else { continue }
            ref.apply(try ref.refValidate(c, context: .replay) { RecordID("") })
        }
        for noun in Noun.allCases { #expect(loaded.model.count(of: noun) == ref.count(of: noun)) }
        for (id, noun) in ref.nounOf {
            #expect(loaded.model.nounOf[id] == noun)
            #expect(loaded.model.fieldValues(of: id).map(\.1) == ref.fieldValues(of: id).map(\.1), "\(id)")
        }
        #expect(loaded.model.usedIDs == ref.usedIDs)
    }

    // MARK: - The pieces

    @Test func trimmingByBytesIsTrimmingByCharacter() {
        var rng = SplitMix(seed: 8)
        let pool: [String] = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}",
                              "\u{301}", "\u{200D}", "\u{600}", "a", "Z", "0", "~", "!", "é", "e\u{301}", "東", "🎬", "\u{1}", "\u{7F}", "#"]
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 7) { s += pool[Int(rng.next() % UInt64(pool.count))] }
            #expect(s.trimmingWhitespace() == s.trimmingWhitespaceGeneral(), "\(s.unicodeScalars.map { $0.value })")
            #expect(s.trimmingWhitespace().utf8.elementsEqual(s.trimmingWhitespaceGeneral().utf8))
        }
    }

    @Test func canonicalValuesReadAsTheGeneralReadingReadsThem() {
        var rng = SplitMix(seed: 9)
        let chars = Array("0123456789-.,:£$() aAtTyYeE+".unicodeScalars)
        var samples = Self.valuePool
        for _ in 0..<20_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 14) { s.append(chars[Int(rng.next() % UInt64(chars.count))]) }
            samples.append(String(s))
        }
        for y in [1, 999, 1000, 1970, 2024, 2027, 2100, 9999] {
            for m in 0...13 { for d in [0, 1, 28, 29, 30, 31, 32] { samples.append(String(format: "%04d-%02d-%02d", y, m, d)) } }
        }
        for h in [0, 7, 23, 24, 99] { for m in [0, 30, 59, 60, 99] { samples.append(String(format: "%02d:%02d", h, m)) } }
        let today = CalendarDate(year: 2027, month: 2, day: 25)
        for s in samples {
            #expect(Money.parse(s) == Money.parseGeneral(s), "\(s)")
            #expect(CalendarDate.parse(s, today: nil) == CalendarDate.parseGeneral(s, today: nil), "\(s)")
            #expect(CalendarDate.parse(s, today: today) == CalendarDate.parseGeneral(s, today: today), "\(s)")
            #expect(TimeOfDay.parse(s) == TimeOfDay.parseGeneral(s), "\(s)")
            #expect(RecordID.validate(s) == RecordID.validateGeneral(s), "\(s)")
        }
        // Every kind of field, against the old reading of values (a production in GBP).
        var model = Model()
        model.production.currency = "GBP"
        let fields = Noun.allCases.flatMap(\.fields) + [Model.dayRefField]
        for f in fields {
            for s in samples.prefix(400) + Self.valuePool + (f.kind.choiceValues ?? []) {
                for context in [ValidationContext.replay, ValidationContext(today: today)] {
                    let new: Result<FieldValue, ValueError>, old: Result<FieldValue, ValueError>
                    do throws(ValueError) { new = .success(try model.parseValue(s, field: f, context: context)) } catch { new = .failure(error) }
                    do throws(ValueError) { old = .success(try model.refParseValue(s, field: f, context: context)) } catch { old = .failure(error) }
                    #expect(new == old, "\(f.key): '\(s)'")
                }
            }
        }
    }

    @Test func lineChecksAgreeWithTheStandardLibrary() {
        var rng = SplitMix(seed: 10)
        let pool: [[UInt8]] = [[0x41], [0x20], [0x7F], [0x80], [0xBF], [0xC0], [0xC2], [0xDF], [0xE0], [0xED], [0xEF], [0xF0],
                               [0xF4], [0xF5], [0xFF], [0xA0], [0x9F], [0x8F], [0x90], Array("é".utf8), Array("東".utf8), Array("🎬".utf8)]
        for _ in 0..<50_000 {
            var b: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) { b += pool[Int(rng.next() % UInt64(pool.count))] }
            let (ascii, valid) = b.withUnsafeBufferPointer { UTF8Check.check($0) }
            #expect(valid == (String(validating: b, as: UTF8.self) != nil), "\(b)")
            #expect(ascii == b.allSatisfy { $0 < 0x80 })
        }
    }

    @Test func wordCodesAreTheirBytes() {
        var rng = SplitMix(seed: 12)
        var seen: [String: WordCode] = [:]
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 15)) { s.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + rng.next() % 75))) }
            let c = WordCode(s)!
            if let other = seen[s] { #expect(other == c) }
            for (t, d) in seen where t != s { #expect(d != c, "\(s) \(t)") }
            seen[s] = c
            let lowered = Array(s.utf8).withUnsafeBufferPointer { WordCode(lowercasing: $0)! }
            #expect(lowered == WordCode(s.lowercased())!, "\(s)")
            if seen.count > 300 { seen.removeAll() }
        }
        #expect(WordCode("") == nil && WordCode(String(repeating: "a", count: 16)) == nil)
    }

    @Test func equalIDsHashAlike() {
        let singles: [(String, String)] = [("\u{212A}", "K"), ("\u{37E}", ";"), ("\u{1FEF}", "`")]
        for (odd, plain) in singles {
            for (a, b) in [(odd, plain), ("a\(odd)1", "a\(plain)1"), ("abcdefgh\(odd)xyz", "abcdefgh\(plain)xyz")] {
                #expect(RecordID(a) == RecordID(b))
                #expect(RecordID(a).hashValue == RecordID(b).hashValue)
                #expect(Set([RecordID(a)]).contains(RecordID(b)))
                #expect([RecordID(a): 1][RecordID(b)] == 1)
            }
        }
        // Non-ASCII ids equal under canonical equivalence (é two ways) hash alike too.
        #expect(RecordID("caf\u{E9}").hashValue == RecordID("cafe\u{301}").hashValue)
        // No other code point is canonically equivalent to ASCII text.
        for v in 0x80...0x10FFFF {
            guard let u = Unicode.Scalar(v), ![0x212A, 0x37E, 0x1FEF].contains(v) else { continue }
            let ascii = String(Character(u)).decomposedStringWithCanonicalMapping.unicodeScalars.allSatisfy { $0.isASCII }
            if ascii { Issue.record("U+\(String(v, radix: 16)) is equivalent to ASCII text") }
        }
        var set = Set<RecordID>()
        for i in 0..<10_000 { set.insert(RecordID("k3x9pqm\(i)")) }
        #expect(set.count == 10_000)
    }

    @Test func tablesHoldWhatValidateAssumes() {
        func uniqueKeys<R: Record>(_: R.Type) -> Bool { Set(R.fields.map(\.info.key)).count == R.fields.count }
        #expect(uniqueKeys(Production.self) && uniqueKeys(Board.self) && uniqueKeys(ShootDay.self) && uniqueKeys(Strip.self))
        #expect(uniqueKeys(Banner.self) && uniqueKeys(CalendarEntry.self) && uniqueKeys(CrewMember.self) && uniqueKeys(Kit.self))
        #expect(uniqueKeys(Booking.self) && uniqueKeys(Location.self) && uniqueKeys(CallTime.self) && uniqueKeys(SafetyNote.self))
        #expect(uniqueKeys(Travel.self) && uniqueKeys(CallSheetIssue.self) && uniqueKeys(DayProgress.self))
        #expect(uniqueKeys(Category.self) && uniqueKeys(Account.self) && uniqueKeys(BudgetLine.self) && uniqueKeys(Approval.self))
        #expect(uniqueKeys(Transfer.self) && uniqueKeys(CostEntry.self) && uniqueKeys(Estimate.self) && uniqueKeys(Clearance.self))
        for table in NounTable.all {
            let noun = table.noun
            #expect(Set(noun.fields.map(\.key)).count == noun.fields.count, "\(noun)")
            // A day, banner or calendar day's board default goes in the field `noun.field("board")` finds.
            if [.day, .banner, .calendar].contains(noun) {
                #expect(table.boardIndex != nil && noun.field("board")?.key == "board")
            }
            for (i, f) in noun.fields.enumerated() {
                #expect(table.fieldIndex(f.key) == i)
                for a in f.aliases { #expect(table.fieldIndex(a) == noun.fields.firstIndex { $0.key == noun.field(a)?.key }) }
            }
        }
        #expect(Noun.allCases.allSatisfy { NounTable.named($0.rawValue)?.noun == $0 })
        #expect(NounTable.named("frob") == nil && NounTable.named("") == nil)
    }
}

extension FieldKind {
    /// A choice's values, to try each spelling.
    var choiceValues: [String]? {
        switch self {
        case .choice(let c): return c.values
        case .department: return Choices.departmentChoice.values
        default: return nil
        }
    }
}
