// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Coord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "coord", targets: ["CoordTUI"]),
        .library(name: "CoordModel", targets: ["CoordModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // ncursesw, and a shim for what Swift cannot import (see docs/ARCHITECTURE.md).
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Domain, journal, reports. No curses, no terminal.
        .target(name: "CoordModel"),
        // Reading and writing other formats (Fountain, FDX, USS, iCalendar, CSV) as journal commands.
        .target(name: "CoordInterchange", dependencies: ["CoordModel"]),
        // Panes, forms, canvas and the action table. Draws into a Canvas; no curses.
        .target(name: "CoordUI", dependencies: ["CoordModel"]),
        // The `coord` executable: command line, app loop, and the one Terminal that talks to curses.
        .executableTarget(
            name: "CoordTUI",
            dependencies: [
                "CoordModel", "CoordUI", "CoordInterchange", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // swift-collections: OrderedDictionary is the reference RecordTable is tested against.
        .testTarget(name: "CoordModelTests", dependencies: ["CoordModel", .product(name: "Collections", package: "swift-collections")]),
        .testTarget(name: "CoordInterchangeTests", dependencies: ["CoordInterchange", "CoordModel"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CoordUITests", dependencies: ["CoordUI", "CoordModel"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
