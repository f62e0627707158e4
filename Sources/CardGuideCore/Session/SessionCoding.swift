#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The session file's JSON, both ways, with Codable: FoundationEssentials' JSONEncoder and
/// JSONDecoder link no ICU (`ReleaseBinaryTests`). Keys are sorted so successive saves differ
/// only where progress changed; moments are ISO 8601 in UTC so a person can read the file.
/// Reading ignores unknown keys (a newer build may add some) and names the JSON path of the
/// first bad value, in the words the hand-written reader used before.
public enum SessionCoding {
    /// Why a parsed file does not have the session's shape, as one line.
    public struct ShapeError: Error, Equatable {
        public let reason: String
    }

    public static func encode(_ file: SessionFile) -> [UInt8] { pretty(file) }

    /// One checklist alone, as it appears inside the file.
    public static func encode(_ checklist: Checklist) -> [UInt8] { pretty(checklist) }

    /// Two-space indents, `"key" : value`, sorted keys, `/` and non-ASCII text as they are,
    /// and a final newline.
    private static func pretty(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, whole numbers and booleans only: there is nothing that can fail to encode.
        return Array(try! encoder.encode(value)) + [0x0A]
    }

    /// Bytes the strict `JSONParser` has already accepted (so a broken file is reported with
    /// a line and column), read as `T`.
    static func decode<T: Decodable>(_: T.Type, from bytes: [UInt8]) throws(ShapeError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ShapeError(reason: reason(error))
        } catch {
            throw ShapeError(reason: "\(error)")
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    /// `checklists[0].card`; array positions are the keys named "Index n".
    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "the top level" }
        var out = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == "Index \(index)" {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }
}

extension Language: Codable {}
extension StepStatus: Codable {}

extension SessionFile: Codable {
    private enum Key: String, CodingKey {
        case schemaVersion, language, checklists, lastOpened, bilingual
    }

    /// Version 0 (no `schemaVersion`, see `SessionFile`) had an optional `language` that
    /// defaulted to Chinese and no `lastOpened`: reading it is the whole migration.
    public init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: Key.self)
        guard let version = try top.decodeIfPresent(Int.self, forKey: .schemaVersion) else {
            self.init(
                language: try top.decodeIfPresent(Language.self, forKey: .language) ?? .zh,
                checklists: try top.decode([Checklist].self, forKey: .checklists))
            return
        }
        self.init(
            language: try top.decode(Language.self, forKey: .language),
            checklists: try top.decode([Checklist].self, forKey: .checklists),
            lastOpened: try top.decodeIfPresent(String.self, forKey: .lastOpened))
        schemaVersion = version
        bilingual = try top.decodeIfPresent(Bool.self, forKey: .bilingual) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var top = encoder.container(keyedBy: Key.self)
        try top.encode(schemaVersion, forKey: .schemaVersion)
        try top.encode(language, forKey: .language)
        try top.encode(checklists, forKey: .checklists)
        try top.encodeIfPresent(lastOpened, forKey: .lastOpened)
        // Written only when on: a file without it reads as before, in this version and older ones.
        if bilingual { try top.encode(true, forKey: .bilingual) }
    }
}

extension Checklist: Codable {
    private enum Key: String, CodingKey {
        case country, card, method, currentStep, steps, ticked, started, changed
        case contentFingerprint
    }

    /// Fields are read in declaration order, so the first bad one is the one reported.
    public init(from decoder: any Decoder) throws {
        let item = try decoder.container(keyedBy: Key.self)
        func instant(_ key: Key) throws -> Date {
            guard let date = CivilTime.parseInstant(try item.decode(String.self, forKey: key))
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: item, debugDescription: "not an ISO 8601 moment")
            }
            return date
        }
        self.init(
            countryID: try item.decode(String.self, forKey: .country),
            cardID: try item.decode(String.self, forKey: .card),
            methodID: try item.decode(String.self, forKey: .method),
            currentStepID: try item.decode(String.self, forKey: .currentStep),
            stepStatus: try item.decode([String: StepStatus].self, forKey: .steps),
            ticked: Set(try item.decode([String].self, forKey: .ticked)),
            started: try instant(.started), changed: try instant(.changed),
            contentFingerprint: try item.decode(String.self, forKey: .contentFingerprint))
    }

    public func encode(to encoder: any Encoder) throws {
        var item = encoder.container(keyedBy: Key.self)
        try item.encode(countryID, forKey: .country)
        try item.encode(cardID, forKey: .card)
        try item.encode(methodID, forKey: .method)
        try item.encode(currentStepID, forKey: .currentStep)
        try item.encode(stepStatus, forKey: .steps)
        try item.encode(ticked.sorted(), forKey: .ticked)
        try item.encode(CivilTime.isoInstant(started), forKey: .started)
        try item.encode(CivilTime.isoInstant(changed), forKey: .changed)
        try item.encode(contentFingerprint, forKey: .contentFingerprint)
    }
}
