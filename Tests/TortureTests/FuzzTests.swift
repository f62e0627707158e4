import CardGuideContent
import Foundation
import TestSupport
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

/// 10,000 mutated session files and 10,000 mutated content files through the loaders: no
/// crash, a clear error (naming the file, with a line and column for broken JSON), and the
/// original bytes never lost. Replay a failure with the seed it prints:
/// `TORTURE_SEED=0x… swift test --filter FuzzTests`.
final class FuzzTests: XCTestCase {
    static let sessionCount = 10_000
    /// Of the session files, this many go through `SessionStore.open` on disk (lock,
    /// quarantine); the rest through the same decoding in memory.
    static let sessionsOnDisk = 300
    static let contentCount = 10_000
    /// Of the content files, this many also go through `ContentLoader.load(directory:)`.
    static let contentOnDisk = 100
    static let defaultSeed: UInt64 = 0xF022_5EED_0000_0001

    // MARK: Sessions

    func testTenThousandMutatedSessionFiles() throws {
        let root = SeededRandom.fromEnvironment(default: Self.defaultSeed)
        let seeds = try FuzzSeeds.sessions()
        let folder = try FuzzFolder()
        var log = FailureLog(context: root.context)
        var outcomes: [String: Int] = [:]
        var kinds: [Mutator.Kind: Int] = [:]
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let clock = ContinuousClock()
        let started = clock.now
        let diskEvery = Self.sessionCount / Self.sessionsOnDisk

        for i in 0..<Self.sessionCount {
            var random = root.derived(UInt64(i))
            let seed = random.pick(seeds)
            let kind = Self.kind(i, &random)
            kinds[kind, default: 0] += 1
            let bytes = Mutator.mutate(seed.bytes, tree: seed.tree, kind: kind, &random)
            let label = "session #\(i) (\(seed.name), \(kind.rawValue))"
            let outcome = SessionDecoding.decode(bytes)
            outcomes[Self.name(of: outcome), default: 0] += 1
            checkDecoded(outcome, bytes: bytes, label: label, log: &log)
            if i % diskEvery == 0 {
                checkOpen(
                    bytes, expected: outcome, folder: folder, now: now, label: label, log: &log)
            }
            if log.isFull { break }
        }

        let elapsed = Self.seconds(started.duration(to: clock.now))
        log.report(file: #filePath, line: #line)
        // The mutations must reach every outcome, or the test proves less than it claims.
        for outcome in ["current", "migrated", "newer", "corrupt"] {
            XCTAssertGreaterThan(
                outcomes[outcome, default: 0], 0,
                "\(root.context): no mutation gave a \(outcome) file")
        }
        print(
            """
            FuzzTests sessions: \(Self.sessionCount) files (\(Self.sessionsOnDisk) opened on disk) in \
            \(String(format: "%.2f", elapsed)) s, \(Int(Double(Self.sessionCount) / elapsed)) files/s, \(root.context); \
            outcomes \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")); \
            mutations \(kinds.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))
            """)
    }

    /// The parser's depth limit, met head-on: 10,000 levels of `[` (and of objects) are
    /// reported with the file's name and a place, in content and session files alike, and
    /// never overflow the stack.
    func testTenThousandLevelsOfNestingAreReported() {
        for opener in ["[", "{\"k\":"] {
            let deep = Array(
                ("{\"schemaVersion\":1,\"countries\":" + String(repeating: opener, count: 10_000))
                    .utf8)
            let result = ContentLoader.load(files: [("deep.json", deep)])
            XCTAssertFalse(result.isValid)
            XCTAssertEqual(
                result.errors.first?.description.hasPrefix(
                    "deep.json: not valid JSON: line 1, column "), true,
                "\(result.errors.first.map(String.init(describing:)) ?? "no error")")
            XCTAssertEqual(
                result.errors.first?.message.hasSuffix(
                    "nesting deeper than \(JSONParser.maxDepth) levels"), true)
            guard case .corrupt(let reason) = SessionDecoding.decode(deep) else {
                return XCTFail("a session 10,000 levels deep loaded")
            }
            XCTAssertTrue(
                reason.hasSuffix("nesting deeper than \(JSONParser.maxDepth) levels"), reason)
        }
    }

    /// The pure path: whatever the bytes, decoding ends in an outcome; a corrupt one says why
    /// (broken JSON with a line and column inside the file); anything that loads can be saved
    /// and read back unchanged.
    private func checkDecoded(
        _ outcome: SessionDecoding.Outcome, bytes: [UInt8], label: String, log: inout FailureLog
    ) {
        switch outcome {
        case .corrupt(let reason):
            log.check(
                !reason.trimmingCharacters(in: .whitespaces).isEmpty, label,
                "a corrupt file with no reason", bytes)
            // Broken JSON: the reason is the parser's, with a line and column inside the file.
            if reason.hasPrefix("not valid JSON") {
                log.check(
                    Self.placeIsInside(reason, bytes), label,
                    "'\(reason)' names no place in the file", bytes)
            }
        case .current(let file), .migrated(let file, _), .newer(let file?, _):
            var saved = file
            saved.schemaVersion = SessionFile.currentSchemaVersion
            let encoded = SessionCoding.encode(saved)
            log.check(
                SessionDecoding.decode(encoded) == .current(saved), label,
                "a loaded file does not read back unchanged once saved", bytes)
        case .newer(nil, _):
            break
        }
    }

    /// The full path on disk: `open` loads or reports a notice, never loses the original
    /// bytes (kept at the path, or moved aside to `.corrupt-*` byte for byte), and does not
    /// touch a file it opened without saving.
    private func checkOpen(
        _ bytes: [UInt8], expected: SessionDecoding.Outcome, folder: FuzzFolder, now: Date,
        label: String, log: inout FailureLog
    ) {
        folder.clear()
        let path = folder.path + "/session.json"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            return log.fail(label, "cannot write \(path)", bytes)
        }
        let (store, notices) = SessionStore.open(path: path, now: now)
        defer { store.close() }
        let aside = folder.names().filter { $0.hasPrefix("session.json.corrupt-") }
        switch expected {
        case .current(let file):
            log.check(notices.isEmpty, label, "a current file gave notices \(notices)", bytes)
            log.check(
                store.file == file && !store.isReadOnly, label,
                "a current file did not load as decoded", bytes)
        case .migrated(let file, let from):
            log.check(
                notices == [
                    .migrated(path: path, from: from, to: SessionFile.currentSchemaVersion)
                ], label,
                "an old file gave notices \(notices)", bytes)
            log.check(store.file == file, label, "an old file did not load as decoded", bytes)
        case .newer(let file, let version):
            log.check(
                notices == [
                    .newerVersion(
                        path: path, found: version, supported: SessionFile.currentSchemaVersion)
                ],
                label, "a newer file gave notices \(notices)", bytes)
            log.check(
                store.isReadOnly && store.file == (file ?? SessionFile()), label,
                "a newer file is not read-only as decoded", bytes)
        case .corrupt(let reason):
            guard notices.count == 1,
                case .movedAside(let noticePath, let movedTo, let noticeReason) = notices[0]
            else {
                return log.fail(label, "a corrupt file gave notices \(notices)", bytes)
            }
            log.check(
                noticePath == path && noticeReason == reason, label,
                "the notice \(notices[0]) names the wrong file or reason", bytes)
            log.check(
                aside == [PathText.name(of: movedTo)], label,
                "moved aside to \(movedTo), but the folder has \(folder.names())", bytes)
            log.check(
                Self.contents(movedTo) == bytes, label,
                "the moved-aside file is not the original, byte for byte", bytes)
            log.check(
                !FileManager.default.fileExists(atPath: path), label,
                "a corrupt file was left at the path", bytes)
            log.check(
                !notices[0].message(.zh).isEmpty && !notices[0].message(.en).isEmpty, label,
                "an empty notice", bytes)
            // The fresh start saves over the path; the quarantined original stays as it was.
            log.check(
                store.save(SessionFile()) == nil, label,
                "cannot save after moving a corrupt file aside", bytes)
            log.check(
                Self.contents(movedTo) == bytes, label, "saving changed the moved-aside file", bytes
            )
            return
        }
        // Opened without saving: the file is exactly as it was, and nothing was moved aside.
        log.check(Self.contents(path) == bytes, label, "the file was changed by opening it", bytes)
        log.check(aside.isEmpty, label, "a readable file was moved aside: \(aside)", bytes)
    }

