import ArgumentParser
import CoordModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an equivalent, shorter journal: each record's changes squashed into one line; the old journal kept as a dated backup.",
        discussion: """
            Running orders and the production keep every line; removed records keep their add and rm (ids are never reused). \
            The new journal is replayed and compared with the old before anything is written; it goes through a temporary file, \
            fsync, rename and a directory fsync, under the journal's lock, so a Coord with the journal open reads it again.
            """)
    @Argument(help: "The journal.") var file: String
    @Flag(help: "Say what it would do; write nothing.") var dryRun = false

    func run() throws {
        let writer: JournalWriter
        do { writer = try JournalWriter(path: file) } catch { complain(error.description); throw ExitCode(1) }
        do { try writer.lock() } catch { complain(error.description); throw ExitCode(1) }
        defer { writer.unlock() }
        let bytes: [UInt8]
        do { bytes = try writer.read(from: 0) } catch { complain(error.description); throw ExitCode(1) }
        let result: Compaction.Result
        do { result = try Compaction.compact(bytes, path: file) } catch { complain(error.description); throw ExitCode(1) }
        let saved = bytes.count - result.text.utf8.count
        let summary = "\(result.linesBefore) lines → \(result.linesAfter) (\(bytes.count / 1024) KiB → \(result.text.utf8.count / 1024) KiB)"
        if dryRun { print("\(file): would compact \(summary); nothing was written"); return }
        guard saved > 0 else { print("\(file): already compact (\(summary))"); return }
        let stamp = Clock().stamp.filter { $0.isNumber || $0 == "T" }
        var backup = "\(file).\(stamp).bak"
        var n = 1
        while access(backup, F_OK) == 0 { n += 1; backup = "\(file).\(stamp)-\(n).bak" }
        let temp = file + ".compact-tmp"
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { complain("\(temp): cannot create: \(String(cString: strerror(errno)))"); throw ExitCode(1) }
        let data = Array(result.text.utf8)
        let ok = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) == $0.count } && fsync(fd) == 0
        close(fd)
        guard ok else { unlink(temp); complain("\(temp): cannot write: \(String(cString: strerror(errno))); nothing was changed"); throw ExitCode(1) }
        // The old journal stays, as the backup (same file, same mode); the new one takes its name at once.
        guard link(file, backup) == 0 else {
            unlink(temp); complain("\(backup): cannot keep the backup: \(String(cString: strerror(errno))); nothing was changed"); throw ExitCode(1)
        }
        guard rename(temp, file) == 0 else {
            unlink(temp); unlink(backup); complain("\(file): cannot replace: \(String(cString: strerror(errno))); nothing was changed"); throw ExitCode(1)
        }
        var dir = file
        if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]); if dir.isEmpty { dir = "/" } } else { dir = "." }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
        print("\(file): compacted \(summary); the old journal is kept as \(backup)")
    }
}
