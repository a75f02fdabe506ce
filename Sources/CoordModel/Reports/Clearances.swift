extension Model {
    /// Items not yet settled (cleared, substituted or not needed), by the scene numbers they are used in.
    public func unclearedByScene() -> [String: [Clearance]] {
        var out: [String: [Clearance]] = [:]
        for c in clearances.values where !c.isSettled {
            for sc in c.sceneList { out[sc, default: []].append(c) }
        }
        return out
    }

    /// What is still committed on a cleared item's fee: the fee less the actual costs quoting its PO.
    public func openFee(_ c: Clearance) -> Money {
        guard c.commitsFee else { return .zero }
        let invoiced = c.po.isEmpty ? Money.zero
            : costs.values.reduce(Money.zero) { $0 + (!$1.isCommitment && $1.po == c.po ? $1.homeAmount : .zero) }
        let open = (c.fee ?? .zero) - invoiced
        return open.isNegative ? .zero : open
    }

    /// Cleared licences that run out within the production's warning window (or have run out).
    public func expiringClearances(today: CalendarDate) -> [Clearance] {
        clearances.values.filter { $0.isExpiring(today: today, within: production.expiryWarningDays) }
    }

    /// A clearance's correspondence, oldest first.
    public func log(of item: RecordID) -> [ClearanceLog] {
        clearanceLog.values.filter { $0.item == item.raw }.sorted { ($0.date ?? CalendarDate(dayNumber: 0)) < ($1.date ?? CalendarDate(dayNumber: 0)) }
    }

    /// `coord report clearances`: the clearance log an E&O insurer or a broadcaster asks for.
    public func clearancesReport(status: String? = nil, today: CalendarDate) -> ReportTable {
        let sym = production.currencySymbol
        let items = clearances.values.filter { status == nil || $0.status == status }
        let rows = items.map { c -> [String] in
            var flags: [String] = []
            if c.isOverdue(today: today) { flags.append("OVERDUE") }
            if c.isExpiring(today: today, within: production.expiryWarningDays) { flags.append("EXPIRING") }
            if !c.narrowerRights.isEmpty { flags.append("NARROWER: " + c.narrowerRights.joined(separator: "; ")) }
            let requested = [c.media, c.territory, c.term, c.exclusivity].filter { !$0.isEmpty }.joined(separator: " / ")
            let granted = [c.grantedMedia, c.grantedTerritory, c.grantedTerm, c.grantedExclusivity].filter { !$0.isEmpty }.joined(separator: " / ")
            return [c.id.raw, c.title, c.type, c.scenes, c.licensor, c.status, requested, granted,
                    c.fee.map { sym + $0.grouped } ?? "", c.account, c.due?.description ?? "", c.cleared?.description ?? "",
                    c.expiry?.description ?? "", c.document, flags.joined(separator: ", ")]
        }
        return ReportTable(header: ["id", "title", "type", "scenes", "rights holder", "status", "requested (media / territory / term)",
                                    "granted", "fee", "account", "due", "cleared", "expiry", "document", "flags"],
                           rows: rows)
    }

    /// One music cue: the song (sync) and its recording (master) under one cue number.
    public struct Cue: Sendable, Equatable {
        public var cue: String
        public var title: String
        public var writers: String
        public var publisher: String
        public var pro: String
        public var label: String
        public var usage: String
        public var tcIn: String
        public var tcOut: String
        public var frames: Int?
        public var status: String
    }

    /// The music cue sheet: cues in timecode order (then by cue number), sync and master items merged.
    public func cueSheet() -> [Cue] {
        var byCue: [String: Cue] = [:]
        var order: [String] = []
        for c in clearances.values where c.isMusic {
            let key = c.cue.isEmpty ? "#" + c.id.raw : c.cue
            var cue = byCue[key] ?? Cue(cue: c.cue, title: "", writers: "", publisher: "", pro: "", label: "", usage: "",
                                        tcIn: "", tcOut: "", frames: nil, status: "")
            if byCue[key] == nil { order.append(key) }
            if c.type == "sync" || cue.title.isEmpty { cue.title = Model.songTitle(c.title) }
            if !c.writers.isEmpty { cue.writers = c.writers }
            if c.type == "sync" { cue.publisher = c.publisher.isEmpty ? c.licensor : c.publisher }
            if !c.pro.isEmpty { cue.pro = c.pro }
            if c.type == "master" { cue.label = c.licensor }
            if !c.usage.isEmpty { cue.usage = c.usage }
            if !c.tcIn.isEmpty { cue.tcIn = c.tcIn; cue.tcOut = c.tcOut; cue.frames = durationFrames(c) }
            cue.status = cue.status.isEmpty ? c.status : cue.status == c.status ? c.status : "\(cue.status) + \(c.status)"
            byCue[key] = cue
        }
        let base = production.timecodeBase
        return order.compactMap { byCue[$0] }.sorted { a, b in
            let fa = Timecode.frames(a.tcIn, base: base) ?? Int.max, fb = Timecode.frames(b.tcIn, base: base) ?? Int.max
            return fa != fb ? fa < fb : a.cue < b.cue
        }
    }

    /// `"The Keeper's Lament" - sync licence` → `The Keeper's Lament`: the song, without the licence words.
    static func songTitle(_ t: String) -> String {
        let chars = Array(t)
        // A quoted name is the song: `"Pendeen Boys" (trad. arr.)`.
        if chars.first == "\"", let close = chars.dropFirst().firstIndex(of: "\""), close > 1 {
            return String(chars[1..<close])
        }
        var end = chars.count
        for i in 0..<max(0, chars.count - 2) where chars[i] == " " && chars[i + 1] == "-" && chars[i + 2] == " " { end = i; break }
        return String(chars[..<end]).trimmingWhitespace().trimmingCharacters(in: "\"")
    }

    /// `coord report cuesheet`: one row per cue, and the total music duration.
    public func cueSheetReport() -> ReportTable {
        let base = production.timecodeBase
        let cues = cueSheet()
        var rows = cues.map { c in
            [c.cue, c.title, c.writers, c.publisher, c.pro, c.label, c.usage, c.tcIn, c.tcOut,
             c.frames.map { Timecode.minutes($0, base: base) } ?? "", c.status]
        }
        let total = cues.compactMap(\.frames).reduce(0, +)
        rows.append(["", "Total music", "", "", "", "", "", "", "", Timecode.minutes(total, base: base), "\(cues.count) cues"])
        return ReportTable(header: ["cue", "title", "composer/writers", "publisher", "PRO", "master (label)", "usage",
                                    "tc in", "tc out", "duration", "status"], rows: rows, rightAligned: [9])
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
