import CardGuideCore
import CardGuideStorage
import CursesBackend
import Foundation

// The far side of `CursesBackendTests` (EndToEndTests): the test starts this program inside
// tmux with CARDGUIDE_PROBE naming a scenario; it drives `CursesTerminal` directly (no app UI
// involved) and reports through the screen and files in CARDGUIDE_PROBE_DIR. It is a test
// tool, built with the package so that the tests find it beside the test bundle.

let environment = ProcessInfo.processInfo.environment
guard let scenario = environment["CARDGUIDE_PROBE"],
    let directory = environment["CARDGUIDE_PROBE_DIR"]
else {
    FileHandle.standardError.write(
        Data(
            "cardguide-probe: a test tool; run by CursesBackendTests with CARDGUIDE_PROBE and CARDGUIDE_PROBE_DIR set\n"
                .utf8))
    exit(2)
}
do {
    let terminal = try CursesTerminal(
        options: CursesOptions(
            mono: environment["CARDGUIDE_PROBE_MONO"] != nil,
            plain: scenario == "plain",
            logPath: XDGFolder.state.folder(ProcessEnvironment.value)
                .map { PathText.join($0, "cardguide.log") }))
    try "\(getpid())".write(toFile: directory + "/pid", atomically: true, encoding: .utf8)
    let probe = Probe(terminal: terminal, directory: directory)
    switch scenario {
    case "keys": probe.keys()
    case "draw": probe.draw()
    case "resize": probe.resize()
    case "tick": probe.tick()
    case "plain": probe.plainCursor()
    case "crash": probe.crash()
    default: probe.wait()
    }
    terminal.shutdown()
} catch {
    FileHandle.standardError.write(Data("cardguide-probe: \(error)\n".utf8))
    exit(1)
}
