import Foundation

/// Everything CardGuide remembers between runs: the language and, per method the person
/// started, a `Checklist`. Progress only: no name, ID, card number, phone, PIN or password.
///
/// Versions:
/// - 0: the early format, written before the file carried a version: no `schemaVersion` key,
///   `language` optional (it was added later and defaulted to Chinese), no `lastOpened`, and
///   checklists in the same shape as today's. `SessionFileV0` reads it; `migrated()` lifts it.
/// - 1: this struct, with `schemaVersion: 1`.
public struct SessionFile: Codable, Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var language: Language
    /// One checklist per method, in no particular order; `listed` gives the display order.
    public var checklists: [Checklist]
    /// The method whose checklist was open last, so a restart resumes there.
    public var lastOpened: String?

    public init(language: Language = .zh, checklists: [Checklist] = [], lastOpened: String? = nil) {
        self.schemaVersion = Self.currentSchemaVersion
        self.language = language
        self.checklists = checklists
        self.lastOpened = lastOpened
    }

    /// Most recently changed first; ties by method ID so the order is stable.
    public var listed: [Checklist] {
        checklists.sorted { ($0.changed, $1.methodID) > ($1.changed, $0.methodID) }
    }

    public func checklist(for methodID: String) -> Checklist? {
        checklists.first { $0.methodID == methodID }
    }

    /// Replaces the checklist of the same method, or adds it.
    public mutating func upsert(_ checklist: Checklist) {
        if let index = checklists.firstIndex(where: { $0.methodID == checklist.methodID }) {
            checklists[index] = checklist
        } else {
            checklists.append(checklist)
        }
    }

    public mutating func remove(methodID: String) {
        checklists.removeAll { $0.methodID == methodID }
        if lastOpened == methodID { lastOpened = nil }
    }
}

/// A version-0 file (see `SessionFile`). Decoding it is the whole migration: every field of
/// version 1 either existed already or has a safe default.
struct SessionFileV0: Decodable {
    var language: Language?
    var checklists: [Checklist]

    func migrated() -> SessionFile {
        SessionFile(language: language ?? .zh, checklists: checklists, lastOpened: nil)
    }
}

/// The one JSON dialect of the session file: sorted keys so successive saves differ only
/// where progress changed, ISO-8601 dates so a person can read the file.
enum SessionCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func encode(_ file: SessionFile) throws -> [UInt8] {
        Array(try encoder().encode(file)) + [0x0A]
    }
}

/// Reads the bytes of a session file, whatever its version. The strict JSONParser runs
/// first so that a broken file is reported with a line and column; only then does
/// JSONDecoder read the shape the file's `schemaVersion` announces.
enum SessionDecoding {
    enum Outcome: Equatable {
        case current(SessionFile)
        case migrated(SessionFile, from: Int)
        /// A newer file: decoded when its shape still fits this build, nil otherwise.
        case newer(SessionFile?, version: Int)
        case corrupt(reason: String)
    }

    static func decode(_ bytes: [UInt8]) -> Outcome {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return .corrupt(reason: "not valid JSON: \(error)")
        }
        guard case .object = root else { return .corrupt(reason: "not a JSON object") }
        let version: Int
        switch root["schemaVersion"] {
        case nil:
            version = 0
        case let .number(value)? where value >= 0 && value == value.rounded() && value < 1_000_000:
            version = Int(value)
        default:
            return .corrupt(reason: "schemaVersion is not a whole number")
        }
        let data = Data(bytes)
        do {
            switch version {
            case SessionFile.currentSchemaVersion:
                return .current(try SessionCoding.decoder().decode(SessionFile.self, from: data))
            case 0:
                return .migrated(try SessionCoding.decoder().decode(SessionFileV0.self, from: data).migrated(), from: 0)
            default:
                // Only versions above the current one reach here (0 and 1 are handled).
                return .newer(try? SessionCoding.decoder().decode(SessionFile.self, from: data), version: version)
            }
        } catch let error as DecodingError {
            return .corrupt(reason: describe(error))
        } catch {
            return .corrupt(reason: "\(error)")
        }
    }

    /// A one-line account of a decoding error, with the JSON path of the bad value.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing field \(path(context.codingPath + [key]))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(path(context.codingPath))"
        case let .dataCorrupted(context):
            return "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}

public extension Checklist {
    /// A checklist from raw IDs, for code that has progress but no `Method` at hand (tools,
    /// tests, future migrations).
    init(countryID: String, cardID: String, methodID: String, currentStepID: String,
         stepStatus: [String: StepStatus] = [:], ticked: Set<String> = [], started: Date, changed: Date,
         contentFingerprint: String) {
        self.countryID = countryID
        self.cardID = cardID
        self.methodID = methodID
        self.currentStepID = currentStepID
        self.stepStatus = stepStatus
        self.ticked = ticked
        self.started = started
        self.changed = changed
        self.contentFingerprint = contentFingerprint
    }
}
