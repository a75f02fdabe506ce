#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A last line with no newline: a write that a crash cut short. It is never applied.
public struct TornTail: Sendable, Equatable {
    public var line: Int
    public var text: String
    /// The torn bytes exactly as they are on disk.
    public var bytes: [UInt8]
    /// Where the torn bytes start; everything before is whole lines.
    public var offset: Int
    /// Set when what was cut short is a batch of this many lines (its opening marker and the
    /// whole lines of it that did get written are set aside with it).
    public var batch: Int? = nil

    /// What was cut short, for messages: "the last line" or "the last batch (25 lines)".
    public var what: String { batch.map { "the last batch (\($0) lines)" } ?? "the last line" }
}

/// The comment that opens a batch of several changes saved together (`coord do`, an import):
/// replay sets aside a batch that does not have all its lines, so one is never half applied.
public enum BatchMarker {
    public static let prefix = "# coord batch: "
    public static func line(_ count: Int) -> String { prefix + "\(count) lines follow" }

    /// The number of lines the marker says follow, when `line` is one.
    static func count(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        let p = prefix.utf8, suffix = " lines follow".utf8
        guard line.count > p.count + suffix.count, line.starts(with: p), line.reversed().starts(with: suffix.reversed())
        else { return nil }
        var n = 0
        for b in line[(line.startIndex + p.count)..<(line.endIndex - suffix.count)] {
            guard b >= 0x30, b <= 0x39, n < 100_000_000 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }
}

/// What replaying a journal built.
public struct LoadedJournal: Sendable {
    public var model: Model
    public var changes: Int
    /// Whole lines read (the header included).
    public var lines: Int
    public var torn: TornTail?
    /// Bytes of whole lines: the journal's length once a torn tail is set aside.
    public var goodLength: Int
}

public enum JournalReader {
    /// The file's bytes from `offset`, or nil when there is no such file.
    public static func readBytes(path: String, from offset: Int = 0) throws(JournalError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .cannotOpen(path: path, reason: errnoText())
        }
        defer { close(fd) }
        return try readAll(fd: fd, path: path, from: offset)
    }

