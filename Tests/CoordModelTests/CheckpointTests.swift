import Foundation
import Testing
@testable import CoordModel

/// Every stored property of two models, compared exactly (order of records included).
func sameState(_ a: Model, _ b: Model) -> Bool {
    a.production == b.production && a.boards == b.boards && a.days == b.days && a.strips == b.strips
        && a.banners == b.banners && a.calendar == b.calendar && a.crew == b.crew && a.kit == b.kit
        && a.bookings == b.bookings && a.locations == b.locations && a.calls == b.calls && a.safety == b.safety
        && a.travel == b.travel && a.callSheets == b.callSheets && a.progress == b.progress
        && a.categories == b.categories && a.accounts == b.accounts && a.budgetLines == b.budgetLines
        && a.approvals == b.approvals && a.transfers == b.transfers && a.costs == b.costs
        && a.estimates == b.estimates && a.clearances == b.clearances && a.clearanceLog == b.clearanceLog
        && a.usedIDs == b.usedIDs && a.nounOf == b.nounOf && a.removedNouns == b.removedNouns && a.accountIDByCode == b.accountIDByCode
        && a.categoryIDByCode == b.categoryIDByCode && a.commitmentByPO == b.commitmentByPO
        && a.costCountByCode == b.costCountByCode && a.bookingAt == b.bookingAt
        && a.totals == b.totals && a.bookingsOf == b.bookingsOf
}

@Suite struct CheckpointTests {
    static let extra = [
        "crew add id=gone1 name=Temp", "crew rm id=gone1", "account set id=a2100 code=2150",
        "strip move id=s3 day=d2", "board add id=b2 name=Alt", "cost set id=k001 paid=yes",
    ].map { $0 + " # 2027-03-01T10:00:00Z jo" }

    static func demo() -> [UInt8] { Array((DemoJournal.text + "\n" + extra.joined(separator: "\n") + "\n").utf8) }

    @Test func aCheckpointGivesBackExactlyTheModelThatReplayingBuilt() throws {
        let model = try JournalReader.replay(Self.demo(), path: "demo").model
        let bytes = Checkpoint.encode(model)
        let again = try bytes.withUnsafeBytes { try Checkpoint.decode($0) }
        #expect(sameState(model, again))
        #expect(again.boards["main"]?.items == model.boards["main"]?.items && !(model.boards["main"]?.items.isEmpty ?? true))
        // Generated productions exercise the cost and schedule tables at size.
        let costs = try JournalReader.replay(Array(CostGenerator.journal(entries: 3000, accounts: 40).utf8), path: "c").model
        #expect(sameState(costs, try Checkpoint.encode(costs).withUnsafeBytes { try Checkpoint.decode($0) }))
    }

    @Test func everyStoredPropertyIsInTheCheckpoint() {
        // A new property of Model, or of a record outside its fields, would be lost by a
        // checkpoint: these counts make adding one fail here until the codec writes it.
        #expect(Mirror(reflecting: Model()).children.count == Checkpoint.modelProperties)
        func check<R: Record>(_ r: R, extra: Int = 0) {
            let n = Mirror(reflecting: r).children.count
            #expect(n == R.fields.count + 1 + extra, "\(R.self) has \(n) stored properties")
        }
        check(Production(id: "production")) // its id is always "production"
        check(Board(id: "b"), extra: 1) // items: its running order
        check(ShootDay(id: "x")); check(Strip(id: "x")); check(Banner(id: "x")); check(CalendarEntry(id: "x"))
        check(CrewMember(id: "x")); check(Kit(id: "x")); check(Booking(id: "x")); check(Location(id: "x"))
        check(CallTime(id: "x")); check(SafetyNote(id: "x")); check(Travel(id: "x")); check(CallSheetIssue(id: "x"))
        check(DayProgress(id: "x")); check(Category(id: "x")); check(Account(id: "x")); check(BudgetLine(id: "x"))
        check(Approval(id: "x")); check(Transfer(id: "x")); check(CostEntry(id: "x")); check(Estimate(id: "x"))
        check(Clearance(id: "x")); check(ClearanceLog(id: "x"))
    }

    @Test func anOpenStartsFromTheCheckpointAndReplaysOnlyWhatCameAfter() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/show.journal", store = CheckpointStore(directory: dir + "/cache")
        var bytes = Self.demo()
        writeText(path, String(decoding: bytes, as: UTF8.self))
        let cold = try JournalReader.load(bytes, path: path, checkpoints: store)
        #expect(cold.checkpoint == nil && cold.replayedBytes == bytes.count)
        let l = cold.loaded
        store.save(l.model, mark: .init(length: l.goodLength, lines: l.lines, changes: l.changes), for: path, bytes: bytes)
        #expect(FileManager.default.fileExists(atPath: store.file(for: path)))

