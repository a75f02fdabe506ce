import CoordModel

// vCard 4.0 (RFC 6350) export of the crew list: one card per person, for a phone's contacts.
// A card holds what a phone needs to reach someone at work (name, job, department, mobile,
// email); never their address, emergency contact, dietary or access needs, or notes.

/// What `VCard.export` wrote.
public struct VCardExport: Sendable {
    /// The file: UTF-8, CRLF line ends, lines folded at 75 octets.
    public var bytes: [UInt8]
    public var cards: Int
    /// The department the cards were limited to, in its canonical spelling.
    public var department: String?
    /// People with no phone and no email (their cards hold only a name).
    public var unreachable: Int
}

public enum VCard {
    /// One card per crew member in crew-list order (department, then as added), or only those
    /// in `department` (any spelling Coord reads as that department, any case).
    public static func export(_ model: Model, department: String? = nil) throws(ScheduleExportError) -> VCardExport {
        var people = CrewCSV.listOrder(model.crew.values)
        guard !people.isEmpty else { throw ScheduleExportError("nothing to export: the crew list is empty") }
        var dept: String?
        if let raw = department?.trimmingWhitespace() {
            var wanted = raw
            if let info = Noun.crew.field("dept"),
               case .text(let canonical)? = try? model.parseValue(raw, field: info, context: .replay) { wanted = canonical }
            people = people.filter { $0.dept.lowercased() == wanted.lowercased() }
            guard let first = people.first else {
                var known: [String] = []
                for p in CrewCSV.listOrder(model.crew.values) where !p.dept.isEmpty && !known.contains(p.dept) { known.append(p.dept) }
                throw ScheduleExportError("nobody is in the department '\(raw)'"
                    + (known.isEmpty ? " (no one has a department)" : " (departments: \(known.joined(separator: ", ")))"))
            }
            dept = first.dept
        }
        let org = model.production.title.trimmingWhitespace()
        var text = ""
        for p in people { text += card(p, organization: org) }
        let unreachable = people.filter { $0.phone.trimmingWhitespace().isEmpty && $0.email.trimmingWhitespace().isEmpty }.count
        return VCardExport(bytes: Array(text.utf8), cards: people.count, department: dept, unreachable: unreachable)
    }

    /// One `BEGIN:VCARD` ... `END:VCARD`, every line folded and ended with CRLF.
    static func card(_ p: CrewMember, organization: String) -> String {
        let name = p.name.trimmingWhitespace()
        let (family, given) = splitName(name)
        var lines = ["BEGIN:VCARD", "VERSION:4.0", "FN:" + escape(name),
                     "N:" + [family, given, "", "", ""].map(escape).joined(separator: ";")]
        func add(_ property: String, _ value: String) {
            let v = value.trimmingWhitespace()
            if !v.isEmpty { lines.append(property + ":" + escape(v)) }
        }
        add("ORG", organization)
        add("TITLE", p.role)
        add("ROLE", p.dept)
        add("TEL;TYPE=cell", p.phone)
        add("EMAIL", p.email)
        var note: [String] = []
        if !p.castNumber.isEmpty { note.append("Cast no. \(p.castNumber)") }
        if !p.agent.trimmingWhitespace().isEmpty { note.append("Agent/company: \(p.agent.trimmingWhitespace())") }
        if !p.status.isEmpty { note.append("Booking: \(p.status)") }
        add("NOTE", note.joined(separator: "\n"))
        lines.append("END:VCARD")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// The family name and the given names: the last word, with the particles before it
    /// (`van der Berg`), is the family name; one word is a given name.
    static func splitName(_ name: String) -> (family: String, given: String) {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return ("", name) }
        var start = words.count - 1
        while start > 1, particles.contains(words[start - 1].lowercased()) { start -= 1 }
        return (words[start...].joined(separator: " "), words[..<start].joined(separator: " "))
    }

    static let particles: Set<String> = ["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la",
                                         "ten", "ter", "bin", "ibn", "al", "el", "dos", "das", "do", "af", "zu", "st", "st."]

    /// RFC 6350 text: `\` `,` `;` escaped, line breaks as `\n`, other control characters dropped.
    public static func escape(_ s: String) -> String { ICal.escape(s) }

    /// A content line cut into lines of at most 75 octets (a continuation starts with a space),
    /// never inside a UTF-8 sequence; joined with CRLF.
    public static func fold(_ line: String) -> String { ICal.fold(line) }
}
