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
                options.runs = 5
                options.keyPasses = 5
                options.loadRuns = 2
                options.searchRepeats = 3
                options.saves = 20
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
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
            separator: ":")
        {
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
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
    }

    static func cpuModel() -> String {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = text.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(
            separator: ":"
        ).last
        return model.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    }

    static func log(_ text: String) {
        var bytes = Array((text + "\n").utf8)
        _ = write(2, &bytes, bytes.count)
    }

    static func mib(_ kib: Double?) -> String { kib.map { format($0 / 1024, 1) + " MiB" } ?? "-" }
    static func ms(_ value: Double?, _ digits: Int = 2) -> String {
        value.map { format($0, digits) + " ms" } ?? "-"
    }
    static func ratio(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, a.isFinite, b.isFinite, b > 0 else { return "-" }
        return format(a / b, 2) + "x"
    }

    static func cacheRow(_ pack: String, _ cache: CoreBench.CacheResult) -> [String] {
        [
            "content load from cache (warm), \(pack)", "median \(ms(cache.warm.median, 2))",
            cache.failure
                ?? "min \(ms(cache.warm.min, 2)); \(cache.warm.count) loads of a \(format(Double(cache.cacheBytes) / 1024, 0)) KiB cache; "
                + (cache.sameAsFullLoad
                    ? "same result as the full load" : "DIFFERENT FROM THE FULL LOAD")
                + "; the load that wrote it \(ms(cache.cold, 1))",
        ]
    }

    static func main() {
        if CommandLine.arguments.dropFirst().first == "--probe-frame" { probeFrame() }
        if CommandLine.arguments.dropFirst().first == "--workload" {
            Workload.run(Array(CommandLine.arguments.dropFirst(2)))
        }
        let options = parse(Array(CommandLine.arguments.dropFirst()))
        let benchPath = executablePath()
        let buildFolder = (benchPath as NSString).deletingLastPathComponent
        let app = options.app ?? buildFolder + "/cardguide"
        let cwd = FileManager.default.currentDirectoryPath
        let jsonPath =
            options.json
            ?? (FileManager.default.fileExists(atPath: cwd + "/Package.swift")
                ? cwd + "/.build/bench-results.json" : buildFolder + "/bench-results.json")

        var report = BenchReport()
        let swiftVersion = which("swift").flatMap { firstLine($0, ["--version"]) }
        report.json["machine"] = [
            "cpu": cpuModel(), "cpus": ProcessInfo.processInfo.activeProcessorCount,
            "os": ProcessInfo.processInfo.operatingSystemVersionString,
            "swift": swiftVersion ?? "unknown",
        ]
        report.json["date"] = ISO8601DateFormatter().string(from: Date())
        report.json["app"] = app
        report.json["inProcessClock"] = BenchClock.cpuTime ? "thread CPU time" : "wall time"
        if BenchClock.cpuTime {
            print("in-process figures use this thread's CPU time (CARDGUIDE_BENCH_CPU_TIME=1)")
        }
        print(
            "CardGuide benchmark: \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) CPUs, \(swiftVersion ?? "")"
        )
        print("app: \(app)")
        print("")

        if options.pty {
            terminalFigures(app: app, benchPath: benchPath, options: options, into: &report)
        }
        var shipped = shippedPackFigures(options: options, into: &report)
        let benchRSSLarge =
            options.large
            ? largePackFigures(app: app, options: options, shipped: &shipped, into: &report) : nil
        shipped.table.add([
            "peak RSS of this bench process", "shipped pack \(mib(Double(shipped.peakRSSKiB)))",
            benchRSSLarge.map {
                "with the large pack loaded \(options.loadRuns)x and indexed: \(mib(Double($0)))"
            } ?? "",
        ])
        report.json["benchPeakRSSKiB"] = [
            "shippedPack": shipped.peakRSSKiB, "largePack": benchRSSLarge as Any,
        ]
        report.tables.append(shipped.table)
        report.targets.append(
            Target(
                name: "session save (mean of \(shipped.save.times.count), fsync incl.)",
                limit: "(no target)", figure: ms(shipped.save.times.mean, 3), pass: nil))
        report.finish()
        for table in report.tables { print(table.render()) }
        Sandbox.cacheHome.remove()
        report.write(to: jsonPath)
    }
}