    // MARK: Content

    func testTenThousandMutatedContentFiles() throws {
        let root = SeededRandom.fromEnvironment(default: Self.defaultSeed ^ 0xC0)
        let seeds = try FuzzSeeds.content()
        for seed in seeds {
            let result = ContentLoader.load(files: [(seed.name, seed.bytes)])
            XCTAssertTrue(result.isValid, "the seed \(seed.name) is not valid: \(result.errors)")
        }
        let folder = try FuzzFolder()
        var log = FailureLog(context: root.context)
        var invalid = 0
        var parseErrors = 0
        let clock = ContinuousClock()
        let started = clock.now
        let diskEvery = Self.contentCount / Self.contentOnDisk

        for i in 0..<Self.contentCount {
            var random = root.derived(UInt64(i))
            let seed = random.pick(seeds)
            let kind = Self.kind(i, &random)
            let bytes = Mutator.mutate(seed.bytes, tree: seed.tree, kind: kind, &random)
            let label = "content #\(i) (\(seed.name), \(kind.rawValue))"
            let result = ContentLoader.load(files: [(seed.name, bytes)])
            if !result.isValid { invalid += 1 }
            if result.errors.first?.message.hasPrefix("not valid JSON") == true { parseErrors += 1 }
            checkLoaded(result, name: seed.name, bytes: bytes, label: label, log: &log)
            if i % diskEvery == 0 {
                folder.clear()
                let path = folder.path + "/" + seed.name
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                let fromDisk = ContentLoader.load(directory: folder.path)
                log.check(
                    fromDisk.issues == result.issues && fromDisk.pack == result.pack, label,
                    "loading from disk differs from loading the same bytes in memory", bytes)
                log.check(
                    Self.contents(path) == bytes, label, "loading changed the file on disk", bytes)
                log.check(
                    folder.names() == [seed.name], label,
                    "loading left files behind: \(folder.names())", bytes)
            }
            if log.isFull { break }
        }

        let elapsed = Self.seconds(started.duration(to: clock.now))
        log.report(file: #filePath, line: #line)
        XCTAssertGreaterThan(
            invalid, Self.contentCount / 2, "\(root.context): most mutations should break the file")
        XCTAssertGreaterThan(
            parseErrors, Self.contentCount / 10,
            "\(root.context): few mutations broke the JSON itself")
        XCTAssertLessThan(
            invalid, Self.contentCount,
            "\(root.context): no mutation left a valid file (BOMs, -0 …)")
        print(
            """
            FuzzTests content: \(Self.contentCount) files (\(Self.contentOnDisk) also from disk) in \
            \(String(format: "%.2f", elapsed)) s, \(Int(Double(Self.contentCount) / elapsed)) files/s, \(root.context); \
            \(invalid) invalid, \(parseErrors) not JSON
            """)
    }

    /// No crash, and when invalid, issues that name the file; broken JSON is reported as
    /// such with a line and column inside the file.
    private func checkLoaded(
        _ result: ContentLoadResult, name: String, bytes: [UInt8], label: String,
        log: inout FailureLog
    ) {
        if !result.isValid {
            log.check(
                result.issues.contains {
                    $0.description.hasPrefix(name + ": ") && $0.severity == .error
                }, label,
                "invalid, but no error names \(name): \(result.issues.prefix(3))", bytes)
        }
        for issue in result.issues
        where !issue.description.hasPrefix(name + ": ") || issue.message.isEmpty {
            log.fail(label, "the issue '\(issue)' does not name the file or says nothing", bytes)
            break
        }
        // Broken JSON is reported as such, with the parser's line and column inside the file.
        if let first = result.errors.first, first.message.hasPrefix("not valid JSON") {
            log.check(
                first.path.isEmpty && Self.placeIsInside(first.message, bytes), label,
                "'\(first)' names no place in the file", bytes)
        }
    }

    // MARK: Helpers

    /// The mutation for case `i`: a 1 MB string for one case in 200, else one at random.
    static func kind(_ i: Int, _ random: inout SeededRandom) -> Mutator.Kind {
        i % 200 == 199 ? .hugeString : Mutator.pickKind(&random)
    }

    /// "not valid JSON: line L, column C: what": a line and column that exist in the file
    /// (the column may be one past a line's end), and a non-empty explanation. Read from
    /// the message rather than by parsing again: parsing is the slow part of a debug run.
    static func placeIsInside(_ message: String, _ bytes: [UInt8]) -> Bool {
        let prefix = "not valid JSON: line "
        guard message.hasPrefix(prefix) else { return false }
        let parts = message.dropFirst(prefix.count).split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[1].trimmingCharacters(in: .whitespaces).isEmpty else {
            return false
        }
        let numbers = parts[0].split(separator: ",")
        guard numbers.count == 2, let line = Int(numbers[0]),
            numbers[1].hasPrefix(" column "),
            let column = Int(numbers[1].dropFirst(" column ".count))
        else { return false }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, column >= 1 else { return false }
        return column <= lines[line - 1].count + 1
    }

    static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func name(of outcome: SessionDecoding.Outcome) -> String {
        switch outcome {
        case .current: return "current"
        case .migrated: return "migrated"
        case .newer: return "newer"
        case .corrupt: return "corrupt"
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

// MARK: - Seeds

/// Valid files to mutate, each with its parsed tree.
enum FuzzSeeds {
    struct Seed {
        var name: String
        var bytes: [UInt8]
        var tree: JSONValue
    }

    static func seed(_ name: String, _ bytes: [UInt8]) throws -> Seed {
        Seed(name: name, bytes: bytes, tree: try JSONParser.parse(bytes))
    }

    /// A current file with three checklists, the same as a version-0 file (no schemaVersion,
    /// no lastOpened), and one from a newer CardGuide with a field this one does not know.
    static func sessions() throws -> [Seed] {
        let started = Date(timeIntervalSince1970: 1_700_000_000)
        let checklists = [
            Checklist(
                countryID: "fr", cardID: "fr-vitale", methodID: "fr-vitale-worker",
                currentStepID: "fr-vitale-worker-3",
                stepStatus: [
                    "fr-vitale-worker-1": .done, "fr-vitale-worker-2": .done,
                    "fr-vitale-worker-3": .inProgress,
                ],
                ticked: ["passport", "rib", "photo"], started: started,
                changed: started.addingTimeInterval(3600),
                contentFingerprint: "0123456789abcdef"),
            Checklist(
                countryID: "cn", cardID: "cn-card", methodID: "cn-card-bank", currentStepID: "s1",
                stepStatus: ["s1": .inProgress], ticked: [], started: started, changed: started,
                contentFingerprint: "fedcba9876543210"),
            Checklist(
                countryID: "de", cardID: "de-egk", methodID: "de-egk-app",
                currentStepID: "de-egk-app-2",
                stepStatus: ["de-egk-app-1": .done], ticked: ["egk"], started: started,
                changed: started.addingTimeInterval(60),
                contentFingerprint: "0123456789abcdef"),
        ]
        let current = SessionCoding.encode(
            SessionFile(language: .zh, checklists: checklists, lastOpened: "fr-vitale-worker"))
        guard case .object(let members) = try JSONParser.parse(current) else {
            throw FuzzError.notAnObject
        }
        let old = JSONValue.object(
            members.filter { $0.key != "schemaVersion" && $0.key != "lastOpened" })
        let newer = JSONValue.object(
            members.map { $0.key == "schemaVersion" ? ($0.key, .number(2)) : $0 }
                + [("profiles", .object([("desk-1", .array([.string("未来的字段")]))]))])
        return [
            try seed("session.json", current), try seed("session-v0.json", Mutator.serialize(old)),
            try seed("session-v2.json", Mutator.serialize(newer)),
        ]
    }

    /// Small self-contained packs cut from the shipped one, one per card file: the country, a
    /// safety rule, one card with one method of two steps, a caution, two questions, and the
    /// sources they cite. Small, so that 10,000 of them load in seconds
    /// in a debug build; real, so that the loader sees real text.
    static func content() throws -> [Seed] {
        let directory = BundledContent.directory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".json")
        }.sorted()
        var files: [String: JSONValue] = [:]
        for name in names {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory + "/" + name))
            files[name] = try JSONParser.parse([UInt8](bytes))
        }
        // In file-name order, never a dictionary's: the seeds, and so every mutation, must be
        // the same bytes in every run.
        let trees = names.compactMap { files[$0] }
        let allSources = trees.flatMap { $0["sources"].map(elements) ?? [] }
        let allCountries = trees.flatMap { $0["countries"].map(elements) ?? [] }
        let rules = trees.flatMap { $0["safety"].map(elements) ?? [] }
        var seeds: [Seed] = []
        for name in names {
            guard let file = files[name], case .string(let country)? = file["country"],
                let card = file["cards"].map(elements)?.first
            else { continue }
            // The first rule about this country (a rule names its countries, or none for all).
            let safety = Array(
                rules.filter { rule in
                    guard let countries = rule["countries"].map(elements) else { return true }
                    return countries.contains(.string(country))
                }.prefix(1))
            let trimmed = trim(card)
            let cited = Set(citedSources(.array([trimmed] + safety)))
            let sources = allSources.filter {
                if case .string(let id)? = $0["id"] {
                    return cited.contains(id)
                } else {
                    return false
                }
            }
            let countries = allCountries.filter { $0["id"] == .string(country) }
            let pack = JSONValue.object([
                ("schemaVersion", .number(1)), ("countries", .array(countries)),
                ("safety", .array(safety)),
                ("sources", .array(sources)), ("country", .string(country)),
                ("cards", .array([trimmed])),
            ])
            seeds.append(try seed("fuzz-" + name, Mutator.serialize(pack)))
        }
        guard !seeds.isEmpty else { throw FuzzError.noContent }
        return seeds
    }

