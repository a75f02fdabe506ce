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
