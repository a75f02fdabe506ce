#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DemoJournal {
    /// Writes the demo journal to a new file (mode 0600); refuses to overwrite anything.
    /// The journal's bytes, ending with a newline like every journal Coord writes.
    public static var bytes: [UInt8] { Array(text.utf8) + (text.hasSuffix("\n") ? [] : [0x0A]) }

    public static func write(to path: String) throws(JournalError) {
        _ = try JournalReader.replay(bytes, path: "demo")
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotWrite(path: path, reason: errno == EEXIST ? "it already exists (Coord never overwrites a journal)" : errnoText())
        }
        defer { close(fd) }
        let ok = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) == $0.count }
        guard ok, fsync(fd) == 0 else {
            let reason = errnoText()
            unlink(path)
            throw .cannotWrite(path: path, reason: reason)
        }
    }
}
