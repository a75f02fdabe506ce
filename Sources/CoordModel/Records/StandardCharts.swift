/// Charts of accounts to start a budget from: one for drama (film and TV), one for
/// commercials (the sections of the AICP bid form). Both are ordinary journal lines, so a
/// production edits them like any other account.
public enum StandardChart: String, Sendable, CaseIterable {
    case drama, commercial

    typealias Section = (code: String, name: String, line: String, accounts: [(String, String)])

    var sections: [Section] {
        switch self {
        case .drama:
            return [
                ("1000", "Above the line", "atl", [("1100", "Story & rights"), ("1200", "Writers"), ("1300", "Producers"),
                    ("1400", "Director"), ("1500", "Cast"), ("1600", "Casting"), ("1700", "ATL travel & living")]),
                ("2000", "Production crew", "btl", [("2100", "Production staff"), ("2200", "Assistant directors"),
                    ("2300", "Camera crew"), ("2400", "Grip crew"), ("2500", "Electric crew"), ("2600", "Sound crew"),
                    ("2700", "Art department crew"), ("2800", "Costume crew"), ("2900", "Hair & make-up crew")]),
                ("3000", "Production costs", "btl", [("3100", "Locations"), ("3200", "Studios & stages"),
                    ("3300", "Set construction"), ("3400", "Props & dressing"), ("3500", "Wardrobe & make-up materials"),
                    ("3600", "Camera equipment"), ("3700", "Lighting & grip equipment"), ("3800", "Sound equipment"),
                    ("3900", "Transport"), ("3910", "Catering"), ("3920", "Travel & accommodation"),
                    ("3930", "Supporting artists"), ("3940", "Health & safety"), ("3950", "Media & data")]),
                ("4000", "Post-production", "btl", [("4100", "Editing"), ("4200", "Music"), ("4300", "Sound post"),
                    ("4400", "VFX & titles"), ("4500", "Grade & online"), ("4600", "Deliverables")]),
                ("5000", "Other costs", "btl", [("5100", "Insurance"), ("5200", "Legal & clearances"),
                    ("5300", "Office & overheads"), ("5400", "Publicity & festivals"), ("5900", "Contingency")]),
            ]
        case .commercial:
            return [
                ("L", "Director & creative fees", "atl", [("L1", "Director fee"), ("L2", "Creative fees")]),
                ("M", "Talent", "atl", [("M1", "Principal talent"), ("M2", "Extras"), ("M3", "Usage & buy-outs")]),
                ("N", "Talent expenses", "atl", [("N1", "Talent travel, wardrobe & expenses")]),
                ("A", "Pre-production & wrap crew", "btl", [("A1", "Pre-production & wrap crew")]),
                ("B", "Shooting crew", "btl", [("B1", "Shooting crew"), ("B2", "Overtime")]),
                ("C", "Pre-production & wrap expenses", "btl", [("C1", "Pre-production & wrap expenses")]),
                ("D", "Location & travel", "btl", [("D1", "Location fees & permits"), ("D2", "Travel, hotels & per diems"),
                    ("D3", "Vehicles"), ("D4", "Catering")]),
                ("E", "Props, wardrobe & animals", "btl", [("E1", "Props"), ("E2", "Wardrobe"), ("E3", "Animals & handlers")]),
                ("F", "Studio rental & expenses", "btl", [("F1", "Studio rental & expenses")]),
                ("G", "Art department labour", "btl", [("G1", "Art department labour")]),
                ("H", "Art department expenses", "btl", [("H1", "Set construction & dressing")]),
                ("I", "Equipment rental", "btl", [("I1", "Camera"), ("I2", "Lighting & grip"), ("I3", "Sound & other")]),
                ("J", "Media", "btl", [("J1", "Media, data & storage")]),
                ("K", "Miscellaneous", "btl", [("K1", "Insurance"), ("K2", "Miscellaneous")]),
                ("O", "Editorial & post-production", "btl", [("O1", "Editorial"), ("O2", "Grade, VFX & finishing"),
                    ("O3", "Music & sound design")]),
            ]
        }
    }

    /// The `category add` and `account add` lines this chart needs in `model`: codes the
    /// production already has are left as they are and listed in `kept`.
    public func commands(for model: Model) -> (lines: [String], kept: [String]) {
        var lines: [String] = [], kept: [String] = []
        for s in sections {
            if model.categoryIDByCode[s.code] != nil {
                kept.append("category \(s.code)")
            } else {
                lines.append(LineGrammar.line(noun: "category", verb: "add", pairs: [("code", s.code), ("name", s.name), ("line", s.line)]))
            }
            for (code, name) in s.accounts {
                if model.accountIDByCode[code] != nil { kept.append("account \(code)"); continue }
                lines.append(LineGrammar.line(noun: "account", verb: "add", pairs: [("code", code), ("category", s.code), ("description", name)]))
            }
        }
        return (lines, kept)
    }
}
