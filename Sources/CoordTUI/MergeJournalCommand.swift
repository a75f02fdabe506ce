import ArgumentParser
import CoordModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `coord merge-journal BASE OURS THEIRS [NAME]`: git's merge driver for a journal
/// (`JournalMerge`). The result goes to OURS; exit 1 makes git report a conflict.
struct MergeJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-journal",
        abstract: "Git's merge driver for a journal: both sides' changes, in the same order on every machine.",
        discussion: """
            Git runs it as `coord merge-journal %O %A %B %P` in a clone set up by `coord git-setup FILE`. \
            The merged journal is written to OURS only if it replays; otherwise OURS is left as it was \
            and the exit status is 1, so git reports a conflict (docs/JOURNAL.md §3, git).
            """)
    @Argument(help: "The merge base (git's %O).") var base: String
    @Argument(help: "This side (git's %A); the merged journal is written here.") var ours: String
    @Argument(help: "The other side (git's %B).") var theirs: String
    @Argument(help: "The journal's path in the repository (git's %P), for messages.") var name: String?

    func run() throws {
        let label = name ?? ours
        var inputs: [[UInt8]] = []
        for path in [base, ours, theirs] {
            let bytes: [UInt8]?
            do { bytes = try JournalReader.readBytes(path: path) } catch {
                complain("\(label): not merged: \(error.description)"); throw ExitCode(2)
            }
            guard let bytes else { complain("\(label): not merged: \(path): no such file"); throw ExitCode(2) }
            inputs.append(bytes)
        }
        let outcome: JournalMerge.Outcome
        do {
            outcome = try JournalMerge.merge(base: inputs[0], ours: inputs[1], theirs: inputs[2], path: label)
        } catch {
            complain("\(label): not merged: \(error.description); this side's journal is left as it was, and git reports a conflict "
                     + "(make the file hold what both sides meant, check it with `coord check`, then `git add` it)")
            throw ExitCode(1)
        }
        for note in outcome.notes { complain("\(label): \(note)") }
        if let why = MergeJournal.replace(ours, with: outcome.bytes) {
            complain("\(label): not merged: \(ours): \(why); it is left as it was")
            throw ExitCode(1)
        }
    }

    /// Writes `bytes` to a temporary file beside `path` and renames it over `path` (keeping its
    /// mode), so `path` is either as it was or whole. Returns why not, or nil.
    static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        var st = stat()
        let mode = stat(path, &st) == 0 ? mode_t(st.st_mode & 0o7777) : 0o644
        let temp = path + ".coord-merge-\(getpid())"
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return "cannot create \(temp): \(String(cString: strerror(errno)))" }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        let ok = done == bytes.count && fchmod(fd, mode) == 0 && fsync(fd) == 0
        let why = String(cString: strerror(errno))
        close(fd)
        guard ok else { unlink(temp); return "cannot write: \(why)" }
        guard rename(temp, path) == 0 else { let e = String(cString: strerror(errno)); unlink(temp); return "cannot replace: \(e)" }
        return nil
    }
}

/// `coord git-setup FILE`: git merges of a journal in this clone use `coord merge-journal`.
struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Set up git merges of a journal in this clone: `coord merge-journal` as the merge driver.",
        discussion: """
            Adds `NAME merge=union` to the .gitattributes beside the journal if no rule names it (commit it: \
            clones without the driver still keep both sides' lines), the `coord-journal` merge driver to this \
            clone's git config, and a line pointing the journal at it to .git/info/attributes, which is not \
            shared. Run it once in every clone; running it again changes nothing (docs/JOURNAL.md §3, git).
            """)
    @Argument(help: "The journal.") var file: String

    func run() throws {
        guard gitWorkTree(containing: file) else { complain("\(file) is not inside a git work tree"); throw ExitCode(1) }
        if let union = addUnionRule(for: file) { print(union + " (commit it)") }
        switch setUpMergeDriver(for: file) {
        case .failure(let why):
            complain("\(file): the merge driver is not set up: \(why.message); git merges it as union")
            throw ExitCode(1)
        case .success(let did):
            print(did.map { "\(file): git merges it with `coord merge-journal` in this clone: set up \($0)" }
                  ?? "\(file): already set up: git merges it with `coord merge-journal` in this clone")
        }
    }
}
