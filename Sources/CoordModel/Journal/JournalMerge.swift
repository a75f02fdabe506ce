#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Git's merge driver for a journal (`coord merge-journal BASE OURS THEIRS`, docs/JOURNAL.md §3, git).
///
/// The result is the same bytes whichever side is "ours", so every machine converges:
/// - the lines both sides share at the start (the merge base, and more if both added the same);
/// - then the new lines of both sides, each side's in its own order, interleaved by the stamp
///   in their trailing comment (a line without one takes the stamp above it), ties by the bytes.
///   A line both sides added is written once. A line naming an id that the other side's new
///   lines `add` goes after that `add`, whatever the clocks said.
/// - A side that does not start with the base (compacted, edited by hand) is kept whole, and
///   the other side's new lines go after it; if neither starts with it, there is no merge.
/// - An unfinished last line (a torn write) is kept at the end, never applied.
/// The result must replay, or there is no merge.
public enum JournalMerge {
    public struct Outcome: Sendable, Equatable {
        public var bytes: [UInt8]
        /// What the merge did that a person should know.
        public var notes: [String]
    }

    /// Where a line of the result came from.
    public enum Origin: String, Sendable {
        case both = "both sides", ours, theirs
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Neither side starts with the merge base.
        case bothRewritten
        /// Both sides end in a different unfinished line.
        case twoTornLines
        /// The merged journal stops at a line.
        case doesNotReplay(JournalError, line: String?, from: Origin?)

        public var description: String {
            switch self {
            case .bothRewritten:
                return "neither side starts with the merge base (both compacted or edited by hand?); merge it by hand"
            case .twoTornLines:
                return "both sides end in a different unfinished line (a write cut short); open each side with coord to set it aside, then merge again"
            case .doesNotReplay(let error, let line, let from):
                var s = "the merged journal would not replay: \(error)"
                if let line {
                    let cut = line.count > 100 ? String(line.prefix(97)) + "..." : line
                    s += " (the line is '\(cut)'" + (from.map { ", from \($0.rawValue)" } ?? "") + ")"
                }
                return s
            }
        }
    }

    typealias Line = ArraySlice<UInt8>

