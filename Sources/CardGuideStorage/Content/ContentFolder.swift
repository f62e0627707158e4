import CardGuideCore

/// A content pack on disk: a folder of JSON files, read in name order and handed to the
/// core's loader over bytes.
extension ContentLoader {
    /// Loads every `*.json` file of `directory`.
    package static func load(directory: String) -> ContentLoadResult {
        guard let names = contentFileNames(in: directory) else {
            return ContentLoadResult(
                pack: nil,
                issues: [
                    ContentIssue(
                        file: directory, path: "", message: "cannot read the content folder")
                ])
        }
        if names.isEmpty {
            return ContentLoadResult(
                pack: nil,
                issues: [
                    ContentIssue(
                        file: directory, path: "", message: "no .json content files in this folder")
                ])
        }
        var files: [(name: String, bytes: [UInt8])] = []
        var issues: [ContentIssue] = []
        for name in names {
            if case .success(let bytes?) = PosixFile.readAll(PathText.join(directory, name)) {
                files.append((name, bytes))
            } else {
                issues.append(ContentIssue(file: name, path: "", message: "cannot read the file"))
            }
        }
        var result = load(files: files)
        result.issues.insert(contentsOf: issues, at: 0)
        return result
    }

    /// The `*.json` names of a folder, in the order they are read; nil when it cannot be read.
    static func contentFileNames(in directory: String) -> [String]? {
        PosixFile.names(in: directory)?.filter { $0.hasSuffix(".json") }.sorted()
    }
}
