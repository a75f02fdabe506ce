import ArgumentParser
import CoordModel
import CoordUI
#if canImport(Glibc)
import Glibc
#endif

@main
struct Coord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coord",
        abstract: "The production coordinator's office: schedule, crew, budget and clearances over a plain-text journal.",
        discussion: """
        Open a journal (created if missing):   coord FILE
        Open the demo production:              coord --demo
        Change a journal from a script:        coord do FILE 'crew add name="Zoë Müller" role="1st AC" dept=Camera'
        The journal format is in docs/JOURNAL.md; the keys in docs/KEYS.md.
        Help on a journal noun or verb:        coord help crew   (or: coord help nouns, coord help verbs)
        """,
        subcommands: [Open.self, Do.self, Check.self, Report.self, CallSheetCommand.self, Import.self, Export.self, ChartCommand.self, Compact.self, Demo.self,
                      Keys.self, ConfigCommand.self, Bench.self, MergeJournal.self, GitSetup.self],
        defaultSubcommand: Open.self
    )

    /// `coord help NOUN|VERB|nouns|verbs` explains the journal language; any other topic is a
    /// subcommand, as `coord help report` is (ArgumentParser's own help).
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        if args.count == 2, args[0] == "help", let text = JournalHelp.text(args[1]) {
            print(text)
            return
        }
        if args.starts(with: ["report", "conflicts"]) {
            // The config's working-time rules, where a journal sets none; its problems said, not skipped.
            let config = Config.load()
            WorkingRules.defaults = config.workingRules
            for p in config.problems { complain(p) }
        }
        main(nil)
    }
}