    /// Merges three versions of one journal; `path` names it in messages.
    public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8],
                             path: String = "journal") throws(Failure) -> Outcome {
        // The base's whole lines are compared as bytes; only what follows them is split.
        let baseEnd = (base.lastIndex(of: 0x0A) ?? -1) + 1
        let oStarts = startsWith(ours, base, count: baseEnd), tStarts = startsWith(theirs, base, count: baseEnd)
        var prefixEnd = 0 // the result starts with ours[..<prefixEnd], which theirs starts with too
        var tail: [(Line, Origin)] = []
        var notes: [String] = []
        let o: Split, t: Split
        if oStarts && tStarts {
            o = split(ours[baseEnd...])
            t = split(theirs[baseEnd...])
            var common = 0
            while common < o.whole.count, common < t.whole.count, o.whole[common] == t.whole[common] { common += 1 }
            prefixEnd = common == 0 ? baseEnd : o.whole[common - 1].endIndex + 1
            var forced = 0
            tail = interleave(Array(o.whole[common...]), Array(t.whole[common...]),
                              stampBefore: lastStamp(ours[..<prefixEnd]), forced: &forced)
            if forced > 0 {
                notes.append("the two sides hold some of the same lines in different orders; \(forced) line(s) could not keep both orders")
            }
        } else if oStarts || tStarts {
            let b = split(base[...])
            o = split(ours[...])
            t = split(theirs[...])
            let (kept, keptName, other, otherName) = tStarts ? (o, Origin.ours, t, Origin.theirs) : (t, .theirs, o, .ours)
            // The other side's new lines, less any the kept side already added (counted as a multiset).
            var extra: [Line: Int] = [:]
            for line in kept.whole { extra[line, default: 0] += 1 }
            for line in b.whole { extra[line, default: 0] -= 1 }
            tail = kept.whole.map { ($0, keptName) }
            var added = 0
            for line in other.whole[b.whole.count...] {
                if let n = extra[line], n > 0 { extra[line] = n - 1; continue }
                tail.append((line, otherName))
                added += 1
            }
            notes.append("\(keptName.rawValue) does not start with the merge base (compacted, edited by hand, or merged without this driver?): "
                         + "kept it whole and put the \(added) new line(s) of \(otherName.rawValue) after it")
        } else {
            throw .bothRewritten
        }
        // Batch markers guard only the last write against a crash; interleaved, their counts would lie.
        let marker = Array(BatchMarker.prefix.utf8)
        tail.removeAll { $0.0.starts(with: marker) }
        var bytes = Array(ours[..<prefixEnd])
        bytes.reserveCapacity(max(ours.count, theirs.count) + 256)
        for (line, _) in tail { bytes.append(contentsOf: line); bytes.append(0x0A) }
        let baseTorn = baseEnd < base.count ? base[baseEnd...] : nil
        if let torn = try tornTail(base: baseTorn, ours: o.torn, theirs: t.torn) {
            bytes.append(contentsOf: torn)
            notes.append("the journal ends in an unfinished line (a write cut short): kept at the end, never applied; coord sets it aside when it opens the journal")
        }
        do {
            _ = try JournalReader.replay(bytes, path: path)
        } catch {
            let n: Int
            switch error {
            case .badLine(_, let l, _, _): n = l
            case .notAJournal, .newerFormat: n = 1
            default: throw .doesNotReplay(error, line: nil, from: nil)
            }
            let shared = split(ours[..<prefixEnd]).whole
            var line: Line?, from: Origin?
            if n <= shared.count {
                (line, from) = (shared[n - 1], .both)
            } else if n - shared.count <= tail.count {
                (line, from) = tail[n - shared.count - 1]
            }
            throw .doesNotReplay(error, line: line.map { String(decoding: $0, as: UTF8.self) }, from: from)
        }
        return Outcome(bytes: bytes, notes: notes)
    }

    // MARK: - Lines

    struct Split {
        var whole: [Line]
        /// A last line with no newline.
        var torn: Line?
    }

    static func split(_ bytes: ArraySlice<UInt8>) -> Split {
        var whole = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let last = whole.removeLast()
        return Split(whole: whole, torn: last.isEmpty ? nil : last)
    }

    /// Whether `bytes` starts with the first `count` bytes of `prefix`.
    static func startsWith(_ bytes: [UInt8], _ prefix: [UInt8], count: Int) -> Bool {
        guard bytes.count >= count else { return false }
        guard count > 0 else { return true }
        return bytes.withUnsafeBytes { a in prefix.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, count) == 0 } }
    }

    /// The stamp of the last stamped line of `bytes` (whole lines), or "".
    static func lastStamp(_ bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let start = bytes[..<(end - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            if let s = stamp(bytes[start..<(end - 1)]) { return s }
            end = start
        }
        return ""
    }

    /// The unfinished last line of the result, if any: a side's own new one (both sides' when
    /// they are the same), or the base's while both sides still end in it.
    static func tornTail(base: Line?, ours: Line?, theirs: Line?) throws(Failure) -> Line? {
        let newOurs = ours.flatMap { $0 == base ? nil : $0 }
        let newTheirs = theirs.flatMap { $0 == base ? nil : $0 }
        switch (newOurs, newTheirs) {
        case (let a?, let b?): if a == b { return a } else { throw .twoTornLines }
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return ours != nil && theirs != nil ? base : nil
        }
    }

    /// The UTC stamp of the line's trailing ` # YYYY-MM-DDTHH:MM:SSZ USER` comment, if it has one.
    static func stamp(_ line: Line) -> String? {
        var end = line.endIndex
        while end > line.startIndex, [0x0D, 0x20, 0x09].contains(line[end - 1]) { end -= 1 }
        // The last one or two space-separated words: [STAMP] or [STAMP, USER].
        var tokenEnd = end
        for _ in 0..<2 {
            var start = tokenEnd
            while start > line.startIndex, line[start - 1] != 0x20 { start -= 1 }
            let token = line[start..<tokenEnd]
            if isStamp(token), start - 2 >= line.startIndex, line[start - 1] == 0x20, line[start - 2] == UInt8(ascii: "#"),
               start - 2 == line.startIndex || [0x20, 0x09].contains(line[start - 3]) {
                return String(decoding: token, as: UTF8.self)
            }
            guard start > line.startIndex else { return nil }
            tokenEnd = start - 1
        }
        return nil
    }

    static func isStamp(_ t: Line) -> Bool {
        let shape = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        guard t.count == shape.count else { return false }
        for (c, s) in zip(t, shape) {
            if s == UInt8(ascii: "d") { if c < 0x30 || c > 0x39 { return false } } else if c != s { return false }
        }
        return true
    }

    // MARK: - Interleaving

    struct Node {
        var line: Line
        var occurrence: Int
        var stamp: String
        var origin: Origin
        var next: [Int] = []
        var waitingFor = 0
        var done = false
    }

    /// Both sides' new lines as one sequence (see the type's comment). `forced` counts the lines
    /// written before something they should follow, when the sides' orders contradict.
    static func interleave(_ ours: [Line], _ theirs: [Line], stampBefore: String,
                           forced: inout Int) -> [(Line, Origin)] {
        struct Key: Hashable { var line: Line; var occurrence: Int }
        var nodes: [Node] = []
        var index: [Key: Int] = [:]
        var chains: [[Int]] = [[], []]
        for (side, lines) in [ours, theirs].enumerated() {
            var seen: [Line: Int] = [:]
            var current = stampBefore
            for line in lines {
                if let s = stamp(line) { current = s }
                let occurrence = seen[line, default: 0]
                seen[line] = occurrence + 1
                let key = Key(line: line, occurrence: occurrence)
                if side == 1, let i = index[key] {
                    nodes[i].origin = .both
                    nodes[i].stamp = min(nodes[i].stamp, current)
                    chains[1].append(i)
                } else {
                    index[key] = nodes.count
                    chains[side].append(nodes.count)
                    nodes.append(Node(line: line, occurrence: occurrence, stamp: current, origin: side == 0 ? .ours : .theirs))
                }
            }
        }
        func edge(_ from: Int, _ to: Int) { nodes[from].next.append(to); nodes[to].waitingFor += 1 }
        for chain in chains where chain.count > 1 {
            for k in 1..<chain.count { edge(chain[k - 1], chain[k]) }
        }
        // A line naming an id that only the other side's new lines add goes after that add.
        var adds: [Origin: [String: Int]] = [:]
        var named: [(Int, Command)] = []
        for (i, n) in nodes.enumerated() where n.origin != .both {
            guard let cmd = try? LineGrammar.parse(String(decoding: n.line, as: UTF8.self)) else { continue }
            if cmd.verb.lowercased() == "add", let id = cmd.value("id") { adds[n.origin, default: [:]][id] = i }
            named.append((i, cmd))
        }
        for (i, cmd) in named {
            guard let other = adds[nodes[i].origin == .ours ? .theirs : .ours] else { continue }
            var linked = Set<Int>()
            for pair in cmd.pairs {
                if let from = other[pair.value], linked.insert(from).inserted { edge(from, i) }
            }
        }
        func less(_ a: Int, _ b: Int) -> Bool {
            let x = nodes[a], y = nodes[b]
            if x.stamp != y.stamp { return x.stamp < y.stamp }
            if x.line != y.line { return x.line.lexicographicallyPrecedes(y.line) }
            return x.occurrence < y.occurrence
        }
        // Every line waits for the one before it on its side(s): only a side's first line not
        // yet written can be ready.
        var out: [(Line, Origin)] = []
        out.reserveCapacity(nodes.count)
        var at = [0, 0]
        while true {
            var heads: [Int] = []
            for side in 0..<2 {
                while at[side] < chains[side].count, nodes[chains[side][at[side]]].done { at[side] += 1 }
                if at[side] < chains[side].count { heads.append(chains[side][at[side]]) }
            }
            guard !heads.isEmpty else { break }
            let pick: Int
            if let ready = heads.filter({ nodes[$0].waitingFor == 0 }).min(by: less) {
                pick = ready
            } else {
                pick = heads.min(by: less)!
                forced += 1
            }
            nodes[pick].done = true
            for n in nodes[pick].next { nodes[n].waitingFor -= 1 }
            out.append((nodes[pick].line, nodes[pick].origin))
        }
        return out
    }
}
