import ArgumentParser
import CoordInterchange
import CoordModel
import CoordUI
#if canImport(Glibc)
import Glibc
#endif

// Reading inputs and writing outputs for the import, export and report commands.

/// The bytes of an input file, or a message and exit 1.
func readInput(_ path: String) throws -> [UInt8] {
    let bytes: [UInt8]?
    do {
        bytes = try JournalReader.readBytes(path: path)
    } catch {
        complain(error.description)
        throw ExitCode(1)
    }
    guard let bytes else {
        complain("\(path): no such file")
        throw ExitCode(1)
    }
    return bytes
}

/// The journal's model, read without taking its lock (an export writes nothing to it).
func readJournal(_ path: String) throws -> Model { try loadForReport(path) }

/// Writes `bytes` to a temporary file beside `path` (mode 0600 when it holds personal data, as
/// journals are), syncs it, then links it into place (refusing an existing file) or, with
/// `force`, renames it over the old one. A reader never sees half a file.
func writeOutput(_ path: String, _ bytes: [UInt8], force: Bool, personal: Bool = false) throws {
    func fail(_ what: String) throws -> Never {
        complain("\(path): \(what)")
        throw ExitCode(1)
    }
    var st = stat()
    if stat(path, &st) == 0 {
        if (st.st_mode & S_IFMT) == S_IFDIR { try fail("it is a directory") }
        if !force { try fail("already exists (add --force to replace it)") }
    }
    let tmp = path + ".coord-\(getpid()).tmp"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, personal ? 0o600 : 0o644)
    guard fd >= 0 else { try fail("cannot write: \(String(cString: strerror(errno)))") }
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
        if n < 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd); unlink(tmp)
            try fail("cannot write: \(reason)")
        }
        written += n
    }
    if fsync(fd) != 0 {
        let reason = String(cString: strerror(errno))
        close(fd); unlink(tmp)
        try fail("cannot write: \(reason)")
    }
    close(fd)
    if force {
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            try fail("cannot write: \(reason)")
        }
    } else {
        let ok = link(tmp, path) == 0
        let err = errno
        unlink(tmp)
        if !ok { try fail(err == EEXIST ? "already exists (add --force to replace it)" : "cannot write: \(String(cString: strerror(err)))") }
    }
}

/// Fails now, before anything is recorded, if `path` could not be written by `writeOutput`
/// (a directory, an existing file without `force`, a missing or read-only folder).
func checkWritable(_ path: String, force: Bool) throws {
    var st = stat()
    if stat(path, &st) == 0 {
        if (st.st_mode & S_IFMT) == S_IFDIR { complain("\(path): it is a directory"); throw ExitCode(1) }
        if !force { complain("\(path): already exists (add --force to replace it)"); throw ExitCode(1) }
    }
    let probe = path + ".coord-\(getpid()).probe"
    let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { complain("\(path): cannot write: \(String(cString: strerror(errno)))"); throw ExitCode(1) }
    close(fd)
    unlink(probe)
}

/// A journal opened to change from the command line (`coord do`, imports): created if
/// missing, open warnings on stderr, and a torn tail set aside only if this run saves.
func openForWriting(_ path: String, context: String? = nil) throws -> ProductionStore {
    let bar = ProgressBar()
    do {
        let (store, warnings) = try ProductionStore.open(path: path, create: true, setAsideTorn: false,
                                                         checkpoints: CheckpointStore.standard(), progress: bar.lines("Opening " + baseName(path)))
        bar.finish()
        for w in warnings where !w.contains("is new") { complain(w) }
        if warnings.contains(where: { $0.contains("is new") }), let note = ensureUnionMerge(for: path) { complain(note) }
        return store
    } catch {
        bar.finish()
        complain((context.map { $0 + ": " } ?? "") + error.description)
        throw ExitCode(1)
    }
}

/// Performs an importer's plan all or nothing; a refusal names the change and `source`.
func performImport(_ plan: ImportPlan, into store: ProductionStore, source: String) throws {
    let bar = ProgressBar()
    do {
        defer { bar.finish() }
        try store.perform(lines: plan.commands) { bar.show("Saving into " + baseName(store.path), $0, of: $1, "changes") }
    } catch {
        if let i = error.index, i < plan.commands.count {
            let line = plan.commands[i]
            let shown = line.count > 80 ? String(line.prefix(77)) + "..." : line
            complain("\(source): the import's change \(i + 1) ('\(shown)') was refused: \(error.description) — nothing was written")
        } else {
            complain("\(source): \(error.description) — nothing was written")
        }
        throw ExitCode(1)
    }
}
