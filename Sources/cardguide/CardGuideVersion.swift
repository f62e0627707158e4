/// The program's version, printed by `cardguide --version`.
enum CardGuideVersion {
    static let current = "1.1.0"
}
