#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The very first time the app opens for this user, the bottom line shows the most useful keys
/// in place of the usual opening message. A marker file in `$XDG_STATE_HOME/coord/` (or
/// `~/.local/state/coord/`) remembers that it has been shown.
public enum FirstRun {
    /// At most 80 columns: the narrowest screen the app draws. (q quit and ? help are always in the status bar.)
    public static let hint = "New here? j/k move · Tab pane · a add · e edit · / search · u undo · ? all keys"

    /// The marker's path, or nil when neither XDG_STATE_HOME nor HOME says where.
    public static func markerPath(_ env: (String) -> String? = FirstRun.environment) -> String? {
        let base = env("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? env("HOME").map { $0 + "/.local/state" }
        return base.map { $0 + "/coord/first-run-done" }
    }

    /// True the first time only: makes the marker (its folders mode 0700). False when it was
    /// already there, or cannot be made (a hint that could never be put away would show every time).
    public static func claim(_ env: (String) -> String? = FirstRun.environment) -> Bool {
        guard let path = markerPath(env) else { return false }
        var dir = ""
        for part in path.split(separator: "/").dropLast() {
            dir += "/" + part
            mkdir(dir, 0o700)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// What the bottom line says on opening. Notes that only inform (a new journal, where the
    /// demo is) give way to the hint on the first run; a warning is shown, and the hint waits.
    public static func opening(usual: String, notes: [String],
                               claim: () -> Bool = { FirstRun.claim() }) -> Message {
        let informs = notes.allSatisfy { $0.hasSuffix(": a new journal") || $0.hasPrefix("demo journal ") }
        if informs, claim() { return Message(hint) }
        return notes.isEmpty ? Message(usual) : Message(notes.joined(separator: " · "), .error)
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).flatMap { String(validatingCString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
