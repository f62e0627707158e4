import ArgumentParser
import CardGuideContent
import CardGuideCore
import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

@main
struct CardGuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardguide",
        abstract:
            "A step-by-step guide to getting and activating social-security and health cards (CN, DE, FR).",
        version: "cardguide \(CardGuideVersion.current)",
        subcommands: [
            Run.self, Validate.self, List.self, Show.self, Export.self,
        ],
        defaultSubcommand: Run.self
    )

    static func main() {
        // A write to a closed pipe or past the file size limit (ulimit -f) must fail as a
        // write (EPIPE, EFBIG: a failed save, said on screen), not end the program.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        PackPrefetch.start(arguments: arguments)
        // Without arguments nothing was asked for, so there is nothing to parse: ArgumentParser's
        // set-up reflects over the options (about 2.3 ms, a third of the time to the first
        // frame, and 0.7 MiB of peak memory, even for the guide's group alone). Any argument
        // goes through ArgumentParser.
        if arguments.isEmpty {
            do { try Guide.run(nil) } catch { exit(withError: error) }
            return
        }
        // The guide is the default command: its own options belong in the top-level help.
        if arguments == ["--help"] || arguments == ["-h"] {
            print(helpMessage())
            print("\nTHE GUIDE (the default command, 'cardguide [run] [options]')\n")
            print(helpMessage(for: Run.self))
            return
        }
        main(nil)
    }
}

/// Options shared by every command that reads content.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .customLong(OptionName.content),
        help: "Load the content pack from this folder instead of the one shipped with the program.")
    var content: String?

    var directory: String { Self.directory(content) }

    /// The `--content` folder, else the shipped pack's.
    static func directory(_ content: String?) -> String { content ?? BundledContent.directory }

    /// The pack, or a listing of its errors on stderr and exit status 1. With `cached`, it
    /// comes from the cache of the validated pack when the files have not changed
    /// (`CachedContent`; off with CARDGUIDE_NO_CACHE=1).
    func loadValidPack(cached: Bool = true) throws -> ContentPack {
        try Self.loadValidPack(content: content, cached: cached)
    }

    /// `content` is the `--content` folder, nil for the shipped pack.
    static func loadValidPack(content: String?, cached: Bool) throws -> ContentPack {
        let directory = directory(content)
        let result =
            PackPrefetch.take(directory: directory, cached: cached)
            ?? load(directory: directory, cached: cached)
        guard result.isValid, let pack = result.pack else {
            for issue in result.errors { printError(issue.description) }
            printError(
                "cardguide: the content pack in \(directory) has \(result.errors.count) problem(s); run 'cardguide validate\(content.map { " --content \($0)" } ?? "")'."
            )
            throw ExitCode(1)
        }
        return pack
    }

    /// How the commands that show content load it (`validate` always parses every file).
    static func load(directory: String, cached: Bool) -> ContentLoadResult {
        CachedContent.load(
            directory: directory, cacheFolder: cached ? CachedContent.defaultFolder() : nil)
    }
}

extension Language: ExpressibleByArgument {}

/// Messages quote paths, IDs and content: printed with unsafe characters escaped.
func printError(_ message: String) {
    var stderr = StandardError()
    print(TerminalText.escaped(message), to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        _ = Glibc.write(2, &bytes, bytes.count)
    }
}
