import CoordModel

/// What an importer made of a file: the journal commands that bring it in, and what it
/// could not read (said in words, with where).
public struct ImportPlan: Sendable {
    /// Journal command lines (`noun verb key=value ...`), applied all or nothing.
    public var commands: [String] = []
    /// Things skipped or guessed, e.g. "scene 12: no page count; 1/8 assumed".
    public var notes: [String] = []
    public init(commands: [String] = [], notes: [String] = []) { self.commands = commands; self.notes = notes }
}

/// A file that cannot be imported, with where and why.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A production that cannot be written in a format, and why.
public struct ScheduleExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

// MARK: - Shared by the formats

/// Letters, digits, `- . /`, up to 24: what a scene or cast number may be (a journal code).
func isCode(_ s: String) -> Bool {
    !s.isEmpty && s.count <= 24 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }
}

/// Cast numbers in order: numbers by value (1, 2, 10), then other codes by text.
func castOrder(_ a: String, _ b: String) -> Bool {
    switch (Int(a), Int(b)) {
    case let (x?, y?): return (x, a) < (y, b)
    case (_?, nil): return true
    case (nil, _?): return false
    case (nil, nil): return a < b
    }
}

/// `20270301`: iCalendar's date form, and short enough for ids.
func compactDate(_ d: CalendarDate) -> String { String(d.description.filter { $0 != "-" }) }

/// 16 hex digits (FNV-1a) of the production's title and company: the same from one export
/// to the next, so a calendar or scheduler that reads the file again updates, not doubles.
func productionHash(_ p: Production) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in (p.title + "\u{1F}" + p.company).utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
