import ArgumentParser

/// `coord import ...`: scripts and schedules from other programs, as journal changes.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a script, schedule, crew list or cost sheet into a journal (all or nothing).",
        subcommands: [ImportFountain.self, ImportFDX.self, ImportUSS.self, ImportCrew.self, ImportCosts.self])
}

/// `coord export ...`: the production in other programs' formats.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the production in another program's format.",
        subcommands: [ExportUSS.self, ExportICal.self, ExportCrew.self, ExportVCard.self, ExportCosts.self, ExportLedger.self])
}
