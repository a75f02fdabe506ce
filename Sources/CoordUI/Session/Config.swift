import CoordModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `~/.config/coord/config` (or `$XDG_CONFIG_HOME/coord/config`): `key = value` lines, `#`
/// comments. Every line that cannot be used is reported in `problems`, with its line number
/// and what was kept instead; nothing in it can stop Coord from starting.
public struct Config: Sendable {
    public var theme = Theme.defaultName
    public var mouse = true
    /// New keys by action name (the first action of that name, as `quit` has two).
    public var keys: [String: [Key]] = [:]
    /// nil where the file does not set them.
    public var rest: String?
    public var maxDay: String?
    public var problems: [String] = []
    /// The file read, as the user would type it (`~/.config/coord/config`).
    public var shownPath = "~/.config/coord/config"

    public init() {}

    public static let settings = "theme, mouse, rest, maxday, key.ACTION"

    /// The working-time rules the file sets, over the built-in ones.
    public var workingRules: WorkingRules {
        WorkingRules(rest: rest ?? WorkingRules().rest, maxDay: maxDay ?? WorkingRules().maxDay)
    }

    /// Reads the settings in `text`; `actions` is the table key overrides are checked against.
    public static func parse(_ text: String) -> Config { parse(text, actions: Action.table()) }

    static func parse(_ text: String, actions: [Action]) -> Config {
        var c = Config()
        var table = actions
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = String(raw)
            if let hash = line.firstIndex(of: "#"), line[..<hash].allSatisfy(\.isWhitespace) || line[line.index(before: hash)].isWhitespace {
                line = String(line[..<hash])
            }
            line = line.trimmingWhitespace()
            if line.isEmpty { continue }
            let at = "config line \(n + 1): "
            guard let eq = line.firstIndex(of: "=") else {
                c.problems.append(at + "'\(line)' is not a setting (setting = value)")
                continue
            }
            let key = String(line[..<eq]).trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: eq)...]).trimmingWhitespace()
            let said = at + "\(key) = \(value) — "
            switch key {
            case "theme":
                if let t = Theme.canonicalName(value) { c.theme = t } else {
                    c.problems.append(said + "not a theme (\(Theme.names.joined(separator: ", "))); kept \(c.theme)")
                }
            case "mouse":
                switch value.lowercased() {
                case "on", "yes", "true", "1": c.mouse = true
                case "off", "no", "false", "0": c.mouse = false
                default: c.problems.append(said + "mouse is on or off; kept \(c.mouse ? "on" : "off")")
                }
            case "rest", "maxday":
                guard let hours = Config.hours(value) else {
                    c.problems.append(said + "not a number of hours (e.g. 11 or 10+1); kept \(key == "rest" ? c.workingRules.rest : c.workingRules.maxDay)")
                    continue
                }
                if key == "rest" { c.rest = hours } else { c.maxDay = hours }
            default:
                guard key.hasPrefix("key.") else {
                    c.problems.append(said + "no such setting (\(settings))")
                    continue
                }
                let name = String(key.dropFirst(4))
                guard let i = table.firstIndex(where: { $0.name == name }) else {
                    c.problems.append(said + "no action '\(name)' (`coord keys` lists them)")
                    continue
                }
                let kept = "kept " + table[i].keyLabel
                var keys: [Key] = []
                var bad: String?
                for word in value.split(separator: " ") {
                    switch Config.key(String(word)) {
                    case .success(let k): if !keys.contains(k) { keys.append(k) }
                    case .failure(let why): bad = bad ?? why.text
                    }
                }
                if let bad { c.problems.append(said + bad + "; " + kept); continue }
                if keys.isEmpty { c.problems.append(said + "no key given; " + kept); continue }
                let other = table.indices.first { j in
                    j != i && table[j].name != name && table[j].keys.contains(where: keys.contains) && table[j].sharesAPane(with: table[i])
                }
                if let j = other {
                    let k = keys.first(where: table[j].keys.contains)!
                    c.problems.append(said + "\(k) is already \(table[j].name) in the same pane; " + kept)
                    continue
                }
                table[i] = table[i].with(keys: keys)
                c.keys[name] = keys
            }
        }
        return c
    }

    /// Hours as the journal writes them (`10+1` is `11`), or nil.
    static func hours(_ text: String) -> String? {
        guard let field = Production.fields.first(where: { $0.info.key == "rest" })?.info,
              let v = try? Model().parseValue(text, field: field, context: ValidationContext(today: nil)) else { return nil }
        let s = v.journalText
        return s.isEmpty ? nil : s
    }

    struct BadKey: Error { let text: String }

    /// A key as help and docs/KEYS.md name it (`U`, `Ctrl-Z`, `Space`, `F2`, `PgDn`), or why not.
    static func key(_ word: String) -> Result<Key, BadKey> {
        if word.count == 1, let ch = word.first, !ch.isWhitespace, ch.unicodeScalars.first!.value >= 32 { return .success(.char(ch)) }
        let lower = word.lowercased()
        let named: [String: Key] = [
            "space": .char(" "), "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete,
            "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        ]
        if let k = named[lower] { return .success(k) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .success(.function(n)) }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let ch = rest.first, ch.isASCII, ch.isLetter else { break }
            // These arrive from a terminal as Tab, Enter and Backspace.
            if let same = ["i": "Tab", "j": "Enter", "m": "Enter", "h": "Backspace"][String(ch)] {
                return .failure(BadKey(text: "Ctrl-\(ch.uppercased()) arrives as \(same) from a terminal"))
            }
            return .success(.ctrl(ch))
        }
        return .failure(BadKey(text: "'\(word)' is not a key (e.g. U, Ctrl-Z, F2, Space)"))
    }

    // MARK: the file

    /// `$XDG_CONFIG_HOME/coord/config`, else `$HOME/.config/coord/config`; nil with neither set.
    public static func path(env: (String) -> String? = Config.environment) -> String? {
        if let x = env("XDG_CONFIG_HOME"), !x.isEmpty { return x + "/coord/config" }
        if let h = env("HOME"), !h.isEmpty { return h + "/.config/coord/config" }
        return nil
    }

    public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// The config file's settings; defaults when there is none.
    public static func load(env: (String) -> String? = Config.environment) -> Config {
        guard let path = path(env: env) else { return Config() }
        let home = env("HOME") ?? ""
        let shown = !home.isEmpty && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
        guard let f = fopen(path, "r") else {
            var c = Config()
            c.shownPath = shown
            if errno != ENOENT { c.problems.append("\(shown): cannot be read (\(String(cString: strerror(errno)))); using the defaults") }
            return c
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            bytes += buf[0..<n]
            if bytes.count > 1 << 20 { break }
        }
        var c = parse(String(decoding: bytes, as: UTF8.self))
        c.shownPath = shown
        return c
    }
}

