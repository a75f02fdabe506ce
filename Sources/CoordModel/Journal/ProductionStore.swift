#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal opened for work: the model it replays to, and the only way to change it.
public final class ProductionStore {
    public let path: String
    public private(set) var model: Model
    public let clock: Clock
    /// Who the journal's time stamps name.
    public var user: String
    private var ids: IDGenerator
    private var writer: JournalWriter?

    /// Replays `path` (creating it if `create` and it does not exist). A torn last line
    /// is copied to `PATH.torn` and cut off, with a warning; any other bad line refuses.
    public static func open(path: String, create: Bool = true, clock: Clock = Clock(),
                            idSeed: UInt64? = nil) throws(JournalError) -> (ProductionStore, [String]) {
        var warnings: [String] = []
        let bytes = try JournalReader.readBytes(path: path)
        guard bytes != nil || create else { throw .cannotOpen(path: path, reason: "no such file") }
        let loaded = try JournalReader.replay(bytes ?? [], path: path)
        let store = ProductionStore(path: path, model: loaded.model, clock: clock, idSeed: idSeed)
        let writer = try JournalWriter(path: path)
        if let torn = loaded.torn {
            let aside = path + ".torn"
            try setAside(torn, from: path, to: aside, stamp: clock.stamp)
            try writer.truncate(to: torn.offset)
            warnings.append("\(path):\(torn.line): an unfinished last line (cut short by a crash) was set aside in \(aside)")
        } else if let bytes, loaded.goodLength < bytes.count, loaded.goodLength == 0 {
            // An unfinished header of a new file: start it again.
            try writer.truncate(to: 0)
            store.writer = try JournalWriter(path: path)
            return (store, warnings)
        }
        store.writer = writer
        return (store, warnings)
    }

    init(path: String, model: Model, clock: Clock, idSeed: UInt64?) {
        self.path = path
        self.model = model
        self.clock = clock
        self.ids = IDGenerator(seed: idSeed)
        self.user = ProductionStore.loginName()
    }

    static func setAside(_ torn: TornTail, from path: String, to aside: String, stamp: String) throws(JournalError) {
        let fd = Glibc.open(aside, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: aside, reason: errnoText()) }
        defer { close(fd) }
        let text = "# \(stamp) set aside from \(path) line \(torn.line) (no newline: a torn write)\n\(torn.text)\n"
        let ok = text.utf8CString.withUnsafeBufferPointer { b in
            Glibc.write(fd, b.baseAddress, b.count - 1) == b.count - 1
        }
        guard ok, fsync(fd) == 0 else { throw .cannotWrite(path: aside, reason: errnoText()) }
    }

    static func loginName() -> String {
        if let u = getenv("USER"), let s = String(validatingCString: u), !s.isEmpty { return s }
        if let pw = getpwuid(getuid()), let n = pw.pointee.pw_name { return String(cString: n) }
        return "coord"
    }

    public var today: CalendarDate { clock.today }

    /// Checks a command against the model as it is now, without changing anything.
    public func check(_ cmd: Command) throws(CommandError) -> Event {
        var gen = ids
        return try model.validate(cmd, context: ValidationContext(today: clock.today)) {
            gen.next(avoiding: { model.usedIDs.contains($0) }, tagSeen: tagSeen)
        }
    }

    /// Validates every command in turn (each sees the ones before), then appends them all
    /// in one write and fsync. Nothing is written or changed unless all of them are good.
    @discardableResult
    public func perform(_ commands: [Command]) throws(StoreError) -> [Event] {
        var scratch = model
        var gen = ids
        var events: [Event] = []
        let context = ValidationContext(today: clock.today)
        for (i, cmd) in commands.enumerated() {
            do {
                let e = try scratch.validate(cmd, context: context) {
                    gen.next(avoiding: { scratch.usedIDs.contains($0) }, tagSeen: tagSeen)
                }
                scratch.apply(e)
                events.append(e)
            } catch {
                throw .command(index: i, error)
            }
        }
        guard !events.isEmpty else { return [] }
        let stamp = " # " + clock.stamp + " " + user
        guard let writer else { throw .journal(.cannotWrite(path: path, reason: "journal is not open")) }
        do {
            try writer.append(events.map { $0.line + stamp })
        } catch {
            throw .journal(error)
        }
        model = scratch
        ids = gen
        return events
    }

    /// Parses and performs command lines (the `:` line, `coord do`).
    @discardableResult
    public func perform(lines: [String]) throws(StoreError) -> [Event] {
        var commands: [Command] = []
        for (i, l) in lines.enumerated() {
            do {
                if let c = try LineGrammar.parse(l) { commands.append(c) }
            } catch {
                throw .syntax(index: i, error)
            }
        }
        return try perform(commands)
    }

    private func tagSeen(_ tag: String) -> Bool {
        model.usedIDs.contains { $0.raw.hasPrefix(tag) }
    }
}

/// Why `perform` wrote nothing: the command (0-based) and what is wrong with it, or the disk.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case syntax(index: Int, SyntaxError)
    case command(index: Int, CommandError)
    case journal(JournalError)

    public var description: String {
        switch self {
        case .syntax(_, let e): return e.description
        case .command(_, let e): return e.description
        case .journal(let e): return e.description
        }
    }

    public var index: Int? {
        switch self {
        case .syntax(let i, _), .command(let i, _): return i
        case .journal: return nil
        }
    }

    /// The field a form should point at.
    public var key: String? { if case .command(_, let e) = self { return e.key } else { return nil } }
}
