import Testing
@testable import CoordModel

@Suite struct JournalHelpTests {
    @Test func everyNounAndVerbHasHelpNamingEachField() throws {
        for noun in Noun.allCases {
            let text = try #require(JournalHelp.text(noun.rawValue), "\(noun)")
            for f in noun.fields { #expect(text.contains("  " + f.key + " "), "\(noun): \(f.key)") }
        }
        for verb in Verb.allCases { #expect(JournalHelp.text(verb.rawValue)?.contains("nouns:") == true) }
        #expect(JournalHelp.text(" Crew ")?.hasPrefix("crew: a crew member.") == true)
        #expect(JournalHelp.text("nouns")?.contains("clearance") == true)
        #expect(JournalHelp.text("report") == nil, "not a journal word: left to the subcommands' help")
    }
}
