/// A third-party item on screen or on the soundtrack, and the state of its licence.
public struct Clearance: Record, Equatable {
    public static let noun = Noun.clearance
    public var id: RecordID
    public var title = ""
    public var type = "other"
    public var cue = ""
    public var scenes = ""
    public var tcIn = ""
    public var tcOut = ""
    public var usage = ""
    public var writers = ""
    public var publisher = ""
    public var pro = ""
    public var licensor = ""
    public var contact = ""
    public var media = ""
    public var territory = ""
    public var term = ""
    public var exclusivity = ""
    public var grantedMedia = ""
    public var grantedTerritory = ""
    public var grantedTerm = ""
    public var grantedExclusivity = ""
    public var fee: Money?
    public var account = ""
    public var po = ""
    public var status = "identified"
    public var requested: CalendarDate?
    public var due: CalendarDate?
    public var cleared: CalendarDate?
    public var expiry: CalendarDate?
    public var document = ""
    public var minor = ""
    public var chaperone = ""
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Clearance>] = [
        .string(info("title", "Title", .text, required: true), \.title),
        .string(info("type", "Type", .choice(Choices.clearanceType), default: "other",
                     help: "music is two items: sync (the song) and master (the recording)"), \.type),
        .string(info("cue", "Cue", .code, help: "music cue number, e.g. 1M3"), \.cue),
        .string(info("scenes", "Scenes", .text, aliases: ["scene", "sc"], help: "scene numbers, e.g. 12A,14"), \.scenes),
        .string(info("tcin", "Timecode in", .text, aliases: ["in"], help: "HH:MM:SS:FF"), \.tcIn),
        .string(info("tcout", "Timecode out", .text, aliases: ["out"], help: "HH:MM:SS:FF"), \.tcOut),
        .string(info("usage", "Usage", .choice(Choices.musicUsage), help: "music: background, featured or theme"), \.usage),
        .string(info("writers", "Composer/writers", .text, aliases: ["composer", "composers", "writer"]), \.writers),
        .string(info("publisher", "Publisher", .text, aliases: ["pub"]), \.publisher),
        .string(info("pro", "PRO", .text, help: "performing rights organisation, e.g. PRS, ASCAP"), \.pro),
        .string(info("licensor", "Rights holder", .text, aliases: ["holder", "rightsholder", "label"]), \.licensor),
        .string(info("contact", "Contact", .text), \.contact),
        .string(info("media", "Media requested", .text, help: "e.g. all media"), \.media),
        .string(info("territory", "Territory requested", .text, help: "e.g. world"), \.territory),
        .string(info("term", "Term requested", .text, help: "e.g. perpetuity, 10 years"), \.term),
        .string(info("exclusivity", "Exclusivity requested", .choice(Choices.exclusivity), aliases: ["exclusive"]), \.exclusivity),
        .string(info("gmedia", "Media granted", .text, aliases: ["grantedmedia"]), \.grantedMedia),
        .string(info("gterritory", "Territory granted", .text, aliases: ["grantedterritory"]), \.grantedTerritory),
        .string(info("gterm", "Term granted", .text, aliases: ["grantedterm"]), \.grantedTerm),
        .string(info("gexclusivity", "Exclusivity granted", .choice(Choices.exclusivity), aliases: ["grantedexclusivity", "gexclusive"]),
                \.grantedExclusivity),
        .money(info("fee", "Fee", .money), \.fee),
        .string(info("account", "Budget account", .accountRef, aliases: ["acct"], help: "where the fee is committed, e.g. 4400"),
                \.account),
        .string(info("po", "PO number", .text, help: "the licensor's invoice quotes it: it relieves the fee's commitment"), \.po),
        .string(info("status", "Status", .choice(Choices.clearanceStatus), default: "identified"), \.status),
        .date(info("requested", "Requested", .date, help: "when the licence was asked for"), \.requested),
        .date(info("due", "Due", .date, help: "when it must be cleared by"), \.due),
        .date(info("cleared", "Cleared", .date, aliases: ["clearedon"]), \.cleared),
        .date(info("expiry", "Licence expiry", .date, aliases: ["expires"]), \.expiry),
        .string(info("document", "Document", .text, aliases: ["doc", "licence", "license", "ref"],
                     help: "path or URL of the signed licence or release"), \.document),
        .string(info("minor", "Minor", .choice(Choices.yesNo), help: "a release for a child: needs a licence and a chaperone"),
                \.minor),
        .string(info("chaperone", "Chaperone", .text), \.chaperone),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]

    public var isSettled: Bool { ["cleared", "substituted", "not-needed"].contains(status) }
    public var isCleared: Bool { status == "cleared" }
    public var isMusic: Bool { type == "sync" || type == "master" }
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let due, !isSettled else { return false }
        return due < today
    }
    /// A licence that runs out within `days` of today (or has run out), on an item still in use.
    public func isExpiring(today: CalendarDate, within days: Int) -> Bool {
        guard let expiry, isCleared else { return false }
        return expiry <= today.adding(days: days)
    }
    /// The fee is agreed: it is committed to its account until the licensor's invoice comes.
    public var commitsFee: Bool { isCleared && !account.isEmpty && (fee ?? .zero) > .zero }
    /// The scene numbers it is used in.
    public var sceneList: [String] {
        scenes.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { String($0).uppercased() }
    }

    /// Where the granted rights are narrower than the requested ones, in words; empty when not.
    public var narrowerRights: [String] {
        guard isCleared else { return [] }
        var out: [String] = []
        func check(_ what: String, _ asked: String, _ got: String, broad: [String]) {
            let a = asked.lowercased().trimmingWhitespace(), g = got.lowercased().trimmingWhitespace()
            guard !a.isEmpty, !g.isEmpty, a != g else { return }
            if broad.contains(where: { g.contains($0) }) && !broad.contains(where: { a.contains($0) }) { return }
            if what == "term", let ay = Clearance.years(a), let gy = Clearance.years(g), gy >= ay { return }
            out.append("\(what): \(got) (asked \(asked))")
        }
        check("media", media, grantedMedia, broad: ["all media"])
        check("territory", territory, grantedTerritory, broad: ["world", "universe"])
        check("term", term, grantedTerm, broad: ["perpetuity"])
        if exclusivity == "exclusive", grantedExclusivity == "non-exclusive" {
            out.append("exclusivity: non-exclusive (asked exclusive)")
        }
        return out
    }

    /// `10 years` → 10; nil for words.
    static func years(_ s: String) -> Int? {
        let parts = s.split(separator: " ")
        guard let n = parts.first.flatMap({ Int($0) }) else { return nil }
        if parts.count > 1, parts[1].hasPrefix("month") { return n / 12 }
        return n
    }
}

/// One dated line of a clearance's correspondence: "emailed licensor", "quote received 450.00".
public struct ClearanceLog: Record, Equatable {
    public static let noun = Noun.log
    public var id: RecordID
    public var item = ""
    public var date: CalendarDate?
    public var text = ""
    public var by = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<ClearanceLog>] = [
        .string(info("item", "Clearance", .text, required: true, aliases: ["clearance"], help: "the clearance's id"), \.item),
        .date(info("date", "Date", .date, required: true, default: "today"), \.date),
        .string(info("text", "Entry", .text, required: true, aliases: ["note", "entry"], help: "e.g. quote received 450.00"), \.text),
        .string(info("by", "By", .text), \.by),
    ]
}
