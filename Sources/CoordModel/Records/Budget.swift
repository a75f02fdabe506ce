/// A heading of the chart of accounts (2000 Production crew), above or below the line.
public struct Category: Record, Equatable {
    public static let noun = Noun.category
    public var id: RecordID
    public var code = ""
    public var name = ""
    public var line = "btl"
    public init(id: RecordID) { self.id = id }

    public var isAboveTheLine: Bool { line == "atl" }

    public static let fields: [FieldSpec<Category>] = [
        .string(info("code", "Code", .code, required: true, help: "unique, e.g. 2000"), \.code),
        .string(info("name", "Name", .text, required: true, aliases: ["description", "desc"]), \.name),
        .string(info("line", "Above/below the line", .choice(Choices.budgetLine), default: "btl",
                     help: "atl (story, producers, director, cast) or btl (crew, kit, locations, post)"), \.line),
    ]
}

/// A budget account in the chart of accounts.
public struct Account: Record, Equatable {
    public static let noun = Noun.account
    public var id: RecordID
    public var code = ""
    /// The category's code, kept in step when the category's code changes.
    public var category = ""
    public var description = ""
    /// A lump budget for an account budgeted without detail lines; adds to its lines' total.
    public var budget: Money?
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Account>] = [
        .string(info("code", "Code", .code, required: true, help: "unique, e.g. 2100"), \.code),
        .string(info("category", "Category", .categoryRef, aliases: ["cat"], help: "a category's code or name, e.g. 2000"),
                \.category),
        .string(info("description", "Description", .text, required: true, aliases: ["desc", "name"]), \.description),
        .money(info("budget", "Lump budget", .money, help: "for an account without budget lines; adds to their total"),
               \.budget),
    ]
}

/// A budget detail line: quantity x multiplier x rate, plus a percentage fringe.
public struct BudgetLine: Record, Equatable {
    public static let noun = Noun.budget
    public var id: RecordID
    /// The account's code, kept in step when the account's code changes.
    public var account = ""
    public var description = ""
    public var quantity = "1"
    public var unit = ""
    public var multiplier = "1"
    public var rate: Money?
    public var fringe = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<BudgetLine>] = [
        .string(info("account", "Account", .accountRef, required: true, aliases: ["acct", "code"]), \.account),
        .string(info("description", "Description", .text, aliases: ["desc"]), \.description),
        .string(info("qty", "Quantity", .decimal(places: 3), default: "1", aliases: ["quantity", "amount"],
                     help: "how many units, e.g. 5 or 2.5"), \.quantity),
        .string(info("unit", "Unit", .text, aliases: ["units"], help: "e.g. days, weeks, allow, flat"), \.unit),
        .string(info("x", "Multiplier", .decimal(places: 3), default: "1", aliases: ["mult", "times", "multiplier"],
                     help: "e.g. 2 for two people"), \.multiplier),
        .money(info("rate", "Rate", .money, required: true), \.rate),
        .string(info("fringe", "Fringe %", .percent, aliases: ["fringes"], help: "on top of the line, e.g. 13.8"), \.fringe),
    ]

    /// The line before its fringe: quantity x multiplier x rate, to the penny (half away from zero).
    public var subtotal: Money {
        let q = Decimals.scaled(quantity, places: 3) ?? 1000
        let x = Decimals.scaled(multiplier, places: 3) ?? 1000
        return Decimals.product(rate ?? .zero, by: Int128(q) * Int128(x), scale: 1_000_000)
    }
    public var fringeAmount: Money {
        guard let bp = Decimals.scaled(fringe, places: 2), bp != 0 else { return .zero }
        return Decimals.product(subtotal, by: Int128(bp), scale: 10_000)
    }
    public var total: Money { subtotal + fringeAmount }
}

/// The production manager's approval: while one stands, the original budget is locked.
public struct Approval: Record, Equatable {
    public static let noun = Noun.approval
    public var id: RecordID
    public var by = ""
    public var date: CalendarDate?
    public var note = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Approval>] = [
        .string(info("by", "Approved by", .text, required: true, help: "e.g. Sam Reid (PM)"), \.by),
        .date(info("date", "Date", .date, required: true, default: "today"), \.date),
        .string(info("note", "Note", .text, aliases: ["notes", "version"], help: "e.g. v3 as greenlit"), \.note),
    ]
}

/// A change to the locked budget: money moved between accounts, or added or cut, with its reason.
public struct Transfer: Record, Equatable {
    public static let noun = Noun.transfer
    public var id: RecordID
    public var date: CalendarDate?
    public var from = ""
    public var to = ""
    public var amount: Money?
    public var reason = ""
    public var by = ""
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Transfer>] = [
        .date(info("date", "Date", .date, required: true, default: "today"), \.date),
        .string(info("from", "From account", .accountRef, help: "empty: new money (e.g. an approved overage)"), \.from),
        .string(info("to", "To account", .accountRef, help: "empty: a cut"), \.to),
        .money(info("amount", "Amount", .money, required: true, aliases: ["amt"]), \.amount),
        .string(info("reason", "Reason", .text, required: true, aliases: ["why"]), \.reason),
        .string(info("by", "Approved by", .text), \.by),
    ]
}

