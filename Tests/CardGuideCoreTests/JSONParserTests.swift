import XCTest

@testable import CardGuideCore

final class JSONParserTests: XCTestCase {
    // MARK: Valid documents

    func testParsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            #" { "s": "text", "n": -12.5e1, "i": 0, "t": true, "f": false, "z": null, "a": [1, [], {}] } "#
        )
        XCTAssertEqual(
            value,
            .object([
                ("s", .string("text")), ("n", .number(-125)), ("i", .number(0)), ("t", .bool(true)),
                ("f", .bool(false)), ("z", .null),
                ("a", .array([.number(1), .array([]), .object([])])),
            ]))
    }

    func testNumbers() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", 0), ("7", 7), ("-3", -3), ("1.25", 1.25), ("1e3", 1000),
            ("2E-2", 0.02), ("-4.5e+1", -45), ("10", 10), ("0.5", 0.5),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try JSONParser.parse(text), .number(expected), text)
        }
    }

    func testKeepsKeyOrderAndDuplicateKeys() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#)
        guard case .object(let members) = value else { return XCTFail("not an object: \(value)") }
        XCTAssertEqual(members.map(\.key), ["z", "a", "m", "a"])
        // The subscript answers the first occurrence; the content reader reports the second.
        XCTAssertEqual(value["a"], .number(2))
        XCTAssertNil(value["missing"])
        XCTAssertNil(JSONValue.array([])["a"])
    }

    func testObjectsWithDifferentKeyOrderAreDifferent() throws {
        XCTAssertNotEqual(
            try JSONParser.parse(#"{"a": 1, "b": 2}"#), try JSONParser.parse(#"{"b": 2, "a": 1}"#))
    }

    func testSimpleEscapes() throws {
        XCTAssertEqual(
            try JSONParser.parse(#""q\" b\\ s\/ \b\f\n\r\t""#),
            .string("q\" b\\ s/ \u{8}\u{C}\n\r\t"))
    }

    func testUnicodeEscapes() throws {
        XCTAssertEqual(
            try JSONParser.parse(#""\u00e9\u00C9 \u4e2d\u6587 \u0041""#), .string("éÉ 中文 A"))
        // A \u0000 escape is a valid character, unlike a raw control byte.
        XCTAssertEqual(try JSONParser.parse(#""a\u0000b""#), .string("a\u{0}b"))
    }

    func testSurrogatePairs() throws {
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try JSONParser.parse(#""x\uD83C\uDDEB\uD83C\uDDF7y""#), .string("x🇫🇷y"))
        XCTAssertEqual(try JSONParser.parse(#""\ud840\udc0b""#), .string("\u{2000B}"))
    }

    func testUnpairedSurrogatesAreErrors() {
        // A high surrogate followed by anything but a low surrogate escape.
        assertError(#"["\ud83d"]"#, line: 1, column: 9, "unpaired surrogate in \\u escape")
        assertError(#"["\ud83dx"]"#, line: 1, column: 9, "unpaired surrogate in \\u escape")
        assertError(#"["\ud83d\u0041"]"#, line: 1, column: 15, "unpaired surrogate in \\u escape")
        // A lone low surrogate.
        assertError(#"["\ude00"]"#, line: 1, column: 9, "unpaired surrogate in \\u escape")
    }

    func testRawUTF8IsKept() throws {
        XCTAssertEqual(
            try JSONParser.parse(#"{"名字": "社保卡 carte Vitale 😀"}"#),
            .object([("名字", .string("社保卡 carte Vitale 😀"))]))
    }

    func testByteOrderMarkIsAccepted() throws {
        XCTAssertEqual(
            try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": [1]}"#.utf8)),
            .object([("a", .array([.number(1)]))]))
    }

    func testWhitespaceAroundTheValue() throws {
        XCTAssertEqual(try JSONParser.parse(" \t\r\n true \n\n"), .bool(true))
    }

    func testNestingUpToTheLimitIsAccepted() throws {
        let depth = JSONParser.maxDepth
        var value = try JSONParser.parse(
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            guard let first = elements.first else { break }
            value = first
        }
        XCTAssertEqual(levels, depth)
    }

    // MARK: Errors, with exact line and column

    func testTrailingCommaInObject() {
        assertError(#"{"a": 1,}"#, line: 1, column: 9, "expected a quoted key")
        assertError("{\n  \"a\": 1,\n}", line: 3, column: 1, "expected a quoted key")
    }

    func testTrailingCommaInArray() {
        assertError("[1, 2,]", line: 1, column: 7, "unexpected character ']'")
        assertError("[\n  1,\n  2,\n]", line: 4, column: 1, "unexpected character ']'")
    }

    func testMissingColon() {
        assertError("{\n  \"a\": 1,\n  \"b\" 2\n}", line: 3, column: 7, "expected ':' after a key")
    }

    func testMissingCommaOrBracket() {
        assertError(#"{"a": 1 "b": 2}"#, line: 1, column: 9, "expected ',' or '}' in an object")
        assertError("[1 2]", line: 1, column: 4, "expected ',' or ']' in an array")
    }

    func testKeyMustBeAString() {
        assertError("{a: 1}", line: 1, column: 2, "expected a quoted key")
        assertError("{1: 1}", line: 1, column: 2, "expected a quoted key")
    }

    func testUnterminatedString() {
        // Reported where the string starts, which is where the reader has to look.
        assertError(#"{"a": "abc"#, line: 1, column: 7, "unterminated string")
        assertError("[\n  \"ok\",\n  \"open", line: 3, column: 3, "unterminated string")
        assertError(#"["abc\"#, line: 1, column: 7, "unterminated escape")
    }

    func testInvalidEscape() {
        assertError(#"["a\x"]"#, line: 1, column: 4, "invalid escape '\\x'")
        assertError("{\n\"k\": \"tab\\ttab \\q\"}", line: 2, column: 16, "invalid escape '\\q'")
        assertError(#"["\u12G4"]"#, line: 1, column: 7, "invalid hex digit in \\u escape")
        assertError(#"["\u12"#, line: 1, column: 5, "truncated \\u escape")
    }

    func testLeadingZero() {
        assertError("[01]", line: 1, column: 2, "leading zero in a number")
        assertError("[-007]", line: 1, column: 2, "leading zero in a number")
        assertError("{\n  \"version\": 00\n}", line: 2, column: 14, "leading zero in a number")
    }

    func testOtherInvalidNumbers() {
        assertError("[-]", line: 1, column: 2, "invalid number")
        assertError("[1.]", line: 1, column: 2, "invalid number")
        assertError("[1e]", line: 1, column: 2, "invalid number")
        assertError("[.5]", line: 1, column: 2, "unexpected character '.'")
        assertError("[+1]", line: 1, column: 2, "unexpected character '+'")
    }

    func testControlCharacterInString() {
        assertError("[\"a\tb\"]", line: 1, column: 4, "control character in a string (use \\n)")
        assertError(
            "{\"a\": \"line one\nline two\"}", line: 1, column: 16,
            "control character in a string (use \\n)")
    }

    func testInvalidUTF8() {
        // A byte that is never UTF-8, inside a string: reported at the string's start.
        assertError(
            Array(#"{"a": "x"#.utf8) + [0xFF] + Array(#""}"#.utf8), line: 1, column: 7,
            "invalid UTF-8 in a string")
        // An overlong encoding of '/' and an encoded surrogate are not UTF-8 either.
        assertError(
            Array(#"[""#.utf8) + [0xC0, 0xAF] + Array(#""]"#.utf8), line: 1, column: 2,
            "invalid UTF-8 in a string")
        assertError(
            Array(#"[""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""]"#.utf8), line: 1, column: 2,
            "invalid UTF-8 in a string")
        // A truncated sequence in a key.
        assertError(
            Array(#"{""#.utf8) + [0xE4, 0xB8] + Array(#"": 1}"#.utf8), line: 1, column: 2,
            "invalid UTF-8 in a string")
        // Outside a string.
        assertError(
            [UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")], line: 1, column: 2,
            "unexpected character byte 0xff")
    }

    func testColumnsCountCharactersNotBytes() {
        // 中 and 文 take three bytes each but are one column each in an editor.
        assertError(#"["中文", 01]"#, line: 1, column: 8, "leading zero in a number")
        assertError("[\"é😀\"\n, \"中\" x]", line: 2, column: 7, "expected ',' or ']' in an array")
    }

    func testColumnsAfterAByteOrderMark() {
        // Editors do not show the mark: the column is counted from the first visible character.
        assertError(
            [0xEF, 0xBB, 0xBF] + Array("[01]".utf8), line: 1, column: 2, "leading zero in a number")
        assertError(
            [0xEF, 0xBB, 0xBF] + Array("{\n  \"a\" 1}".utf8), line: 2, column: 7,
            "expected ':' after a key")
    }

    func testByteOrderMarkOnlyAtTheStart() {
        assertError(
            Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("{}".utf8), line: 1, column: 2,
            "unexpected character byte 0xef")
    }

    func testNestingDeeperThanTheLimitIsAnErrorNotACrash() {
        let limit = JSONParser.maxDepth
        assertError(
            String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1),
            line: 1, column: limit + 1, "nesting deeper than \(limit) levels")
        assertError(
            String(repeating: #"{"a":"#, count: limit + 1) + "1"
                + String(repeating: "}", count: limit + 1),
            line: 1, column: limit * 5 + 1, "nesting deeper than \(limit) levels")
        // Far deeper than any stack could recurse: still a plain error.
        assertError(
            String(repeating: "[", count: 1_000_000), line: 1, column: limit + 1,
            "nesting deeper than \(limit) levels")
    }

    func testTruncatedFile() {
        assertError(#"{"a": [1, 2"#, line: 1, column: 12, "unexpected end of file in an array")
        assertError("{\"a\": 1,\n", line: 2, column: 1, "unexpected end of file in an object")
        assertError(#"{"a": 1"#, line: 1, column: 8, "unexpected end of file in an object")
        assertError(#"{"a":"#, line: 1, column: 6, "unexpected end of file")
        assertError(#"{"a""#, line: 1, column: 5, "expected ':' after a key")
        assertError("{", line: 1, column: 2, "unexpected end of file in an object")
        assertError("[tru", line: 1, column: 2, "invalid literal, expected 'true'")
        assertError("nul", line: 1, column: 1, "invalid literal, expected 'null'")
    }

    func testEmptyFile() {
        assertError("", line: 1, column: 1, "unexpected end of file")
        assertError("  \n\n ", line: 3, column: 2, "unexpected end of file")
        assertError([0xEF, 0xBB, 0xBF], line: 1, column: 1, "unexpected end of file")
    }

    func testTextAfterTheValue() {
        assertError("{} x", line: 1, column: 4, "unexpected text after the JSON value")
        assertError("{}\n{}", line: 2, column: 1, "unexpected text after the JSON value")
    }

    func testNotJSONAtAll() {
        assertError("# CardGuide\n", line: 1, column: 1, "unexpected character '#'")
        assertError("<html></html>", line: 1, column: 1, "unexpected character '<'")
        assertError("'single'", line: 1, column: 1, "unexpected character '''")
    }

    func testErrorDescriptionNamesLineAndColumn() {
        XCTAssertThrowsError(try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")) { error in
            XCTAssertEqual("\(error)", "line 3, column 7: expected ':' after a key")
        }
    }

    // MARK: Helpers

    private func assertError(
        _ text: String, line: Int, column: Int, _ message: String,
        file: StaticString = #filePath, fileLine: UInt = #line
    ) {
        assertError(
            Array(text.utf8), line: line, column: column, message, file: file, fileLine: fileLine)
    }

    private func assertError(
        _ bytes: [UInt8], line: Int, column: Int, _ message: String,
        file: StaticString = #filePath, fileLine: UInt = #line
    ) {
        do {
            let value = try JSONParser.parse(bytes)
            XCTFail("parsed without an error: \(value)", file: file, line: fileLine)
        } catch {
            XCTAssertEqual(
                error, JSONParseError(line: line, column: column, message: message), file: file,
                line: fileLine)
        }
    }
}
