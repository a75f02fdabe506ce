import Testing
@testable import CoordModel

@Suite struct GrammarTests {
    @Test func parsesNounVerbAndPairs() throws {
        let c = try #require(try LineGrammar.parse(#"crew add name="Zoë Müller" role='1st AC' dept=Camera rate=350"#))
        #expect(c.noun == "crew" && c.verb == "add")
        #expect(c.pairs.map(\.key) == ["name", "role", "dept", "rate"])
        #expect(c.value("name") == "Zoë Müller")
        #expect(c.value("role") == "1st AC")
        #expect(c.pairs[2].column == 42)
    }

    @Test func blankAndCommentLinesAreNothing() throws {
        #expect(try LineGrammar.parse("") == nil)
        #expect(try LineGrammar.parse("   ") == nil)
        #expect(try LineGrammar.parse("# a note") == nil)
    }

    @Test func trailingCommentIsKeptApart() throws {
        let c = try #require(try LineGrammar.parse("crew rm id=ab12 # 2026-11-22T13:44:01Z jo"))
        #expect(c.pairs.count == 1)
        #expect(c.comment == "2026-11-22T13:44:01Z jo")
    }

    @Test(arguments: hostileStrings)
    func anyTextRoundTripsThroughQuoting(_ s: String) throws {
        let line = LineGrammar.line(noun: "crew", verb: "add", pairs: [("name", s), ("role", "x")])
        #expect(!line.contains("\n") && !line.contains("\r"))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        let c = try #require(try LineGrammar.parse(line))
        #expect(c.value("name") == s)
        #expect(c.value("role") == "x")
    }

    @Test func randomTextRoundTrips() throws {
        var rng = SplitMix(seed: 7)
        let pool: [Unicode.Scalar] = Array("abc =\"'\\#\n\t\r{}ü東🎬".unicodeScalars) + [Unicode.Scalar(0)!, Unicode.Scalar(0x1B)!, Unicode.Scalar(0x2028)!]
        for _ in 0..<2000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 12) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            let text = String(s)
            let c = try #require(try LineGrammar.parse(LineGrammar.line(noun: "n", verb: "v", pairs: [("k", text)])))
            #expect(c.value("k") == text)
        }
    }

    @Test(arguments: [
        ("crew", 5, "needs a verb"),
        ("crew add name=\"open", 15, "never closed"),
        ("crew add name=a\"b", 16, "quote inside a value"),
        ("crew add name", 10, "needs a value"),
        ("crew add name=\"x\"y", 18, "space after the closing quote"),
        ("crew add name=\"\\q\"", 16, "unknown escape"),
        ("crew add name=a\u{1B}b", 16, "control character"),
        ("crew add näme=x", 11, "key is a plain word"),
    ])
    func syntaxErrorsNameTheColumn(_ line: String, _ column: Int, _ words: String) {
        #expect {
            _ = try LineGrammar.parse(line)
        } throws: { error in
            guard let e = error as? SyntaxError else { return false }
            return e.column == column && e.message.contains(words)
        }
    }

    @Test func canonicalLinesQuoteOnlyWhenNeeded() {
        let line = LineGrammar.line(noun: "cost", verb: "add", pairs: [("account", "2100"), ("vendor", "Panavision UK"), ("po", "PO-0042")])
        #expect(line == #"cost add account=2100 vendor="Panavision UK" po=PO-0042"#)
        #expect(LineGrammar.quote("") == "\"\"")
        #expect(LineGrammar.quote("Zoë") == "Zoë")
        #expect(LineGrammar.quote("a\u{1B}b") == #""a\u{1b}b""#)
    }
}
