import Foundation
@testable import CoordModel

/// A fresh directory per test, removed by the caller when done.
func tempDir() -> String {
    let dir = NSTemporaryDirectory() + "coord-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func readText(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

func writeText(_ path: String, _ text: String) {
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

let fixedClock = Clock.fixed(CalendarDate(year: 2027, month: 2, day: 25)!)

func openStore(_ path: String) throws -> ProductionStore {
    try ProductionStore.open(path: path, create: true, clock: fixedClock, idSeed: 42).0
}

/// Strings that have broken text formats before: quotes, escapes, separators, controls, wide and combining text.
let hostileStrings: [String] = [
    "Zoë Müller", "O'Brien", "say \"hello\"", "a=b=c", "back\\slash", "trailing\\", "line1\nline2", "tab\there",
    "carriage\rreturn", "\u{1B}[31mred\u{1B}[0m", "nul\u{0}byte", "bell\u{7}", "del\u{7F}", "c1\u{85}next",
    "東京 ロケ", "🎬 clapper", "e\u{301}", "rtl \u{202E}gnirts", "zero\u{200B}width", "ls\u{2028}ps\u{2029}",
    "#hash", "# comment?", "  padded  ", "'single'", "\"", "=", "\\u{41}", "a\"b'c\\d", "😀👩‍👩‍👧", "x y z",
]
