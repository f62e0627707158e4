import CardGuideCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension Bench {
    /// In process and in the pty, a generated pack of 200 countries, 10,000 steps and 50,000
    /// FAQ entries: load with and without the cache, search per keystroke. Returns this
    /// process's peak RSS afterwards.
    static func largePackFigures(
        app: String, options: Options, shipped: inout ShippedPackRun,
        into report: inout BenchReport
    ) -> Int? {
        let pack = shipped.pack
        let cacheSandbox = shipped.cacheSandbox
        var benchRSSLarge: Int?
        let sandbox = Sandbox()
        let folder = sandbox.root + "/large-pack"
        log("large pack: generating in \(folder) ...")
        do {
            let summary = try LargePack.write(from: pack, into: folder)
            log(
                "large pack: \(summary.files) files, \(format(Double(summary.bytes) / 1_048_576, 1)) MiB; loading \(options.loadRuns) times ..."
            )
            let (largeLoad, largePack) = CoreBench.load(directory: folder, runs: options.loadRuns)
            let largeParse = CoreBench.parseOnly(
                directory: folder, runs: max(1, options.loadRuns / 2))
            if !largeLoad.valid { log("large pack is not valid: \(largeLoad.errors.prefix(5))") }
            log("large pack: through the content cache ...")
            let largeCache = CoreBench.cachedLoad(
                directory: folder, cacheFolder: cacheSandbox.root + "/large",
                runs: 2 * options.loadRuns + 1)
            report.json["loadLarge"] = largeLoad.json().merging([
                "bytes": summary.bytes, "files": summary.files,
                "readAndParseMs": largeParse.summary(unit: "ms"), "cache": largeCache.json(),
            ]) { $1 }
            shipped.table.add([
                "content load+validate (no cache), large pack",
                "median \(ms(largeLoad.times.median, 1))",
                "min \(ms(largeLoad.times.min, 1)); \(largeLoad.times.count) loads; \(format(Double(summary.bytes) / 1_048_576, 1)) MiB in \(summary.files) files; \(largeLoad.countries) countries, \(largeLoad.steps) steps, \(largeLoad.faq) FAQ\(largeLoad.valid ? "" : "; NOT VALID")",
            ])
            shipped.table.add([
                "  of which reading + JSON parse", "median \(ms(largeParse.median, 1))",
                "the rest: model, rules, cross-checks",
            ])
            shipped.table.add(cacheRow("large pack", largeCache))
            report.targets.append(
                Target(
                    name: "content load+validate, large pack (median)", limit: "<= 50 ms",
                    figure: ms(largeLoad.times.median, 1),
                    pass: largeLoad.valid && largeLoad.times.median <= 50))
            report.targets.append(
                Target(
                    name: "content load from cache (warm), large pack (median)", limit: "<= 50 ms",
                    figure: ms(largeCache.warm.median, 1),
                    pass: largeCache.warm.isEmpty
                        ? nil : largeCache.sameAsFullLoad && largeCache.warm.median <= 50))
            if let largePack {
                log("large pack: search ...")
                var start = nowNanos()
                let zh = SearchIndex(pack: largePack, language: .zh)
                let zhBuild = milliseconds(start, nowNanos())
                start = nowNanos()
                let en = SearchIndex(pack: largePack, language: .en)
                let enBuild = milliseconds(start, nowNanos())
                shipped.table.add([
                    "search index build, large pack", "zh \(ms(zhBuild, 1)), en \(ms(enBuild, 1))",
                    "\(zh.documents.count) documents per language (once, on the first search)",
                ])
                var queries: [[String: Any]] = []
                var worst = 0.0
                for (query, language, index) in [
                    ("密码", Language.zh, zh), ("carte vitale", .en, en), ("activation", .en, en),
                ] {
                    let result = CoreBench.search(
                        query, language: language, index: index, pack: largePack,
                        repeats: options.searchRepeats)
                    queries.append(result.json())
                    worst = max(worst, result.perKeystroke.max)
                    shipped.table.add([
                        "search per keystroke \"\(query)\" (\(language.rawValue))",
                        "mean \(ms(result.perKeystroke.mean)), max \(ms(result.perKeystroke.max))",
                        "fresh whole query \(ms(result.fresh.mean)); app keystroke (update+render+diff) mean \(ms(result.appKeystroke.mean)), max \(ms(result.appKeystroke.max)); \(result.hits) hits; \(result.matchesReference ? "same hits as a plain scan" : "DIFFERENT HITS FROM A PLAIN SCAN")",
                    ])
                    report.targets.append(
                        Target(
                            name: "search per keystroke \"\(query)\", 50,000 FAQ (max)",
                            limit: "<= 5 ms",
                            figure: ms(result.perKeystroke.max)
                                + " (mean \(ms(result.perKeystroke.mean)))",
                            pass: result.perKeystroke.max <= 5))
                }
                report.json["search"] = [
                    "indexBuildMs": ["zh": zhBuild, "en": enBuild], "documents": zh.documents.count,
                    "queries": queries,
                ]
                _ = worst
            }
            benchRSSLarge = selfPeakRSSKiB()

            // The app itself with the large pack, in the pty.
            if options.pty, access(app, X_OK) == 0 {
                log("large pack: CardGuide start-up in the pty ...")
                let program = TerminalProgram(
                    name: "CardGuide", executable: app, arguments: ["--content", folder],
                    marker: "退出",
                    downKey: nil, upKey: nil, itemsBelow: 0)
                _ = TerminalBench.startup(program, runs: 1) // writes the content cache
                let result = TerminalBench.startup(program, runs: 3)
                for failure in result.failures { log("  large pack: \(failure)") }
                report.json["terminalLargePack"] = result.json()
                shipped.table.add([
                    "CardGuide with the large pack, pty",
                    "first frame median \(ms(result.firstFrame.median, 1))",
                    "peak RSS \(mib(result.peakRSSKiB.max)); \(result.firstFrame.count) runs",
                ])
            }
        } catch {
            log("large pack: cannot write it: \(error)")
        }
        return benchRSSLarge
    }
}
