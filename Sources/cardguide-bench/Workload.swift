import CardGuideContent
import CardGuideCore
import CardGuideStorage
import CardGuideUI
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One workload alone, for a profiler: `cardguide-bench --workload load-shipped 20`, then
/// `perf record -g` or `perf stat -e instructions:u` (instruction counts repeat to within a
/// fraction of a percent even on a busy machine, unlike times).
enum Workload {
    static func run(_ arguments: [String]) -> Never {
        let name = arguments.first ?? ""
        let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 1
        let shipped = BundledContent.directory
        func shippedPack() -> ContentPack {
            guard let pack = ContentLoader.load(directory: shipped).pack else {
                fatalError("the shipped pack does not load")
            }
            return pack
        }
        func largeFolder() -> String {
            // Kept between runs of the same profile session: generating it is not the workload.
            let folder = "/tmp/cardguide-bench-large-pack"
            if !FileManager.default.fileExists(atPath: folder + "/x199.json") {
                _ = try? LargePack.write(from: shippedPack(), into: folder)
            }
            return folder
        }
        let start = nowNanos()
        switch name {
        case "load-shipped":
            for _ in 0..<count { _ = ContentLoader.load(directory: shipped) }
        case "cache-shipped", "cache-large":
            // A fresh cache folder, written once (not measured), then `count` warm loads.
            let folder = name == "cache-shipped" ? shipped : largeFolder()
            let sandbox = Sandbox()
            guard
                CoreBench.primeCache(directory: folder, cacheFolder: sandbox.root + "/cache") != nil
            else { fatalError("no cache written") }
            let begin = nowNanos()
            for _ in 0..<count {
                _ = CachedContent.load(directory: folder, cacheFolder: sandbox.root + "/cache")
            }
            print(
                "\(name): \(format(milliseconds(begin, nowNanos()) / Double(count), 2)) ms per warm load"
            )
            sandbox.remove() // exit() below runs no deinit
        case "parse-shipped":
            _ = CoreBench.parseOnly(directory: shipped, runs: count)
        case "load-large":
            let folder = largeFolder()
            let begin = nowNanos()
            for _ in 0..<count { _ = ContentLoader.load(directory: folder) }
            print(
                "load-large: \(format(milliseconds(begin, nowNanos()) / Double(count), 1)) ms per load"
            )
        case "parse-large":
            let folder = largeFolder()
            print(
                "parse-large: \(format(CoreBench.parseOnly(directory: folder, runs: count).median, 1)) ms median"
            )
        case "keys-80x24", "keys-200x60":
            let size =
                name == "keys-80x24" ? Size(width: 80, height: 24) : Size(width: 200, height: 60)
            let result = KeyBench.run(pack: shippedPack(), size: size, passes: count)
            print(
                "\(name): median \(format(result.perKey.median, 3)) ms, p99 \(format(result.perKey.percentile(99), 3)) ms"
            )
            for line in KeyBench.slowest(result, count: 12) { print("  " + line) }
        case "search-zh", "search-en":
            guard let pack = ContentLoader.load(directory: largeFolder()).pack else {
                fatalError("no large pack")
            }
            let language: Language = name == "search-zh" ? .zh : .en
            let index = SearchIndex(pack: pack, language: language)
            let begin = nowNanos()
            for query in language == .zh ? ["密码"] : ["carte vitale", "activation"] {
                let result = CoreBench.search(
                    query, language: language, index: index, pack: pack, repeats: count)
                print(
                    "\(query): per keystroke mean \(format(result.perKeystroke.mean)) ms, max \(format(result.perKeystroke.max)) ms; app keystroke mean \(format(result.appKeystroke.mean)) ms"
                )
                print(
                    "  last pass, per keystroke: "
                        + result.perKeystroke.values.suffix(query.count).map { format($0) }.joined(
                            separator: " "))
            }
            print("searching: \(format(milliseconds(begin, nowNanos()), 1)) ms")
        default:
            print("unknown workload '\(name)'\n\(Bench.usage)")
            exit(2)
        }
        print("\(name) x\(count): \(format(milliseconds(start, nowNanos()), 1)) ms")
        exit(0)
    }
}
