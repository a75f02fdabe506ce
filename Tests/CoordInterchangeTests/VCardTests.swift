import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

/// vCard 4.0 export of the crew list.
@Suite struct VCardTests {
    static func crew() throws -> Model {
        try USSFixtures.journal([
            "production set title=\"The Keeper's Daughter; Part 1\" company=\"Saltwater Pictures\"",
            "crew add id=c1 name=\"Zoë Müller\" role=\"1st AC, B camera\" dept=Camera phone=\"+44 7700 900123\" email=zoe@example.com address=\"1 Quay Rd\" emergency=\"Ann 07700 900999\" dietary=vegan access=\"step-free\" notes=\"private\"",
            "crew add id=c2 name=\"Iona Firth\" role=Mara dept=Cast castno=1 agent=\"Curtis Brown\" status=confirmed",
            "crew add id=c3 name=\"Sian Rowe\" role=Producer dept=Production phone=\"07700 900456\"",
            "crew add id=c4 name=\"Pieter van der Berg\" role=\"Key Grip\" dept=Grips",
            "crew add id=c5 name=Cher",
        ])
    }

    static func text(_ e: VCardExport) -> String { String(decoding: e.bytes, as: UTF8.self) }

    /// Content lines as a reader sees them: CRLF + space joins a folded line back up.
    static func unfolded(_ s: String) -> [String] {
        s.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func oneCardPerPersonInCrewListOrder() throws {
        let e = try VCard.export(try Self.crew())
        #expect(e.cards == 5 && e.unreachable == 3 && e.department == nil)
        let s = Self.text(e)
        #expect(s.components(separatedBy: "BEGIN:VCARD\r\nVERSION:4.0\r\n").count - 1 == 5)
        #expect(Self.unfolded(s).filter { $0.hasPrefix("FN:") } == ["FN:Sian Rowe", "FN:Zoë Müller", "FN:Pieter van der Berg", "FN:Iona Firth", "FN:Cher"])
        let zoe = Self.unfolded(s).drop { $0 != "FN:Zoë Müller" }.prefix { $0 != "END:VCARD" }
        #expect(Array(zoe) == [
            "FN:Zoë Müller",
            "N:Müller;Zoë;;;",
            "ORG:The Keeper's Daughter\\; Part 1",
            "TITLE:1st AC\\, B camera",
            "ROLE:Camera",
            "TEL;TYPE=cell:+44 7700 900123",
            "EMAIL:zoe@example.com",
            "NOTE:Booking: pencilled",
        ])
        #expect(s.contains("FN:Pieter van der Berg\r\nN:van der Berg;Pieter;;;\r\n"))
        #expect(s.contains("N:;Cher;;;\r\n"))
        #expect(s.contains("NOTE:Cast no. 1\\nAgent/company: Curtis Brown\\nBooking: confirmed\r\n"))
        #expect(s.hasSuffix("END:VCARD\r\n"))
    }

    @Test func noAddressEmergencyContactDietaryAccessOrNotes() throws {
        let s = Self.text(try VCard.export(try Self.crew()))
        for secret in ["Quay", "Ann 07700", "vegan", "step-free", "private"] { #expect(!s.contains(secret)) }
    }

    @Test func linesEndInCRLFAndFoldAt75OctetsWithoutSplittingUTF8() throws {
        let long = String(repeating: "Zoë 🎬 Müller, ", count: 12)
        let m = try USSFixtures.journal(["crew add id=c1 name=\"\(long)\" role=\"Über-long \\\\ role; with\\nbreak\""])
        let s = Self.text(try VCard.export(m))
        let bytes = Array(s.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        let physical = s.components(separatedBy: "\r\n")
        #expect(physical.count > 8)
        for p in physical {
            #expect(p.utf8.count <= 75)
            #expect(String(validating: Array(p.utf8), as: UTF8.self) != nil)
        }
        let lines = Self.unfolded(s)
        #expect(lines.contains("FN:" + long.trimmingWhitespace().replacingOccurrences(of: ",", with: "\\,")))
        #expect(lines.contains("TITLE:Über-long \\\\ role\\; with\\nbreak"))
    }

    @Test func deptLimitsTheCardsToOneDepartment() throws {
        let m = try Self.crew()
        let e = try VCard.export(m, department: "grip")
        #expect(e.cards == 1 && e.department == "Grip")
        #expect(Self.text(e).contains("FN:Pieter van der Berg"))
        #expect(try VCard.export(m, department: "CAST").cards == 1)
        let refused = #expect(throws: ScheduleExportError.self) { try VCard.export(m, department: "Sound") }
        #expect(refused?.message == "nobody is in the department 'Sound' (departments: Production, Camera, Grip, Cast)")
        #expect(throws: ScheduleExportError.self) { try VCard.export(Model()) }
    }
}
