import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What loading a pack gives: the pack (nil when a file could not be read at all) and every
/// problem found, errors and warnings, in file order.
public struct ContentLoadResult: Equatable, Sendable {
    public var pack: ContentPack?
    public var issues: [ContentIssue]

    package init(pack: ContentPack?, issues: [ContentIssue]) {
        (self.pack, self.issues) = (pack, issues)
    }

    public var errors: [ContentIssue] { issues.filter { $0.severity == .error } }
    public var isValid: Bool { pack != nil && errors.isEmpty }
}

/// Loads and validates a content pack from its JSON files' bytes; storage reads the folder
/// (`ContentLoader.load(directory:)` in CardGuideStorage).
public enum ContentLoader {
    /// Loads a pack from files already in memory, in the order given.
    public static func load(files: [(name: String, bytes: [UInt8])]) -> ContentLoadResult {
        var issues: [ContentIssue] = []
        // A stable fingerprint of the names and bytes (Hasher is seeded per process): each
        // hash seeds the next, and XXH64 mixes in each part's length, so bytes moved from one
        // part to the next change it too.
        var fingerprint: UInt64 = 0
        for file in files {
            fingerprint = Checksum64.hash(Array(file.name.utf8), seed: fingerprint)
            fingerprint = Checksum64.hash(file.bytes, seed: fingerprint)
        }
        // Files are parsed and read independently, so on every core at once: this is most of
        // the start-up time. The results keep the files' order.
        let slots = Slots<Result<ContentReader, JSONParseError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { n in
            slots[n] = Result { () throws(JSONParseError) -> ContentReader in
                let root = try JSONParser.parse(files[n].bytes)
                var reader = ContentReader(file: files[n].name)
                reader.read(root)
                return reader
            }
        }
        var readers: [ContentReader] = []
        for (file, result) in zip(files, slots.values) {
            switch result {
            case .success(let reader): readers.append(reader)
            case .failure(let error):
                issues.append(
                    ContentIssue(file: file.name, path: "", message: "not valid JSON: \(error)"))
            case nil: break
            }
        }
        for reader in readers { issues += reader.fields.issues }
        issues += crossCheck(readers)
        issues += termCheck(readers)
        let pack = ContentPack(
            countries: readers.flatMap(\.countries),
            cards: readers.flatMap(\.cards),
            safety: readers.flatMap(\.safety),
            sources: readers.flatMap(\.sources),
            contacts: readers.flatMap(\.contacts),
            fingerprint: Checksum64.hex(fingerprint)
        )
        if pack.countries.isEmpty {
            issues.append(
                ContentIssue(
                    file: files.first?.name ?? "(pack)", path: "",
                    message: "the pack defines no country"))
        }
        return ContentLoadResult(pack: pack, issues: issues)
    }

    /// Pack-wide checks: unique IDs and references that resolve, across all files.
    private static func crossCheck(_ readers: [ContentReader]) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        var defined: [String: [String: ContentReader.Definition]] = [:]
        for definition in readers.flatMap(\.definitions) {
            if let first = defined[definition.kind]?[definition.id] {
                issues.append(
                    ContentIssue(
                        file: definition.file, path: definition.path,
                        message:
                            "duplicate \(definition.kind) id '\(definition.id)' (first defined in \(first.file) at \(first.path))"
                    ))
            } else {
                defined[definition.kind, default: [:]][definition.id] = definition
            }
        }
        for reference in readers.flatMap(\.references)
        where defined[reference.kind]?[reference.id] == nil {
            issues.append(
                ContentIssue(
                    file: reference.file, path: reference.path,
                    message: "unknown \(reference.kind) '\(reference.id)'"))
        }
        let countriesWithCards = Set(readers.flatMap(\.cards).map(\.countryID))
        for definition in readers.flatMap(\.definitions)
        where definition.kind == "country" && !countriesWithCards.contains(definition.id) {
            issues.append(
                ContentIssue(
                    file: definition.file, path: definition.path,
                    message: "country '\(definition.id)' has no cards yet: its menu will be empty",
                    severity: .warning))
        }
        let cited = Set(readers.flatMap(\.references).filter { $0.kind == "source" }.map(\.id))
        for definition in defined["source"]?.values.sorted(by: {
            ($0.file, $0.path) < ($1.file, $1.path)
        }) ?? []
        where !cited.contains(definition.id) {
            issues.append(
                ContentIssue(
                    file: definition.file, path: definition.path,
                    message: "source '\(definition.id)' is never cited", severity: .warning))
        }
        return issues
    }
}

extension ContentLoader {
    /// The pack's word rules, wherever they are defined, applied to every file: glossary
    /// terms in every text, and official sources and web contacts on a listed domain.
    static func termCheck(_ readers: [ContentReader]) -> [ContentIssue] {
        var rules = TermRules()
        for reader in readers {
            rules.terms += reader.terms.terms
            rules.officialDomains += reader.terms.officialDomains
            rules.listsDomains = rules.listsDomains || reader.terms.listsDomains
        }
        var issues: [ContentIssue] = []
        for reader in readers {
            if rules.listsDomains {
                for entry in reader.webAddresses where !rules.isOfficial(entry.address) {
                    let host = TermRules.host(of: entry.address)
                    let message =
                        "'\(host)' is not on the pack's list of official domains: "
                        + "label the source media or low, or add the domain of a government body, "
                        + "insurer or bank to officialDomains"
                    let file = reader.fields.file
                    issues.append(ContentIssue(file: file, path: entry.path, message: message))
                }
            }
            guard !rules.terms.isEmpty else { continue }
            for entry in reader.fields.texts {
                for problem in rules.problems(in: entry.text) {
                    let path = FieldReader.join(entry.path, problem.language.rawValue)
                    issues.append(
                        ContentIssue(
                            file: reader.fields.file, path: path,
                            message: problem.message))
                }
            }
        }
        return issues
    }
}

/// One result per parallel task, each written by its own task only (distinct indices), read
/// after they all ended.
private final class Slots<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    subscript(index: Int) -> Value? {
        get { storage.withLock { $0[index] } }
        set { storage.withLock { $0[index] = newValue } }
    }

    var values: [Value?] { storage.withLock { $0 } }
}
