import CardGuideCore

/// Where things go on screen: a header row and a rule on top, the notice line and the
/// footer at the bottom, the body in between. Every screen uses the same frame.
public struct Layout: Equatable, Sendable {
    public let size: Size

    public init(_ size: Size) { self.size = size }

    public var headerRow: Int { 0 }
    public var ruleRow: Int { 1 }
    public var bodyTop: Int { 2 }
    public var bodyHeight: Int { max(0, size.height - 4) }
    public var noticeRow: Int { size.height - 2 }
    public var footerRow: Int { size.height - 1 }
    /// Left and right margins of one column each.
    public var contentLeft: Int { 1 }
    public var contentWidth: Int { max(0, size.width - 2) }
}

/// One line of a scrolling page: text with a role, optional highlighted character ranges,
/// and, in the wizard, the material it shows.
public struct PageLine: Equatable, Sendable {
    public var text: String
    public var role: Role
    public var indent: Int
    public var material: Int?
    public var highlights: [Range<Int>]

    public init(
        _ text: String, role: Role = .normal, indent: Int = 0, material: Int? = nil,
        highlights: [Range<Int>] = []
    ) {
        self.text = text
        self.role = role
        self.indent = indent
        self.material = material
        self.highlights = highlights
    }

    public static let blank = PageLine("")
}

/// Builds pages of wrapped lines.
struct PageBuilder {
    let width: Int
    var lines: [PageLine] = []
    /// The visitor's language, and the one shown beneath it in the bilingual view (nil when
    /// off), for the `Localized` texts of `PageBuilder+Bilingual`.
    var language: Language = .zh
    var second: Language?

    init(width: Int) { self.width = width }

    mutating func text(_ text: String, role: Role = .normal, indent: Int = 0) {
        for line in TextLayout.wrap(text, width: max(1, width - indent)) {
            lines.append(PageLine(line, role: role, indent: indent))
        }
    }

    mutating func blank() {
        if let last = lines.last, last.text.isEmpty { return }
        if !lines.isEmpty { lines.append(.blank) }
    }

    /// A label and its value wrapped under it with a hanging indent ("去哪里：…").
    mutating func field(_ label: String, _ value: String, role: Role = .normal, indent: Int = 0) {
        let hanging = Self.valueIndent(label: label, indent: indent)
        let wrapped = TextLayout.wrap(value, width: max(1, width - hanging))
        for (index, line) in wrapped.enumerated() {
            if index == 0 {
                lines.append(PageLine(label + " " + line, role: role, indent: indent))
            } else {
                lines.append(PageLine(line, role: role, indent: hanging))
            }
        }
    }

    /// The column a field's value starts at, and its wrapped lines hang at: after the label
    /// and a space. What belongs to the value beneath it lines up there too.
    static func valueIndent(label: String, indent: Int) -> Int {
        indent + DisplayWidth.of(label) + 1
    }
}
