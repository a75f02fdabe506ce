/// One pass over a line's bytes: is it all ASCII, and is it valid UTF-8 (by the same rules as
/// `String(validating:as:)`: no overlong forms, no surrogates, nothing past U+10FFFF)?
enum UTF8Check {
    static func check(_ b: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, valid: Bool) {
        let n = b.count
        guard let base = b.baseAddress else { return (true, true) }
        var i = 0
        // Eight bytes at a time while they are ASCII.
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n, b[i] < 0x80 { i += 1 }
        if i == n { return (true, true) }
        return (false, valid(b, from: i))
    }

    private static func valid(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = b.count
        var i = start
        func cont(_ j: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { j < n && b[j] >= lo && b[j] <= hi }
        while i < n {
            let c = b[i]
            switch c {
            case 0x00...0x7F:
                i += 1
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0:
                guard cont(i + 1, 0xA0, 0xBF), cont(i + 2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard cont(i + 1), cont(i + 2) else { return false }
                i += 3
            case 0xED:
                guard cont(i + 1, 0x80, 0x9F), cont(i + 2) else { return false }
                i += 3
            case 0xF0:
                guard cont(i + 1, 0x90, 0xBF), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            case 0xF4:
                guard cont(i + 1, 0x80, 0x8F), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
