#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything CardGuide remembers between runs: the language and, per method the person
/// started, a `Checklist`. Progress only: no name, ID, card number, phone, PIN or password.
///
/// Versions:
/// - 0: the early format, written before the file carried a version: no `schemaVersion` key,
///   `language` optional (it was added later and defaulted to Chinese), no `lastOpened`, and
///   checklists in the same shape as today's. `SessionCoding.versionZero` reads and lifts it.
/// - 1: this struct, with `schemaVersion: 1`.
public struct SessionFile: Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var language: Language
    /// One checklist per method, in no particular order; `listed` gives the display order.
    public var checklists: [Checklist]
    /// The method whose checklist was open last, so a restart resumes there.
    public var lastOpened: String?
    /// Both languages at once (`--bilingual`, key B), remembered like the language. An
    /// optional key of version 1: older builds ignore it.
    public var bilingual = false

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

/// Reads the bytes of a session file, whatever its version. The strict JSONParser runs
/// first so that a broken file is reported with a line and column; only then is the shape
/// the file's `schemaVersion` announces read (`SessionCoding`).
package enum SessionDecoding {
    package enum Outcome: Equatable {
        case current(SessionFile)
        case migrated(SessionFile, from: Int)
        /// A newer file: decoded when its shape still fits this build, nil otherwise.
        case newer(SessionFile?, version: Int)
        case corrupt(reason: String)
    }

    package static func decode(_ bytes: [UInt8]) -> Outcome {
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
        case .number(let value)? where value >= 0 && value == value.rounded() && value < 1_000_000:
            version = Int(value)
        default:
            return .corrupt(reason: "schemaVersion is not a whole number")
        }
        do {
            switch version {
            case SessionFile.currentSchemaVersion:
                return .current(try SessionCoding.file(root))
            case 0:
                // Version 0 (see `SessionFile`): every field of version 1 existed already or
                // has a safe default, so reading it is the whole migration.
                return .migrated(try SessionCoding.versionZero(root), from: 0)
            default:
                // Only versions above the current one reach here (0 and 1 are handled).
                return .newer(try? SessionCoding.file(root), version: version)
            }
        } catch {
            return .corrupt(reason: error.reason)
        }
    }
}

extension Checklist {
    /// A checklist from raw IDs, for code that has progress but no `Method` at hand (tools,
    /// tests, future migrations).
    public init(
        countryID: String, cardID: String, methodID: String, currentStepID: String,
        stepStatus: [String: StepStatus] = [:], ticked: Set<String> = [], started: Date,
        changed: Date,
        contentFingerprint: String
    ) {
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
