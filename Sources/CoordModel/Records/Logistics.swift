/// A place the unit works: what the call sheet says about getting there and staying safe.
public struct Location: Record, Equatable {
    public static let noun = Noun.location
    public var id: RecordID
    public var name = ""
    public var address = ""
    public var parking = ""
    public var base = ""
    public var contact = ""
    public var phone = ""
    public var hospital = ""
    public var hospitalAddress = ""
    /// Decimal degrees; with both, the call sheet works out sunrise and sunset.
    public var latitude = ""
    public var longitude = ""
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Location>] = [
        .string(info("name", "Name", .text, required: true), \.name),
        .string(info("address", "Address", .text), \.address),
        .string(info("parking", "Parking", .text), \.parking),
        .string(info("base", "Unit base", .text), \.base),
        .string(info("contact", "Contact", .text, help: "location manager or owner"), \.contact),
        .string(info("phone", "Contact phone", .phone), \.phone),
        .string(info("hospital", "Nearest A&E", .text, aliases: ["ae"]), \.hospital),
        .string(info("hospitaladdress", "A&E address", .text, aliases: ["aeaddress"]), \.hospitalAddress),
        .string(info("lat", "Latitude", .degrees(90), aliases: ["latitude"]), \.latitude),
        .string(info("lon", "Longitude", .degrees(180), aliases: ["lng", "longitude"]), \.longitude),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]
}

/// A call time for one shoot day that differs from the general call: a person or a department.
public struct CallTime: Record, Equatable {
    public static let noun = Noun.call
    public var id: RecordID
    public var day = ""
    /// A crew member's id, or empty when the call is for a department.
    public var who = ""
    public var dept = ""
    public var time: TimeOfDay?
    public var pickup: TimeOfDay?
    public var note = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<CallTime>] = [
        .string(info("day", "Shoot day", .dayRef, required: true), \.day),
        .string(info("who", "Person", .whoRef, help: "a crew member's id (or give dept)"), \.who),
        .string(info("dept", "Department", .department, help: "the whole department (or give who)"), \.dept),
        .time(info("time", "Call", .time, required: true), \.time),
        .time(info("pickup", "Pick-up", .time), \.pickup),
        .string(info("note", "Note", .text, aliases: ["notes"]), \.note),
    ]
}

/// A risk on a shoot day, for the call sheet's safety section.
public struct SafetyNote: Record, Equatable {
    public static let noun = Noun.safety
    public var id: RecordID
    public var day = ""
    public var hazard = ""
    public var risk = ""
    public var controls = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<SafetyNote>] = [
        .string(info("day", "Shoot day", .dayRef, required: true), \.day),
        .string(info("hazard", "Hazard", .text, required: true), \.hazard),
        .string(info("risk", "Who is at risk", .text, aliases: ["who"]), \.risk),
        .string(info("controls", "Controls", .text, aliases: ["control"]), \.controls),
    ]
}

/// Travel or a hotel night for one person: what the transport section of a call sheet lists.
public struct Travel: Record, Equatable {
    public static let noun = Noun.travel
    public var id: RecordID
    public var who = ""
    public var date: CalendarDate?
    public var from = ""
    public var to = ""
    public var how = ""
    public var ref = ""
    public var hotel = ""
    public var pickup: TimeOfDay?
    public var notes = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Travel>] = [
        .string(info("who", "Person", .whoRef, required: true), \.who),
        .date(info("date", "Date", .date, required: true), \.date),
        .string(info("from", "From", .text), \.from),
        .string(info("to", "To", .text), \.to),
        .string(info("how", "How", .choice(Choices.travelMode)), \.how),
        .string(info("ref", "Booking reference", .text, aliases: ["booking"]), \.ref),
        .string(info("hotel", "Hotel", .text), \.hotel),
        .time(info("pickup", "Pick-up", .time), \.pickup),
        .string(info("notes", "Notes", .text, aliases: ["note"]), \.notes),
    ]
}

/// A call sheet sent out: which day, which version, and a fingerprint of what it said.
public struct CallSheetIssue: Record, Equatable {
    public static let noun = Noun.callsheet
    public var id: RecordID
    public var day = ""
    public var version = ""
    /// A hash of the issued text: when today's text differs, the issued sheet is out of date.
    public var hash = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<CallSheetIssue>] = [
        .string(info("day", "Shoot day", .dayRef, required: true), \.day),
        .string(info("version", "Version", .count, required: true), \.version),
        .string(info("hash", "Fingerprint", .text, required: true, help: "written by coord callsheet --issue"), \.hash),
    ]
}
