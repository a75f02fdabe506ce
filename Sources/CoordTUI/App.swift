import CoordModel
import CoordUI
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Hang-up, terminate and interrupt are ignored as signals and watched as events, so the
/// main loop can restore the terminal and leave cleanly (every change is already saved).
final class SignalWatch {
    private final class Flag: Sendable { let caught = Atomic<Int32>(0) }
    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    init(_ signals: [Int32] = [SIGHUP, SIGTERM, SIGINT]) {
        Glibc.signal(SIGPIPE, SIG_IGN)
        for sig in signals {
            Glibc.signal(sig, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            let flag = self.flag
            src.setEventHandler { flag.caught.store(sig, ordering: .relaxed) }
            src.resume()
            sources.append(src)
        }
    }

    var caught: Int32 { flag.caught.load(ordering: .relaxed) }
}

enum App {
    /// Runs the full-screen app on an open store until q, a signal, or a hang-up.
    static func run(stores: [ProductionStore], notes: [String]) throws -> Int32 {
        let signals = SignalWatch()
        let noColour = getenv("NO_COLOR").map { String(cString: $0) }.map { !$0.isEmpty } ?? false
        let config = Config.load()
        WorkingRules.defaults = config.workingRules
        let term = try Terminal(useColour: !noColour, mouse: config.mouse)
        let size = term.size
        // NO_COLOR wins over the config's theme.
        let themeName = noColour ? "monochrome" : config.theme
        let session = Session(stores: stores, theme: Theme.named(themeName) ?? .colour, width: size.width, height: size.height)
        session.looks.themeName = themeName
        session.looks.colourAllowed = !noColour
        session.looks.configPath = config.shownPath
        session.apply(keys: config.keys)
        let opening = stores.count > 1 ? "\(stores.count) productions (p switches)" : stores[0].path
        // The first run ever shows the most useful keys instead (FirstRun.swift).
        session.message = FirstRun.opening(usual: "\(opening) · every change is saved as you make it · ? for help", notes: notes)
        if let first = config.problems.first {
            // A config line that could not be used is said at once, never skipped in silence.
            let more = config.problems.count > 1 ? " (and \(config.problems.count - 1) more: coord config lists them)" : ""
            let before = session.message.flatMap { $0.kind == .error ? " · " + $0.text : nil } ?? ""
            session.message = Message(first + more + before, .error)
        }
        var dirty = true
        var exitSignal: Int32 = 0
        loop: while true {
            if signals.caught != 0 { exitSignal = signals.caught; break }
            if dirty {
                let s = term.size
                session.width = s.width; session.height = s.height
                term.present(session.render(), full: session.wantsFullRedraw)
                session.wantsFullRedraw = false
                dirty = false
            }
            switch term.read() {
            case .timeout:
                if session.poll() { dirty = true }
            case .gone: break loop
            case .mouse(let m):
                session.handleMouse(m)
                dirty = true
                if session.wantsQuit { break loop }
            case .key(let k):
                session.handle(k)
                dirty = true
                if session.wantsQuit { break loop }
            }
        }
        term.stop()
        return exitSignal == 0 ? 0 : 128 + exitSignal
    }
}
