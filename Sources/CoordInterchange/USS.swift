import CoordModel

// Universal Schedule Standard (USS) 1.0.0: JSON schedules from Think Crew and other
// schedulers. `USS.importPlan` turns a file into journal commands; `USS.export` writes the
// production's boards back out as a file that validates against uss-schema-1.0.0.json.
// How each field maps, and what is skipped, is in docs/INTERCHANGE.md.

public enum USS {
    public static let version = "1.0.0"

    /// The journal commands that bring `bytes` (a USS file) into `model`. `name` is how
    /// error messages call the file. Bad input throws an `ImportError` that says why.
    public static func importPlan(_ bytes: [UInt8], into model: Model, name: String = "the file") throws(ImportError) -> ImportPlan {
        let root: JSON
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ImportError("\(name) is not a USS file: \(error.message)")
        }
        guard let uss = root["universalScheduleStandard"] else {
            throw ImportError("\(name) is JSON but not a USS file: it has no \"universalScheduleStandard\" object at the top")
        }
        guard case .object = uss else {
            throw ImportError("\(name) is not a USS file: \"universalScheduleStandard\" is \(uss.kind), not an object")
        }
        var importer = USSImporter(name: name, model: model)
        try importer.run(uss)
        return importer.finish()
    }

    /// The production's boards, strips, banners, cast and kit as a USS 1.0.0 file.
    public static func export(_ model: Model, clock: Clock = Clock()) throws(ScheduleExportError) -> USSExport {
        var exporter = USSExporter(model: model, now: isoStamp(clock))
        return try exporter.run()
    }

    /// `2026-11-22T13:44:01.000Z`, the form USS files use.
    static func isoStamp(_ clock: Clock) -> String {
        var s = clock.stamp
        if s.hasSuffix("Z") { s.removeLast(); s += ".000Z" }
        return s
    }

    /// USS weekdays run 0 = Sunday ... 6 = Saturday; Coord's 0 = Monday ... 6 = Sunday.
    static func coordWeekday(uss n: Int) -> Int { (n + 6) % 7 }
    static func ussWeekday(coord n: Int) -> Int { (n + 1) % 7 }

    /// The standard USS category numbers (ucid) of breakdown elements.
    static let setUCID = 0, intExtUCID = 1, dayNightUCID = 2, castUCID = 100
    /// Scene attributes kept in a strip's notes: Script Day, Unit, Sequence, Location, Notes, Comments.
    static let noteUCIDs: Set<Int> = [3, 4, 5, 6, 123, 124, 56]
    /// People other than cast: Background, Stunts, Animal Handler, Security, Additional Labor.
    static let peopleUCIDs: Set<Int> = [101, 102, 109, 118, 120]
    /// Categories that repeat a breakdown's own fields: Scene Number, Description, Pages, Script Page, Duration.
    static let fieldUCIDs: Set<Int> = [51, 52, 53, 54, 55]
    /// Standard categories a Coord kit category may be written as.
    static let kitCategories: [(ucid: Int, name: String)] = [
        (103, "Vehicles"), (104, "Props"), (105, "SFX"), (106, "Wardrobe"), (107, "Makeup/Hair"), (108, "Animals"),
        (110, "Camera"), (111, "Grip"), (112, "Electric"), (113, "Sound"), (114, "Music"), (115, "Art Department"),
        (116, "Set Dressing"), (117, "Greenery"), (119, "Special Equipment"), (121, "VFX"), (122, "MFX"),
        (125, "Misc"), (126, "Other"),
    ]

    /// Case, spaces, dots, dashes and underscores ignored.
    static func fold(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "." })
    }
}
