import ArgumentParser
import CardGuideCore

/// `cardguide show METHOD`: a method's steps as plain text, the line-mode alternative to
/// the full-screen guide.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Print every step of a method as plain text (for screen readers and simple terminals).",
        discussion: "METHOD is a method's id, as 'cardguide list' prints them."
    )

    @OptionGroup var content: ContentOptions
    @Option(name: .long, help: "Language: zh or en.") var lang: Language = .zh
    @Argument(help: "The method's id, for example fr-vitale-worker.") var method: String

    func run() throws {
        let pack = try content.loadValidPack()
        guard let card = pack.cards.first(where: { $0.method(method) != nil }),
            let found = card.method(method)
        else {
            printError("cardguide: no method '\(method)'. These exist:")
            for card in pack.cards { for method in card.methods { printError("  " + method.id) } }
            throw ExitCode(1)
        }
        print(
            MethodText.render(card: card, method: found, pack: pack, language: lang), terminator: ""
        )
    }
}
