import Foundation

/// A script file on disk: its bytes, and lines to name in errors.
enum ScriptFile {
    /// The bytes of `path`, or an error that names it.
    static func read(_ path: String) throws(ImportError) -> [UInt8] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ImportError("\(path): no such file")
        }
        if isDir.boolValue { throw ImportError("\(path): is a directory, not a script") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError("\(path): cannot read it (permission denied?)")
        }
        guard data.count <= 64 << 20 else {
            throw ImportError("\(path): \(data.count >> 20) MB is far too big for a screenplay")
        }
        return [UInt8](data)
    }

    /// The line of the first byte that is not UTF-8, or nil when all of it is.
    static func firstNonUTF8Line(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var it = bytes.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): if u == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// The 1-based line of byte offset `offset`.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var n = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 { n += 1 }
        return n
    }
}
