import ArgumentParser
import CardGuideCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the countries, cards and methods with their step and FAQ counts."
    )

    @OptionGroup var content: ContentOptions
    @Option(name: .long, help: "Language: zh or en.") var lang: Language = .zh

    func run() throws {
        print(ContentListing.render(try content.loadValidPack(), language: lang), terminator: "")
    }
}
