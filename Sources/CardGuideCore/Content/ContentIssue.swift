/// One problem found in a content pack, with the file and JSON path it was found at:
/// `cn-ecard.json: cards[0].faq[3].answer.en: missing`.
public struct ContentIssue: Equatable, CustomStringConvertible, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    public var path: String
    public var message: String
    public var severity: Severity

    public init(file: String, path: String, message: String, severity: Severity = .error) {
        self.file = file
        self.path = path
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        // File names, paths and messages quote the content: printed escaped.
        let place = path.isEmpty ? file : "\(file): \(path)"
        let text = "\(place): \(prefix)\(message)"
        return TerminalText.escaped(text)
    }
}
