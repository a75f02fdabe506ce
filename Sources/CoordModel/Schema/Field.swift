/// The record types a journal line can name, in the order the panes show them.
public enum Noun: String, Sendable, CaseIterable, Hashable {
    case production, board, day, strip, banner, calendar, crew, kit, booking, location, call, safety, travel, callsheet,
         progress, category, account, budget, approval, transfer, cost, etc, clearance, log

    public var verbs: [Verb] {
        switch self {
        case .production: return [.set]
        case .day, .strip, .banner: return [.add, .set, .move, .rm, .restore]
        default: return [.add, .set, .rm, .restore]
        }
    }

    /// Records that sit in a board's running order.
    public var isPlaced: Bool { self == .day || self == .strip || self == .banner }

    /// What a person calls one of these.
    public var title: String {
        switch self {
        case .production: return "production"
        case .board: return "board"
        case .day: return "shoot day"
        case .strip: return "strip"
        case .banner: return "banner"
        case .calendar: return "calendar day"
        case .crew: return "crew member"
        case .kit: return "kit item"
        case .booking: return "booking"
        case .location: return "location"
        case .call: return "call time"
        case .safety: return "safety note"
        case .travel: return "travel"
        case .callsheet: return "call sheet issue"
        case .progress: return "progress report"
        case .category: return "budget category"
        case .account: return "account"
        case .budget: return "budget line"
        case .approval: return "budget approval"
        case .transfer: return "budget transfer"
        case .etc: return "estimate to complete"
        case .cost: return "cost"
        case .clearance: return "clearance"
        case .log: return "clearance log entry"
        }
    }
}

public enum Verb: String, Sendable, CaseIterable, Hashable {
    /// `move` places a strip, day break or banner in a board's running order; `restore` brings
    /// back a removed record under its own id (what undoing an `rm` writes).
    case add, set, rm, move, restore
}

/// How a field's text is read and checked.
public enum FieldKind: Sendable, Equatable {
    case text
    case date
    case time
    case money
    case pages
    case email
    case phone
    case code
    case currency
    case choice(Choice)
    /// Free text, but the usual department names are spelled one way.
    case department
    /// A shoot day: its id, or its date when one day has it.
    case dayRef
    /// A budget account, by its code.
    case accountRef
    /// A budget category, by its code or name.
    case categoryRef
    /// A plain decimal, 0 or more, with at most this many places (2.5, 0.7912).
    case decimal(places: Int)
    /// A percentage, e.g. 13.8 or 13.8%.
    case percent
    /// A whole number, 0 or more.
    case count
    /// Hours, e.g. 11 or `10+1`.
    case hours
    /// Weekdays, e.g. `sat,sun`.
    case weekdays
    /// Dates, e.g. `2027-03-03,2027-03-05`.
    case dates
    /// A board: its id or its name.
    case boardRef
    /// A crew member or kit item, by id.
    case whoRef
    /// A location record, by id.
    case locationRef
    /// Decimal degrees, at most this far from zero (latitude 90, longitude 180).
    case degrees(Int)

    public var hint: String {
        switch self {
        case .text: return "text"
        case .date: return "YYYY-MM-DD or today"
        case .time: return "HH:MM"
        case .money: return "amount, e.g. 1,250.00"
        case .pages: return "eighths, e.g. 3 4/8"
        case .email: return "name@example.com"
        case .phone: return "e.g. +44 7700 900123"
        case .code: return "e.g. 2100"
        case .currency: return "ISO code, e.g. GBP"
        case .choice(let c): return c.values.joined(separator: "|")
        case .department: return "e.g. Camera"
        case .dayRef: return "day id or date"
        case .accountRef: return "account code"
        case .categoryRef: return "category code or name"
        case .decimal(let p): return p > 3 ? "a decimal, e.g. 0.7912" : "a number, e.g. 5 or 2.5"
        case .percent: return "a percentage, e.g. 13.8"
        case .count: return "a whole number"
        case .hours: return "hours, e.g. 11 or 10+1"
        case .weekdays: return "e.g. sat,sun"
        case .dates: return "dates, e.g. 2027-03-03,2027-03-05"
        case .boardRef: return "board id or name"
        case .whoRef: return "crew or kit id"
        case .locationRef: return "location id"
        case .degrees: return "decimal degrees, e.g. 50.1664"
        }
    }
}

