import CardGuideCore
import Foundation
import TestSupport

/// Seeded mutations of JSON files, for the fuzz tests: byte-level damage (bit flips, inserted
/// and deleted bytes, truncation, invalid UTF-8, NUL bytes, byte-order marks) and damage to
/// the structure (a value of the wrong type, a duplicated key, a 1 MB string, 10,000 levels
/// of nesting, numbers no integer can hold).
struct Mutator {
    enum Kind: String, CaseIterable {
        case bitFlips, insertBytes, deleteBytes, truncate, invalidUTF8, nulBytes, byteOrderMark
        case swapType, duplicateKey, hugeString, deepNesting, oddNumber, replaceWhole, combined
    }

    /// How often each kind is picked. A 1 MB string is not picked at random: the tests ask
    /// for it on a fixed share of cases (it costs as much as a hundred small files).
    static let weights: [(Kind, Int)] = [
        (.bitFlips, 16), (.insertBytes, 8), (.deleteBytes, 8), (.truncate, 10), (.invalidUTF8, 10),
        (.nulBytes, 6),
        (.byteOrderMark, 4), (.swapType, 16), (.duplicateKey, 6), (.hugeString, 0),
        (.deepNesting, 3),
        (.oddNumber, 6), (.replaceWhole, 2), (.combined, 8),
    ]

    static func pickKind(_ random: inout SeededRandom) -> Kind {
        var roll = random.int(0..<weights.reduce(0) { $0 + $1.1 })
        for (kind, weight) in weights {
            if roll < weight { return kind }
            roll -= weight
        }
        return .bitFlips
    }

