import CardGuideContent
import CardGuideCore
import CardGuideUI
import Foundation

/// What the shipped-pack figures leave for the large-pack ones and the closing rows.
struct ShippedPackRun {
    let pack: ContentPack
    var table: Table
    let save: CoreBench.SaveResult
    let cacheSandbox: Sandbox
    let peakRSSKiB: Int
}

extension Bench {
    /// In process, the shipped pack: load with and without the cache, per-key work at two
    /// sizes, session saves.
    static func shippedPackFigures(options: Options, into report: inout BenchReport)
        -> ShippedPackRun
    {

        log("in process: content load, per-key work, session save ...")
        let (shippedLoad, shippedPack) = CoreBench.load(
            directory: BundledContent.directory, runs: 11)
        guard let pack = shippedPack, shippedLoad.valid else {
            log("cardguide-bench: the shipped pack does not load: \(shippedLoad.errors.prefix(5))")
            exit(1)
        }
        let shippedBytes =
            ((try? FileManager.default.contentsOfDirectory(atPath: BundledContent.directory)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .compactMap {
                try? FileManager.default.attributesOfItem(
                    atPath: BundledContent.directory + "/" + $0)[.size] as? Int
            }
            .reduce(0, +)
        let shippedParse = CoreBench.parseOnly(directory: BundledContent.directory, runs: 11)
        // Keys before the cache round trips: their 21 loads leave the heap in a state the app,
        // which loads once, never sees (it raised the per-key p99 by 0.03 ms).
        let small = KeyBench.run(
            pack: pack, size: Size(width: 80, height: 24), passes: options.keyPasses,
            trace: options.traceKeys)
        let big = KeyBench.run(
            pack: pack, size: Size(width: 200, height: 60), passes: options.keyPasses)
        let cacheSandbox = Sandbox()
        let shippedCache = CoreBench.cachedLoad(
            directory: BundledContent.directory, cacheFolder: cacheSandbox.root + "/shipped",
            runs: 21)
        let session = CoreBench.sessionFile(pack: pack, count: 3)
        let save = CoreBench.save(session, count: options.saves)
        let benchRSSShipped = selfPeakRSSKiB()

        #if DEBUG
        let build = "DEBUG build: not comparable"
        #else
        let build = "release build"
        #endif
        var inProcess = Table(
            "In process (\(build); times per operation)", header: ["figure", "value", "detail"])
        inProcess.add([
            "per-key update+render+diff, 80x24",
            "median \(ms(small.perKey.median, 3)), p99 \(ms(small.perKey.percentile(99), 3))",
            "max \(ms(small.perKey.max, 3)); \(small.perKey.count) keys (\(small.keys)-key script x \(small.runs))",
        ])
        inProcess.add([
            "per-key update+render+diff, 200x60",
            "median \(ms(big.perKey.median, 3)), p99 \(ms(big.perKey.percentile(99), 3))",
            "max \(ms(big.perKey.max, 3)); \(big.perKey.count) keys",
        ])
        inProcess.add([
            "content load+validate (no cache), shipped pack",
            "median \(ms(shippedLoad.times.median))",
            "min \(ms(shippedLoad.times.min)); \(shippedLoad.times.count) loads; \(format(Double(shippedBytes) / 1024, 0)) KiB, \(shippedLoad.steps) steps, \(shippedLoad.faq) FAQ",
        ])
        inProcess.add([
            "  of which reading + JSON parse", "median \(ms(shippedParse.median))",
            "the rest: model, rules, cross-checks",
        ])
        inProcess.add(cacheRow("shipped pack", shippedCache))
        inProcess.add([
            "session save (fsync incl.)", "mean \(ms(save.times.mean, 3))",
            "median \(ms(save.times.median, 3)), max \(ms(save.times.max, 3)); \(save.times.count) saves of \(save.fileBytes) bytes, \(save.checklists) checklists\(save.failures > 0 ? ", \(save.failures) FAILED" : "")",
        ])
        report.json["keys80x24"] = small.json()
        report.json["keys200x60"] = big.json()
        report.json["loadShipped"] = shippedLoad.json().merging([
            "bytes": shippedBytes, "readAndParseMs": shippedParse.summary(unit: "ms"),
            "cache": shippedCache.json(),
        ]) { $1 }
        report.json["sessionSave"] = save.json()
        report.targets.append(
            Target(
                name: "per-key update+render+diff p99, 80x24", limit: "<= 0.2 ms",
                figure: ms(small.perKey.percentile(99), 3), pass: small.perKey.percentile(99) <= 0.2
            ))

        return ShippedPackRun(
            pack: pack, table: inProcess, save: save, cacheSandbox: cacheSandbox,
            peakRSSKiB: benchRSSShipped)
    }
}