extension Action {
    /// The same action on other keys.
    func with(keys: [Key]) -> Action {
        Action(name, keys, panes: panes, hint: hint, help, disabled: disabled, run: run)
    }

    func sharesAPane(with other: Action) -> Bool {
        guard let a = panes, let b = other.panes else { return true }
        return a.contains(where: b.contains)
    }
}

/// The theme's name and whether colour may be used (NO_COLOR); where the config file is.
public struct Looks: Sendable {
    public var themeName = Theme.defaultName
    public var colourAllowed = true
    public var configPath = "~/.config/coord/config"
    public init() {}
}

extension Session {
    /// Puts the config file's keys in place (checked when it was read).
    public func apply(keys: [String: [Key]]) {
        for (name, k) in keys {
            if let i = actions.firstIndex(where: { $0.name == name }) { actions[i] = actions[i].with(keys: k) }
        }
    }

    /// t: the next theme, and how to keep it.
    func cycleTheme() {
        guard looks.colourAllowed else {
            message = Message("NO_COLOR is set, so Coord stays monochrome (unset it to choose a theme)")
            return
        }
        let names = Theme.names
        let next = names[((names.firstIndex(of: looks.themeName) ?? 0) + 1) % names.count]
        looks.themeName = next
        theme = Theme.named(next) ?? .colour
        message = Message("theme: \(next) — put `theme = \(next)` in \(looks.configPath) to keep it")
    }
}
