import CardGuideContent
import CardGuideCore
import Dispatch

/// Loads the content pack on another core while ArgumentParser reads the command line (2 ms
/// of reflection; a pack from the cache takes about as long, a parsed one several times
/// more). `main` starts it from a quick look at the arguments; `ContentOptions` takes the
/// result when it asks for the same folder, and loads as usual otherwise, so a wrong guess
/// costs only the work.
final class PackPrefetch: @unchecked Sendable {
    let directory: String
    let cached: Bool
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the loading thread before `done` is signalled, read after the wait.
    private var result: ContentLoadResult?

    private init(directory: String, cached: Bool) {
        self.directory = directory
        self.cached = cached
    }

    /// Only `main` sets it, before anything else runs, and only the main thread reads it.
    nonisolated(unsafe) private static var started: PackPrefetch?

    static func start(arguments: [String]) {
        guard let directory = contentDirectory(arguments) else { return }
        let prefetch = PackPrefetch(
            directory: directory, cached: !arguments.contains("--" + OptionName.noCache))
        started = prefetch
        DispatchQueue.global(qos: .userInitiated).async {
            prefetch.result = ContentOptions.load(directory: directory, cached: prefetch.cached)
            prefetch.done.signal()
        }
    }

    /// The prefetched result for `directory`, once it is ready; nil when none was started for
    /// it, or not the same way (with or without the cache).
    static func take(directory: String, cached: Bool) -> ContentLoadResult? {
        guard let prefetch = started, prefetch.directory == directory, prefetch.cached == cached
        else { return nil }
        started = nil
        prefetch.done.wait()
        return prefetch.result
    }

    /// The folder the command will load, or nil when it will not load one the usual way:
    /// help and `validate` (which always reads every file itself). A guess: ArgumentParser
    /// decides, with the same option names (`OptionName`).
    static func contentDirectory(_ arguments: [String]) -> String? {
        if let command = arguments.first, command == "validate" || command == "help" { return nil }
        let option = "--" + OptionName.content
        var directory = BundledContent.directory
        var n = 0
        while n < arguments.count {
            let argument = arguments[n]
            if argument == "-h" || argument == "--help" { return nil }
            if argument == "--" { break }
            if argument == option, n + 1 < arguments.count {
                directory = arguments[n + 1]
                n += 1
            } else if argument.hasPrefix(option + "=") {
                directory = String(argument.dropFirst(option.count + 1))
            }
            n += 1
        }
        return directory
    }
}
