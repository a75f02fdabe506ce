import CoordUI
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error for work that can take seconds (opening a large journal,
/// an import): drawn only when standard error is a terminal and the work has already taken
/// half a second, redrawn at most ten times a second, and wiped when done.
///
///     Opening office.journal  ████████░░░░░░░░  412,000 / 1,000,000 lines  3.1 s
final class ProgressBar {
    private let enabled: Bool
    private let start = ProgressBar.now()
    private var lastDraw = -1.0
    private var lastLabel = ""
    private var shown = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    /// Says how far `label` has got; cheap when nothing is drawn.
    func show(_ label: String, _ done: Int, of total: Int, _ unit: String) {
        guard enabled else { return }
        let t = ProgressBar.now() - start
        guard t >= 0.5, t - lastDraw >= 0.1 || label != lastLabel else { return }
        lastDraw = t
        lastLabel = label
        shown = true
        put("\r" + ProgressBar.line(label, done, of: total, unit, seconds: t, width: ProgressBar.columns()) + "\u{1B}[K")
    }

    /// The journal reader's callback, for `label`.
    func lines(_ label: String) -> (Int, Int) -> Void {
        { [self] done, total in show(label, done, of: total, "lines") }
    }

    /// Wipes the bar (if one was drawn), leaving the line as it was.
    func finish() {
        if shown { put("\r\u{1B}[K") }
        shown = false
    }

    /// One line of at most `width` columns: label, bar, counts, seconds.
    static func line(_ name: String, _ done: Int, of total: Int, _ unit: String, seconds: Double, width: Int) -> String {
        let label = TextWidth.inert(name)
        let counts = "\(grouped(done)) / \(grouped(total)) \(unit)"
        let time = "\(Int(seconds)).\(Int(seconds * 10) % 10) s"
        let room = width - 1 - TextWidth.of(label) - counts.count - time.count - 6
        let barWidth = min(40, room)
        guard barWidth >= 8 else { return TextWidth.truncate(label + "  " + counts, to: width - 1) }
        let filled = total > 0 ? min(barWidth, barWidth * done / total) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        return label + "  " + bar + "  " + counts + "  " + time
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The terminal's width from standard error, or 80.
    static func columns() -> Int {
        var ws = winsize()
        return ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 ? Int(ws.ws_col) : 80
    }

    private func put(_ s: String) {
        _ = s.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }
}

/// The last part of a path, for a bar's label.
func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
