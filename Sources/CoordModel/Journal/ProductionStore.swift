#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal opened for work: the model it replays to, and the only way to change it.
/// Before every write it reads what other writers appended, under the lock, so a change
/// is always checked against the journal as it really is.
public final class ProductionStore {
    public let path: String
    public private(set) var model: Model
    public let clock: Clock
    /// Who the journal's time stamps name.
    public let user: String
    private var ids: IDGenerator
    private var writer: JournalWriter?
    /// Bytes and whole lines of the journal replayed so far.
    private var known = 0
    private var linesRead = 0
    /// Set when the journal stopped making sense (a bad line from elsewhere): no more writes.
    public private(set) var broken: JournalError?

    /// Replays `path`. A missing file is created with the first change. A torn last line
    /// is copied to `PATH.torn` and cut off, with a warning; any other bad line refuses.
    public static func open(path: String, create: Bool = true, clock: Clock = Clock(),
                            idSeed: UInt64? = nil) throws(JournalError) -> (ProductionStore, [String]) {
        var warnings: [String] = []
        let bytes = try JournalReader.readBytes(path: path)
        guard bytes != nil || create else { throw .cannotOpen(path: path, reason: "no such file") }
        let loaded = try JournalReader.replay(bytes ?? [], path: path)
        let store = ProductionStore(path: path, model: loaded.model, clock: clock, idSeed: idSeed)
        store.known = loaded.goodLength
        store.linesRead = loaded.lines
        guard let bytes else { return (store, ["\(path) is new: it is created with your first change"]) }
        let writer = try JournalWriter(path: path)
        store.writer = writer
        try writer.lock()
        defer { writer.unlock() }
        if let torn = loaded.torn, try writer.size() == bytes.count {
            try store.setAside(torn, absoluteOffset: torn.offset)
            warnings.append("\(path):\(torn.line): an unfinished last line (cut short by a crash) was set aside in \(path).torn")
        } else if loaded.goodLength == 0, !bytes.isEmpty, try writer.size() == bytes.count {
            // Only part of a new file's header got written: start it again.
            try writer.truncate(to: 0)
            try writer.ensureHeader()
            store.known = try writer.size()
            store.linesRead = 1
        }
        return (store, warnings)
    }

    init(path: String, model: Model, clock: Clock, idSeed: UInt64?) {
        self.path = path
        self.model = model
        self.clock = clock
        self.ids = IDGenerator(seed: idSeed)
        self.user = ProductionStore.loginName()
    }

    private func setAside(_ torn: TornTail, absoluteOffset: Int) throws(JournalError) {
        let aside = path + ".torn"
        let fd = Glibc.open(aside, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: aside, reason: errnoText()) }
        defer { close(fd) }
        let text = "# \(clock.stamp) set aside from \(path) line \(torn.line) (no newline: a torn write)\n"
            + torn.text + "\n"
        let ok = text.utf8CString.withUnsafeBufferPointer { b in
            Glibc.write(fd, b.baseAddress, b.count - 1) == b.count - 1
        }
        guard ok, fsync(fd) == 0 else { throw .cannotWrite(path: aside, reason: errnoText()) }
        try writer?.truncate(to: absoluteOffset)
    }

    /// The login name, reduced to characters that cannot break a journal line.
    static func loginName() -> String {
        var name = ""
        if let u = getenv("USER"), let s = String(validatingCString: u) { name = s }
        if name.isEmpty, let pw = getpwuid(getuid()), let n = pw.pointee.pw_name { name = String(cString: n) }
        let safe = String(name.unicodeScalars.filter {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._@-".unicodeScalars.contains($0)) && $0.value > 0x20
        }.prefix(32).map(Character.init))
        return safe.isEmpty ? "coord" : safe
    }

    public var today: CalendarDate { clock.today }

    /// Creates the journal now (mode 0600, header only) if it does not exist yet.
    public func createFile() throws(JournalError) {
        guard writer == nil else { return }
        writer = try JournalWriter(path: path)
        known = 0
        linesRead = 0
        try catchUp()
    }

    /// Applies what other writers appended since we last looked. Returns how many changes.
    /// `locked` means we hold the lock, so an unfinished last line is a dead writer's and is set aside.
    @discardableResult
    public func catchUp(locked: Bool = false) throws(JournalError) -> Int {
        if let broken { throw broken }
        if writer == nil {
            guard access(path, F_OK) == 0 else { return 0 }
            writer = try JournalWriter(path: path)
        }
        guard let writer else { return 0 }
        let size = try writer.size()
        if size < known {
            let e = JournalError.cannotOpen(path: path, reason: "it got shorter while open (edited by hand?); reopen it")
            broken = e
            throw e
        }
        guard size > known else { return 0 }
        let bytes = try writer.read(from: known)
        var m = model
        let p: JournalReader.Progress
        do {
            p = try JournalReader.replay(bytes, path: path, into: &m, firstLine: linesRead + 1)
        } catch {
            broken = error
            throw error
        }
        model = m
        let before = known
        known += p.goodLength
        linesRead += p.lines
        if locked, let torn = p.torn {
            try setAside(torn, absoluteOffset: before + torn.offset)
        }
        return p.changes
    }

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
        guard !commands.isEmpty else { return [] }
        // A journal that does not exist yet is only created for changes that are good.
        if writer == nil { _ = try validateAll(commands) }
        do throws(JournalError) {
            if let broken { throw broken }
            if writer == nil {
                writer = try JournalWriter(path: path)
                known = 0; linesRead = 0
            }
            try writer!.lock()
        } catch {
            throw .journal(error)
        }
        defer { writer?.unlock() }
        do { try catchUp(locked: true) } catch { throw .journal(error) }
        let (scratch, gen, events) = try validateAll(commands)
        guard !events.isEmpty else { return [] }
        let stamp = " # " + clock.stamp + " " + user
        do {
            known += try writer!.append(events.map { $0.line + stamp })
        } catch {
            throw .journal(error)
        }
        linesRead += events.count
        model = scratch
        ids = gen
        return events
    }

    /// Each command checked against the model as changed by the ones before it.
    private func validateAll(_ commands: [Command]) throws(StoreError) -> (Model, IDGenerator, [Event]) {
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
        return (scratch, gen, events)
    }

    /// Parses and performs command lines (the `:` line, `coord do`). Errors carry the
    /// index of the line, blank and comment lines counted.
    @discardableResult
    public func perform(lines: [String]) throws(StoreError) -> [Event] {
        var commands: [Command] = []
        var lineOf: [Int] = []
        for (i, l) in lines.enumerated() {
            do {
                if let c = try LineGrammar.parse(l) { commands.append(c); lineOf.append(i) }
            } catch {
                throw .syntax(index: i, error)
            }
        }
        do {
            return try perform(commands)
        } catch {
            if case .command(let i, let e) = error { throw .command(index: lineOf[i], e) }
            throw error
        }
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
