#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `:` line's history, kept across sessions in a hidden file beside the journal
/// (`.NAME.history`, mode 0600): one command a line, newest last.
enum CommandHistory {
    static let kept = 500

    static func file(for journal: String) -> String {
        let slash = journal.lastIndex(of: "/")
        let dir = slash.map { String(journal[...$0]) } ?? ""
        let name = slash.map { String(journal[journal.index(after: $0)...]) } ?? journal
        return dir + "." + name + ".history"
    }

    /// The last commands run on this journal, oldest first; none when there is no file yet.
    static func load(for journal: String) -> [String] {
        guard let f = fopen(file(for: journal), "r") else { return [] }
        defer { fclose(f) }
        var lines: [String] = []
        var buf = [CChar](repeating: 0, count: 8192)
        while fgets(&buf, Int32(buf.count), f) != nil {
            let line = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                .trimmingCharacters(in: "\n")
            if !line.isEmpty { lines.append(line) }
        }
        return Array(lines.suffix(kept))
    }

    /// Adds a command. A history that cannot be written is not worth a message: the change itself
    /// is in the journal.
    static func append(_ command: String, for journal: String) {
        guard !command.contains("\n") else { return }
        let fd = open(file(for: journal), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((command + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.last == set { s.removeLast() }
        return s
    }
}