        // Lines added since: only they are replayed, and the model is the one a full replay builds.
        bytes += Array("crew add id=late1 name=\"Late Arrival\" role=Runner # 2027-03-02T08:00:00Z jo\ncrew set id=late1 role=Driver # 2027-03-02T08:01:00Z jo\n".utf8)
        let warm = try JournalReader.load(bytes, path: path, checkpoints: store)
        #expect(warm.checkpoint?.length == l.goodLength && warm.replayedBytes == bytes.count - l.goodLength)
        let full = try JournalReader.replay(bytes, path: path)
        #expect(sameState(warm.loaded.model, full.model))
        #expect(warm.loaded.lines == full.lines && warm.loaded.changes == full.changes && warm.loaded.goodLength == full.goodLength)

        // A bad line after the checkpoint is named by its line in the whole file.
        let bad = bytes + Array("crew set id=nobody role=X # 2027-03-02T09:00:00Z jo\n".utf8)
        #expect(throws: JournalError.badLine(path: path, line: full.lines + 1, column: 10, message: "no crew with id nobody")) {
            try JournalReader.load(bad, path: path, checkpoints: store)
        }
        // So is a torn tail, with its offset in the whole file.
        let torn = bytes + Array("crew add id=half".utf8)
        let t = try JournalReader.load(torn, path: path, checkpoints: store)
        #expect(t.loaded.torn?.line == full.lines + 1 && t.loaded.torn?.offset == bytes.count)
    }

    @Test func aJournalChangedBeforeTheMarkOrADamagedCheckpointIsReplayedInFull() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/show.journal", store = CheckpointStore(directory: dir + "/cache")
        let bytes = Self.demo()
        writeText(path, String(decoding: bytes, as: UTF8.self))
        let l = try JournalReader.replay(bytes, path: path)
        let mark = CheckpointStore.Mark(length: l.goodLength, lines: l.lines, changes: l.changes)
        store.save(l.model, mark: mark, for: path, bytes: bytes)
        #expect(try JournalReader.load(bytes, path: path, checkpoints: store).checkpoint != nil)

        // An edit by hand (or a git merge) inside what the checkpoint covers, same length.
        var edited = bytes
        let at = edited.firstIndex(of: UInt8(ascii: "\n"))! + 40
        edited[at] = edited[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        let o = try? JournalReader.load(edited, path: path, checkpoints: store)
        #expect(o == nil || o?.checkpoint == nil, "a changed journal is never read through an old checkpoint")
        // A shorter journal than the checkpoint covers.
        #expect(try JournalReader.load(Array(bytes.prefix(200)), path: path, checkpoints: store).checkpoint == nil)

        // Damage to the checkpoint itself: every byte flipped in turn at a few places, and cut short.
        let file = store.file(for: path)
        let good = try #require(FileManager.default.contents(atPath: file))
        for cut in [good.count / 2, good.count - 1, 70, 10] {
            try good.prefix(cut).write(to: URL(fileURLWithPath: file))
            #expect(try JournalReader.load(bytes, path: path, checkpoints: store).checkpoint == nil)
        }
        for i in stride(from: 9, to: good.count, by: max(1, good.count / 37)) {
            var d = good
            d[i] ^= 0x20
            try d.write(to: URL(fileURLWithPath: file))
            let o = try JournalReader.load(bytes, path: path, checkpoints: store)
            #expect(sameState(o.loaded.model, l.model), "byte \(i)")
        }
    }

    @Test func checkpointsOfJournalsThatAreGoneAreClearedAway() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = CheckpointStore(directory: dir + "/cache")
        let bytes = Self.demo()
        let l = try JournalReader.replay(bytes, path: "x")
        let mark = CheckpointStore.Mark(length: l.goodLength, lines: l.lines, changes: l.changes)
        for name in ["a", "b"] {
            writeText(dir + "/\(name).journal", String(decoding: bytes, as: UTF8.self))
            store.save(l.model, mark: mark, for: dir + "/\(name).journal", bytes: bytes)
        }
        try FileManager.default.removeItem(atPath: dir + "/a.journal")
        store.save(l.model, mark: mark, for: dir + "/b.journal", bytes: bytes)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")
        #expect(left.count == 1 && left[0].hasPrefix("b.journal-"))
    }
}
