import ArgumentParser
import CardGuideCore
import CardGuideStorage

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a content pack and list every problem with its file and JSON path."
    )

    @OptionGroup var content: ContentOptions

    func run() throws {
        let result = ContentLoader.load(directory: content.directory)
        for issue in result.issues { print(issue.description) }
        let warnings = result.issues.count - result.errors.count
        if result.isValid, let pack = result.pack {
            let steps = pack.cards.flatMap(\.methods).map(\.steps.count).reduce(0, +)
            print(
                "ok: \(pack.countries.count) countries, \(pack.cards.count) cards, \(pack.cards.flatMap(\.methods).count) methods, \(steps) steps, \(pack.allFAQ.count) FAQ entries, \(pack.sources.count) sources\(warnings > 0 ? ", \(warnings) warning(s)" : "")"
            )
        } else {
            print("\(result.errors.count) problem(s) in \(content.directory)")
            throw ExitCode(1)
        }
    }
}
