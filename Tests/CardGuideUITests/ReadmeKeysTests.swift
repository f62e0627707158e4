import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideUI

/// The README's key table against the keymaps (the help overlay is checked against them in
/// KeymapTests): every key the README names is bound, and every binding has a key in it.
final class ReadmeKeysTests: XCTestCase {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    /// Key names as the README writes them; a character in backticks is that character.
    static let names: [String: Key] = [
        "↑": .up, "↓": .down, "←": .left, "→": .right, "Enter": .enter, "Esc": .escape,
        "Backspace": .backspace, "Del": .delete, "Space": .char(" "), "Tab": .tab,
        "Shift-Tab": .backTab,
        "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home, "End": .end, "Ctrl-U": .ctrl("u"),
        "Ctrl-W": .ctrl("w"),
    ]

    /// The first cell of each row of the table under "| key | what it does |", as keys.
    static func readmeKeys(file: StaticString = #filePath, line: UInt = #line) throws -> [(
        row: String, keys: [Key]
    )] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try XCTUnwrap(
            lines.firstIndex(of: "| key | what it does |"), "no key table in the README",
            file: file, line: line)
        var rows: [(String, [Key])] = []
        for row in lines[(start + 2)...] {
            guard row.hasPrefix("| ") else { break }
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            var keys: [Key] = []
            for token in (cells.first ?? "").split(whereSeparator: { " ,".contains($0) }).map(
                String.init)
            {
                if token == "or" { continue }
                if token.count == 3, token.first == "`", token.last == "`" {
                    keys.append(.char(token.dropFirst().first!))
                } else if let key = names[token] {
                    keys.append(key)
                } else {
                    XCTFail(
                        "README key table, row '\(row)': unknown key name '\(token)'", file: file,
                        line: line)
                }
            }
            rows.append((row, keys))
        }
        return rows
    }

    static var everyBinding: [(context: KeyContext, binding: Binding)] {
        KeyContext.allCases.flatMap { context in Keymap.bindings(context).map { (context, $0) } }
    }

    func testEveryKeyTheReadmeNamesIsBound() throws {
        let bound = Set(Self.everyBinding.flatMap(\.binding.keys))
        for (row, keys) in try Self.readmeKeys() {
            XCTAssertFalse(keys.isEmpty, "a README row names no key: \(row)")
            for key in keys {
                XCTAssertTrue(
                    bound.contains(key),
                    "the README names \(key.label), which no screen binds: \(row)")
            }
        }
    }

    func testEveryBindingHasAKeyInTheReadme() throws {
        let documented = Set(try Self.readmeKeys().flatMap(\.keys))
        for (context, binding) in Self.everyBinding {
            XCTAssertTrue(
                binding.keys.contains { documented.contains($0) },
                "\(context): \(binding.label) (\(binding.hint.en)) is not in the README's key table"
            )
        }
    }
}
