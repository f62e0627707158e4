import ArgumentParser
import CardGuideCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the full-screen guide (the default).")

    @OptionGroup var content: ContentOptions
    @Option(name: .long, help: "Language: zh or en.") var lang: Language?

    func run() throws {
        _ = try content.loadValidPack()
        print("The full-screen guide is not built yet.")
    }
}
