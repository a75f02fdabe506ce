#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A last line with no newline: a write that a crash cut short. It is never applied.
public struct TornTail: Sendable, Equatable {
    public var line: Int
    public var text: String
    /// Where the torn bytes start; everything before is whole lines.
    public var offset: Int
}

/// What replaying a journal built.
public struct LoadedJournal: Sendable {
    public var model: Model
    public var changes: Int
    public var lines: Int
    public var torn: TornTail?
    /// Bytes of whole lines: the journal's length once a torn tail is set aside.
    public var goodLength: Int
}

public enum JournalReader {
    /// The file's bytes, or nil when there is no such file.
    public static func readBytes(path: String) throws(JournalError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .cannotOpen(path: path, reason: errnoText())
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(path: path, reason: "it is a directory") }
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: errnoText())
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Replays whole lines into a model. The first bad line stops it with `FILE:LINE:COL: what`.
    public static func replay(_ bytes: [UInt8], path: String) throws(JournalError) -> LoadedJournal {
        var model = Model()
        var changes = 0, lineNo = 0, start = 0
        let n = bytes.count
        var torn: TornTail?
        let result: Result<Void, JournalError> = bytes.withUnsafeBufferPointer { buf in
            while start < n {
                var end = start
                while end < n && buf[end] != 0x0A { end += 1 }
                lineNo += 1
                if end == n {
                    // No newline: a torn write, unless it is an unfinished header of a new file.
                    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<n]), as: UTF8.self)
                    if !(lineNo == 1 && JournalFormat.header.hasPrefix(text)) {
                        torn = TornTail(line: lineNo, text: text, offset: start)
                    }
                    break
                }
                var lineEnd = end
                if lineEnd > start && buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buf[start..<lineEnd])
                if lineNo == 1 {
                    if let e = checkHeader(line, path: path) { return .failure(e) }
                } else {
                    do {
                        if let cmd = try LineGrammar.parse(bytes: line) {
                            let event = try model.validate(cmd, context: .replay, newID: { RecordID("") })
                            model.apply(event)
                            changes += 1
                        }
                    } catch let e as SyntaxError {
                        return .failure(.badLine(path: path, line: lineNo, column: e.column, message: e.message))
                    } catch let e as CommandError {
                        return .failure(.badLine(path: path, line: lineNo, column: e.column, message: e.message))
                    } catch {
                        return .failure(.badLine(path: path, line: lineNo, column: nil, message: "\(error)"))
                    }
                }
                start = end + 1
            }
            return .success(())
        }
        if case .failure(let e) = result { throw e }
        let good = torn?.offset ?? (start >= n ? n : start)
        return LoadedJournal(model: model, changes: changes, lines: lineNo - (torn == nil ? 0 : 1),
                             torn: torn, goodLength: torn == nil && good < n ? 0 : good)
    }

    static func checkHeader(_ line: UnsafeBufferPointer<UInt8>, path: String) -> JournalError? {
        let text = String(decoding: line, as: UTF8.self)
        if text == JournalFormat.header { return nil }
        let prefix = "# coord journal v"
        if text.lowercased().hasPrefix(prefix), let v = Int(text.dropFirst(prefix.count)), v > JournalFormat.version {
            return .newerFormat(path: path, version: v)
        }
        return .notAJournal(path: path, firstLine: text)
    }
}
