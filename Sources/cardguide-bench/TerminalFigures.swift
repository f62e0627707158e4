import CardGuideCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension Bench {
    /// In an 80x24 pty: CardGuide's start-up, memory and bytes per key, beside dialog and
    /// whiptail when they are installed, and the floors any program pays in this harness.
    static func terminalFigures(
        app: String, benchPath: String, options: Options, into report: inout BenchReport
    ) {
        if access(app, X_OK) != 0 {
            log(
                "cardguide-bench: no cardguide binary at \(app): build it with 'swift build -c release --static-swift-stdlib --product cardguide' or pass --app PATH; skipping the pty measurements."
            )
            report.json["terminal"] = ["skipped": "no binary at \(app)"]
        } else {
            var programs = [
                TerminalProgram(
                    name: "CardGuide", executable: app, arguments: [], marker: "退出",
                    downKey: Array("j".utf8), upKey: Array("k".utf8), itemsBelow: 4)
            ]
            var versions: [String: String] = [:]
            if let path = which("dialog") {
                programs.append(.dialog(path))
                versions["dialog"] = firstLine(path, ["--version"])
            } else {
                log(
                    "dialog is not installed (apt-get install dialog): its column stays empty; the design notes' figures are shown instead."
                )
            }
            if let path = which("whiptail") {
                programs.append(.whiptail(path))
                versions["whiptail"] = firstLine(path, ["--version"])
            }
            log(
                "pty: \(options.runs) start-up runs of \(programs.map(\.name).joined(separator: ", ")), interleaved ..."
            )
            var startup = [StartupResult](repeating: StartupResult(), count: programs.count)
            // One unmeasured run each fills the page cache (and CardGuide's content cache, as
            // any start after the first finds it); then the programs take turns,
            // so a slow moment of the machine hits them alike.
            for (n, program) in programs.enumerated() {
                _ = TerminalBench.startup(program, runs: 1)
                _ = n
            }
            for run in 0..<options.runs {
                for (n, program) in programs.enumerated() {
                    let one = TerminalBench.startup(program, runs: 1, firstRun: run)
                    startup[n].firstFrame = Sample(
                        startup[n].firstFrame.values + one.firstFrame.values)
                    startup[n].marker = Sample(startup[n].marker.values + one.marker.values)
                    startup[n].frameBytes = Sample(
                        startup[n].frameBytes.values + one.frameBytes.values)
                    startup[n].peakRSSKiB = Sample(
                        startup[n].peakRSSKiB.values + one.peakRSSKiB.values)
                    startup[n].failures += one.failures
                }
            }
            // Floors: what any program costs in this harness (/bin/echo), and what a static
            // Swift binary with Foundation costs before doing any work (this bench, probing).
            let floors = [
                TerminalProgram(
                    name: "/bin/echo", executable: "/bin/echo", arguments: ["退出"], marker: "退出",
                    downKey: nil, upKey: nil, itemsBelow: 0),
                TerminalProgram(
                    name: "static Swift + Foundation (this bench)", executable: benchPath,
                    arguments: ["--probe-frame"], marker: "退出", downKey: nil, upKey: nil,
                    itemsBelow: 0),
            ]
            let floorResults = floors.map { TerminalBench.startup($0, runs: options.runs) }
            // The first start after an install or an edit of the pack: no content cache used.
            let uncached = TerminalBench.startup(
                TerminalProgram(
                    name: "CardGuide --no-cache", executable: app, arguments: ["--no-cache"],
                    marker: "退出", downKey: nil, upKey: nil, itemsBelow: 0),
                runs: options.runs)
            log("pty: menu moves, checklist ticks, a search ...")
            let interactions = programs.enumerated().map { n, program in
                TerminalBench.interaction(program, rounds: 2, cardGuide: n == 0)
            }
            for (n, program) in programs.enumerated() {
                for failure in startup[n].failures + interactions[n].failures {
                    log("  \(program.name): \(failure)")
                }
            }

            let ours = startup[0]
            let oursIO = interactions[0]
            func column(_ name: String) -> Int? { programs.firstIndex { $0.name == name } }
            let d = column("dialog")
            let w = column("whiptail")
            let dialogFirstFrame = d.map { startup[$0].firstFrame.median }
            let frameLimit = (dialogFirstFrame ?? 3.7) * 1.5
            let oursPeak = max(ours.peakRSSKiB.max, oursIO.peakRSSKiB ?? 0)

            var table = Table(
                "Terminal: \(TerminalBench.columns)x\(TerminalBench.rows) pty, TERM=\(TerminalBench.term), LANG=C.UTF-8, fresh state folder per run",
                header: [
                    "figure", "CardGuide", "dialog", "whiptail", "ours/dialog",
                    "design notes: dialog / whiptail",
                ])
            func cell(_ index: Int?, _ value: (Int) -> String) -> String { index.map(value) ?? "-" }
            table.add([
                "exec -> first frame, median", ms(ours.firstFrame.median),
                cell(d) { ms(startup[$0].firstFrame.median) },
                cell(w) { ms(startup[$0].firstFrame.median) },
                ratio(ours.firstFrame.median, dialogFirstFrame), "3.7 / 2.8 ms",
            ])
            table.add([
                "  min .. max (\(ours.firstFrame.count) runs)",
                format(ours.firstFrame.min) + " .. " + format(ours.firstFrame.max),
                cell(d) {
                    format(startup[$0].firstFrame.min) + " .. " + format(startup[$0].firstFrame.max)
                },
                cell(w) {
                    format(startup[$0].firstFrame.min) + " .. " + format(startup[$0].firstFrame.max)
                }, "", "",
            ])
            table.add([
                "  marker text seen, median", ms(ours.marker.median),
                cell(d) { ms(startup[$0].marker.median) },
                cell(w) { ms(startup[$0].marker.median) }, "", "",
            ])
            table.add([
                "  CardGuide --no-cache (JSON parsed)",
                ms(uncached.firstFrame.median) + ", peak " + mib(uncached.peakRSSKiB.median),
                "", "", "", "",
            ])
            for (floor, result) in zip(floors, floorResults) {
                table.add([
                    "  floor: \(floor.name), first byte",
                    ms(result.firstFrame.median)
                        + (result.peakRSSKiB.median > 0
                            ? ", " + mib(result.peakRSSKiB.median) : ""),
                    "", "", "", "",
                ])
            }
            table.add([
                "first frame, bytes", format(ours.frameBytes.median, 0),
                cell(d) { format(startup[$0].frameBytes.median, 0) },
                cell(w) { format(startup[$0].frameBytes.median, 0) },
                ratio(ours.frameBytes.median, d.map { startup[$0].frameBytes.median }), "",
            ])
            table.add([
                "peak RSS, start-up only (median)", mib(ours.peakRSSKiB.median),
                cell(d) { mib(startup[$0].peakRSSKiB.median) },
                cell(w) { mib(startup[$0].peakRSSKiB.median) },
                ratio(ours.peakRSSKiB.median, d.map { startup[$0].peakRSSKiB.median }),
                "3.1 / 3.9 MiB",
            ])
            table.add([
                "peak RSS, whole session", mib(oursIO.peakRSSKiB),
                cell(d) { mib(interactions[$0].peakRSSKiB) },
                cell(w) { mib(interactions[$0].peakRSSKiB) },
                ratio(oursIO.peakRSSKiB, d.flatMap { interactions[$0].peakRSSKiB }), "",
            ])
            table.add([
                "bytes per menu move, mean", format(oursIO.moveBytes.mean, 1),
                cell(d) { format(interactions[$0].moveBytes.mean, 1) },
                cell(w) { format(interactions[$0].moveBytes.mean, 1) },
                ratio(oursIO.moveBytes.mean, d.map { interactions[$0].moveBytes.mean }),
                "154 / 70 (floor ~60)",
            ])
            table.add([
                "  min .. max (\(oursIO.moveBytes.count) moves)",
                format(oursIO.moveBytes.min, 0) + " .. " + format(oursIO.moveBytes.max, 0),
                cell(d) {
                    format(interactions[$0].moveBytes.min, 0) + " .. "
                        + format(interactions[$0].moveBytes.max, 0)
                },
                cell(w) {
                    format(interactions[$0].moveBytes.min, 0) + " .. "
                        + format(interactions[$0].moveBytes.max, 0)
                }, "", "",
            ])
            table.add([
                "key -> last byte, median", ms(oursIO.moveLatency.median),
                cell(d) { ms(interactions[$0].moveLatency.median) },
                cell(w) { ms(interactions[$0].moveLatency.median) }, "", "",
            ])
            table.add([
                "bytes per checklist tick, mean",
                format(oursIO.tickBytes.mean, 1) + " (\(oursIO.tickBytes.count) ticks)", "", "", "",
                "",
            ])
            table.add([
                "  tick -> last byte, median (save incl.)", ms(oursIO.tickLatency.median), "", "",
                "", "",
            ])
            table.add([
                "bytes per search keystroke (密码)", format(oursIO.searchKeyBytes.mean, 1), "", "",
                "", "",
            ])
            table.notes.append(
                "first frame = exec to the last byte before 30 ms of silence (the silence itself not counted); a run counts only when"
            )
            table.notes.append(
                "the frame holds its marker text (CardGuide \"退出\", the last footer hint; dialog/whiptail \"Cancel\")."
            )
            table.notes.append(
                "menu: CardGuide's home list (j/k over 5 entries); dialog and whiptail: --menu with 10 items (arrow keys)."
            )
            if d == nil {
                table.notes.append(
                    "dialog not installed: the first-frame target uses the design notes' 3.7 ms.")
            }
            if ours.firstFrame.isEmpty, let failure = ours.failures.first {
                table.notes.append("CARDGUIDE DREW NO FRAME: \(failure)")
            }
            report.tables.append(table)

            report.targets.append(
                Target(
                    name: "exec -> first frame (median)",
                    limit: "<= 1.5x dialog (\(ms(frameLimit)))",
                    figure: ms(ours.firstFrame.median) + " ("
                        + ratio(ours.firstFrame.median, dialogFirstFrame ?? 3.7) + ")",
                    pass: ours.firstFrame.isEmpty ? nil : ours.firstFrame.median <= frameLimit))
            report.targets.append(
                Target(
                    name: "bytes per menu move (mean)", limit: "<= 70",
                    figure: format(oursIO.moveBytes.mean, 1),
                    pass: oursIO.moveBytes.isEmpty ? nil : oursIO.moveBytes.mean <= 70))
            report.targets.append(
                Target(
                    name: "peak RSS, pty session (shipped pack)", limit: "<= 10 MiB",
                    figure: mib(oursPeak),
                    pass: oursPeak > 0 ? oursPeak <= 10 * 1024 : nil))

            var terminal: [String: Any] = [
                "columns": TerminalBench.columns, "rows": TerminalBench.rows,
                "term": TerminalBench.term,
                "versions": versions,
                "method":
                    "first frame = exec to the last byte before \(TerminalBench.quietMilliseconds) ms of silence; marker text required",
            ]
            for (n, program) in programs.enumerated() {
                terminal[program.name] = [
                    "startup": startup[n].json(), "interaction": interactions[n].json(),
                    "arguments": program.arguments,
                ]
            }
            terminal["CardGuide --no-cache"] = ["startup": uncached.json()]
            terminal["floors"] = Dictionary(
                uniqueKeysWithValues: zip(
                    floors.map(\.name), floorResults.map { $0.firstFrame.summary(unit: "ms") }))
            terminal["reference"] = [
                "dialog": ["firstFrameMs": 3.7, "peakRSSMiB": 3.1, "bytesPerMove": 154],
                "whiptail": ["firstFrameMs": 2.8, "peakRSSMiB": 3.9, "bytesPerMove": 70],
            ]
            report.json["terminal"] = terminal
        }
    }
}
