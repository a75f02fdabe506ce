#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DemoJournal {
    /// The day the demo's dates are written for: shooting starts the Monday after.
    public static let writtenFor = CalendarDate(year: 2027, month: 2, day: 25)!

    /// The journal's bytes, ending with a newline like every journal Coord writes.
    public static var bytes: [UInt8] { Array(text.utf8) + (text.hasSuffix("\n") ? [] : [0x0A]) }

    /// The demo with every date moved by whole weeks so that, seen from `today`, the shoot
    /// is days away and some clearances are overdue — as the office would be.
    public static func bytes(for today: CalendarDate) -> [UInt8] {
        let weeks = (Int(today.dayNumber) - Int(writtenFor.dayNumber)).quotientRoundedDown(by: 7)
        guard weeks != 0 else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        let b = bytes
        var i = 0
        // Shift every YYYY-MM-DD that stands alone as a value (after '=').
        while i < b.count {
            if i + 10 <= b.count, i > 0, b[i - 1] == UInt8(ascii: "="),
               let text = String(validating: b[i..<(i + 10)], as: UTF8.self),
               (i + 10 == b.count || b[i + 10] == 0x20 || b[i + 10] == 0x0A),
               case .success(let d) = CalendarDate.parse(text, today: nil) {
                out.append(contentsOf: d.adding(days: weeks * 7).description.utf8)
                i += 10
                continue
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    /// Writes the demo journal, dated for `today`, to a new file (mode 0600); never overwrites.
    public static func write(to path: String, today: CalendarDate = Clock().today) throws(JournalError) {
        let bytes = bytes(for: today)
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

extension Int {
    func quotientRoundedDown(by d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
