extension Model {
    /// Reads one field's text into its canonical value.
    public func parseValue(_ raw: String, field: FieldInfo, context: ValidationContext) throws(ValueError) -> FieldValue {
        // What Coord writes (`1250.00`, `2027-03-01`, `actual`, text with no white space around it)
        // is recognised from its bytes; anything else, right or wrong, is read the general way.
        if let v = field.canonicalValue(raw) { return v }
        return try parseValueGeneral(raw, field: field, context: context)
    }

    /// Reads one field's text into its canonical value: every spelling, every error message.
    func parseValueGeneral(_ raw: String, field: FieldInfo, context: ValidationContext) throws(ValueError) -> FieldValue {
        let trimmed = raw.trimmingWhitespace()
        if trimmed.isEmpty { return .empty }
        switch field.kind {
        case .text, .dayRef:
            return .text(trimmed)
        case .date:
            return try CalendarDate.parse(trimmed, today: context.today).map(FieldValue.date).get()
        case .time:
            return try TimeOfDay.parse(trimmed).map(FieldValue.time).get()
        case .money:
            if let named = Money.splitCurrency(trimmed).currency, !Currency.matches(named, production.currency),
               !(context.entryCurrency.map { Currency.matches(named, $0) } ?? false) {
                throw ValueError(context.entryCurrency.map { "'\(raw)' is not in \($0), the entry's currency" }
                                 ?? "'\(raw)' is not in \(production.currency), the production's currency")
            }
            return try Money.parse(trimmed).map(FieldValue.money).get()
        case .pages:
            return try Pages.parse(trimmed).map(FieldValue.pages).get()
        case .email:
            let at = trimmed.firstIndex(of: "@")
            guard let at, at != trimmed.startIndex, trimmed[trimmed.index(after: at)...].contains("."),
                  !trimmed.contains(where: { $0.isWhitespace }) else {
                throw ValueError("'\(raw)' is not an email address")
            }
            return .text(trimmed)
        case .phone:
            let digits = trimmed.filter { $0.isASCII && $0.isNumber }.count
            guard digits >= 5, trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || " +-().".contains($0) }) else {
                throw ValueError("'\(raw)' is not a phone number (digits, spaces and + - ( ) . only)")
            }
            return .text(trimmed)
        case .code, .accountRef:
            guard trimmed.count <= 24, trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }) else {
                throw ValueError("'\(raw)' is not a code (letters, digits, - . / only)")
            }
            return .text(trimmed)
        case .currency:
            let up = trimmed.uppercased()
            guard up.count == 3, up.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ValueError("'\(raw)' is not a currency code (three letters, e.g. GBP)")
            }
            return .text(up)
        case .choice(let c):
            guard let v = c.canonical(trimmed) else {
                throw ValueError("'\(raw)' is not one of \(c.values.joined(separator: ", "))")
            }
            return .text(v)
        case .department:
            return .text(Choices.departmentChoice.canonical(trimmed) ?? trimmed)
        case .boardRef, .whoRef, .locationRef, .categoryRef:
            return .text(trimmed)
        case .decimal(let places):
            guard let v = Decimals.scaled(trimmed, places: places), v >= 0, v < 1_000_000 * Decimals.power(places) else {
                throw ValueError("'\(raw)' is not a number with at most \(places) decimal places, 0 to 999,999 (e.g. \(places > 3 ? "0.7912" : "2.5"))")
            }
            return .text(Decimals.text(v, places: places))
        case .percent:
            let t = trimmed.hasSuffix("%") ? String(trimmed.dropLast()).trimmingWhitespace() : trimmed
            guard let v = Decimals.scaled(t, places: 2), v >= 0, v <= 100_000 else {
                throw ValueError("'\(raw)' is not a percentage from 0 to 1000 with at most 2 decimals (e.g. 13.8)")
            }
            return .text(Decimals.text(v, places: 2))
        case .degrees(let limit):
            guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let d = Double(trimmed),
                  abs(d) <= Double(limit) else {
                throw ValueError("'\(raw)' is not in decimal degrees (between -\(limit) and \(limit), e.g. 50.1664)")
            }
            return .text(trimmed)
        case .count:
            guard let n = Int(trimmed), n >= 0, n < 100_000 else { throw ValueError("'\(raw)' is not a whole number") }
            return .text(String(n))
        case .hours:
            let parts = trimmed.split(separator: "+", omittingEmptySubsequences: false)
            let numbers = parts.compactMap { p -> Double? in
                let t = String(p).trimmingWhitespace()
                return t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) ? Double(t) : nil
            }
            let total = numbers.reduce(0, +)
            guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }), total > 0, total <= 24 else {
                throw ValueError("'\(raw)' is not a number of hours (e.g. 11 or 10+1)")
            }
            return .text(total == total.rounded() ? String(Int(total)) : String(total))
        case .weekdays:
            if trimmed.lowercased() == "none" { return .text("none") }
            var days: [Int] = []
            for part in trimmed.split(separator: ",") {
                guard let d = Weekdays.number(String(part)) else {
                    throw ValueError("'\(part)' is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
                }
                if !days.contains(d) { days.append(d) }
            }
            if days.count == 7 { throw ValueError("'\(raw)' leaves no day to shoot (write none for no days off)") }
            return days.isEmpty ? .empty : .text(days.sorted().map { Weekdays.names[$0] }.joined(separator: ","))
        case .dates:
            var out: [CalendarDate] = []
            for part in trimmed.split(separator: ",") {
                let d = try CalendarDate.parse(String(part), today: context.today).get()
                if !out.contains(d) { out.append(d) }
            }
            return out.isEmpty ? .empty : .text(out.sorted().map(\.description).joined(separator: ","))
        }
    }
}