    /// `seed` (valid JSON bytes, and its parsed tree) damaged once by `kind`.
    static func mutate(_ seed: [UInt8], tree: JSONValue, kind: Kind, _ random: inout SeededRandom)
        -> [UInt8]
    {
        var bytes = seed
        switch kind {
        case .bitFlips:
            for _ in 0..<random.int(1...8) where !bytes.isEmpty {
                bytes[random.int(0..<bytes.count)] ^= UInt8(1) << UInt8(random.int(0...7))
            }
        case .insertBytes:
            for _ in 0..<random.int(1...4) {
                let chunk = (0..<random.int(1...16)).map { _ in
                    random.chance(0.5)
                        ? random.pick(Array("{}[]\",:\\ 0-1eE.tfn\n".utf8))
                        : UInt8(random.int(0...255))
                }
                bytes.insert(contentsOf: chunk, at: random.int(0...bytes.count))
            }
        case .deleteBytes:
            for _ in 0..<random.int(1...4) where !bytes.isEmpty {
                let start = random.int(0..<bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + random.int(1...16)))
            }
        case .truncate:
            bytes = Array(bytes.prefix(random.int(0..<max(1, bytes.count))))
        case .invalidUTF8:
            let sequences: [[UInt8]] = [
                [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE4, 0xB8], [0xE4],
                [0xED, 0xA0, 0x80],
                [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF],
                [0xF0, 0x9F, 0x98],
            ]
            for _ in 0..<random.int(1...3) {
                // Mostly inside a string, where a lenient parser would let it through.
                bytes.insert(
                    contentsOf: random.pick(sequences),
                    at: insideString(bytes, &random) ?? random.int(0...bytes.count))
            }
        case .nulBytes:
            for _ in 0..<random.int(1...3) {
                bytes.insert(
                    0,
                    at: random.chance(0.7)
                        ? insideString(bytes, &random) ?? 0 : random.int(0...bytes.count))
            }
        case .byteOrderMark:
            let marks: [[UInt8]] = [
                [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE],
                [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF],
            ]
            let mark = random.pick(marks)
            bytes.insert(contentsOf: mark, at: random.chance(0.6) ? 0 : random.int(0...bytes.count))
        case .swapType, .duplicateKey, .hugeString, .deepNesting, .oddNumber:
            bytes = structural(tree, kind: kind, &random)
        case .replaceWhole:
            let wholes = [
                "", " ", "null", "[]", "{}", "\"text\"", "1", "true", "{\"schemaVersion\":1}",
                "[{}]", "\u{FEFF}",
                "{\"a\":", "{\"schemaVersion\":1e999}", "{\"schemaVersion\":-0}", "\n\n\n",
            ]
            bytes = Array(random.pick(wholes).utf8)
        case .combined:
            bytes = structural(
                tree, kind: random.pick([.swapType, .duplicateKey, .oddNumber]), &random)
            for _ in 0..<random.int(1...3) {
                bytes = mutate(
                    bytes, tree: tree,
                    kind: random.pick([
                        .bitFlips, .insertBytes, .deleteBytes, .invalidUTF8, .nulBytes,
                    ]), &random)
            }
        }
        return bytes
    }

    /// A position just inside a string literal (after a random quote), if the bytes have one.
    private static func insideString(_ bytes: [UInt8], _ random: inout SeededRandom) -> Int? {
        guard !bytes.isEmpty else { return nil }
        let start = random.int(0..<bytes.count)
        guard
            let quote = bytes[start...].firstIndex(of: UInt8(ascii: "\""))
                ?? bytes.firstIndex(of: UInt8(ascii: "\""))
        else {
            return nil
        }
        return quote + 1
    }

    // MARK: Structure

    /// Replaced after serializing by the deep nesting (the serializer itself must not recurse
    /// 10,000 levels).
    private static let deepMarker = "\u{1}DEEP\u{1}"

    private static func structural(_ tree: JSONValue, kind: Kind, _ random: inout SeededRandom)
        -> [UInt8]
    {
        var target = random.int(0..<nodeCount(tree))
        if kind == .duplicateKey {
            // Aim at an object: pick among object nodes only.
            let objects = objectIndices(tree)
            if !objects.isEmpty { target = random.pick(objects) }
        }
        var index = target
        let original = node(tree, index: &index) ?? tree
        let replacement: JSONValue
        switch kind {
        case .swapType:
            replacement = swapType(original, &random)
        case .duplicateKey:
            if case .object(var members) = original, !members.isEmpty {
                let member = members[random.int(0..<members.count)]
                let copy = random.chance(0.5) ? member.value : swapType(member.value, &random)
                members.insert((member.key, copy), at: random.int(0...members.count))
                replacement = .object(members)
            } else {
                replacement = swapType(original, &random)
            }
        case .hugeString, .deepNesting:
            replacement = .string(deepMarker)
        default: // .oddNumber
            let numbers: [Double] = [
                1e300, -1e300, .infinity, -.infinity, 1.5, -1, 0, -0.0, 2, 9.007199254740993e15,
                1e-320, Double(Int.max), -Double(Int.max) * 4, 123_456_789_012,
            ]
            replacement = .number(random.pick(numbers))
        }
        index = target
        var out = serialize(replacing(tree, index: &index, with: replacement))
        if kind == .hugeString, let range = findMarker(out) {
            // Spliced in as bytes: serializing 1 MB byte by byte would cost more than parsing it.
            out.replaceSubrange(range, with: hugeString(random.int(0..<hugeUnits.count)))
        }
        if kind == .deepNesting, let range = findMarker(out) {
            let depth = random.pick([
                10_000, 10_000, JSONParser.maxDepth, JSONParser.maxDepth + 1, 150,
            ])
            let opener = Array((random.chance(0.7) ? "[" : "{\"k\":").utf8)
            var deep: [UInt8] = []
            for _ in 0..<depth { deep += opener }
            if random.chance(0.5) {
                // Closed properly, so only the depth is wrong.
                let closer: UInt8 = opener.count == 1 ? UInt8(ascii: "]") : UInt8(ascii: "}")
                deep += [UInt8(ascii: "1")] + [UInt8](repeating: closer, count: depth)
            }
            out.replaceSubrange(range, with: deep)
        }
        return out
    }

    /// Node number `index` (preorder) of `value`.
    private static func node(_ value: JSONValue, index: inout Int) -> JSONValue? {
        if index == 0 { return value }
        index -= 1
        switch value {
        case .array(let elements):
            for element in elements { if let found = node(element, index: &index) { return found } }
        case .object(let members):
            for member in members {
                if let found = node(member.value, index: &index) { return found }
            }
        default: break
        }
        return nil
    }

    /// What a 1 MB string is made of: ASCII, CJK, a two-byte letter, an emoji, and the
    /// escape `\n` (which the parser must decode 500,000 times).
    private static let hugeUnits = ["a", "社保", "x ", "é", "\u{1F600}", "\\n"]
    nonisolated(unsafe) private static var hugeStrings: [Int: [UInt8]] = [:]

    /// A quoted JSON string of about 1 MB, built once per unit.
    private static func hugeString(_ unit: Int) -> [UInt8] {
        if let known = hugeStrings[unit] { return known }
        let piece = Array(hugeUnits[unit].utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity((1 << 20) + 2)
        for _ in 0..<((1 << 20) / piece.count) { bytes += piece }
        bytes.append(UInt8(ascii: "\""))
        hugeStrings[unit] = bytes
        return bytes
    }

    private static func findMarker(_ bytes: [UInt8]) -> Range<Int>? {
        let marker = Array(serialize(.string(deepMarker)))
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<(start + marker.count)]) == marker {
                return start..<(start + marker.count)
            }
        }
        return nil
    }

    static func swapType(_ value: JSONValue, _ random: inout SeededRandom) -> JSONValue {
        switch value {
        case .string(let text):
            return random.pick([
                .number(Double(text.count)), .null, .bool(true), .array([.string(text)]),
                .object([("zh", .string(text))]),
            ])
        case .number(let number):
            return random.pick([.string(String(number)), .bool(false), .null, .array([])])
        case .object(let members):
            return random.pick([.array(members.map(\.value)), .string("object"), .number(1), .null])
        case .array(let elements):
            return random.pick([
                .object(elements.enumerated().map { ("\($0.offset)", $0.element) }),
                .string("array"), .number(0), .bool(true),
            ])
        case .bool, .null:
            return random.pick([.string(""), .number(-1), .object([]), .array([.null])])
        }
    }

    static func nodeCount(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements): return 1 + elements.reduce(0) { $0 + nodeCount($1) }
        case .object(let members): return 1 + members.reduce(0) { $0 + nodeCount($1.value) }
        default: return 1
        }
    }

    private static func objectIndices(_ value: JSONValue) -> [Int] {
        var indices: [Int] = []
        var next = 0
        func walk(_ value: JSONValue) {
            let index = next
            next += 1
            switch value {
            case .array(let elements): elements.forEach(walk)
            case .object(let members):
                indices.append(index)
                for member in members { walk(member.value) }
            default: break
            }
        }
        walk(value)
        return indices
    }

    /// `value` with its node number `index` (preorder) replaced.
    private static func replacing(_ value: JSONValue, index: inout Int, with replacement: JSONValue)
        -> JSONValue
    {
        if index == 0 {
            index = -1
            return replacement
        }
        index -= 1
        switch value {
        case .array(var elements):
            for i in elements.indices where index >= 0 {
                elements[i] = replacing(elements[i], index: &index, with: replacement)
            }
            return .array(elements)
        case .object(var members):
            for i in members.indices where index >= 0 {
                members[i].value = replacing(members[i].value, index: &index, with: replacement)
            }
            return .object(members)
        default:
            return value
        }
    }

    // MARK: Serializing

    /// Compact JSON. Infinite numbers (read from "1e999") come out as 1e999.
    static func serialize(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number):
            if number.isInfinite {
                out += Array((number < 0 ? "-1e999" : "1e999").utf8)
            } else if number == number.rounded(), abs(number) < 1e15 {
                out += Array(String(Int(number)).utf8)
            } else {
                out += Array("\(number)".utf8)
            }
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
