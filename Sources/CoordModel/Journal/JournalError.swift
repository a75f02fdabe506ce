#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong with a journal file, said as `FILE:LINE: what`.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notAJournal(path: String, firstLine: String)
    case newerFormat(path: String, version: Int)
    case badLine(path: String, line: Int, column: Int?, message: String)
    case cannotWrite(path: String, reason: String)
    case locked(path: String)
    /// The file (or its folder) cannot be written: it was opened to look at only.
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "\(p): cannot open: \(r)"
        case .notAJournal(let p, let first):
            return "\(p):1: not a Coord journal (the first line should be '\(JournalFormat.header)', found '\(first.prefix(60))')"
        case .newerFormat(let p, let v):
            return "\(p):1: written by a newer Coord (journal v\(v)); this Coord reads v\(JournalFormat.version)"
        case .badLine(let p, let l, let c, let m):
            return c.map { "\(p):\(l):\($0): \(m)" } ?? "\(p):\(l): \(m)"
        case .cannotWrite(let p, let r): return "not saved: \(r) (\(p)); nothing was written, the change is kept to try again"
        case .readOnly(let p): return "not saved: \(p) is read-only (opened to look at only)"
        case .locked(let p): return "\(p): another Coord is writing; try again"
        }
    }
}

public enum JournalFormat {
    public static let version = 1
    public static let header = "# coord journal v1"
}

func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
