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
    /// Set by whoever offers undo (the app): each save then also works out the lines that undo
    /// each of its changes, on the model before it, into `lastUndo`.
    public var keepsUndo = false
    /// Per change of the last save, the lines that undo it (`Model.undoLines`), when `keepsUndo`.
    public private(set) var lastUndo: [[String]]?
    /// Set when the journal cannot be written (file or folder read-only): it is followed, not changed.
    public private(set) var readOnly: String?

    /// Replays `path`. A missing file is created with the first change (or `createFile`).
    /// A torn last line is never applied: with `setAsideTorn` it is copied to `PATH.torn`
    /// and cut off now, with a warning; otherwise that waits for the first saved change.
    /// Any other bad line refuses the open. `progress` is told how far a long replay has got.
    public static func open(path: String, create: Bool = true, clock: Clock = Clock(),
                            idSeed: UInt64? = nil, setAsideTorn: Bool = true,
                            checkpoints: CheckpointStore? = nil,
                            progress: JournalReader.ReplayProgress? = nil) throws(JournalError) -> (ProductionStore, [String]) {
        let bytes = try JournalReader.readBytes(path: path)
        guard bytes != nil || create else { throw .cannotOpen(path: path, reason: "no such file") }
        let opened = try JournalReader.load(bytes ?? [], path: path, checkpoints: checkpoints, progress: progress)
        if let bytes { JournalReader.keep(opened, path: path, bytes: bytes, in: checkpoints) }
        let loaded = opened.loaded
        let store = ProductionStore(path: path, model: loaded.model, clock: clock, idSeed: idSeed)
        store.known = loaded.goodLength
        store.linesRead = loaded.lines
        guard let bytes else { return (store, ["\(path) is new: it is created with your first change"]) }
        if access(path, W_OK) != 0 {
            // Still worth opening: to read, report from and follow as others change it.
            let why = errnoText()
            store.writer = try JournalWriter(readingOnly: path)
            store.readOnly = why
            return (store, ["\(path) is read-only (\(why)): you can look but not change it"])
        }
        let writer = try JournalWriter(path: path)
        store.writer = writer
        try writer.lock()
        defer { writer.unlock() }
        guard try writer.size() == bytes.count else { return (store, []) } // a live writer is mid-append
        guard setAsideTorn else {
            // Read-mostly callers (coord do, imports) repair nothing until they save.
            if let torn = loaded.torn {
                return (store, ["\(path):\(torn.line): \(torn.what) is unfinished (cut short by a crash); it is never applied, and is moved to \(path).torn when a change is saved"])
            }
            return (store, [])
        }
        if let torn = loaded.torn {
            try store.setAside(torn, absoluteOffset: torn.offset)
            return (store, ["\(path):\(torn.line): \(torn.what) was unfinished (cut short by a crash) and was set aside in \(path).torn"])
        }
        if loaded.goodLength == 0, !bytes.isEmpty {
            // Only part of a new file's header got written: start it again.
            try writer.truncate(to: 0)
            try writer.ensureHeader()
            store.known = try writer.size()
            store.linesRead = 1
        }
        return (store, [])
    }

    init(path: String, model: Model, clock: Clock, idSeed: UInt64?) {
        self.path = path
        self.model = model
        self.clock = clock
        self.ids = IDGenerator(seed: idSeed)
        self.user = ProductionStore.loginName()
    }

    /// Copies a torn tail's bytes, as they are, to `PATH.torn`, then cuts the journal. Call locked.
    private func setAside(_ torn: TornTail, absoluteOffset: Int) throws(JournalError) {
        let aside = path + ".torn"
        let fd = Glibc.open(aside, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: aside, reason: errnoText()) }
        defer { close(fd) }
        let why = torn.batch.map { "a batch of \($0) lines with only part of them written" } ?? "no newline: a torn write"
        let text = Array("# \(clock.stamp) set aside from \(path) line \(torn.line) (\(why))\n".utf8)
            + torn.bytes + [0x0A]
        let ok = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) == $0.count }
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

    /// What `catchUp` found.
    public struct CatchUp: Sendable {
        /// Changes other writers appended, now applied.
        public var changes = 0
        /// The file at the path was replaced (a git pull, an editor's save) and read again whole.
        public var reloaded = false
        /// An unfinished last line: still being written, or a dead writer's.
        var torn: TornTail?
        var tornOffset = 0
    }

    /// Applies what other writers appended since we last looked. If the file at the path is
    /// no longer the one we hold open (replaced by git or an editor), it is read again whole.
    @discardableResult
    public func catchUp() throws(JournalError) -> CatchUp {
        if let broken { throw broken }
        if writer == nil {
            guard access(path, F_OK) == 0 else { return CatchUp() }
            writer = try JournalWriter(path: path)
        }
        var result = CatchUp()
        if try !writer!.isStillAt(path) {
            guard access(path, F_OK) == 0 else {
                // Not sticky: once the file is back it is read again and saving resumes.
                throw JournalError.cannotOpen(path: path, reason: "it was moved or deleted while open; nothing more is saved until it is back")
            }
            writer = readOnly == nil ? try JournalWriter(path: path) : try JournalWriter(readingOnly: path)
            known = 0; linesRead = 0
            result.reloaded = true
        }
        let writer = writer!
        let size = try writer.size()
        if size < known {
            let e = JournalError.cannotOpen(path: path, reason: "it got shorter while open (edited by hand?); reopen it")
            broken = e
            throw e
        }
        guard size > known else { return result }
        let bytes = try writer.read(from: known)
        var m = result.reloaded ? Model() : model
        let p: JournalReader.Progress
        do {
            p = try JournalReader.replay(bytes, path: path, into: &m, firstLine: linesRead + 1)
        } catch {
            broken = error
            throw error
        }
        model = m
        result.torn = p.torn
        result.tornOffset = known + (p.torn?.offset ?? 0)
        known += p.goodLength
        linesRead += p.lines
        result.changes = p.changes
        return result
    }

    /// Validates every command in turn (each sees the ones before), then appends them all
    /// in one write and fsync, under the journal's lock and after reading what other writers
    /// appended. Nothing is written or changed unless all of them are good.
    @discardableResult
    public func perform(_ commands: [Command], progress: ((Int, Int) -> Void)? = nil) throws(StoreError) -> [Event] {
        guard !commands.isEmpty else { return [] }
        // A journal that does not exist yet is only created for changes that are good.
        if writer == nil { _ = try validateAll(commands, progress: progress) }
        let found: CatchUp
        do throws(JournalError) {
            if let broken { throw broken }
            if readOnly != nil { throw JournalError.readOnly(path: path) }
            if writer == nil {
                writer = try JournalWriter(path: path)
                known = 0; linesRead = 0
            }
            // A file replaced on disk is re-read first, so the lock below is on the file at the path.
            _ = try catchUp()
            try writer!.lock()
        } catch {
            throw .journal(error)
        }
        defer { writer?.unlock() }
        do {
            found = try catchUp()
            // The lock we waited for was on a file since replaced (coord compact, git): take the new one's.
            if found.reloaded { try writer!.lock() }
        } catch { throw .journal(error) }
        lastUndo = nil
        let (scratch, gen, events, undo) = try validateAll(commands, progress: progress)
        guard !events.isEmpty else { return [] }
        let stamp = " # " + clock.stamp + " " + user
        do {
            // Holding the lock, an unfinished last line can only be a dead writer's.
            if let torn = found.torn { try setAside(torn, absoluteOffset: found.tornOffset) }
            if known == 0, try writer!.size() > 0 {
                // Only part of the header is there (its creator died writing it): keep those bytes
                // aside like any torn line, and start the file again.
                let partial = try writer!.read(from: 0)
                try setAside(TornTail(line: 1, text: String(decoding: partial, as: UTF8.self), bytes: partial, offset: 0),
                             absoluteOffset: 0)
            }
            if known == 0 {
                try writer!.ensureHeader()
                known = try writer!.size()
                linesRead = 1
            }
            // Several changes open with a marker, so replay can tell a batch a crash cut short.
            let marker = events.count > 1 ? [BatchMarker.line(events.count)] : []
            known += try writer!.append(marker + events.map { $0.line + stamp })
            linesRead += marker.count
        } catch {
            throw .journal(error)
        }
        linesRead += events.count
        // The model takes the scratch's tables (all but the last change applied), then the last
        // change in place: one change (the app's, almost always) never copies the model.
        model = consume scratch
        if let last = events.last { model.apply(last) }
        ids = gen
        lastUndo = keepsUndo ? undo : nil
        return events
    }

    /// Each command checked against the model as changed by the ones before it. The model returned
    /// has every change but the last applied (so one command needs no copy of the model).
    /// `progress` is told commands checked of all (a large import).
    private func validateAll(_ commands: [Command], progress: ((Int, Int) -> Void)? = nil) throws(StoreError) -> (Model, IDGenerator, [Event], [[String]]) {
        var scratch = model
        var gen = ids
        var events: [Event] = []
        var undo: [[String]] = []
        let context = ValidationContext(today: clock.today)
        for (i, cmd) in commands.enumerated() {
            do {
                let e = try scratch.validate(cmd, context: context) {
                    gen.next(avoiding: { scratch.isUsed($0) }, tagSeen: tagSeen)
                }
                if keepsUndo { undo.append(scratch.undoLines(for: e) ?? []) }
                if i < commands.count - 1 { scratch.apply(e) }
                events.append(e)
                if i & 255 == 255, let progress { progress(i + 1, commands.count) }
            } catch {
                throw .command(index: i, error)
            }
        }
        return (scratch, gen, events, undo)
    }

    /// Parses and performs command lines (the `:` line, `coord do`). Errors carry the
    /// index of the line, blank and comment lines counted.
    @discardableResult
    public func perform(lines: [String], progress: ((Int, Int) -> Void)? = nil) throws(StoreError) -> [Event] {
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
            return try perform(commands, progress: progress)
        } catch {
            if case .command(let i, let e) = error { throw .command(index: lineOf[i], e) }
            throw error
        }
    }

    private func tagSeen(_ tag: String) -> Bool {
        model.nounOf.keys.contains { $0.raw.hasPrefix(tag) } || model.removedNouns.keys.contains { $0.raw.hasPrefix(tag) }
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
