#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The session file's JSON, both ways, by hand over `JSONValue`. FoundationEssentials'
/// JSONEncoder and JSONDecoder (ICU-free) were measured in their place: they cost a returning
/// visitor about 0.8 MiB of peak memory at start and at the first save, and 0.15 ms a save.
/// Keys are sorted so successive saves differ only where progress changed; moments are ISO 8601
/// in UTC so a person can read the file. Reading (through the content's `FieldReader`) ignores
/// unknown keys, which a newer build may add, and names the JSON path of the first bad value.
public enum SessionCoding {
    /// Why a parsed file does not have the session's shape, as one line.
    public struct ShapeError: Error, Equatable {
        public let reason: String
    }

    public static func encode(_ file: SessionFile) -> [UInt8] {
        var members: [(key: String, value: JSONValue)] = [
            ("checklists", .array(file.checklists.map(value(of:)))),
            ("language", .string(file.language.rawValue)),
            ("schemaVersion", .number(Double(file.schemaVersion))),
        ]
        if let lastOpened = file.lastOpened { members.append(("lastOpened", .string(lastOpened))) }
        // Written only when on: a file without it reads as before, in this version and older ones.
        if file.bilingual { members.append(("bilingual", .bool(true))) }
        return JSONWriter.pretty(.object(sortedByKey(members)))
    }

    /// One checklist alone, as it appears inside the file.
    public static func encode(_ checklist: Checklist) -> [UInt8] {
        JSONWriter.pretty(value(of: checklist))
    }

    static func value(of checklist: Checklist) -> JSONValue {
        .object(
            sortedByKey([
                ("country", .string(checklist.countryID)),
                ("card", .string(checklist.cardID)),
                ("method", .string(checklist.methodID)),
                ("currentStep", .string(checklist.currentStepID)),
                (
                    "steps",
                    .object(
                        sortedByKey(
                            checklist.stepStatus.map { ($0.key, .string($0.value.rawValue)) }))
                ),
                ("ticked", .array(checklist.ticked.sorted().map(JSONValue.string))),
                ("started", .string(CivilTime.isoInstant(checklist.started))),
                ("changed", .string(CivilTime.isoInstant(checklist.changed))),
                ("contentFingerprint", .string(checklist.contentFingerprint)),
            ]))
    }

    private static func sortedByKey(_ members: [(key: String, value: JSONValue)]) -> [(
        key: String, value: JSONValue
    )] {
        members.sorted { $0.key < $1.key }
    }

    // MARK: Reading

    /// A version-1 (or newer) file.
    static func file(_ root: JSONValue) throws(ShapeError) -> SessionFile {
        var fields = FieldReader(file: "")
        let language: Language? = fields.choice(root, "language", at: "")
        let checklists = self.checklists(root, &fields)
        let lastOpened = fields.string(root, "lastOpened", at: "", required: false)
        let version = fields.number(root, "schemaVersion", at: "")
        let bilingual = fields.bool(root, "bilingual", at: "")
        try firstIssue(fields)
        var file = SessionFile(
            language: language ?? .zh, checklists: checklists, lastOpened: lastOpened)
        // SessionDecoding accepted it as a whole number before calling this.
        file.schemaVersion = Int(version ?? 1)
        file.bilingual = bilingual
        return file
    }

    /// A version-0 file, lifted to the current version: `language` was optional then and
    /// defaulted to Chinese, and there was no `lastOpened`.
    static func versionZero(_ root: JSONValue) throws(ShapeError) -> SessionFile {
        var fields = FieldReader(file: "")
        let language: Language? = fields.choice(root, "language", at: "", required: false)
        let checklists = self.checklists(root, &fields)
        try firstIssue(fields)
        return SessionFile(language: language ?? .zh, checklists: checklists, lastOpened: nil)
    }

    /// One checklist alone, as `encode(_:)` writes it.
    static func checklist(_ value: JSONValue) throws(ShapeError) -> Checklist {
        var fields = FieldReader(file: "")
        let checklist = self.checklist(value, at: "", &fields)
        try firstIssue(fields)
        // Without an issue every field was read.
        return checklist!
    }

    private static func checklists(_ root: JSONValue, _ fields: inout FieldReader) -> [Checklist] {
        fields.array(root, "checklists", at: "").compactMap {
            checklist($0.value, at: $0.path, &fields)
        }
    }

    /// Read with the content's `FieldReader`, so a hand-edited file breaks the same rules as
    /// content (control characters, links) and is reported the same way; unknown keys, which
    /// a newer build may add, are ignored. nil when a field is missing or wrong.
    private static func checklist(_ value: JSONValue, at path: String, _ fields: inout FieldReader)
        -> Checklist?
    {
        guard case .object = value else {
            fields.report(path, "expected an object, found \(value.typeName)")
            return nil
        }
        let country = fields.id(value, "country", at: path)
        let card = fields.id(value, "card", at: path)
        let method = fields.id(value, "method", at: path)
        let current = fields.id(value, "currentStep", at: path)
        var statuses: [String: StepStatus] = [:]
        let steps = value["steps"] ?? .null
        for step in fields.members(value, "steps", at: path) {
            statuses[step.key] = fields.choice(steps, step.key, at: FieldReader.join(path, "steps"))
        }
        let ticked = fields.strings(value, "ticked", at: path).map(\.text)
        let started = instant(value, "started", at: path, &fields)
        let changed = instant(value, "changed", at: path, &fields)
        let fingerprint = fields.string(value, "contentFingerprint", at: path)
        // A step whose status was wrong is missing from `statuses`, but it was reported, so
        // the file is put aside anyway.
        guard let country, let card, let method, let current, let started, let changed,
            let fingerprint
        else { return nil }
        return Checklist(
            countryID: country, cardID: card, methodID: method, currentStepID: current,
            stepStatus: statuses, ticked: Set(ticked), started: started, changed: changed,
            contentFingerprint: fingerprint)
    }

    private static func instant(
        _ object: JSONValue, _ key: String, at path: String, _ fields: inout FieldReader
    ) -> Date? {
        guard let text = fields.string(object, key, at: path) else { return nil }
        guard let date = CivilTime.parseInstant(text) else {
            fields.report(FieldReader.join(path, key), "'\(text)' is not an ISO 8601 moment")
            return nil
        }
        return date
    }

    /// The first problem found, as the reason a file is put aside.
    private static func firstIssue(_ fields: FieldReader) throws(ShapeError) {
        if let issue = fields.issues.first {
            throw ShapeError(
                reason: issue.path.isEmpty ? issue.message : "\(issue.path): \(issue.message)")
        }
    }
}