/// Prints `message` to standard error.
func complain(_ message: String) {
    let line = "coord: " + TextWidth.inert(message) + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a journal in the full-screen app (the default command).")

    @Flag(name: .long, help: "Open the bundled demo production (a real journal: edits persist; its path is printed).")
    var demo = false

    @Argument(help: "The journals to open (several: parallel productions side by side); created with mode 0600 if missing.")
    var files: [String] = []

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            complain("not a terminal: the full-screen app needs one (in scripts use `coord do` and `coord check`)")
            throw ExitCode(2)
        }
        var paths: [String]
        var notes: [String] = []
        if demo {
            let path = try Open.demoPath()
            if access(path, F_OK) != 0 {
                do { try DemoJournal.write(to: path) } catch { complain(error.description); throw ExitCode(1) }
                notes.append("demo journal written to \(path)")
            } else if let why = Open.unreadable(path) {
                // A demo from an older Coord: kept aside, never deleted, and a fresh one written.
                var aside = path + ".old"
                var n = 1
                while access(aside, F_OK) == 0 { n += 1; aside = path + ".old\(n)" }
                guard rename(path, aside) == 0 else { complain("\(path): \(why)"); throw ExitCode(1) }
                do { try DemoJournal.write(to: path) } catch { complain(error.description); throw ExitCode(1) }
                notes.append("the old demo journal no longer reads (\(why)): kept as \(aside); a fresh demo written to \(path)")
            } else {
                notes.append("demo journal \(path) (your edits are kept; `coord demo PATH` writes a fresh copy)")
            }
            print("Coord demo journal: \(path)")
            paths = [path] + files
        } else {
            guard !files.isEmpty else {
                print(Coord.helpMessage())
                throw ExitCode(2)
            }
            paths = files
        }
        var stores: [ProductionStore] = []
        let bar = ProgressBar()
        for path in paths {
            do {
                defer { bar.finish() }
                let (s, warnings) = try ProductionStore.open(path: path, create: true, checkpoints: CheckpointStore.standard(),
                                                             progress: bar.lines("Opening " + baseName(path)))
                // The app makes the file at once, so the path it shows is real.
                try s.createFile()
                stores.append(s)
                notes += warnings.map { $0.contains("is new") ? "\(path): a new journal" : $0 }
                if warnings.contains(where: { $0.contains("is new") }), let note = ensureUnionMerge(for: path) { notes.append(note) }
            } catch {
                complain(error.description)
                throw ExitCode(1)
            }
        }
        let status: Int32
        do {
            status = try App.run(stores: stores, notes: notes)
        } catch {
            complain("\(error)")
            throw ExitCode(2)
        }
        if demo { print("Coord demo journal: \(paths[0])") }
        if status != 0 { throw ExitCode(status) }
    }

    /// Why a journal does not replay, or nil when it does.
    static func unreadable(_ path: String) -> String? {
        do {
            guard let bytes = try JournalReader.readBytes(path: path) else { return nil }
            _ = try JournalReader.replay(bytes, path: path)
            return nil
        } catch {
            return error.description
        }
    }

    /// `$XDG_DATA_HOME/coord/demo.journal`, or under ~/.local/share, or /tmp.
    static func demoPath() throws -> String {
        func env(_ k: String) -> String? { getenv(k).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        let base = env("XDG_DATA_HOME") ?? env("HOME").map { $0 + "/.local/share" } ?? "/tmp"
        var dir = ""
        for part in (base + "/coord").split(separator: "/") {
            dir += "/" + part
            mkdir(dir, 0o700)
        }
        return dir + "/demo.journal"
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the demo production's journal to PATH without opening it (never overwrites).")

    @Argument(help: "Where to write the demo journal.")
    var path: String

    func run() throws {
        do { try DemoJournal.write(to: path) } catch { complain(error.description); throw ExitCode(1) }
        print("wrote the demo production to \(path)")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a journal whole; print counts per record type; exit non-zero on any error.")

    @Argument(help: "The journal to check.")
    var file: String

    func run() throws {
        let loaded: LoadedJournal
        do {
            guard let bytes = try JournalReader.readBytes(path: file) else {
                complain("\(file): no such file")
                throw ExitCode(1)
            }
            loaded = try JournalReader.replay(bytes, path: file)
        } catch let e as JournalError {
            complain(e.description)
            throw ExitCode(1)
        }
        let m = loaded.model
        print("\(file): journal v\(JournalFormat.version), \(loaded.lines) lines, \(loaded.changes) changes")
        if !m.production.title.isEmpty { print("  production  \(TextWidth.inert(m.production.title))") }
        for (name, noun) in [("boards", Noun.board), ("days", .day), ("strips", .strip), ("banners", .banner),
                             ("calendar", .calendar), ("crew", .crew), ("kit", .kit), ("bookings", .booking), ("locations", .location),
                             ("calls", .call), ("safety", .safety), ("travel", .travel), ("call sheets", .callsheet),
                             ("progress", .progress), ("categories", .category), ("accounts", .account),
                             ("budget", .budget), ("approvals", .approval), ("transfers", .transfer), ("costs", .cost),
                             ("ETCs", .etc), ("clearances", .clearance), ("log", .log)] {
            print("  " + name.padding(12) + String(m.count(of: noun)))
        }
        let dangling = m.danglingReferences()
        if !dangling.isEmpty {
            print("  \(dangling.count) record\(dangling.count == 1 ? "" : "s") still name\(dangling.count == 1 ? "s" : "") a removed record (kept as written):")
            for d in dangling.prefix(20) { print("    " + TextWidth.inert(d)) }
            if dangling.count > 20 { print("    ... and \(dangling.count - 20) more") }
        }
        if let torn = loaded.torn {
            complain("\(file):\(torn.line): \(torn.what) is unfinished (a write cut short); opening the journal sets it aside in \(file).torn")
            throw ExitCode(1)
        }
    }
}

struct Do: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do",
        abstract: "Apply journal commands to FILE: as arguments, or one per line on standard input.",
        discussion: "All or nothing: if any command is wrong, nothing is written and the exit status is 1.")

    @Argument(help: "The journal (created if missing).")
    var file: String

    @Argument(help: "Commands such as 'crew add name=\"Zoë Müller\" dept=Camera'. None: read standard input.")
    var commands: [String] = []

    func run() throws {
        var lines = commands
        var source = "command"
        if lines.isEmpty {
            source = "<stdin>"
            while let l = readLine(strippingNewline: true) { lines.append(l) }
        }
        let store = try openForWriting(file)
        do {
            let events = try store.perform(lines: lines)
            for e in events { print(e.line) }
        } catch {
            if let i = error.index {
                let shown = lines[i].count > 60 ? String(lines[i].prefix(57)) + "..." : lines[i]
                let place = source == "<stdin>" ? "<stdin>:\(i + 1)" : "command \(i + 1) ('\(shown)')"
                complain("\(place): \(error.description) — nothing was written")
            } else {
                complain(error.description)
            }
            throw ExitCode(1)
        }
    }
}

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every key, from the action table (the text of docs/KEYS.md).")
    func run() { print(Action.markdown(), terminator: "") }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file ($XDG_CONFIG_HOME/coord/config or ~/.config/coord/config): the settings in force, and every line that cannot be used.",
        discussion: "Exits 1 when a line cannot be used. The settings print in the file's own form, so they can start one.")
    func run() throws {
        let c = Config.load()
        let path = Config.path() ?? "(neither XDG_CONFIG_HOME nor HOME is set)"
        print("# \(path)" + (access(path, F_OK) == 0 ? "" : " (not there: these are the defaults)"))
        print("theme = \(c.theme)        # \(Theme.names.joined(separator: ", ")); NO_COLOR overrides it")
        print("mouse = \(c.mouse ? "on" : "off")")
        print("rest = \(c.workingRules.rest)          # hours, where a journal sets no production rest=")
        print("maxday = \(c.workingRules.maxDay)        # hours, e.g. 10+1, where a journal sets no production maxday=")
        for (name, keys) in c.keys.sorted(by: { $0.key < $1.key }) { print("key.\(name) = " + keys.map(\.description).joined(separator: " ")) }
        for p in c.problems { complain(p) }
        if !c.problems.isEmpty { throw ExitCode(1) }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
