import CardGuideContent
import CardGuideCore
import CardGuideUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cardguide-bench`: start-up, memory and bytes on the wire in a pseudo-terminal (against
/// dialog and whiptail when installed), and per-key, load, search and save times in process.
/// Prints tables and writes every figure as JSON. Run it with `Benchmarks/run.sh`.
@main
struct Bench {
    struct Options {
        var app: String?
        var json: String?
        var runs = 15
        var keyPasses = 25
        var loadRuns = 5
        var searchRepeats = 20
        var saves = 200
        var pty = true
        var large = true
        var traceKeys = false
    }

    static let usage = """
        usage: cardguide-bench [--app PATH] [--json PATH] [--runs N] [--quick] [--no-pty] [--no-large] [--trace-keys]
          --app PATH    the cardguide binary to start in the pty (default: the one beside this program)
          --json PATH   where to write the figures (default: .build/bench-results.json under the
                        current folder when it is the package root, else beside this program)
          --runs N      start-up runs per program (default 15, at least 10 for the report)
          --quick       fewer repetitions everywhere (a smoke test; figures are noisier)
          --no-pty      skip the pseudo-terminal measurements
          --no-large    skip the generated 50,000-entry pack
          --workload NAME [N]  run one workload N times and exit, for a profiler (perf record,
                        perf stat -e instructions, valgrind): load-shipped, parse-shipped,
                        cache-shipped (warm loads through the content cache), load-large,
                        parse-large, cache-large, keys-80x24, keys-200x60, search-zh, search-en
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ name: String) -> String {
            guard let value = rest.popFirst() else {
                print("cardguide-bench: \(name) needs a value\n\(usage)")
                exit(2)
            }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--app": options.app = value(argument)
            case "--json": options.json = value(argument)
            case "--runs": options.runs = max(1, Int(value(argument)) ?? 15)
            case "--quick":
                options.runs = 5; options.keyPasses = 5; options.loadRuns = 2; options.searchRepeats = 3; options.saves = 20
            case "--no-pty": options.pty = false
            case "--no-large": options.large = false
            case "--trace-keys": options.traceKeys = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                print("cardguide-bench: unknown argument \(argument)\n\(usage)")
                exit(2)
            }
        }
        return options
    }

    /// The start-up floor: this program is a static Swift binary with Foundation and the
    /// app's pure modules, like cardguide without ncurses, ArgumentParser, content or session.
    /// It prints the marker at once and waits for the end of its input.
    static func probeFrame() -> Never {
        var text = Array("退出\n".utf8)
        _ = write(1, &text, text.count)
        var byte: UInt8 = 0
        while read(0, &byte, 1) > 0 {}
        exit(0)
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? cString(buffer) : CommandLine.arguments[0]
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// The first line a command prints (for tool versions), or nil.
    static func firstLine(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    static func cpuModel() -> String {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = text.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last
        return model.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    }

    static func log(_ text: String) {
        var bytes = Array((text + "\n").utf8)
        _ = write(2, &bytes, bytes.count)
    }

    static func mib(_ kib: Double?) -> String { kib.map { format($0 / 1024, 1) + " MiB" } ?? "-" }
    static func ms(_ value: Double?, _ digits: Int = 2) -> String { value.map { format($0, digits) + " ms" } ?? "-" }
    static func ratio(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, a.isFinite, b.isFinite, b > 0 else { return "-" }
        return format(a / b, 2) + "x"
    }

    static func cacheRow(_ pack: String, _ cache: CoreBench.CacheResult) -> [String] {
        ["content load from cache (warm), \(pack)", "median \(ms(cache.warm.median, 2))",
         cache.failure ?? "min \(ms(cache.warm.min, 2)); \(cache.warm.count) loads of a \(format(Double(cache.cacheBytes) / 1024, 0)) KiB cache; "
            + (cache.sameAsFullLoad ? "same result as the full load" : "DIFFERENT FROM THE FULL LOAD")
            + "; the load that wrote it \(ms(cache.cold, 1))"]
    }

    static func main() {
        if CommandLine.arguments.dropFirst().first == "--probe-frame" { probeFrame() }
        if CommandLine.arguments.dropFirst().first == "--workload" { Workload.run(Array(CommandLine.arguments.dropFirst(2))) }
        let options = parse(Array(CommandLine.arguments.dropFirst()))
        let benchPath = executablePath()
        let buildFolder = (benchPath as NSString).deletingLastPathComponent
        let app = options.app ?? buildFolder + "/cardguide"
        let cwd = FileManager.default.currentDirectoryPath
        let jsonPath = options.json ?? (FileManager.default.fileExists(atPath: cwd + "/Package.swift")
            ? cwd + "/.build/bench-results.json" : buildFolder + "/bench-results.json")

        var json: [String: Any] = [:]
        var targets: [Target] = []
        var tables: [Table] = []
        let swiftVersion = which("swift").flatMap { firstLine($0, ["--version"]) }
        json["machine"] = ["cpu": cpuModel(), "cpus": ProcessInfo.processInfo.activeProcessorCount,
                           "os": ProcessInfo.processInfo.operatingSystemVersionString, "swift": swiftVersion ?? "unknown"]
        json["date"] = ISO8601DateFormatter().string(from: Date())
        json["app"] = app
        json["inProcessClock"] = BenchClock.cpuTime ? "thread CPU time" : "wall time"
        if BenchClock.cpuTime { print("in-process figures use this thread's CPU time (CARDGUIDE_BENCH_CPU_TIME=1)") }
        print("CardGuide benchmark: \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) CPUs, \(swiftVersion ?? "")")
        print("app: \(app)")
        print("")

        // MARK: Pseudo-terminal

        var dialogFirstFrame: Double?
        if options.pty {
            if access(app, X_OK) != 0 {
                log("cardguide-bench: no cardguide binary at \(app): build it with 'swift build -c release --static-swift-stdlib --product cardguide' or pass --app PATH; skipping the pty measurements.")
                json["terminal"] = ["skipped": "no binary at \(app)"]
            } else {
                var programs = [TerminalProgram(name: "CardGuide", executable: app, arguments: [], marker: "退出",
                                                downKey: Array("j".utf8), upKey: Array("k".utf8), itemsBelow: 4)]
                var versions: [String: String] = [:]
                if let path = which("dialog") {
                    programs.append(.dialog(path))
                    versions["dialog"] = firstLine(path, ["--version"])
                } else {
                    log("dialog is not installed (apt-get install dialog): its column stays empty; the design notes' figures are shown instead.")
                }
                if let path = which("whiptail") {
                    programs.append(.whiptail(path))
                    versions["whiptail"] = firstLine(path, ["--version"])
                }
                log("pty: \(options.runs) start-up runs of \(programs.map(\.name).joined(separator: ", ")), interleaved ...")
                var startup = [StartupResult](repeating: StartupResult(), count: programs.count)
                // One unmeasured run each fills the page cache (and CardGuide's content cache, as
                // any start after the first finds it); then the programs take turns,
                // so a slow moment of the machine hits them alike.
                for (n, program) in programs.enumerated() { _ = TerminalBench.startup(program, runs: 1); _ = n }
                for run in 0..<options.runs {
                    for (n, program) in programs.enumerated() {
                        let one = TerminalBench.startup(program, runs: 1, firstRun: run)
                        startup[n].firstFrame = Sample(startup[n].firstFrame.values + one.firstFrame.values)
                        startup[n].marker = Sample(startup[n].marker.values + one.marker.values)
                        startup[n].frameBytes = Sample(startup[n].frameBytes.values + one.frameBytes.values)
                        startup[n].peakRSSKiB = Sample(startup[n].peakRSSKiB.values + one.peakRSSKiB.values)
                        startup[n].failures += one.failures
                    }
                }
                // Floors: what any program costs in this harness (/bin/echo), and what a static
                // Swift binary with Foundation costs before doing any work (this bench, probing).
                let floors = [TerminalProgram(name: "/bin/echo", executable: "/bin/echo", arguments: ["退出"], marker: "退出",
                                              downKey: nil, upKey: nil, itemsBelow: 0),
                              TerminalProgram(name: "static Swift + Foundation (this bench)", executable: benchPath,
                                              arguments: ["--probe-frame"], marker: "退出", downKey: nil, upKey: nil, itemsBelow: 0)]
                let floorResults = floors.map { TerminalBench.startup($0, runs: options.runs) }
                // The first start after an install or an edit of the pack: no content cache used.
                let uncached = TerminalBench.startup(TerminalProgram(name: "CardGuide --no-cache", executable: app, arguments: ["--no-cache"],
                                                                     marker: "退出", downKey: nil, upKey: nil, itemsBelow: 0),
                                                     runs: options.runs)
                log("pty: menu moves, checklist ticks, a search ...")
                let interactions = programs.enumerated().map { n, program in
                    TerminalBench.interaction(program, rounds: 2, cardGuide: n == 0)
                }
                for (n, program) in programs.enumerated() {
                    for failure in startup[n].failures + interactions[n].failures { log("  \(program.name): \(failure)") }
                }

                let ours = startup[0]
                let oursIO = interactions[0]
                func column(_ name: String) -> Int? { programs.firstIndex { $0.name == name } }
                let d = column("dialog"), w = column("whiptail")
                dialogFirstFrame = d.map { startup[$0].firstFrame.median }
                let frameLimit = (dialogFirstFrame ?? 3.7) * 1.5
                let oursPeak = max(ours.peakRSSKiB.max, oursIO.peakRSSKiB ?? 0)

                var table = Table("Terminal: \(TerminalBench.columns)x\(TerminalBench.rows) pty, TERM=\(TerminalBench.term), LANG=C.UTF-8, fresh state folder per run",
                                  header: ["figure", "CardGuide", "dialog", "whiptail", "ours/dialog", "design notes: dialog / whiptail"])
                func cell(_ index: Int?, _ value: (Int) -> String) -> String { index.map(value) ?? "-" }
                table.add(["exec -> first frame, median", ms(ours.firstFrame.median),
                           cell(d) { ms(startup[$0].firstFrame.median) }, cell(w) { ms(startup[$0].firstFrame.median) },
                           ratio(ours.firstFrame.median, dialogFirstFrame), "3.7 / 2.8 ms"])
                table.add(["  min .. max (\(ours.firstFrame.count) runs)",
                           format(ours.firstFrame.min) + " .. " + format(ours.firstFrame.max),
                           cell(d) { format(startup[$0].firstFrame.min) + " .. " + format(startup[$0].firstFrame.max) },
                           cell(w) { format(startup[$0].firstFrame.min) + " .. " + format(startup[$0].firstFrame.max) }, "", ""])
                table.add(["  marker text seen, median", ms(ours.marker.median), cell(d) { ms(startup[$0].marker.median) },
                           cell(w) { ms(startup[$0].marker.median) }, "", ""])
                table.add(["  CardGuide --no-cache (JSON parsed)", ms(uncached.firstFrame.median) + ", peak " + mib(uncached.peakRSSKiB.median),
                           "", "", "", ""])
                for (floor, result) in zip(floors, floorResults) {
                    table.add(["  floor: \(floor.name), first byte", ms(result.firstFrame.median)
                               + (result.peakRSSKiB.median > 0 ? ", " + mib(result.peakRSSKiB.median) : ""), "", "", "", ""])
                }
                table.add(["first frame, bytes", format(ours.frameBytes.median, 0), cell(d) { format(startup[$0].frameBytes.median, 0) },
                           cell(w) { format(startup[$0].frameBytes.median, 0) }, ratio(ours.frameBytes.median, d.map { startup[$0].frameBytes.median }), ""])
                table.add(["peak RSS, start-up only (median)", mib(ours.peakRSSKiB.median), cell(d) { mib(startup[$0].peakRSSKiB.median) },
                           cell(w) { mib(startup[$0].peakRSSKiB.median) }, ratio(ours.peakRSSKiB.median, d.map { startup[$0].peakRSSKiB.median }),
                           "3.1 / 3.9 MiB"])
                table.add(["peak RSS, whole session", mib(oursIO.peakRSSKiB), cell(d) { mib(interactions[$0].peakRSSKiB) },
                           cell(w) { mib(interactions[$0].peakRSSKiB) }, ratio(oursIO.peakRSSKiB, d.flatMap { interactions[$0].peakRSSKiB }), ""])
                table.add(["bytes per menu move, mean", format(oursIO.moveBytes.mean, 1), cell(d) { format(interactions[$0].moveBytes.mean, 1) },
                           cell(w) { format(interactions[$0].moveBytes.mean, 1) },
                           ratio(oursIO.moveBytes.mean, d.map { interactions[$0].moveBytes.mean }), "154 / 70 (floor ~60)"])
                table.add(["  min .. max (\(oursIO.moveBytes.count) moves)", format(oursIO.moveBytes.min, 0) + " .. " + format(oursIO.moveBytes.max, 0),
                           cell(d) { format(interactions[$0].moveBytes.min, 0) + " .. " + format(interactions[$0].moveBytes.max, 0) },
                           cell(w) { format(interactions[$0].moveBytes.min, 0) + " .. " + format(interactions[$0].moveBytes.max, 0) }, "", ""])
                table.add(["key -> last byte, median", ms(oursIO.moveLatency.median), cell(d) { ms(interactions[$0].moveLatency.median) },
                           cell(w) { ms(interactions[$0].moveLatency.median) }, "", ""])
                table.add(["bytes per checklist tick, mean", format(oursIO.tickBytes.mean, 1) + " (\(oursIO.tickBytes.count) ticks)", "", "", "", ""])
                table.add(["  tick -> last byte, median (save incl.)", ms(oursIO.tickLatency.median), "", "", "", ""])
                table.add(["bytes per search keystroke (密码)", format(oursIO.searchKeyBytes.mean, 1), "", "", "", ""])
                table.notes.append("first frame = exec to the last byte before 30 ms of silence (the silence itself not counted); a run counts only when")
                table.notes.append("the frame holds its marker text (CardGuide \"退出\", the last footer hint; dialog/whiptail \"Cancel\").")
                table.notes.append("menu: CardGuide's home list (j/k over 5 entries); dialog and whiptail: --menu with 10 items (arrow keys).")
                if d == nil { table.notes.append("dialog not installed: the first-frame target uses the design notes' 3.7 ms.") }
                if ours.firstFrame.isEmpty, let failure = ours.failures.first {
                    table.notes.append("CARDGUIDE DREW NO FRAME: \(failure)")
                }
                tables.append(table)

                targets.append(Target(name: "exec -> first frame (median)", limit: "<= 1.5x dialog (\(ms(frameLimit)))",
                                      figure: ms(ours.firstFrame.median) + " (" + ratio(ours.firstFrame.median, dialogFirstFrame ?? 3.7) + ")",
                                      pass: ours.firstFrame.isEmpty ? nil : ours.firstFrame.median <= frameLimit))
                targets.append(Target(name: "bytes per menu move (mean)", limit: "<= 70",
                                      figure: format(oursIO.moveBytes.mean, 1), pass: oursIO.moveBytes.isEmpty ? nil : oursIO.moveBytes.mean <= 70))
                targets.append(Target(name: "peak RSS, pty session (shipped pack)", limit: "<= 10 MiB", figure: mib(oursPeak),
                                      pass: oursPeak > 0 ? oursPeak <= 10 * 1024 : nil))

                var terminal: [String: Any] = ["columns": TerminalBench.columns, "rows": TerminalBench.rows, "term": TerminalBench.term,
                                               "versions": versions,
                                               "method": "first frame = exec to the last byte before \(TerminalBench.quietMilliseconds) ms of silence; marker text required"]
                for (n, program) in programs.enumerated() {
                    terminal[program.name] = ["startup": startup[n].json(), "interaction": interactions[n].json(),
                                              "arguments": program.arguments]
                }
                terminal["CardGuide --no-cache"] = ["startup": uncached.json()]
                terminal["floors"] = Dictionary(uniqueKeysWithValues: zip(floors.map(\.name), floorResults.map { $0.firstFrame.summary(unit: "ms") }))
                terminal["reference"] = ["dialog": ["firstFrameMs": 3.7, "peakRSSMiB": 3.1, "bytesPerMove": 154],
                                         "whiptail": ["firstFrameMs": 2.8, "peakRSSMiB": 3.9, "bytesPerMove": 70]]
                json["terminal"] = terminal
            }
        }

        // MARK: In process, shipped pack

        log("in process: content load, per-key work, session save ...")
        let (shippedLoad, shippedPack) = CoreBench.load(directory: BundledContent.directory, runs: 11)
        guard let pack = shippedPack, shippedLoad.valid else {
            log("cardguide-bench: the shipped pack does not load: \(shippedLoad.errors.prefix(5))")
            exit(1)
        }
        let shippedBytes = ((try? FileManager.default.contentsOfDirectory(atPath: BundledContent.directory)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .compactMap { try? FileManager.default.attributesOfItem(atPath: BundledContent.directory + "/" + $0)[.size] as? Int }
            .reduce(0, +)
        let shippedParse = CoreBench.parseOnly(directory: BundledContent.directory, runs: 11)
        // Keys before the cache round trips: their 21 loads leave the heap in a state the app,
        // which loads once, never sees (it raised the per-key p99 by 0.03 ms).
        let small = KeyBench.run(pack: pack, size: Size(width: 80, height: 24), passes: options.keyPasses, trace: options.traceKeys)
        let big = KeyBench.run(pack: pack, size: Size(width: 200, height: 60), passes: options.keyPasses)
        let cacheSandbox = Sandbox()
        let shippedCache = CoreBench.cachedLoad(directory: BundledContent.directory, cacheFolder: cacheSandbox.root + "/shipped", runs: 21)
        let session = CoreBench.sessionFile(pack: pack, count: 3)
        let save = CoreBench.save(session, count: options.saves)
        let benchRSSShipped = selfPeakRSSKiB()

        var inProcess = Table("In process (release build; times per operation)", header: ["figure", "value", "detail"])
        inProcess.add(["per-key update+render+diff, 80x24", "median \(ms(small.perKey.median, 3)), p99 \(ms(small.perKey.percentile(99), 3))",
                       "max \(ms(small.perKey.max, 3)); \(small.perKey.count) keys (\(small.keys)-key script x \(small.runs))"])
        inProcess.add(["per-key update+render+diff, 200x60", "median \(ms(big.perKey.median, 3)), p99 \(ms(big.perKey.percentile(99), 3))",
                       "max \(ms(big.perKey.max, 3)); \(big.perKey.count) keys"])
        inProcess.add(["content load+validate (no cache), shipped pack", "median \(ms(shippedLoad.times.median))",
                       "min \(ms(shippedLoad.times.min)); \(shippedLoad.times.count) loads; \(format(Double(shippedBytes) / 1024, 0)) KiB, \(shippedLoad.steps) steps, \(shippedLoad.faq) FAQ"])
        inProcess.add(["  of which reading + JSON parse", "median \(ms(shippedParse.median))", "the rest: model, rules, cross-checks"])
        inProcess.add(cacheRow("shipped pack", shippedCache))
        inProcess.add(["session save (fsync incl.)", "mean \(ms(save.times.mean, 3))",
                       "median \(ms(save.times.median, 3)), max \(ms(save.times.max, 3)); \(save.times.count) saves of \(save.fileBytes) bytes, \(save.checklists) checklists\(save.failures > 0 ? ", \(save.failures) FAILED" : "")"])
        json["keys80x24"] = small.json()
        json["keys200x60"] = big.json()
        json["loadShipped"] = shippedLoad.json().merging(["bytes": shippedBytes, "readAndParseMs": shippedParse.summary(unit: "ms"),
                                                          "cache": shippedCache.json()]) { $1 }
        json["sessionSave"] = save.json()
        targets.append(Target(name: "per-key update+render+diff p99, 80x24", limit: "<= 0.2 ms",
                              figure: ms(small.perKey.percentile(99), 3), pass: small.perKey.percentile(99) <= 0.2))

        // MARK: In process, large pack

        var benchRSSLarge: Int?
        if options.large {
            let sandbox = Sandbox()
            let folder = sandbox.root + "/large-pack"
            log("large pack: generating in \(folder) ...")
            do {
                let summary = try LargePack.write(from: pack, into: folder)
                log("large pack: \(summary.files) files, \(format(Double(summary.bytes) / 1_048_576, 1)) MiB; loading \(options.loadRuns) times ...")
                let (largeLoad, largePack) = CoreBench.load(directory: folder, runs: options.loadRuns)
                let largeParse = CoreBench.parseOnly(directory: folder, runs: max(1, options.loadRuns / 2))
                if !largeLoad.valid { log("large pack is not valid: \(largeLoad.errors.prefix(5))") }
                log("large pack: through the content cache ...")
                let largeCache = CoreBench.cachedLoad(directory: folder, cacheFolder: cacheSandbox.root + "/large", runs: 2 * options.loadRuns + 1)
                json["loadLarge"] = largeLoad.json().merging(["bytes": summary.bytes, "files": summary.files,
                                                              "readAndParseMs": largeParse.summary(unit: "ms"), "cache": largeCache.json()]) { $1 }
                inProcess.add(["content load+validate (no cache), large pack", "median \(ms(largeLoad.times.median, 1))",
                               "min \(ms(largeLoad.times.min, 1)); \(largeLoad.times.count) loads; \(format(Double(summary.bytes) / 1_048_576, 1)) MiB in \(summary.files) files; \(largeLoad.countries) countries, \(largeLoad.steps) steps, \(largeLoad.faq) FAQ\(largeLoad.valid ? "" : "; NOT VALID")"])
                inProcess.add(["  of which reading + JSON parse", "median \(ms(largeParse.median, 1))", "the rest: model, rules, cross-checks"])
                inProcess.add(cacheRow("large pack", largeCache))
                targets.append(Target(name: "content load+validate, large pack (median)", limit: "<= 50 ms",
                                      figure: ms(largeLoad.times.median, 1), pass: largeLoad.valid && largeLoad.times.median <= 50))
                targets.append(Target(name: "content load from cache (warm), large pack (median)", limit: "<= 50 ms",
                                      figure: ms(largeCache.warm.median, 1),
                                      pass: largeCache.warm.isEmpty ? nil : largeCache.sameAsFullLoad && largeCache.warm.median <= 50))
                if let largePack {
                    log("large pack: search ...")
                    var start = nowNanos()
                    let zh = SearchIndex(pack: largePack, language: .zh)
                    let zhBuild = milliseconds(start, nowNanos())
                    start = nowNanos()
                    let en = SearchIndex(pack: largePack, language: .en)
                    let enBuild = milliseconds(start, nowNanos())
                    inProcess.add(["search index build, large pack", "zh \(ms(zhBuild, 1)), en \(ms(enBuild, 1))",
                                   "\(zh.documents.count) documents per language (once, on the first search)"])
                    var queries: [[String: Any]] = []
                    var worst = 0.0
                    for (query, language, index) in [("密码", Language.zh, zh), ("carte vitale", .en, en), ("activation", .en, en)] {
                        let result = CoreBench.search(query, language: language, index: index, pack: largePack, repeats: options.searchRepeats)
                        queries.append(result.json())
                        worst = max(worst, result.perKeystroke.max)
                        inProcess.add(["search per keystroke \"\(query)\" (\(language.rawValue))",
                                       "mean \(ms(result.perKeystroke.mean)), max \(ms(result.perKeystroke.max))",
                                       "fresh whole query \(ms(result.fresh.mean)); app keystroke (update+render+diff) mean \(ms(result.appKeystroke.mean)), max \(ms(result.appKeystroke.max)); \(result.hits) hits; \(result.matchesReference ? "same hits as a plain scan" : "DIFFERENT HITS FROM A PLAIN SCAN")"])
                        targets.append(Target(name: "search per keystroke \"\(query)\", 50,000 FAQ (max)", limit: "<= 5 ms",
                                              figure: ms(result.perKeystroke.max) + " (mean \(ms(result.perKeystroke.mean)))",
                                              pass: result.perKeystroke.max <= 5))
                    }
                    json["search"] = ["indexBuildMs": ["zh": zhBuild, "en": enBuild], "documents": zh.documents.count, "queries": queries]
                    _ = worst
                }
                benchRSSLarge = selfPeakRSSKiB()

                // The app itself with the large pack, in the pty.
                if options.pty, access(app, X_OK) == 0 {
                    log("large pack: CardGuide start-up in the pty ...")
                    let program = TerminalProgram(name: "CardGuide", executable: app, arguments: ["--content", folder], marker: "退出",
                                                  downKey: nil, upKey: nil, itemsBelow: 0)
                    _ = TerminalBench.startup(program, runs: 1)  // writes the content cache
                    let result = TerminalBench.startup(program, runs: 3)
                    for failure in result.failures { log("  large pack: \(failure)") }
                    json["terminalLargePack"] = result.json()
                    inProcess.add(["CardGuide with the large pack, pty", "first frame median \(ms(result.firstFrame.median, 1))",
                                   "peak RSS \(mib(result.peakRSSKiB.max)); \(result.firstFrame.count) runs"])
                }
            } catch {
                log("large pack: cannot write it: \(error)")
            }
        }
        inProcess.add(["peak RSS of this bench process", "shipped pack \(mib(Double(benchRSSShipped)))",
                       benchRSSLarge.map { "with the large pack loaded \(options.loadRuns)x and indexed: \(mib(Double($0)))" } ?? ""])
        json["benchPeakRSSKiB"] = ["shippedPack": benchRSSShipped, "largePack": benchRSSLarge as Any]
        tables.append(inProcess)
        targets.append(Target(name: "session save (mean of \(save.times.count), fsync incl.)", limit: "(no target)",
                              figure: ms(save.times.mean, 3), pass: nil))

        var targetTable = Table("Targets", header: ["target", "limit", "figure", "result"])
        for target in targets { targetTable.add([target.name, target.limit, target.figure, target.verdict]) }
        tables.append(targetTable)
        json["targets"] = targets.map { $0.json() }

        for table in tables { print(table.render()) }
        Sandbox.cacheHome.remove()

        do {
            let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
            try FileManager.default.createDirectory(atPath: (jsonPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: jsonPath))
            print("figures written to \(jsonPath)")
        } catch {
            log("cardguide-bench: cannot write \(jsonPath): \(error)")
            exit(1)
        }
    }
}
