/// Path arithmetic on strings, without NSString (which links all of Foundation with ICU).
/// The one set of path rules of the program: every file name it builds goes through here.
package enum PathText {
    /// `folder/name/...`, with one slash between parts (an empty first part adds none).
    package static func join(_ folder: String, _ names: String...) -> String {
        names.reduce(folder) { path, name in
            path.isEmpty ? name : (path.hasSuffix("/") ? path + name : path + "/" + name)
        }
    }

    /// The folder part of `path` ("." when it has none, "/" for a file at the root).
    package static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var folder = trimmed[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last part of `path`, after its last slash.
    package static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
