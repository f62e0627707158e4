#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the content pack shipped with the program lives. The pack is kept under the
/// package's top-level `Resources/content` and copied by SwiftPM into this target's resource
/// folder beside the executable. It is found here by path, not through `Bundle.module`:
/// any use of Bundle links all of Foundation with ICU into the program (about 50 MB of
/// binary and several MiB of memory at every start).
public enum BundledContent {
    /// Found once: the start-up prefetch and the command both ask, and each look is a
    /// readlink and up to four stats.
    public static let directory: String = {
        let folder = executableFolder()
        let candidates = [
            folder + "/CardGuide_CardGuideContent.resources/content", // Linux
            folder + "/CardGuide_CardGuideContent.bundle/content", // macOS
            folder + "/CardGuide_CardGuideContent.bundle/Contents/Resources/content",
        ]
        // Last, the package's own folder: a binary moved away from its build folder still
        // finds the pack when the sources are where it was built from.
        let file = String(#filePath)
        let source = file.firstRange(of: "/Sources/CardGuideContent/").map {
            String(file[..<$0.lowerBound]) + "/Resources/content"
        }
        for candidate in candidates + (source.map { [$0] } ?? []) where isDirectory(candidate) {
            return candidate
        }
        return candidates[0]
    }()

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func executableFolder() -> String {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path =
            n > 0
            ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        #else
        var path = CommandLine.arguments[0]
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        #endif
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