    private static func elements(_ value: JSONValue) -> [JSONValue] {
        if case .array(let elements) = value { return elements }
        return []
    }

    private static func trim(_ card: JSONValue) -> JSONValue {
        guard case .object(let members) = card else { return card }
        return .object(
            members.compactMap { member -> (key: String, value: JSONValue)? in
                switch member.key {
                case "methods":
                    let methods = elements(member.value).prefix(1).map { method -> JSONValue in
                        guard case .object(let fields) = method else { return method }
                        return .object(
                            fields.map {
                                $0.key == "steps"
                                    ? ($0.key, .array(Array(elements($0.value).prefix(2)))) : $0
                            })
                    }
                    return (member.key, .array(methods))
                case "cautions":
                    return (member.key, .array(Array(elements(member.value).prefix(1))))
                case "faq": return (member.key, .array(Array(elements(member.value).prefix(2))))
                case "comparisons": return nil // they name methods this cut leaves out
                default: return member
                }
            })
    }

    private static func citedSources(_ value: JSONValue) -> [String] {
        switch value {
        case .object(let members):
            return members.flatMap { member -> [String] in
                if member.key == "sources" {
                    return elements(member.value).compactMap {
                        if case .string(let id) = $0 { return id } else { return nil }
                    }
                }
                return citedSources(member.value)
            }
        case .array(let elements): return elements.flatMap(citedSources)
        default: return []
        }
    }

