import CoordModel
import Foundation
import Testing
@testable import CoordInterchange

/// Files that are not screenplays: a clear error, nothing written, never a crash.
extension ScriptImportTests {
    @Test func badFountainFilesGiveClearErrors() {
        let binary = file("photo.fountain", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00])
        #expect(Self.failure { _ = try Fountain.parse(path: binary) } == "\(binary):1: binary data (a NUL byte): not a Fountain screenplay")
        let empty = file("empty.fountain", "")
        #expect(Self.failure { _ = try Fountain.parse(path: empty) } == "\(empty): the file is empty: no screenplay in it")
        let blank = file("blank.fountain", "\n\n   \n")
        #expect(Self.failure { _ = try Fountain.parse(path: blank) } == "\(blank): the file is empty: no screenplay in it")
        let latin1 = file("latin1.fountain", Array("INT. CAF".utf8) + [0xC9] + Array(" - DAY\n".utf8))
        #expect(Self.failure { _ = try Fountain.parse(path: latin1) }.hasPrefix("\(latin1):1: not UTF-8 text"))
        let cut = file("cut.fountain", "INT. A - DAY #1#\n\nx\n\n/* an old scene\n\nINT. B - DAY #2#\n")
        #expect(Self.failure { _ = try Fountain.parse(path: cut) }.hasPrefix("\(cut):5: '/*' starts a boneyard that is never closed"))
        let prose = file("notes.fountain", "Shopping list\n\nmilk, eggs\n")
        #expect(Self.failure { _ = try Fountain.parse(path: prose) }.hasPrefix("\(prose): no scene headings found"))
        #expect(Self.failure { _ = try Fountain.parse(path: Self.fdx) }.hasSuffix("not Fountain: use `coord import fdx`"))
        #expect(Self.failure { _ = try Fountain.parse(path: "/nonexistent/x.fountain") } == "/nonexistent/x.fountain: no such file")
        #expect(Self.failure { _ = try Fountain.parse(path: Self.fixtures.path) }.hasSuffix("is a directory, not a script"))
    }

    @Test func badFinalDraftFilesGiveClearErrors() throws {
        let binary = file("script.fdx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])
        #expect(Self.failure { _ = try FDX.parse(path: binary) } == "\(binary): not Final Draft XML: it holds binary data (a zip archive?)")
        let empty = file("empty.fdx", "")
        #expect(Self.failure { _ = try FDX.parse(path: empty) } == "\(empty): the file is empty: no screenplay in it")
        let html = file("page.fdx", "<?xml version=\"1.0\"?>\n<html><body>hi</body></html>\n")
        #expect(Self.failure { _ = try FDX.parse(path: html) } == "\(html): not Final Draft XML: no <FinalDraft> element (it starts with <html>)")
        let fountain = Self.failure { _ = try FDX.parse(path: Self.original) }
        #expect(fountain == "\(Self.original): not Final Draft XML: no <FinalDraft> element (plain text: a Fountain script? use `coord import fountain`)")

        // The real file cut off part way through.
        let whole = try #require(FileManager.default.contents(atPath: Self.fdx))
        let truncated = file("cut.fdx", Array(whole.prefix(whole.count / 2)))
        let message = Self.failure { _ = try FDX.parse(path: truncated) }
        #expect(message.hasPrefix("\(truncated):"))
        #expect(message.hasSuffix("(it looks cut short)"))

        let broken = file("broken.fdx", "<FinalDraft>\n<Content>\n<Paragraph Type=\"Action\"><Text>a & b</Text></Paragraph>\n</Content>\n</FinalDraft>\n")
        let brokenMessage = Self.failure { _ = try FDX.parse(path: broken) }
        #expect(brokenMessage.hasPrefix("\(broken):3:"), "\(brokenMessage)")
        let noScenes = file("none.fdx", "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>x</Text></Paragraph></Content></FinalDraft>")
        #expect(Self.failure { _ = try FDX.parse(path: noScenes) }.hasPrefix("\(noScenes): no scene headings found"))
    }

    @Test func aBadFileWritesNothing() throws {
        let path = journal()
        let bad = file("bad.fountain", [0, 1, 2, 3])
        let (store, _) = try ProductionStore.open(path: path)
        #expect(throws: ImportError.self) { _ = try Fountain.plan(path: bad, model: store.model) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Random bytes after a Final Draft opening, and after nothing: an error every time, never a
    /// crash (XMLParser itself traps on some bytes that are not UTF-8, so those never reach it).
    @Test func junkNeverCrashes() {
        var seed: UInt64 = 0x5EED
        func next() -> UInt64 {
            seed &+= 0x9E3779B97F4A7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        let openings = ["", "<FinalDraft><Content><Paragraph Type=\"Scene Heading\"><Text>", "<?xml version=\"1.0\"?><FinalDraft>"]
        for round in 0..<3000 {
            let junk = Array(openings[round % 3].utf8) + (0..<(1 + Int(next() % 600))).map { _ in UInt8(1 + next() % 255) }
            #expect(throws: ImportError.self) { _ = try FDX.parse(bytes: junk, file: "junk.fdx") }
            #expect(throws: ImportError.self) { _ = try Fountain.parse(bytes: junk, file: "junk.fountain") }
        }
    }
}
