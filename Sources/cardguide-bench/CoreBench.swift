import CardGuideCore
import CardGuideStorage
import CardGuideUI
import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Content loading, search and session saving, in process.
enum CoreBench {
    struct LoadResult {
        var times = Sample()
        var valid = false
        var errors: [String] = []
        var countries = 0, cards = 0, steps = 0, faq = 0

        func json() -> [String: Any] {
            [
                "loadMs": times.summary(unit: "ms"), "valid": valid,
                "errors": Array(errors.prefix(10)),
                "countries": countries, "cards": cards, "steps": steps, "faq": faq,
            ]
        }
    }

    /// Loads and validates the pack in `directory` `runs` times (files read from disk each time).
    static func load(directory: String, runs: Int) -> (LoadResult, ContentPack?) {
        var result = LoadResult()
        var pack: ContentPack?
        for _ in 0..<runs {
            let start = nowNanos()
            let loaded = ContentLoader.load(directory: directory)
            let end = nowNanos()
            result.times.add(milliseconds(start, end))
            result.valid = loaded.isValid
            result.errors = loaded.errors.map(\.description)
            pack = loaded.pack
        }
        if let pack {
            result.countries = pack.countries.count
            result.cards = pack.cards.count
            result.steps = pack.cards.flatMap(\.methods).map(\.steps.count).reduce(0, +)
            result.faq = pack.allFAQ.count
        }
        return (result, pack)
    }

    struct CacheResult {
        /// Loads that found a valid cache.
        var warm = Sample()
        /// The load that wrote the cache: parse, validate, encode and write.
        var cold: Double?
        var cacheBytes = 0
        /// Every warm load returned what the plain load returned (pack, issues, fingerprint).
        var sameAsFullLoad = true
        var failure: String?

        func json() -> [String: Any] {
            [
                "warmMs": warm.summary(unit: "ms"), "coldWithWriteMs": cold as Any,
                "cacheBytes": cacheBytes,
                "sameAsFullLoad": sameAsFullLoad, "failure": failure as Any,
            ]
        }
    }

