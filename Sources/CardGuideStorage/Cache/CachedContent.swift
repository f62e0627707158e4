import CardGuideCore

/// Loads a content pack through a cache of its validated form, as compiled caches do
/// (fontconfig, .pyc, git's index): the JSON files are parsed and checked only when they, or
/// the program, changed since the cache was written. The result is exactly what
/// `ContentLoader.load(directory:)` returns, warnings included.
package enum CachedContent {
    package enum Outcome: Equatable, Sendable {
        /// No cache folder (or a relative one), or content that cannot be keyed: a plain load.
        case uncached
        /// The cache was valid and used.
        case hit
        /// The files were loaded; `written` says whether a cache was written for next time
        /// (not for a pack with errors, files changed within the racy window, or a failed write).
        case miss(written: Bool)
    }

    /// The default cache folder (see `CacheStore.folder`), from the process environment.
    package static func defaultFolder() -> String? {
        CacheStore.folder(environment: ProcessEnvironment.value)
    }

    package static func load(directory: String, cacheFolder: String?) -> ContentLoadResult {
        loadReporting(directory: directory, cacheFolder: cacheFolder).result
    }

    package static func loadReporting(directory: String, cacheFolder: String?) -> (
        result: ContentLoadResult, outcome: Outcome
    ) {
        load(directory: directory, cacheFolder: cacheFolder, now: CacheKey.now)
    }

    /// `now` gives the time the racy window is measured from (tests move it ahead).
    static func load(
        directory: String, cacheFolder: String?,
        now: () -> Int64
    ) -> (result: ContentLoadResult, outcome: Outcome) {
        guard let cacheFolder, cacheFolder.hasPrefix("/"), let key = CacheKey(directory: directory)
        else {
            return (ContentLoader.load(directory: directory), .uncached)
        }
        let path = CacheStore.file(in: cacheFolder, for: key)
        if let bytes = CacheStore.contents(of: path),
            let cached = bytes.withUnsafeBytes({ CacheFile.open($0, key: key) })
        {
            return (cached, .hit)
        }
        let result = ContentLoader.load(directory: directory)
        // Measured after the load: a file edited while it was being read is then inside the window.
        guard result.isValid, !key.isRacy(now: now()), let bytes = CacheFile.seal(result, key: key)
        else {
            return (result, .miss(written: false))
        }
        return (result, .miss(written: CacheStore.replace(path, with: bytes)))
    }
}
