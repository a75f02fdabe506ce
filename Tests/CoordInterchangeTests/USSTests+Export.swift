import Foundation
import Testing
import CoordModel
@testable import CoordInterchange

extension USSTests {
    @Suite struct Export {
        func export(_ m: Model) throws -> [UInt8] {
            try USS.export(m, clock: .fixed(CalendarDate(year: 2027, month: 2, day: 25)!)).bytes
        }

        @Test func reimportingAnExportGivesTheSameDays() throws {
            for name in USSFixtures.samples {
                let (a, _) = try USSFixtures.imported(name)
                let b = try USSFixtures.journal(try USS.importPlan(try export(a), into: Model(), name: "export").commands)
                #expect(USSFixtures.daysText(b) == USSFixtures.daysText(a), "\(name)")
                #expect(b.activeBoard.name == a.activeBoard.name)
            }
        }

        @Test func theDemoRoundTrips() throws {
            let demo = try USSFixtures.demo
            let plan = try USS.importPlan(try export(demo), into: Model(), name: "demo.uss")
            let back = try USSFixtures.journal(plan.commands)
            #expect(USSFixtures.daysText(back) == USSFixtures.daysText(demo))
            #expect(USSFixtures.daysText(back).contains("day 5 2027-03-05"))
            // Cast numbers, banners and kit come back; the cast's names are their characters.
            #expect(back.strips.values.map(\.cast) == demo.strips.values.map(\.cast))
            #expect(back.banners.values.map { "\($0.kind) \($0.text)" } == demo.banners.values.map { "\($0.kind) \($0.text)" })
            #expect(back.kit.values.map { "\($0.category) \($0.name)" } == demo.kit.values.map { "\($0.category) \($0.name)" })
            #expect(back.crew.values.first { $0.castNumber == "5" }?.unavailable == "2027-03-03")
        }

        @Test func dayDatesOfABoardWithNoStartSurvive() throws {
            let m = try USSFixtures.journal([
                "production set title=Dated",
                "board add id=b2 name=Loose",
                "day add id=x1 board=b2 date=2027-05-07",   // a Friday
                "day add id=x2 board=b2 date=2027-05-08",   // a Saturday: weekends off does not fit
                "day add id=x3 board=b2 date=2027-05-12",
                "strip add id=t1 scene=1 ie=INT set=Hall dn=DAY pages=1 day=x1",
                "strip add id=t2 scene=2 ie=EXT set=Yard dn=NIGHT pages=3/8 day=x3",
            ])
            let e = try USS.export(m, clock: .fixed(CalendarDate(year: 2027, month: 2, day: 25)!))
            let back = try USSFixtures.journal(try USS.importPlan(e.bytes, into: Model(), name: "x").commands)
            let loose = try #require(back.boards.values.first { $0.name == "Loose" })
            #expect(back.layout(of: loose.id).days.map { $0.date?.description ?? "-" } == ["2027-05-07", "2027-05-08", "2027-05-12"])
            #expect(e.notes.contains { $0.contains("Loose has no start date") })
        }

        @Test func anEmptyProductionIsRefused() throws {
            #expect(throws: ScheduleExportError.self) { try USS.export(Model()) }
        }

        @Test func theExportValidatesAgainstTheSchema() throws {
            let schema = try JSONParser.parse(try USSFixtures.bytes("uss-schema-1.0.0.json"))
            // The checker agrees with the samples' notice: small and large validate, full does not.
            #expect(SchemaCheck.errors(try JSONParser.parse(try USSFixtures.bytes("small_sample_schedule.uss")), schema).isEmpty)
            #expect(SchemaCheck.errors(try JSONParser.parse(try USSFixtures.bytes("large_sample_schedule.uss")), schema).isEmpty)
            #expect(!SchemaCheck.errors(try JSONParser.parse(try USSFixtures.bytes("full_sample_schedule.uss")), schema).isEmpty)
            var models = [try USSFixtures.demo]
            for name in USSFixtures.samples { models.append(try USSFixtures.imported(name).0) }
            for m in models {
                let doc = try JSONParser.parse(try export(m))
                let errors = SchemaCheck.errors(doc, schema)
                #expect(errors.isEmpty, "\(errors.prefix(5))")
            }
        }

