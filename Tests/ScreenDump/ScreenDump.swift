import ArgumentParser
import CardGuideContent
import CardGuideCore
import CardGuideStorage
import CardGuideUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A developer's tool (not part of the program): prints the screen a key script leads to, as
/// text, without a terminal, for checking a layout by eye at any size. It takes the program's
/// path for each key (`Update.key`, then `RunLoop.perform`), with effects that do no I/O.
///
///     swift run cardguide-screen --lang en --size 40x12 enter enter down enter
@main
struct ScreenDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardguide-screen", abstract: "Print the screen a key script leads to.")

    @Option(name: .long, help: "A content folder (default: the shipped pack).")
    var content: String?
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
        let loaded = ContentLoader.load(directory: content ?? BundledContent.directory)
        guard let pack = loaded.pack, loaded.isValid else {
            throw ValidationError("the content pack has errors: run 'cardguide validate'")
        }
        var state = AppState(
            pack: pack, language: lang, size: Size(width: parts[0], height: parts[1]),
            display: DisplayOptions(ascii: ascii, plain: plain, bilingual: bilingual))
        let clock = Date(timeIntervalSince1970: 1_800_000_000)
        // A quit ends the script as it ends the program.
        for key in keys.flatMap(KeyScript.keys) {
            let effects = Update.key(key, to: &state, now: clock)
            guard RunLoop.perform(effects, on: &state, now: clock, handle: { _, _ in nil }) != nil
            else { break }
        }
        let grid = View.render(state)
        for row in 0..<grid.size.height { print(grid.rowText(row) + "|") }
    }
}

extension Language: ExpressibleByArgument {}
