// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CardGuide",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cardguide", targets: ["cardguide"]),
        .executable(name: "cardguide-bench", targets: ["cardguide-bench"]),
        .library(name: "CardGuideCore", targets: ["CardGuideCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // Pure: content model, reader and validator over bytes, the cache's encoding, progress,
        // search, session model and coding, export text, text width. No file, environment or
        // clock; its only threads share out computation over bytes already in memory.
        .target(name: "CardGuideCore", path: "Sources/CardGuideCore"),
        // Effects beside the core: files opened without following links, the session store,
        // the content folder and its private cache, hand-out files, environment, clock.
        .target(
            name: "CardGuideStorage", dependencies: ["CardGuideCore"],
            path: "Sources/CardGuideStorage"),
        // Ships the top-level Resources/content pack. SwiftPM resources must live inside a
        // target's folder, so this one target takes the package root as its folder and
        // compiles only its own source file; everything else at the root is excluded.
        .target(
            name: "CardGuideContent",
            path: ".",
            exclude: [
                "Sources/CardGuideCore", "Sources/CardGuideStorage", "Sources/CardGuideUI",
                "Sources/CCurses", "Sources/CQRCode", "Sources/CursesBackend", "Sources/cardguide",
                "Tests", "README.md", "Resources/FORMAT.md",
                ".ci", "Benchmarks", "Sources/cardguide-bench",
            ],
            sources: ["Sources/CardGuideContent"],
            resources: [.copy("Resources/content")]
        ),
        // Pure UI: state, actions, update, keymaps, view into a cell grid, grid diff. It sees
        // the core only, never storage: effects are the program's.
        .target(name: "CardGuideUI", dependencies: ["CardGuideCore"], path: "Sources/CardGuideUI"),
        // C: ncursesw with NCURSES_WIDECHAR, shims, terminal restore on signals.
        .target(
            name: "CCurses", path: "Sources/CCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        // C: libqrencode, loaded with dlopen only when a code is first shown; optional.
        .target(name: "CQRCode", path: "Sources/CQRCode", linkerSettings: [.linkedLibrary("dl")]),
        // The terminal: draws the UI's grid with ncurses, restores the terminal, and sends
        // stderr to a crash log it opens through storage (no link followed, owner only).
        .target(
            name: "CursesBackend", dependencies: ["CCurses", "CardGuideUI", "CardGuideStorage"],
            path: "Sources/CursesBackend"),
        .executableTarget(
            name: "cardguide",
            dependencies: [
                "CardGuideCore", "CardGuideStorage", "CardGuideContent", "CardGuideUI",
                "CursesBackend", "CQRCode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/cardguide"
        ),
        // The benchmark: start-up and bytes in a pty, per-key work, load, search, save (Benchmarks/run.sh).
        .executableTarget(
            name: "cardguide-bench",
            dependencies: [
                "CardGuideCore", "CardGuideStorage", "CardGuideUI", "CardGuideContent",
                "TestSupport",
            ],
            path: "Sources/cardguide-bench"
        ),
        // A test tool: saves a session file in a loop for the SIGKILL and file-size tests.
        .executableTarget(
            name: "cardguide-save-loop", dependencies: ["CardGuideCore", "CardGuideStorage"],
            path: "Tests/SaveLoop"),
        // A developer's tool: prints the screen a key script leads to, without a terminal.
        .executableTarget(
            name: "cardguide-screen",
            dependencies: [
                "CardGuideCore", "CardGuideStorage", "CardGuideContent", "CardGuideUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/ScreenDump"),
        // A test tool: drives the ncurses backend alone inside tmux for CursesBackendTests.
        .executableTarget(
            name: "cardguide-probe",
            dependencies: ["CardGuideCore", "CardGuideStorage", "CursesBackend", "CardGuideUI"],
            path: "Tests/BackendProbe"),
        // What the test targets and the benchmark share: the seeded generator, the plain search.
        .target(name: "TestSupport", dependencies: ["CardGuideCore"], path: "Tests/TestSupport"),
        .testTarget(
            name: "CardGuideCoreTests",
            dependencies: ["CardGuideCore", "CardGuideStorage", "CardGuideContent", "TestSupport"],
            path: "Tests/CardGuideCoreTests"),
        .testTarget(
            name: "CardGuideUITests",
            dependencies: ["CardGuideUI", "CardGuideCore", "CardGuideStorage", "CardGuideContent"],
            path: "Tests/CardGuideUITests", exclude: ["__Snapshots__"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "CardGuideCore", "CardGuideStorage", "CardGuideUI", "CursesBackend", "TestSupport",
            ],
            path: "Tests/EndToEndTests"),
        // The backend's pure parts (keys, palette) and the width agreement with the C library.
        .testTarget(
            name: "BackendTests",
            dependencies: ["CCurses", "CardGuideCore", "CardGuideUI", "CursesBackend"],
            path: "Tests/BackendTests"),
        .testTarget(
            name: "TortureTests",
            dependencies: [
                "CardGuideUI", "CardGuideCore", "CardGuideStorage", "CardGuideContent",
                "TestSupport",
            ],
            path: "Tests/TortureTests"),
    ]
)