/// A closed set of words, with the other spellings people use.
public struct Choice: Sendable, Equatable {
    public let values: [String]
    let aliases: [String: String]

    public init(_ values: [String], aliases: [String: String] = [:]) {
        self.values = values
        var a: [String: String] = [:]
        for v in values { a[Choice.fold(v)] = v }
        for (k, v) in aliases { a[Choice.fold(k)] = v }
        self.aliases = a
    }

    static func fold(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "." })
    }

    /// The canonical word for `raw`: an exact spelling or alias, else an unambiguous
    /// beginning of one value (`conf` is confirmed), so quick typing works.
    public func canonical(_ raw: String) -> String? {
        let f = Choice.fold(raw)
        if let v = aliases[f] { return v }
        guard f.count >= 3 else { return nil }
        let hits = Set(values.filter { Choice.fold($0).hasPrefix(f) })
        return hits.count == 1 ? hits.first : nil
    }
}

/// A parsed field value, in the one canonical form the journal writes.
public enum FieldValue: Sendable, Equatable {
    case empty
    case text(String)
    case date(CalendarDate)
    case time(TimeOfDay)
    case money(Money)
    case pages(Pages)

    public var journalText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .date(let d): return d.description
        case .time(let t): return t.description
        case .money(let m): return m.plain
        case .pages(let p): return p.description
        }
    }

    public var isEmpty: Bool { self == .empty }
}

/// What forms, docs, completion and validation know about a field.
///
/// Held in one shared box: validation passes fields around in dictionaries, and a copy is
/// then one retain rather than one per string, array and choice table inside.
public struct FieldInfo: Sendable {
    private final class Box: Sendable {
        let key: String
        let aliases: [String]
        let label: String
        let kind: FieldKind
        let required: Bool
        let defaultText: String?
        let help: String
        /// For a choice, what each of its values reads as, and how a canonical value of this kind
        /// looks (see `canonicalValue`).
        let spellings: ChoiceSpellings?
        let form: CanonicalForm
        init(key: String, aliases: [String], label: String, kind: FieldKind, required: Bool, defaultText: String?,
             help: String) {
            self.key = key; self.aliases = aliases; self.label = label; self.kind = kind
            self.required = required; self.defaultText = defaultText; self.help = help
            switch kind {
            case .choice(let c): spellings = ChoiceSpellings(c, orItself: false)
            case .department: spellings = ChoiceSpellings(Choices.departmentChoice, orItself: true)
            default: spellings = nil
            }
            form = CanonicalForm(kind)
        }
    }
    private let box: Box

    init(key: String, aliases: [String], label: String, kind: FieldKind, required: Bool, defaultText: String?,
         help: String) {
        box = Box(key: key, aliases: aliases, label: label, kind: kind, required: required, defaultText: defaultText,
                  help: help)
    }

    public var key: String { box.key }
    public var aliases: [String] { box.aliases }
    public var label: String { box.label }
    public var kind: FieldKind { box.kind }
    public var required: Bool { box.required }
    /// Written into an `add` line when the field is not given (`today` for dates).
    public var defaultText: String? { box.defaultText }
    public var help: String { box.help }
    var spellings: ChoiceSpellings? { box.spellings }
    var form: CanonicalForm { box.form }

    public func matches(_ k: String) -> Bool { k == key || aliases.contains(k) }
}

/// A field of record type `R`: its description, and how to read and write it.
public struct FieldSpec<R>: Sendable {
    public let info: FieldInfo
    let get: @Sendable (R) -> FieldValue
    let set: @Sendable (inout R, FieldValue) -> Void
}

public protocol Record: Sendable {
    static var noun: Noun { get }
    static var fields: [FieldSpec<Self>] { get }
    var id: RecordID { get }
    init(id: RecordID)
}

extension Record {
    public func value(_ key: String) -> FieldValue {
        Self.fields.first { $0.info.key == key }.map { $0.get(self) } ?? .empty
    }
}