    enum FuzzError: Error { case notAnObject, noContent }
}

// MARK: - Support

/// A private folder under the temporary directory, removed at the end.
final class FuzzFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory().appending(
            "cardguide-fuzz-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func clear() {
        for name in names() { try? FileManager.default.removeItem(atPath: path + "/" + name) }
    }
}

/// Collects failures instead of failing 10,000 times: the first few are reported, each with
/// its case and seed, and the first failing input is kept in a file for a closer look.
struct FailureLog {
    let context: String
    private(set) var failures: [String] = []
    private(set) var total = 0
    static let limit = 10

    init(context: String) { self.context = context }

    var isFull: Bool { total >= 200 }

    mutating func check(
        _ condition: Bool, _ label: String, _ message: @autoclosure () -> String, _ bytes: [UInt8]
    ) {
        if !condition { fail(label, message(), bytes) }
    }

    mutating func fail(_ label: String, _ message: String, _ bytes: [UInt8]) {
        total += 1
        guard failures.count < Self.limit else { return }
        var text = "\(context), \(label): \(message)"
        if failures.isEmpty {
            let kept = NSTemporaryDirectory().appending("cardguide-fuzz-failure-\(getpid()).json")
            if FileManager.default.createFile(atPath: kept, contents: Data(bytes)) {
                text += " (input kept in \(kept))"
            }
        }
        failures.append(text)
    }

    func report(file: StaticString, line: UInt) {
        for failure in failures { XCTFail(failure, file: file, line: line) }
        if total > failures.count {
            XCTFail("\(context): \(total - failures.count) more failures", file: file, line: line)
        }
    }
}
