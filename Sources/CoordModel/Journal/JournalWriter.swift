#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal file held open for appending. Every append happens under an advisory
/// lock, so two Coords (or Coord and `coord do`) never interleave their lines.
public final class JournalWriter {
    public let path: String
    private let fd: Int32
    /// Opened to read only: appends are refused.
    public let readOnly: Bool

    /// Opens `path` read-only: to follow a journal that cannot be written.
    public init(readingOnly path: String) throws(JournalError) {
        self.path = path
        readOnly = true
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
    }

    /// Opens `path`; a new file is made with mode 0600 and the format header.
    public init(path: String) throws(JournalError) {
        self.path = path
        readOnly = false
        var created = false
        var fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            // Crew phone numbers live here: owner only.
            fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            created = fd >= 0
        }
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT {
                let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                throw .cannotOpen(path: path, reason: "the folder \(dir.isEmpty ? "/" : dir) does not exist")
            }
            throw .cannotOpen(path: path, reason: errnoText(code))
        }
        self.fd = fd
        try lock()
        defer { unlock() }
        try ensureHeader()
        if created { syncDirectory() }
    }

    /// An empty file gets the format header. Call locked.
    public func ensureHeader() throws(JournalError) {
        if try size() == 0 { try write(Array((JournalFormat.header + "\n").utf8)) }
    }

    deinit { close(fd) }

    /// Takes the journal's exclusive lock (waits for another writer to finish).
    public func lock() throws(JournalError) {
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .cannotWrite(path: path, reason: errnoText()) }
        }
    }

    public func unlock() { flock(fd, LOCK_UN) }

    public func size() throws(JournalError) -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        return Int(st.st_size)
    }

    /// Whether `path` still names the file we hold open (not replaced, moved or deleted).
    public func isStillAt(_ path: String) throws(JournalError) -> Bool {
        var mine = stat(), there = stat()
        guard fstat(fd, &mine) == 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        guard stat(path, &there) == 0 else { return false }
        return mine.st_dev == there.st_dev && mine.st_ino == there.st_ino
    }

    /// Bytes from `offset` to the end (what another writer appended).
    public func read(from offset: Int) throws(JournalError) -> [UInt8] {
        try JournalReader.readAll(fd: fd, path: path, from: offset)
    }

    /// Cuts the file back to `length` bytes (a torn tail is set aside before this). Call locked.
    public func truncate(to length: Int) throws(JournalError) {
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else {
            throw .cannotWrite(path: path, reason: errnoText())
        }
    }

    /// Appends the lines in one write, then fsyncs. Call locked. On any failure the file
    /// is cut back to where it was, so no partial line is ever left behind.
    @discardableResult
    public func append(_ lines: [String]) throws(JournalError) -> Int {
        var bytes = [UInt8]()
        for l in lines { bytes.append(contentsOf: l.utf8); bytes.append(0x0A) }
        try write(bytes)
        return bytes.count
    }

    private func write(_ bytes: [UInt8]) throws(JournalError) {
        guard !readOnly else { throw .readOnly(path: path) }
        let before = try size()
        var done = 0
        var failure: Int32 = 0
        // A test's injected fault (a full disk, an I/O error) strikes half-way through the write.
        let fault = FaultInjection.writeFault()
        bytes.withUnsafeBytes { raw in
            while done < raw.count {
                if let fault, done >= raw.count / 2 { failure = fault; return }
                let want = fault == nil ? raw.count - done : max(1, raw.count / 2 - done)
                let n = Glibc.write(fd, raw.baseAddress! + done, want)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if failure != 0 {
            _ = ftruncate(fd, off_t(before))
            _ = fsync(fd)
            throw .cannotWrite(path: path, reason: errnoText(failure))
        }
    }

    private func syncDirectory() {
        var dir = path
        if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]); if dir.isEmpty { dir = "/" } } else { dir = "." }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }
}

/// Faults for tests, switched on from outside: while the file named by `COORD_FAULT_FILE`
/// exists, every journal write fails half-way with the error it names (`ENOSPC`, the
/// default, or `EIO`), as a full disk or a failing drive would.
enum FaultInjection {
    static func writeFault() -> Int32? {
        guard let p = getenv("COORD_FAULT_FILE"), let path = String(validatingCString: p), !path.isEmpty else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 16)
        let n = read(fd, &buf, 16)
        let name = n > 0 ? String(decoding: buf[0..<n], as: UTF8.self).trimmingWhitespace() : ""
        return name == "EIO" ? EIO : ENOSPC
    }
}
