import Foundation

/// Git is how a journal travels between machines: a new journal inside a git work tree gets a
/// `merge=union` rule in the `.gitattributes` beside it, so a merge keeps both sides' lines.
/// Returns what was done, for the user, or nil when nothing was needed.
func ensureUnionMerge(for journal: String) -> String? {
    let url = URL(fileURLWithPath: journal).standardizedFileURL
    let dir = url.deletingLastPathComponent()
    var probe = dir
    var inRepo = false
    while true {
        if FileManager.default.fileExists(atPath: probe.appendingPathComponent(".git").path) { inRepo = true; break }
        let up = probe.deletingLastPathComponent()
        if up.path == probe.path { break }
        probe = up
    }
    guard inRepo else { return nil }
    let attributes = dir.appendingPathComponent(".gitattributes")
    let existing = (try? String(contentsOf: attributes, encoding: .utf8)) ?? ""
    let name = url.lastPathComponent
    for line in existing.split(separator: "\n") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        if let pattern = parts.first, pattern == name || pattern == "*.journal", parts.contains("merge=union") { return nil }
    }
    let rule = (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + "\(name) merge=union\n"
    guard let handle = FileHandle(forWritingAtPath: attributes.path) ?? {
        FileManager.default.createFile(atPath: attributes.path, contents: nil) ? FileHandle(forWritingAtPath: attributes.path) : nil
    }() else { return nil }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    guard (try? handle.write(contentsOf: Data(rule.utf8))) != nil else { return nil }
    return "added '\(name) merge=union' to \(attributes.path): git merges of this journal keep both sides' lines"
}
