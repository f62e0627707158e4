/// The characters of the interface's chrome. Box drawing and block characters are one column
/// in most terminals but two where "ambiguous = wide" is set, so `--ascii` (and a non-UTF-8
/// locale, and plain mode) use ASCII only.
public struct Glyphs: Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var barFull: Character
    public var barEmpty: Character

    public static let unicode = Glyphs(
        horizontal: "\u{2500}", vertical: "\u{2502}", topLeft: "\u{250C}", topRight: "\u{2510}",
        bottomLeft: "\u{2514}", bottomRight: "\u{2518}", barFull: "\u{2588}", barEmpty: "\u{2591}")
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", barFull: "#", barEmpty: ".")

    public static func `for`(_ display: DisplayOptions) -> Glyphs {
        display.ascii || display.plain ? .ascii : .unicode
    }
}
