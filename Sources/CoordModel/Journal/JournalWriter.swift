#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends whole lines to a journal and makes them durable before saying so.
public final class JournalWriter {
    public let path: String
    private let fd: Int32

    /// Opens `path` for appending; a new file is made with mode 0600 and the format header.
    public init(path: String) throws(JournalError) {
        self.path = path
        var created = false
        var fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            // Crew phone numbers live here: owner only.
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            created = fd >= 0
        }
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        self.fd = fd
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size == 0 {
            try write(Array((JournalFormat.header + "\n").utf8))
            if created { syncDirectory() }
        }
    }

    deinit { close(fd) }

    /// Cuts the file back to `length` bytes (setting aside a torn tail happens before this).
    public func truncate(to length: Int) throws(JournalError) {
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else {
            throw .cannotWrite(path: path, reason: errnoText())
        }
    }

    /// Appends the lines in one write under an advisory lock, then fsyncs. On any failure
    /// the file is cut back to where it was, so no partial line is ever left behind.
    public func append(_ lines: [String]) throws(JournalError) {
        var bytes = [UInt8]()
        for l in lines { bytes.append(contentsOf: l.utf8); bytes.append(0x0A) }
        try write(bytes)
    }

    private func write(_ bytes: [UInt8]) throws(JournalError) {
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .cannotWrite(path: path, reason: errnoText()) }
        }
        defer { flock(fd, LOCK_UN) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotWrite(path: path, reason: errnoText()) }
        let before = st.st_size
        var done = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
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
            _ = ftruncate(fd, before)
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
