/// An official way to reach the office behind a card: a hotline, a web address, or both.
public struct OfficialContact: Equatable, Sendable {
    public var name: Localized
    public var phone: String?
    /// A web address the pack marks official: the sheet prints it and `Q` shows it as a code.
    public var address: String?

    public init(name: Localized, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.phone = phone
        self.address = address
    }
}

/// THE one place where a country's official contacts come from, for the visitor sheet and
/// the QR codes. The pack does not carry per-country contacts yet (issue 10 adds them, each
/// sourced): when it does, this returns them and nothing else changes.
public enum OfficialContacts {
    public static func forCountry(_ countryID: String, in pack: ContentPack) -> [OfficialContact] {
        []
    }
}
