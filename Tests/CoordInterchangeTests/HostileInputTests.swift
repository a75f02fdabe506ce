import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

/// Every importer (crew CSV, costs CSV, USS, Fountain, Final Draft) fed files cut short at many
/// places, binary files (random bytes, NULs, a PNG, a zip, UTF-16), bad UTF-8 inside good files,
/// and a 20 MB line: each either refuses the file with a message or plans commands that a journal
/// accepts. Never a crash, never a hang.
///
/// What the per-format tests already cover is not repeated: USSTests.BadInput (four cuts of one
/// sample, 4 KB of noise, 100,000 nested brackets), ScriptImportTests+BadFiles (a JPEG and a zip
/// header, one cut of the FDX, 3,000 rounds of junk after an opening), the CSV tests (ragged rows,
/// one bad UTF-8 row, an unclosed quote).
@Suite struct HostileInputTests {
    static let today = CalendarDate(year: 2027, month: 2, day: 25)!
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))) }

    enum Importer: String, CaseIterable, CustomStringConvertible {
        case crew, costs, uss, fountain, fdx
        var description: String { rawValue }
        var file: String {
            switch self {
            case .crew: "crew.csv"
            case .costs: "costs.csv"
            case .uss: "in.uss"
            case .fountain: "in.fountain"
            case .fdx: "in.fdx"
            }
        }
    }

    /// What an importer made of a file.
    enum Outcome {
        /// Refused: the message (an `ImportError`, or an all-or-nothing CSV import with bad rows).
        case refused(String)
        /// The commands it would write.
        case planned([String])
    }

    /// The demo production: accounts for the costs, a board and cast for the schedules.
    static let demo: Model = try! JournalReader.replay(DemoJournal.bytes, path: "demo.journal").model

    static func run(_ importer: Importer, _ bytes: [UInt8], into model: Model = demo) -> Outcome {
        do {
            switch importer {
            case .crew:
                let r = try CrewCSV.importPlan(bytes, into: model, name: importer.file, today: today)
                guard let lines = r.commandsToWrite(skipBad: false) else { return .refused(r.problems.joined(separator: "\n")) }
                return .planned(lines)
            case .costs:
                let r = try CostsCSV.importPlan(bytes, into: model, name: importer.file, today: today)
                guard let lines = r.commandsToWrite(skipBad: false) else { return .refused(r.problems.joined(separator: "\n")) }
                return .planned(lines)
            case .uss:
                return .planned(try USS.importPlan(bytes, into: model, name: importer.file).commands)
            case .fountain:
                return .planned(ScriptImport.plan(try Fountain.parse(bytes: bytes, file: importer.file), model: model).commands)
            case .fdx:
                return .planned(ScriptImport.plan(try FDX.parse(bytes: bytes, file: importer.file), model: model).commands)
            }
        } catch let e as ImportError {
            return .refused(e.message)
        } catch {
            return .refused("\(error)")
        }
    }

    /// Applies planned commands to the model as a journal would check them: nil, or why not.
    static func apply(_ commands: [String], to model: Model) -> String? {
        var m = model
        var n = 0
        let context = ValidationContext(today: today)
        for (i, line) in commands.enumerated() {
            do {
                guard let cmd = try LineGrammar.parse(line) else { continue }
                m.apply(try m.validate(cmd, context: context) { n += 1; return RecordID("hz\(n)") })
            } catch {
                return "command \(i + 1) (\(line.prefix(80))): \(error)"
            }
        }
        return nil
    }

    /// The outcome is clean: a refusal that says something, or commands that a journal takes.
    static func expectClean(_ outcome: Outcome, _ what: String, mustRefuse: Bool = false, model: Model = demo,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        switch outcome {
        case .refused(let message):
            #expect(!message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(what): refused without a word",
                    sourceLocation: sourceLocation)
        case .planned(let commands):
            #expect(!mustRefuse, "\(what): accepted (\(commands.count) commands: \(commands.prefix(2)))", sourceLocation: sourceLocation)
            if let problem = apply(commands, to: model) {
                Issue.record("\(what): planned a command the journal refuses: \(problem)", sourceLocation: sourceLocation)
            }
        }
    }

    /// A good file of each kind (the costs fixture's first 400 rows: the whole is slow in a debug build).
    static func sample(_ importer: Importer) throws -> [UInt8] {
        switch importer {
        case .crew: return try fixture("crew-200.csv")
        case .costs:
            let all = try fixture("costs-10000.csv")
            var rows = 0, end = 0
            while end < all.count, rows < 401 { if all[end] == 0x0A { rows += 1 }; end += 1 }
            return Array(all[..<end])
        case .uss: return try fixture("small_sample_schedule.uss")
        case .fountain: return try fixture("last-orders.fountain")
        case .fdx: return try fixture("last-orders-6-to-14.fdx")
        }
    }

    // MARK: - Cut short

    @Test(.timeLimit(.minutes(5)), arguments: Importer.allCases)
    func filesCutShortAnywhereAreRefusedOrImportWhatIsThere(_ importer: Importer) throws {
        let whole = try Self.sample(importer)
        var rng = SplitMix(seed: 0xC07 &+ UInt64(importer.rawValue.count))
        var cuts = Set([0, 1, 2, 3, whole.count - 1, whole.count / 2])
        while cuts.count < 60 { cuts.insert(Int(rng.next() % UInt64(whole.count))) }
        // Cuts inside a multi-byte character, and just inside a quoted cell or string.
        if let i = whole.firstIndex(where: { $0 >= 0xC0 }) { cuts.insert(i + 1) }
        if let i = whole.firstIndex(of: UInt8(ascii: "\"")) { cuts.insert(i + 1) }
        var refused = 0
        for cut in cuts.sorted() {
            let outcome = Self.run(importer, Array(whole.prefix(cut)))
            if case .refused = outcome { refused += 1 }
            Self.expectClean(outcome, "\(importer) cut at byte \(cut) of \(whole.count)",
                             mustRefuse: cut == 0)
        }
        #expect(refused > 0)
    }

    // MARK: - Binary

    static func binaries() throws -> [(String, [UInt8])] {
        var rng = SplitMix(seed: 0xB1A)
        func noise(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]
        var out: [(String, [UInt8])] = [
            ("one NUL", [0]), ("64 KB of NULs", [UInt8](repeating: 0, count: 65536)),
            ("a PNG", png + noise(3000)), ("a zip", zip + noise(3000)),
            ("0xFF 0xFE and nothing", [0xFF, 0xFE]), ("lone continuation bytes", [UInt8](repeating: 0x80, count: 100)),
        ]
        for n in [1, 7, 100, 4096, 65536] { out.append(("\(n) random bytes", noise(n))) }
        return out
    }

    /// The same text as UTF-16, as "Unicode text" exports write it: with a byte order mark, and without.
    static func utf16(_ bytes: [UInt8], bom: Bool) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        return (bom ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test(.timeLimit(.minutes(5)), arguments: Importer.allCases)
    func binaryFilesAreRefused(_ importer: Importer) throws {
        for (what, bytes) in try Self.binaries() {
            Self.expectClean(Self.run(importer, bytes), "\(importer): \(what)", mustRefuse: true)
        }
        let good = try Self.sample(importer)
        for bom in [true, false] {
            Self.expectClean(Self.run(importer, Self.utf16(good, bom: bom)), "\(importer): UTF-16 \(bom ? "with" : "without") a BOM",
                             mustRefuse: true)
        }
    }

    /// Bad UTF-8 in the middle of a good file: a CSV names the row (and writes nothing), the
    /// others refuse the file.
    @Test(.timeLimit(.minutes(5)), arguments: Importer.allCases)
    func badUTF8InsideAGoodFileIsRefused(_ importer: Importer) throws {
        let good = try Self.sample(importer)
        let bad: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
        // Somewhere in the text (not in a name the importer ignores): a third of the way in, at a line's start.
        var at = good.count / 3
        while at < good.count, good[at - 1] != 0x0A { at += 1 }
        if importer == .fdx, let i = Self.find(Array("<Text>".utf8), in: good, from: good.count / 3) { at = i + 6 }
        for b in bad {
            var bytes = good
            bytes.insert(contentsOf: Array("Zo".utf8) + b + Array("e ".utf8), at: at)
            Self.expectClean(Self.run(importer, bytes), "\(importer): \(b.map { String($0, radix: 16) }) at byte \(at)", mustRefuse: true)
        }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    // MARK: - Huge

    /// 8 MB, so that the suite stays quick in a debug build (20 MB takes about a minute on two
    /// cores); `COORD_HUGE_MB=20` for the 20 MB line.
    static let huge = (ProcessInfo.processInfo.environment["COORD_HUGE_MB"].flatMap { Int($0) } ?? 8) << 20
    static var hugeText: String { "\(huge >> 20) MB" }

    /// A huge line of text with no structure at all: refused, with a message of a sensible size
    /// (the CSV importers quoted every heading whole, so a 20 MB line came back as a 20 MB
    /// message, until 5496222 cut them to 40 characters).
    @Test(.timeLimit(.minutes(5)), arguments: Importer.allCases)
    func aHugeLineOfNothingIsRefused(_ importer: Importer) throws {
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: Self.huge)
        let start = Date()
        let outcome = Self.run(importer, line)
        Self.expectClean(outcome, "\(importer): \(Self.hugeText) of x", mustRefuse: true)
        guard case .refused(let message) = outcome else { return }
        print("\(importer): \(Self.hugeText) line of x refused in \(String(format: "%.2f", Date().timeIntervalSince(start))) s, "
              + "with a message of \(message.utf8.count) bytes: \(message.prefix(100))")
        #expect(message.utf8.count < 1_000, "\(importer): a \(message.utf8.count)-byte message")
    }

    /// A huge line where the format has room for text (a cell, a string, an action line): no
    /// crash or hang; what is planned, a journal takes.
    @Test(.timeLimit(.minutes(5)), arguments: Importer.allCases)
    func aHugeLineInsideAGoodFileIsNoCrash(_ importer: Importer) throws {
        let filler = String(repeating: "Zoë 🎬 ", count: Self.huge / 10)
        let text: String
        switch importer {
        case .crew: text = "Name,Role,Notes\nAnn Bell,Runner,\(filler)\n"
        case .costs: text = "Date,Account,Vendor,Description,Amount\n2027-02-01,2100,Hire,\(filler),12.00\n"
        case .uss:
            text = #"{"universalScheduleStandard": {"ussVersion": "1.0.0", "name": "\#(filler)", "breakdowns": [{"id": "b1", "type": "scene", "scene": "1", "pages": 1}]}}"#
        case .fountain: text = "INT. HOUSE - DAY\n\n\(filler)\n\nEXT. BEACH - NIGHT\n\nAnn runs.\n"
        case .fdx:
            text = #"<?xml version="1.0"?><FinalDraft><Content><Paragraph Type="Scene Heading"><Text>INT. HOUSE - DAY</Text></Paragraph><Paragraph Type="Action"><Text>\#(filler)</Text></Paragraph></Content></FinalDraft>"#
        }
        let start = Date()
        let outcome = Self.run(importer, Array(text.utf8))
        let took = Date().timeIntervalSince(start)
        switch outcome {
        case .refused(let m):
            #expect(!m.isEmpty)
            print("\(importer): a \(Self.hugeText) line inside a good file: refused in \(String(format: "%.2f", took)) s: \(m.prefix(120))")
        case .planned(let commands):
            // Checking a 20 MB value in a debug build takes a while: check the shape, and that
            // every line parses; the short lines are checked in full.
            print("\(importer): a \(Self.hugeText) line inside a good file: \(commands.count) commands, the longest \(commands.map(\.utf8.count).max() ?? 0) bytes, in \(String(format: "%.2f", took)) s")
            for c in commands {
                #expect(!c.contains("\n"), "\(importer): a planned command holds a raw line break")
                #expect(throws: Never.self) { _ = try LineGrammar.parse(c) }
            }
            let short = commands.filter { $0.utf8.count < 10_000 }
            if short.count == commands.count, let problem = Self.apply(short, to: Self.demo) {
                Issue.record("\(importer): \(problem)")
            }
        }
    }

    // MARK: - Long scenes

    /// A screenplay whose scene runs past 999 pages (here 28,000 short action paragraphs: 336 KB of
    /// Fountain, 1,018 2/8 pages at 55 lines a page). A strip holds at most 999 7/8 pages. Up to
    /// 5496222 the script importers wrote `pages="1018 2/8"`, which the journal refuses, so the
    /// import failed with `column 43: pages: '1018 2/8' is not a page count`; now the page count
    /// is capped, as the USS importer's is, with a note.
    @Test func aSceneOfAThousandPagesIsImportedOrRefusedClearly() throws {
        let fountain = "INT. HOUSE - DAY\n\n" + String(repeating: "Ann runs.\n\n", count: 28_000)
        let fdx = #"<?xml version="1.0"?><FinalDraft><Content><Paragraph Type="Scene Heading"><Text>INT. HOUSE - DAY</Text></Paragraph>"#
            + String(repeating: #"<Paragraph Type="Action"><Text>Ann runs.</Text></Paragraph>"#, count: 28_000)
            + "</Content></FinalDraft>"
        for (importer, text) in [(Importer.fountain, fountain), (.fdx, fdx)] {
            let outcome = Self.run(importer, Array(text.utf8), into: Model())
            Self.expectClean(outcome, "\(importer): one scene of 1,018 pages", model: Model())
            if case .planned(let commands) = outcome {
                #expect(commands.first?.contains("pages=\"999 7/8\"") == true, "\(importer): \(commands.first ?? "")")
            }
            let bytes = Array(text.utf8)
            let parse = try importer == .fountain ? Fountain.parse(bytes: bytes, file: importer.file) : FDX.parse(bytes: bytes, file: importer.file)
            let notes = ScriptImport.plan(parse, model: Model()).notes
            #expect(notes.contains { $0.contains("1018 2/8 pages counted, more than a strip holds") }, "\(importer): \(notes)")
        }
    }
}
