import ArgumentParser
import CardGuideCore
import CardGuideUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Prints the screen a key script leads to, as text: for checking layouts and for
/// help-desk documentation, without a terminal.
struct ScreenDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_screen", abstract: "Print a screen as text.",
        shouldDisplay: false)

    @OptionGroup var content: ContentOptions
    @Option(name: .long) var lang: Language = .zh
    @Option(name: .long, help: "COLUMNSxROWS") var size = "80x24"
    @Flag(name: .long) var ascii = false
    @Flag(name: .long) var plain = false
    @Flag(name: .long) var bilingual = false
    @Argument(help: "Keys: enter esc up down left right pgup pgdn tab space bksp, or text.")
    var keys: [String] = []

    func run() throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("size must look like 80x24") }
        var state = AppState(
            pack: try content.loadValidPack(), language: lang,
            size: Size(width: parts[0], height: parts[1]),
            display: DisplayOptions(
                ascii: ascii, plain: plain,
                bilingual: bilingual))
        let clock = Date(timeIntervalSince1970: 1_800_000_000)
        // The program's path for each key; effects do no I/O here (nothing is saved or
        // written), and a quit ends the script as it ends the program.
        for key in keys.flatMap(KeyScript.keys) {
            let effects = Update.key(key, to: &state, now: clock)
            guard RunLoop.perform(effects, on: &state, now: clock, handle: { _, _ in nil }) != nil
            else { break }
        }
        let grid = View.render(state)
        for row in 0..<grid.size.height { print(grid.rowText(row) + "|") }
    }
}
