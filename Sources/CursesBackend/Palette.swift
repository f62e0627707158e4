import CardGuideUI

/// Colour, or attributes alone (`--mono`, `NO_COLOR`, or a terminal without colours).
public enum ThemeMode: Sendable, Equatable {
    case color, mono
}

/// Text attributes every terminal can show.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// A foreground colour on the terminal's own background. The raw value is both the curses
/// colour number and the colour pair that draws it (pair n = colour n on default background).
public enum TerminalColor: Int16, CaseIterable, Sendable {
    case red = 1
    case green = 2
    case yellow = 3
    case blue = 4
    case magenta = 5
    case cyan = 6
}

/// How one role looks.
public struct Style: Equatable, Sendable {
    public var color: TerminalColor?
    public var attributes: TextAttributes

    public init(_ attributes: TextAttributes = [], color: TerminalColor? = nil) {
        self.color = color
        self.attributes = attributes
    }
}

/// Roles to looks. Meaning never rests on colour alone: every role that matters has an
/// attribute too, so the mono theme and colour-blind users see the same distinctions.
public enum Palette {
    public static func style(for role: Role, mode: ThemeMode) -> Style {
        switch mode {
        case .color: return colorStyle(role)
        case .mono: return monoStyle(role)
        }
    }

    private static func colorStyle(_ role: Role) -> Style {
        switch role {
        case .normal: return Style()
        case .title: return Style(.bold, color: .cyan)
        case .border: return Style(color: .cyan)
        case .dim: return Style(.dim)
        case .accent: return Style(.bold, color: .cyan)
        case .selected: return Style(.reverse)
        case .key: return Style(.bold)
        case .warning: return Style(.bold, color: .yellow)
        case .fraud: return Style(.bold, color: .red)
        case .success: return Style(color: .green)
        case .progress: return Style(color: .green)
        case .match: return Style([.underline, .bold])
        case .notice: return Style([.bold, .reverse])
        case .code: return codeFallback
        }
    }

    /// A QR code is drawn in the explicit colours of `CodeColors` wherever the terminal has
    /// colours, in both themes. Only a terminal without any colour uses this: reverse video,
    /// which gives dark modules on light paper on the usual dark background.
    static let codeFallback = Style(.reverse)

    private static func monoStyle(_ role: Role) -> Style {
        switch role {
        case .normal, .border, .success: return Style()
        case .title, .accent, .key, .warning, .fraud, .progress: return Style(.bold)
        case .dim: return Style(.dim)
        case .selected: return Style(.reverse)
        case .match: return Style([.underline, .bold])
        case .notice: return Style([.bold, .reverse])
        case .code: return codeFallback
        }
    }
}

/// The colour pair of a QR code: black ink on white paper, whatever the terminal's own
/// colours, so that neither a dark nor a light theme inverts the code (a scanner reads
/// dark modules on light). Set up in the mono theme too: black and white are what the
/// code is, not decoration, and an inverted code does not scan.
public enum CodeColors {
    public static let pair: Int16 = 8
    public static let ink: Int16 = 0
    /// Bright white where the terminal has 16 colours, which many themes draw whiter than 7.
    public static func paper(colors: Int32) -> Int16 { colors >= 16 ? 15 : 7 }
}
