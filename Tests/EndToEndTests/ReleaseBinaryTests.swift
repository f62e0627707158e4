import Foundation
import XCTest

/// Keeping ICU out of the program (29 MB instead of 78 MB, about 4 MiB less memory at every
/// start) is a rule the compiler does not enforce: one use of `DateFormatter`, `Bundle`,
/// `NSString` or `String(format:)` links all of Foundation's internationalisation. This
/// builds the program as it ships (release, static Swift standard library, its own build
/// folder) and looks for ICU and FoundationInternationalization among its symbols.
final class ReleaseBinaryTests: XCTestCase {
    func testTheReleaseBinaryLinksNoICU() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let scratch = root + "/.build-release-check"
        let arguments = [
            "swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "cardguide",
            "--scratch-path", scratch,
        ]
        var build = try Self.run("/usr/bin/env", arguments, in: root)
        if build.status != 0, build.output.contains("unknown build description") {
            // SwiftPM 6.3 sometimes refuses to rebuild in an existing folder; dropping its
            // cached build plan (not the objects) helps, as in Benchmarks/run.sh.
            try? FileManager.default.removeItem(atPath: scratch + "/release.yaml")
            build = try Self.run("/usr/bin/env", arguments, in: root)
        }
        XCTAssertEqual(build.status, 0, "release build failed:\n\(build.output.suffix(3000))")
        guard build.status == 0 else { return }
        let binary = scratch + "/release/cardguide"
        let symbols = try Self.run("/usr/bin/env", ["nm", binary], in: root)
        XCTAssertEqual(symbols.status, 0, symbols.output.suffix(1000).description)
        let names = symbols.output.split(separator: "\n")
        XCTAssertGreaterThan(names.count, 1000, "nm read the binary's symbol table")
        let international = names.filter {
            $0.contains("FoundationInternationalization")
                || $0.range(of: #"icu_\d+"#, options: .regularExpression) != nil
        }
        XCTAssertEqual(
            international.count, 0,
            "ICU is linked in; first symbols:\n"
                + international.prefix(5).joined(separator: "\n"))
        let size = try FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int ?? 0
        XCTAssertLessThan(
            size, 45_000_000, "the program grew to \(size) bytes: ICU adds about 50 MB")
    }

    private static func run(_ executable: String, _ arguments: [String], in folder: String) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("cardguide-release-check-\(getpid()).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }
}