    /// Loads through the content cache in a private cache folder: once to write it, then
    /// `runs` warm loads, each compared with the load that wrote it.
    static func cachedLoad(directory: String, cacheFolder: String, runs: Int) -> CacheResult {
        var result = CacheResult()
        guard let (expected, cold) = primeCache(directory: directory, cacheFolder: cacheFolder)
        else {
            result.failure =
                "no cache was written (files changed within the last 2 s, or the cache folder is not writable)"
            return result
        }
        result.cold = cold
        for _ in 0..<runs {
            let start = nowNanos()
            let (loaded, outcome) = CachedContent.loadReporting(
                directory: directory, cacheFolder: cacheFolder)
            result.warm.add(milliseconds(start, nowNanos()))
            if outcome != .hit { result.failure = "a warm load missed the cache: \(outcome)" }
            if loaded != expected { result.sameAsFullLoad = false }
        }
        result.cacheBytes =
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? [])
            .compactMap {
                try? FileManager.default.attributesOfItem(atPath: cacheFolder + "/" + $0)[.size]
                    as? Int
            }
            .reduce(0, +)
        return result
    }

    /// Writes the cache of `directory` into an empty `cacheFolder` and returns the plain
    /// load's result and its time (ms). A pack written a moment ago is inside the cache's racy
    /// window: wait it out.
    static func primeCache(directory: String, cacheFolder: String) -> (ContentLoadResult, Double)? {
        for _ in 0..<4 {
            let start = nowNanos()
            let (loaded, outcome) = CachedContent.loadReporting(
                directory: directory, cacheFolder: cacheFolder)
            let time = milliseconds(start, nowNanos())
            if outcome == .miss(written: true) { return (loaded, time) }
            sleep(1)
        }
        return nil
    }

    /// The part of a load that is reading the files and parsing the JSON, without the model
    /// and the rules: where the rest of the load time goes.
    static func parseOnly(directory: String, runs: Int) -> Sample {
        var times = Sample()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter
        { $0.hasSuffix(".json") }.sorted()
        var sink = 0
        for _ in 0..<runs {
            let start = nowNanos()
            for name in names {
                guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                    continue
                }
                if case .object(let members)? = try? JSONParser.parse([UInt8](data)) {
                    sink &+= members.count
                }
            }
            times.add(milliseconds(start, nowNanos()))
        }
        if sink == 42 { print("") }
        return times
    }

    struct QueryResult {
        var query: String
        var language: Language
        /// Each keystroke's search, typed one character at a time through `within:` (the first
        /// character scans every document, as in the app).
        var perKeystroke = Sample()
        /// The whole query searched from scratch.
        var fresh = Sample()
        /// The app's whole keystroke in the search screen: update (search included) + render + diff.
        var appKeystroke = Sample()
        var hits = 0
        /// Every keystroke's hits equal those of a plain scan written for this check.
        var matchesReference = false

        func json() -> [String: Any] {
            [
                "query": query, "language": language.rawValue, "hits": hits,
                "matchesReference": matchesReference,
                "perKeystrokeMs": perKeystroke.summary(unit: "ms"),
                "freshSearchMs": fresh.summary(unit: "ms"),
                "appKeystrokeMs": appKeystroke.summary(unit: "ms"),
            ]
        }
    }

    /// Types `query` one character at a time, `repeats` times, over a prebuilt index.
    static func search(
        _ query: String, language: Language, index: SearchIndex, pack: ContentPack, repeats: Int
    ) -> QueryResult {
        var result = QueryResult(query: query, language: language)
        var typed: [String] = []
        var prefix = ""
        for character in query {
            prefix.append(character)
            typed.append(prefix)
        }
        var sink = 0
        for _ in 0..<repeats {
            var previous: [SearchIndex.Hit]? = nil
            for text in typed {
                let start = nowNanos()
                let hits = index.search(text, within: previous)
                result.perKeystroke.add(milliseconds(start, nowNanos()))
                previous = hits
            }
            result.hits = previous?.count ?? 0
            let start = nowNanos()
            sink &+= index.search(query).count
            result.fresh.add(milliseconds(start, nowNanos()))
        }

        // Correctness: each prefix, typed incrementally and searched fresh, against a plain scan.
        let reference = ReferenceSearch(pack: pack, language: language)
        var previous: [SearchIndex.Hit]? = nil
        result.matchesReference = true
        for text in typed {
            let hits = index.search(text, within: previous)
            let expected = reference.search(text)
            func same(_ found: [SearchIndex.Hit]) -> Bool {
                found.count == expected.count
                    && zip(found, expected).allSatisfy {
                        $0.document == $1.document && $0.score == $1.score
                    }
            }
            if !same(hits) || !same(index.search(text)) { result.matchesReference = false }
            previous = hits
        }

        // The same typing through the app, with the index already built (as after the first search).
        var state = AppState(pack: pack, language: language, size: Size(width: 80, height: 24))
        let clock = Date(timeIntervalSince1970: 1_800_000_000)
        _ = Update.key(.char("/"), to: &state, now: clock)
        _ = Update.key(.char("x"), to: &state, now: clock) // builds the index
        _ = Update.key(.backspace, to: &state, now: clock)
        var last = View.render(state)
        for _ in 0..<repeats {
            for character in query {
                let start = nowNanos()
                sink &+= Update.key(.char(character), to: &state, now: clock).count
                let frame = View.render(state)
                sink &+= GridDiff.runs(from: last, to: frame).count
                result.appKeystroke.add(milliseconds(start, nowNanos()))
                last = frame
            }
            for _ in query { _ = Update.key(.backspace, to: &state, now: clock) }
            last = View.render(state)
        }
        if sink == 42 { print("") }
        return result
    }

    struct SaveResult {
        var times = Sample()
        var fileBytes = 0
        var checklists = 0
        var failures = 0

        func json() -> [String: Any] {
            [
                "saveMs": times.summary(unit: "ms"), "fileBytes": fileBytes,
                "checklists": checklists, "failures": failures,
            ]
        }
    }

    /// Saves a session `count` times through `SessionStore` (temporary file, write, fsync,
    /// rename, folder fsync), in a temporary folder.
    static func save(_ file: SessionFile, count: Int) -> SaveResult {
        var result = SaveResult()
        let sandbox = Sandbox()
        let path = sandbox.root + "/state/cardguide/session.json"
        let (store, _) = SessionStore.open(path: path)
        defer { store.close() }
        var file = file
        for n in 0..<count {
            // Each save differs a little, as after a tick.
            file.lastOpened = file.checklists[n % max(1, file.checklists.count)].methodID
            let start = nowNanos()
            if store.save(file) != nil { result.failures += 1 }
            result.times.add(milliseconds(start, nowNanos()))
        }
        var info = stat()
        if stat(path, &info) == 0 { result.fileBytes = Int(info.st_size) }
        result.checklists = file.checklists.count
        return result
    }

    /// A realistic session: a checklist for every method of the first `count` cards, each a
    /// few steps in, with its materials so far ticked.
    static func sessionFile(pack: ContentPack, count: Int) -> SessionFile {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var checklists: [Checklist] = []
        for card in pack.cards.prefix(count) {
            for method in card.methods {
                var checklist = Checklist(
                    countryID: card.countryID, cardID: card.id, method: method, now: now,
                    contentFingerprint: pack.fingerprint)
                let upTo = min(method.steps.count - 1, 3)
                for index in 0...upTo {
                    for material in method.steps[index].bring {
                        checklist.toggle(material: material.id, in: method, now: now)
                    }
                    if index < upTo {
                        checklist.toggleDone(step: method.steps[index].id, in: method, now: now)
                    }
                }
                checklist.go(to: upTo, in: method, now: now)
                checklists.append(checklist)
            }
        }
        return SessionFile(
            language: .zh, checklists: checklists, lastOpened: checklists.first?.methodID)
    }
}

/// This process's peak resident memory so far, in KiB.
func selfPeakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
}
