import Foundation

// Git is how a journal travels between machines (docs/JOURNAL.md §3, docs/RELIABILITY.md §3).
// Two layers, so that no clone ever meets an attribute naming a driver it lacks:
// - `.gitattributes` (committed, shared): `NAME merge=union`, which every git understands.
// - this clone only: the `coord-journal` merge driver in `.git/config`, and a line in
//   `.git/info/attributes` (which overrides `.gitattributes`) pointing the journal at it.

/// The driver's name in git's configuration.
let mergeDriverName = "coord-journal"

/// For a new journal inside a git work tree: the union rule beside it, and the merge driver in
/// this clone. Returns what was done, for the user, or nil when nothing was needed.
func ensureUnionMerge(for journal: String) -> String? {
    guard gitWorkTree(containing: journal) else { return nil }
    let union = addUnionRule(for: journal)
    let driver: String
    switch setUpMergeDriver(for: journal) {
    case .success(let did):
        driver = did == nil ? "" : "; this clone merges it with `coord merge-journal` (run `coord git-setup \(journal)` in every other clone)"
    case .failure(let why): driver = "; `coord git-setup \(journal)` sets up the exact merge (\(why.message))"
    }
    guard let union else { return driver.isEmpty ? nil : "\(journal): " + driver.dropFirst(2) }
    return union + driver
}

/// Whether `path` is inside a git work tree (a `.git` in its folder or one above).
func gitWorkTree(containing path: String) -> Bool {
    var probe = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    while true {
        if FileManager.default.fileExists(atPath: probe.appendingPathComponent(".git").path) { return true }
        let up = probe.deletingLastPathComponent()
        if up.path == probe.path { return false }
        probe = up
    }
}

/// `NAME merge=union` in the `.gitattributes` beside the journal, unless a rule for it is there.
/// Returns what was done, or nil.
func addUnionRule(for journal: String) -> String? {
    let url = URL(fileURLWithPath: journal).standardizedFileURL
    let attributes = url.deletingLastPathComponent().appendingPathComponent(".gitattributes")
    let existing = (try? String(contentsOf: attributes, encoding: .utf8)) ?? ""
    let name = url.lastPathComponent
    guard let pattern = attributePattern(name) else { return nil }
    for line in existing.split(separator: "\n") {
        // The pattern is the first word, or a quoted string.
        var rest = Substring(line.drop { $0 == " " || $0 == "\t" })
        let first: Substring
        if rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") {
            first = rest[...close]; rest = rest[rest.index(after: close)...]
        } else {
            first = rest.prefix { $0 != " " && $0 != "\t" }; rest = rest.dropFirst(first.count)
        }
        let attributes = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if first == pattern || first == "*.journal",
           attributes.contains("merge=union") || attributes.contains("merge=\(mergeDriverName)") { return nil }
    }
    let rule = (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + "\(pattern) merge=union\n"
    guard appendText(rule, to: attributes.path) else { return nil }
    return "added '\(pattern) merge=union' to \(attributes.path): git merges of this journal keep both sides' lines"
}

/// A gitattributes pattern naming exactly `path`: C-quoted when it holds spaces or quotes;
/// nil when it holds glob characters.
func attributePattern(_ path: String) -> String? {
    if path.contains(where: { "*?[".contains($0) }) { return nil }
    guard path.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\\" }) else { return path }
    var q = "\""
    for c in path {
        switch c {
        case "\"": q += "\\\""
        case "\\": q += "\\\\"
        case "\t": q += "\\t"
        default: q.append(c)
        }
    }
    return q + "\""
}

struct GitSetupFailure: Error { var message: String }

/// Configures the `coord-journal` driver in the journal's clone and points the journal at it in
/// `.git/info/attributes`. Idempotent. Returns what was changed (nil: it was all there).
func setUpMergeDriver(for journal: String) -> Result<String?, GitSetupFailure> {
    let url = URL(fileURLWithPath: journal).standardizedFileURL
    let dir = url.deletingLastPathComponent().path
    guard let coord = coordExecutable() else { return .failure(.init(message: "cannot tell where this coord is")) }
    guard let prefix = runGit(["rev-parse", "--show-prefix"], in: dir),
          let infoPath = runGit(["rev-parse", "--git-path", "info/attributes"], in: dir) else {
        return .failure(.init(message: "git is not installed, or \(dir) is not in a work tree"))
    }
    guard let pattern = attributePattern("/" + prefix + url.lastPathComponent) else {
        return .failure(.init(message: "its name holds * ? or [, which git attributes cannot name exactly"))
    }
    // 126 or more: the coord named here is gone or cannot run; merge as union then.
    let quoted = "'" + coord.replacingOccurrences(of: "'", with: "'\\''") + "'"
    let command = "\(quoted) merge-journal %O %A %B %P || { s=$?; [ $s -ge 126 ] && git merge-file -q --union %A %O %B || exit $s; }"
    var changed: [String] = []
    let key = "merge.\(mergeDriverName)"
    if runGit(["config", "--local", "--get", key + ".driver"], in: dir) != command {
        guard runGit(["config", "--local", key + ".name", "Coord journal: both sides' lines, the same order on every machine"], in: dir) != nil,
              runGit(["config", "--local", key + ".driver", command], in: dir) != nil else {
            return .failure(.init(message: "git config failed"))
        }
        changed.append("the merge driver '\(mergeDriverName)' (\(quoted) merge-journal) in this clone's git config")
    }
    let info = infoPath.hasPrefix("/") ? infoPath : dir + "/" + infoPath
    let rule = "\(pattern) merge=\(mergeDriverName)"
    let existing = (try? String(contentsOfFile: info, encoding: .utf8)) ?? ""
    if !existing.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == rule }) {
        try? FileManager.default.createDirectory(atPath: (info as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard appendText((existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + rule + "\n", to: info) else {
            return .failure(.init(message: "cannot write \(info)"))
        }
        changed.append("'\(rule)' in \(info)")
    }
    return .success(changed.isEmpty ? nil : changed.joined(separator: " and "))
}

/// Appends `text` to the file at `path`, creating it if need be.
func appendText(_ text: String, to path: String) -> Bool {
    guard let handle = FileHandle(forWritingAtPath: path) ?? {
        FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
    }() else { return false }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    return (try? handle.write(contentsOf: Data(text.utf8))) != nil
}

/// `git ARGS` run in `dir`: its output without the last newline, or nil if it failed.
func runGit(_ args: [String], in dir: String) -> String? {
    guard let git = programOnPath("git") else { return nil }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: git)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: dir)
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle(forWritingAtPath: "/dev/null")
    do { try p.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return nil }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    return text
}

func programOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
        return "\(dir)/\(name)"
    }
    return nil
}

/// This coord as it was invoked (a symlink is kept, so an upgrade behind it is followed).
func coordExecutable() -> String? {
    let arg0 = CommandLine.arguments.first ?? ""
    var found: String?
    if arg0.contains("/") {
        let abs = arg0.hasPrefix("/") ? arg0 : FileManager.default.currentDirectoryPath + "/" + arg0
        found = URL(fileURLWithPath: abs).standardizedFileURL.path
    } else if !arg0.isEmpty {
        found = programOnPath(arg0)
    }
    if let found, FileManager.default.isExecutableFile(atPath: found) { return found }
    return Bundle.main.executablePath
}
