#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The session file's JSON, both ways. Written by hand over `JSONValue` rather than with
/// Codable: JSONEncoder/JSONDecoder linked most of Foundation into the program for one small
/// file. Keys are sorted so successive saves differ only where progress changed; moments
/// are ISO 8601 in UTC so a person can read the file. Reading ignores unknown keys (a newer
/// build may add some) and names the JSON path of the first bad value.
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
        let top = Reader(value: root, path: "")
        var file = SessionFile(
            language: try language(top.field("language")),
            checklists: try top.field("checklists").array().map(checklist),
            lastOpened: try top.optionalField("lastOpened")?.string())
        file.schemaVersion = try top.field("schemaVersion").integer()
        file.bilingual = try top.optionalField("bilingual")?.boolean() ?? false
        return file
    }

    /// A version-0 file, lifted to the current version: `language` was optional then and
    /// defaulted to Chinese, and there was no `lastOpened`.
    static func versionZero(_ root: JSONValue) throws(ShapeError) -> SessionFile {
        let top = Reader(value: root, path: "")
        return SessionFile(
            language: try top.optionalField("language").map(language) ?? .zh,
            checklists: try top.field("checklists").array().map(checklist), lastOpened: nil)
    }

    /// Fields are read in declaration order, so the first bad one is the one reported.
    static func checklist(_ item: Reader) throws(ShapeError) -> Checklist {
        let country = try item.field("country").string()
        let card = try item.field("card").string()
        let method = try item.field("method").string()
        let current = try item.field("currentStep").string()
        var statuses: [String: StepStatus] = [:]
        for (stepID, status) in try item.field("steps").object() {
            statuses[stepID] = try status.enumeration(StepStatus.self)
        }
        var ticked = Set<String>()
        for material in try item.field("ticked").array() { ticked.insert(try material.string()) }
        return Checklist(
            countryID: country, cardID: card, methodID: method, currentStepID: current,
            stepStatus: statuses, ticked: ticked,
            started: try item.field("started").instant(),
            changed: try item.field("changed").instant(),
            contentFingerprint: try item.field("contentFingerprint").string())
    }

    private static func language(_ value: Reader) throws(ShapeError) -> Language {
        try value.enumeration(Language.self)
    }

    /// A value and its JSON path (`checklists[0].card`), for the messages.
    struct Reader {
        let value: JSONValue
        let path: String

        private func failure(_ what: String) -> ShapeError {
            ShapeError(reason: "\(what) \(path.isEmpty ? "the top level" : path)")
        }

        private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

        /// nil when the key is absent or null.
        func optionalField(_ key: String) throws(ShapeError) -> Reader? {
            guard case .object = value else { throw failure("wrong type at") }
            guard let found = value[key], found != .null else { return nil }
            return Reader(value: found, path: child(key))
        }

        func field(_ key: String) throws(ShapeError) -> Reader {
            guard let found = try optionalField(key) else {
                throw ShapeError(
                    reason: value[key] == nil
                        ? "missing field \(child(key))" : "wrong type at \(child(key))")
            }
            return found
        }

        func array() throws(ShapeError) -> [Reader] {
            guard case .array(let items) = value else { throw failure("wrong type at") }
            return items.enumerated().map { Reader(value: $1, path: "\(path)[\($0)]") }
        }

        func object() throws(ShapeError) -> [(String, Reader)] {
            guard case .object(let members) = value else { throw failure("wrong type at") }
            return members.map { ($0.key, Reader(value: $0.value, path: child($0.key))) }
        }

        func string() throws(ShapeError) -> String {
            guard case .string(let text) = value else { throw failure("wrong type at") }
            return text
        }

        func boolean() throws(ShapeError) -> Bool {
            guard case .bool(let flag) = value else { throw failure("wrong type at") }
            return flag
        }

        func integer() throws(ShapeError) -> Int {
            guard case .number(let number) = value else { throw failure("wrong type at") }
            guard number == number.rounded(), abs(number) < 1e15 else {
                throw failure("invalid value at")
            }
            return Int(number)
        }

        func enumeration<T: RawRepresentable>(_: T.Type) throws(ShapeError) -> T
        where T.RawValue == String {
            guard let known = T(rawValue: try string()) else { throw failure("invalid value at") }
            return known
        }

        func instant() throws(ShapeError) -> Date {
            guard let date = CivilTime.parseInstant(try string()) else {
                throw failure("invalid value at")
            }
            return date
        }
    }
}