        @Test func theFileIsStableAndReadable() throws {
            let demo = try USSFixtures.demo
            let one = try export(demo), two = try export(demo)
            #expect(one == two)
            let text = String(decoding: one, as: UTF8.self)
            #expect(text.hasPrefix("{\n  \"universalScheduleStandard\": {\n    \"id\": \"coord"))
            #expect(text.contains(#""pages": 1.75,"#))
            #expect(text.contains(#""ussVersion": "1.0.0""#))
            #expect(!text.contains("07700"), "no phone numbers")
            #expect(!text.contains("example.co"), "no email addresses")
        }

        @Test func jsonTextRoundTrips() throws {
            let value = JSON.object([.init("a", .string("quote \" backslash \\ newline \n tab \t nul \u{0} é 🎬 \u{2028}")),
                                     .init("n", .array([.number(0), .number(-1.5), .eighths(19), .null, .bool(true)]))])
            let text = JSONWriter.write(value)
            let back = try JSONParser.parse(text)
            #expect(back["a"] == value["a"])
            #expect(back["n"]?.array?.compactMap(\.number) == [0, -1.5, 2.375])
            #expect(try JSONParser.parse(Array(#""\ud83c\udfac""#.utf8)) == .string("🎬"))
        }
    }
}

/// The part of JSON Schema (draft 4 to 2020-12) that uss-schema-1.0.0.json uses: type,
/// properties, required, additionalProperties: false, items, enum, oneOf, minItems, maxItems,
/// uniqueItems, minimum, maximum, multipleOf.
enum SchemaCheck {
    static func errors(_ v: JSON, _ s: JSON, at path: String = "$") -> [String] {
        var out: [String] = []
        if let t = s["type"] {
            let types = t.array?.compactMap(\.string) ?? [t.string ?? ""]
            if !types.contains(where: { matches(v, $0) }) { out.append("\(path): is \(v.kind), not \(types.joined(separator: "|"))") ; return out }
        }
        if let e = s["enum"]?.array, !e.contains(v) { out.append("\(path): not one of the enum") }
        if let one = s["oneOf"]?.array, one.filter({ errors(v, $0, at: path).isEmpty }).count != 1 {
            out.append("\(path): not exactly one of oneOf")
        }
        switch v {
        case .object(let members):
            let props = s["properties"]
            for r in s["required"]?.array?.compactMap(\.string) ?? [] where v[r] == nil { out.append("\(path): \(r) is required") }
            for m in members {
                if let ps = props?[m.key] { out += errors(m.value, ps, at: "\(path).\(m.key)") }
                else if s["additionalProperties"] == .bool(false) { out.append("\(path): \(m.key) is not allowed") }
            }
        case .array(let items):
            if let n = s["minItems"]?.number, Double(items.count) < n { out.append("\(path): fewer than \(Int(n)) items") }
            if let n = s["maxItems"]?.number, Double(items.count) > n { out.append("\(path): more than \(Int(n)) items") }
            if s["uniqueItems"] == .bool(true) {
                for (i, x) in items.enumerated() where items[..<i].contains(x) { out.append("\(path)[\(i)]: repeated") }
            }
            if let each = s["items"] { for (i, x) in items.enumerated() { out += errors(x, each, at: "\(path)[\(i)]") } }
        default:
            if let d = v.number {
                if let min = s["minimum"]?.number, d < min { out.append("\(path): below \(min)") }
                if let max = s["maximum"]?.number, d > max { out.append("\(path): above \(max)") }
                if let step = s["multipleOf"]?.number, (d / step).rounded() != d / step { out.append("\(path): not a multiple of \(step)") }
            }
        }
        return out
    }

    static func matches(_ v: JSON, _ type: String) -> Bool {
        switch (v, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"),
             (.number, "number"), (.eighths, "number"): return true
        case (.number(let d), "integer"): return d == d.rounded()
        default: return false
        }
    }
}