/// A cost coded to an account: an actual (invoiced) or a commitment (an open PO).
public struct CostEntry: Record, Equatable {
    public static let noun = Noun.cost
    public var id: RecordID
    public var date: CalendarDate?
    /// The account's code, kept in step when the account's code changes.
    public var account = ""
    public var vendor = ""
    public var description = ""
    public var amount: Money?
    public var vat: Money?
    public var currency = ""
    public var rate = ""
    public var po = ""
    public var invoice = ""
    public var kind = "actual"
    public var paid = ""
    public var closed = ""
    public var approved = ""
    public init(id: RecordID) { self.id = id }

    public var isCommitment: Bool { kind == "commitment" }
    public var isPaid: Bool { paid == "yes" }
    public var isClosed: Bool { closed == "yes" }
    /// The net amount in the production's currency (a foreign amount at its recorded rate).
    public var homeAmount: Money {
        let a = amount ?? .zero
        guard !currency.isEmpty, let r = Decimals.scaled(rate, places: 6) else { return a }
        return Decimals.product(a, by: Int128(r), scale: 1_000_000)
    }
    public var homeVAT: Money {
        let v = vat ?? .zero
        guard !currency.isEmpty, let r = Decimals.scaled(rate, places: 6) else { return v }
        return Decimals.product(v, by: Int128(r), scale: 1_000_000)
    }

    public static let fields: [FieldSpec<CostEntry>] = [
        .date(info("date", "Date", .date, required: true, default: "today"), \.date),
        .string(info("account", "Account", .accountRef, required: true, aliases: ["acct", "code"]), \.account),
        .string(info("vendor", "Vendor", .text, aliases: ["payee", "supplier"]), \.vendor),
        .string(info("description", "Description", .text, aliases: ["desc"]), \.description),
        .money(info("amount", "Net amount", .money, required: true, aliases: ["amt", "net"]), \.amount),
        .money(info("vat", "VAT", .money, aliases: ["tax"]), \.vat),
        .string(info("currency", "Currency", .currency, aliases: ["ccy"], help: "only for a foreign-currency entry"), \.currency),
        .string(info("rate", "Exchange rate", .decimal(places: 6), aliases: ["fx"],
                     help: "production currency per 1 unit of the entry's, e.g. 0.7912"), \.rate),
        .string(info("po", "PO number", .text), \.po),
        .string(info("invoice", "Invoice number", .text, aliases: ["inv"]), \.invoice),
        .string(info("kind", "Actual/commitment", .choice(Choices.costKind), default: "actual",
                     aliases: ["type"]), \.kind),
        .string(info("paid", "Paid", .choice(Choices.yesNo)), \.paid),
        .string(info("closed", "PO closed", .choice(Choices.yesNo), help: "a commitment nothing more will be invoiced on"),
                \.closed),
        .string(info("approved", "Approved by", .text, aliases: ["approver"]), \.approved),
    ]
}

/// An estimate to complete for one account, entered by hand with its reason; the latest counts.
public struct Estimate: Record, Equatable {
    public static let noun = Noun.etc
    public var id: RecordID
    public var account = ""
    public var amount: Money?
    public var reason = ""
    public var date: CalendarDate?
    public init(id: RecordID) { self.id = id }

    public static let fields: [FieldSpec<Estimate>] = [
        .string(info("account", "Account", .accountRef, required: true, aliases: ["acct", "code"]), \.account),
        .money(info("amount", "ETC", .money, required: true, aliases: ["etc", "amt"]), \.amount),
        .string(info("reason", "Reason", .text, required: true, aliases: ["why"]), \.reason),
        .date(info("date", "Date", .date, required: true, default: "today"), \.date),
    ]
}

/// Exact decimal arithmetic for quantities, percentages and exchange rates written as text.
public enum Decimals {
    /// `2.5` at 3 places is 2500; nil when it is not a plain decimal with at most that many places.
    public static func scaled(_ s: String, places: Int) -> Int64? {
        guard !s.isEmpty else { return nil }
        var negative = false
        var whole: Int64 = 0, frac: Int64 = 0, fracDigits = 0, seenDot = false, digits = 0
        for (i, b) in s.utf8.enumerated() {
            if b == UInt8(ascii: "-"), i == 0 { negative = true; continue }
            if b == UInt8(ascii: "."), !seenDot { seenDot = true; continue }
            guard b >= 48, b <= 57 else { return nil }
            digits += 1
            if digits > 15 { return nil }
            if seenDot {
                fracDigits += 1
                if fracDigits > places { return nil }
                frac = frac * 10 + Int64(b - 48)
            } else {
                whole = whole * 10 + Int64(b - 48)
            }
        }
        guard digits > 0 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        var f = frac
        for _ in fracDigits..<places { f *= 10 }
        let (v, over) = whole.multipliedReportingOverflow(by: scale)
        guard !over else { return nil }
        return negative ? -(v + f) : v + f
    }

    public static func power(_ places: Int) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        return scale
    }

    /// The canonical text of a scaled value: no trailing zeros, no trailing dot.
    public static func text(_ v: Int64, places: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let m = v.magnitude
        var s = String(m / UInt64(scale))
        var f = String(m % UInt64(scale))
        if f != "0" {
            f = String(repeating: "0", count: places - f.count) + f
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return (v < 0 ? "-" : "") + s
    }

    /// `money x factor / scale`, rounded half away from zero to the minor unit.
    public static func product(_ m: Money, by factor: Int128, scale: Int128) -> Money {
        let p = Int128(m.minor) * factor
        let q = p / scale, r = p % scale
        let rounded = r.magnitude * 2 >= scale.magnitude ? q + (p < 0 ? -1 : 1) : q
        return Money(minor: Int64(clamping: rounded))
    }
}
