#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where checkpoints live, and when one may be trusted.
///
/// The journal stays the one record of truth; a checkpoint is a cache of the model that
/// replaying its first N bytes built. It is used only when the journal still starts with
/// exactly those bytes (a hash of all of them is checked on every open), it was written by
/// this very build of Coord (a new build may check lines differently), and its own bytes
/// are whole. Anything else, and the journal is replayed in full as if it were not there.
/// Checkpoints sit in the user's cache folder, not beside the journal, so they never travel
/// with it through git or a backup.
public struct CheckpointStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$COORD_CACHE_DIR`, else `$XDG_CACHE_HOME/coord`, else `~/.cache/coord`; nil when
    /// `COORD_CHECKPOINTS=off` (to measure a cold open) or there is no home.
    public static func standard() -> CheckpointStore? {
        func env(_ k: String) -> String? { getenv(k).flatMap { String(validatingCString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        if env("COORD_CHECKPOINTS") == "off" { return nil }
        if let d = env("COORD_CACHE_DIR") { return CheckpointStore(directory: d) }
        if let x = env("XDG_CACHE_HOME") { return CheckpointStore(directory: x + "/coord") }
        if let h = env("HOME") { return CheckpointStore(directory: h + "/.cache/coord") }
        return nil
    }

    /// Replaying this many bytes past the checkpoint (about 6,000 lines, 30 ms) makes a new one worth writing.
    public static let worthWriting = 1 << 20

    /// What a checkpoint holds besides the model.
    public struct Mark: Sendable, Equatable {
        /// Bytes of whole journal lines it covers, and how many lines and changes they are.
        public var length: Int
        public var lines: Int
        public var changes: Int
        public init(length: Int, lines: Int, changes: Int) { self.length = length; self.lines = lines; self.changes = changes }
    }

    static let magic: [UInt8] = Array("COORDCP1".utf8)

    /// The file for `journal`: its name, for whoever looks in the folder, and a hash of its full path.
    public func file(for journal: String) -> String {
        var full = journal
        if let r = realpath(journal, nil) { full = String(cString: r); free(r) }
        let name = full.split(separator: "/").last.map(String.init) ?? "journal"
        let h = Array(full.utf8).withUnsafeBytes { PrefixHash.of($0) }
        let hex = String(h, radix: 16)
        return directory + "/" + name + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".checkpoint"
    }

    /// The model the checkpoint for `journal` holds, when it may be trusted for these bytes.
    public func load(for journal: String, bytes: [UInt8]) -> (Model, Mark)? {
        guard let file = try? JournalReader.readBytes(path: file(for: journal)), file.count >= 64 else { return nil }
        return file.withUnsafeBytes { raw -> (Model, Mark)? in
            var r = ByteReader(raw)
            guard Array(raw[0..<8]) == CheckpointStore.magic else { return nil }
            r.at = 8
            guard let fp = try? r.u64(), fp == CheckpointStore.fingerprint,
                  let length = try? r.u64(), let hash = try? r.u64(), let lines = try? r.u64(), let changes = try? r.u64(),
                  let bodyHash = try? r.u64(), let pathLength = try? r.u32(), pathLength <= raw.count - r.at
            else { return nil }
            r.at += pathLength
            let mark = Mark(length: Int(length), lines: Int(lines), changes: Int(changes))
            guard mark.length <= bytes.count,
                  bytes.withUnsafeBytes({ PrefixHash.of(UnsafeRawBufferPointer(rebasing: $0[0..<mark.length])) }) == hash
            else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: raw[r.at...])
            guard PrefixHash.of(body) == bodyHash, let model = try? Checkpoint.decode(body) else { return nil }
            return (model, mark)
        }
    }

    /// Writes the checkpoint for `journal` (temp file, then rename, mode 0600). A cache: any
    /// failure leaves things as they were and is not worth a message.
    public func save(_ model: Model, mark: Mark, for journal: String, bytes: [UInt8]) {
        guard mark.length <= bytes.count else { return }
        var made = ""
        for part in directory.split(separator: "/") { made += "/" + part; _ = mkdir(made, 0o700) }
        let body = Checkpoint.encode(model)
        var w = ByteWriter()
        w.bytes = CheckpointStore.magic
        w.u64(CheckpointStore.fingerprint)
        w.u64(UInt64(mark.length))
        w.u64(bytes.withUnsafeBytes { PrefixHash.of(UnsafeRawBufferPointer(rebasing: $0[0..<mark.length])) })
        w.u64(UInt64(mark.lines))
        w.u64(UInt64(mark.changes))
        w.u64(body.withUnsafeBytes { PrefixHash.of($0) })
        var full = journal
        if let r = realpath(journal, nil) { full = String(cString: r); free(r) }
        w.string(full) // whose checkpoint this is, so a stale one can be cleared away
        let target = file(for: journal)
        let temp = target + ".\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var ok = writeAll(fd, w.bytes) && writeAll(fd, body)
        ok = close(fd) == 0 && ok
        if !ok || rename(temp, target) != 0 { unlink(temp); return }
        clearStale()
    }

    /// Removes checkpoints whose journal is gone (a deleted test or bench folder, say).
    func clearStale() {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".checkpoint") else { continue }
            let path = directory + "/" + name
            guard let head = CheckpointStore.head(of: path), head.count >= 60 else { continue }
            let journal: String? = head.withUnsafeBytes { raw in
                var r = ByteReader(raw)
                r.at = 56
                return try? r.string()
            }
            if let journal, access(journal, F_OK) != 0 { unlink(path) }
        }
    }

    /// The first 4 KiB of a file: enough for a checkpoint's header and journal path.
    static func head(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: 4096)
        let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { return nil }
        out.removeLast(out.count - n)
        return out
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
    }

    /// What must match for a checkpoint to be read: its layout, every noun's fields, and
    /// this build of Coord (its executable's size and time), since a new build may check
    /// or apply lines differently.
    static let fingerprint: UInt64 = {
        var text = "checkpoint v4;journal v\(JournalFormat.version);"
        for noun in Noun.allCases {
            text += noun.rawValue + ":" + noun.fields.map { "\($0.key)=\($0.kind.hint)" }.joined(separator: ",") + ";"
        }
        var st = stat()
        if stat("/proc/self/exe", &st) == 0 { text += "exe \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)" }
        return Array(text.utf8).withUnsafeBytes { PrefixHash.of($0) }
    }()
}

/// A fast 64-bit hash of a journal's bytes (four lanes of multiply-xor, 32 bytes a step):
/// it tells whether the journal still starts as it did, not a defence against forgery (whoever
/// can write the checkpoint can write the journal).
enum PrefixHash {
    static func of(_ b: UnsafeRawBufferPointer) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var h0: UInt64 = 0x243F_6A88_85A3_08D3, h1: UInt64 = 0x1319_8A2E_0370_7344
        var h2: UInt64 = 0xA409_3822_299F_31D0, h3: UInt64 = 0x082E_FA98_EC4E_6C89
        let n = b.count
        var i = 0
        @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = (h ^ w) &* p1
            return (x << 31 | x >> 33) &* p2
        }
        while i + 32 <= n {
            h0 = mix(h0, b.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h1 = mix(h1, b.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            h2 = mix(h2, b.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            h3 = mix(h3, b.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = mix(mix(mix(h0, h1), h2), h3)
        while i < n { h = mix(h, UInt64(b[i])); i += 1 }
        h = mix(h, UInt64(n))
        h ^= h >> 29
        return h
    }
}
