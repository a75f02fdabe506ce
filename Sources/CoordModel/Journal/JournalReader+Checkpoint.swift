extension JournalReader {
    /// What opening a journal built, and how many of its bytes had to be replayed line by line.
    public struct Opened: Sendable {
        public var loaded: LoadedJournal
        /// The checkpoint the open started from, if one could be trusted.
        public var checkpoint: CheckpointStore.Mark?
        public var replayedBytes: Int
    }

    /// Replays a journal, starting from its checkpoint when there is one that may be trusted
    /// (see CheckpointStore), so only the lines added since are read and checked. Errors and
    /// torn tails are reported exactly as a full replay reports them.
    public static func load(_ bytes: [UInt8], path: String, checkpoints: CheckpointStore?,
                            progress: ReplayProgress? = nil) throws(JournalError) -> Opened {
        guard let checkpoints, let (start, mark) = checkpoints.load(for: path, bytes: bytes) else {
            let loaded = try replay(bytes, path: path, progress: progress)
            return Opened(loaded: loaded, checkpoint: nil, replayedBytes: loaded.goodLength)
        }
        var model = start
        let p = try replay(Array(bytes[mark.length...]), path: path, into: &model, firstLine: mark.lines + 1, progress: progress)
        var torn = p.torn
        torn?.offset += mark.length
        let loaded = LoadedJournal(model: model, changes: mark.changes + p.changes, lines: mark.lines + p.lines,
                                   torn: torn, goodLength: mark.length + p.goodLength)
        return Opened(loaded: loaded, checkpoint: mark, replayedBytes: p.goodLength)
    }

    /// Writes a new checkpoint when this open replayed enough lines to make one worth it.
    public static func keep(_ opened: Opened, path: String, bytes: [UInt8], in checkpoints: CheckpointStore?) {
        guard let checkpoints, opened.replayedBytes >= CheckpointStore.worthWriting else { return }
        let l = opened.loaded
        checkpoints.save(l.model, mark: .init(length: l.goodLength, lines: l.lines, changes: l.changes), for: path, bytes: bytes)
    }
}
