extension Model {
    /// Rules across fields for clearances and their correspondence log.
    func checkClearance(_ noun: Noun, _ verb: Verb, id: RecordID?, given: [String: (FieldInfo, FieldValue)]) throws(CommandError) {
        guard verb != .rm else { return }
        func text(_ key: String, _ current: String?) -> String {
            if let v = given[key]?.1 { return v.journalText }
            return current ?? ""
        }
        switch noun {
        case .log:
            let item = text("item", id.flatMap { clearanceLog[$0] }?.item)
            if given["item"] != nil, nounOf[RecordID(item)] != .clearance {
                throw CommandError("item: no clearance with id \(item)", key: "item")
            }
        case .clearance:
            let current = id.flatMap { clearances[$0] }
            let base = production.timecodeBase
            for key in ["tcin", "tcout"] {
                if case .text(let tc)? = given[key]?.1, Timecode.frames(tc, base: base) == nil {
                    throw CommandError("\(key): '\(tc)' is not a timecode (HH:MM:SS:FF, frames 00-\(base - 1) at \(production.fps.isEmpty ? "25" : production.fps) fps)", key: key)
                }
            }
            let tcIn = text("tcin", current?.tcIn), tcOut = text("tcout", current?.tcOut)
            if let a = Timecode.frames(tcIn, base: base), let b = Timecode.frames(tcOut, base: base), b < a {
                throw CommandError("tcout \(tcOut) is before tcin \(tcIn)", key: "tcout")
            }
            let po = text("po", current?.po)
            if given["po"] != nil, !po.isEmpty, let other = commitmentByPO[po] {
                throw CommandError("PO \(po) is already open as cost \(other): the clearance's fee is its own commitment, use another PO number", key: "po")
            }
            if text("status", current?.status) == "cleared", text("minor", current?.minor) == "yes",
               text("chaperone", current?.chaperone).isEmpty || text("document", current?.document).isEmpty {
                throw CommandError("a minor's release is cleared only with a chaperone (chaperone=...) and the child performance licence's reference (document=...)",
                                   key: text("chaperone", current?.chaperone).isEmpty ? "chaperone" : "document")
            }
        default:
            break
        }
    }
}
