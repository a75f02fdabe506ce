/// SMPTE-style timecode HH:MM:SS:FF at a whole number of frames per second (non-drop).
public enum Timecode {
    /// Frames since 00:00:00:00, or nil when `s` is not `HH:MM:SS:FF` with FF below `base`.
    public static func frames(_ s: String, base: Int) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let n = parts.map { Int($0)! }
        guard n[1] < 60, n[2] < 60, n[3] < base else { return nil }
        return ((n[0] * 60 + n[1]) * 60 + n[2]) * base + n[3]
    }

    /// `01:02:03:04`.
    public static func text(_ frames: Int, base: Int) -> String {
        let f = frames % base, secs = frames / base
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60)):\(two(f))"
    }

    /// A duration as a cue sheet writes it: `2:05` (minutes:seconds, frames rounded to the nearest second).
    public static func minutes(_ frames: Int, base: Int) -> String {
        let secs = (frames + base / 2) / base
        return "\(secs / 60):\(secs % 60 < 10 ? "0" : "")\(secs % 60)"
    }
}

extension Model {
    /// A clearance's duration in frames (timecode out - in), when both are set and in order.
    public func durationFrames(_ c: Clearance) -> Int? {
        let base = production.timecodeBase
        guard let a = Timecode.frames(c.tcIn, base: base), let b = Timecode.frames(c.tcOut, base: base), b >= a else { return nil }
        return b - a
    }
}