    static func readAll(fd: Int32, path: String, from offset: Int) throws(JournalError) -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(path: path, reason: "it is a directory") }
        // Straight into the result as far as the size said, then in chunks if it grew meanwhile.
        let expected = max(0, Int(st.st_size) - offset)
        var failed: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buf, count in
            count = 0
            while count < expected {
                let n = pread(fd, buf.baseAddress! + count, expected - count, off_t(offset + count))
                if n < 0 { if errno == EINTR { continue }; failed = errno; return }
                if n == 0 { return }
                count += n
            }
        }
        if failed != 0 { throw .cannotOpen(path: path, reason: errnoText(failed)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var at = off_t(offset + out.count)
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, at) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: errnoText())
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            at += off_t(n)
        }
        return out
    }

    /// Told now and then during a long replay: whole lines replayed so far, and the lines there are.
    public typealias ReplayProgress = (_ lines: Int, _ total: Int) -> Void
    /// Replays a whole journal. The first bad line stops it with `FILE:LINE:COL: what`.
    public static func replay(_ bytes: [UInt8], path: String, progress: ReplayProgress? = nil) throws(JournalError) -> LoadedJournal {
        var model = Model()
        let r = try replay(bytes, path: path, into: &model, firstLine: 1, progress: progress)
        return LoadedJournal(model: model, changes: r.changes, lines: r.lines, torn: r.torn, goodLength: r.goodLength)
    }

    /// What a (partial) replay read: counts are of this call only; offsets are within `bytes`.
    public struct Progress: Sendable {
        public var changes = 0
        public var lines = 0
        public var torn: TornTail?
        public var goodLength = 0
    }

    /// Replays the whole lines of `bytes` into `model`. `firstLine` 1 means the bytes start
    /// the file, so the first line must be the header. A last line with no newline is
    /// reported as torn and not applied; lines before a bad one stay applied.
    public static func replay(_ bytes: [UInt8], path: String, into model: inout Model,
                              firstLine: Int, progress: ReplayProgress? = nil) throws(JournalError) -> Progress {
        var p = Progress()
        var start = 0
        let n = bytes.count
        var failure: JournalError?
        // One command and one set of validation buffers serve every line.
        var cmd = Command(noun: "", verb: "", pairs: [])
        var scratch = ValidationScratch()
        var words = ParsedWords()
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            // Small reads are over too soon for progress to matter (total 0: never told).
            let total = n >= 1 << 16 ? reserve(&model, for: buf) : 0
            while start < n {
                let end = memchr(base + start, 0x0A, n - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
                let lineNo = firstLine + p.lines
                if end == n {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<n]), as: UTF8.self)
                    if lineNo == 1 && JournalFormat.header.hasPrefix(text) {
                        break // an unfinished header of a new file: nothing in it yet
                    }
                    if lineNo == 1, let e = checkHeader(text, path: path) { failure = e; return }
                    p.torn = TornTail(line: lineNo, text: text, bytes: Array(buf[start..<n]), offset: start)
                    break
                }
                var lineEnd = end
                if lineEnd > start && buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buf[start..<lineEnd])
                if buf[start] == UInt8(ascii: "#"), lineNo > 1, let count = BatchMarker.count(line) {
                    // A batch must have all its lines; one a crash cut short is set aside whole.
                    var at = end + 1, whole = 0
                    while whole < count, at < n,
                          let nl = memchr(base + at, 0x0A, n - at).map({ UnsafeRawPointer($0) - UnsafeRawPointer(base) }) {
                        whole += 1
                        at = nl + 1
                    }
                    if whole < count {
                        let rest = UnsafeBufferPointer(rebasing: buf[start..<n])
                        p.torn = TornTail(line: lineNo, text: String(decoding: rest, as: UTF8.self), bytes: Array(rest),
                                          offset: start, batch: count)
                        break
                    }
                }
                if lineNo == 1 {
                    if let e = checkHeader(String(decoding: line, as: UTF8.self), path: path) { failure = e; return }
                } else {
                    do {
                        if try LineGrammar.parse(bytes: line, into: &cmd, keepingComment: false, words: &words) {
                            let event = try model.validate(cmd, context: .replay, newID: { RecordID("") },
                                                           scratch: &scratch, words: words)
                            model.apply(event)
                            p.changes += 1
                        }
                    } catch let e as SyntaxError {
                        failure = .badLine(path: path, line: lineNo, column: e.column, message: e.message); return
                    } catch let e as CommandError {
                        failure = .badLine(path: path, line: lineNo, column: e.column, message: e.message); return
                    } catch {
                        failure = .badLine(path: path, line: lineNo, column: nil, message: "\(error)"); return
                    }
                }
                p.lines += 1
                start = end + 1
                p.goodLength = start
                // Every 4096 lines: rare enough to cost nothing, often enough for ~10 redraws a second.
                if p.lines & 4095 == 0, total > 0, let progress { progress(p.lines, total) }
            }
        }
        if let failure { throw failure }
        return p
    }

    /// Makes room in the model's tables for the records the `add` lines of a large read will
    /// create, so they are not rehashed and copied again and again as they grow. A quick look
    /// at the first two words of each line; it changes nothing the model holds. Returns the
    /// number of lines (for progress).
    @discardableResult
    static func reserve(_ model: inout Model, for buf: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buf.baseAddress else { return 0 }
        let n = buf.count
        var adds = [Int](repeating: 0, count: NounTable.all.count)
        var total = 0
        var lines = 0
        var start = 0
        while start < n {
            let end = memchr(base + start, 0x0A, n - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
            lines += 1
            var i = start
            while i < end, buf[i] == 0x20 || buf[i] == 0x09 { i += 1 }
            let nounStart = i
            while i < end, buf[i] != 0x20, buf[i] != 0x09 { i += 1 }
            let nounEnd = i
            while i < end, buf[i] == 0x20 || buf[i] == 0x09 { i += 1 }
            if end - i >= 4, buf[i] == UInt8(ascii: "a"), buf[i + 1] == UInt8(ascii: "d"), buf[i + 2] == UInt8(ascii: "d"),
               buf[i + 3] == 0x20 || buf[i + 3] == 0x09,
               let code = WordCode(bytes: UnsafeBufferPointer(rebasing: buf[nounStart..<nounEnd])),
               let k = NounTable.index(code) {
                adds[k] += 1
                total += 1
            }
            start = end + 1
        }
        guard total > 0 else { return lines }
        model.nounOf.reserveCapacity(model.nounOf.count + total)
        for (k, table) in NounTable.all.enumerated() where adds[k] > 0 {
            let more = adds[k]
            switch table.noun {
            case .board: model.boards.reserveCapacity(model.boards.count + more)
            case .day: model.days.reserveCapacity(model.days.count + more)
            case .strip: model.strips.reserveCapacity(model.strips.count + more)
            case .banner: model.banners.reserveCapacity(model.banners.count + more)
            case .calendar: model.calendar.reserveCapacity(model.calendar.count + more)
            case .crew: model.crew.reserveCapacity(model.crew.count + more)
            case .kit: model.kit.reserveCapacity(model.kit.count + more)
            case .booking:
                model.bookings.reserveCapacity(model.bookings.count + more)
                model.bookingAt.reserveCapacity(model.bookingAt.count + more)
            case .location: model.locations.reserveCapacity(model.locations.count + more)
            case .call: model.calls.reserveCapacity(model.calls.count + more)
            case .safety: model.safety.reserveCapacity(model.safety.count + more)
            case .travel: model.travel.reserveCapacity(model.travel.count + more)
            case .callsheet: model.callSheets.reserveCapacity(model.callSheets.count + more)
            case .progress: model.progress.reserveCapacity(model.progress.count + more)
            case .account: model.accounts.reserveCapacity(model.accounts.count + more)
            case .budget: model.budgetLines.reserveCapacity(model.budgetLines.count + more)
            case .transfer: model.transfers.reserveCapacity(model.transfers.count + more)
            case .cost: model.costs.reserveCapacity(model.costs.count + more)
            case .etc: model.estimates.reserveCapacity(model.estimates.count + more)
            case .clearance: model.clearances.reserveCapacity(model.clearances.count + more)
            case .log: model.clearanceLog.reserveCapacity(model.clearanceLog.count + more)
            default: break
            }
        }
        return lines
    }

    static func checkHeader(_ text: String, path: String) -> JournalError? {
        if text == JournalFormat.header { return nil }
        let prefix = "# coord journal v"
        if text.lowercased().hasPrefix(prefix), let v = Int(text.dropFirst(prefix.count)), v > JournalFormat.version {
            return .newerFormat(path: path, version: v)
        }
        return .notAJournal(path: path, firstLine: text)
    }
}
