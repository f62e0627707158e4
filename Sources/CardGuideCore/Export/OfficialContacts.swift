/// An official way to reach the office behind a card: a hotline or a web address.
public struct OfficialContact: Equatable, Sendable {
    public var name: Localized
    /// The number as dialled or the address as typed, or where to find it.
    public var value: Localized
    public var hours: Localized?
    /// The full web address of a web contact (with its scheme), for a QR code; nil for a
    /// hotline, or a web contact no official source confirms.
    public var address: String?

    public init(name: Localized, value: Localized, hours: Localized? = nil, address: String? = nil)
    {
        self.name = name
        self.value = value
        self.hours = hours
        self.address = address
    }
}

/// THE one place where a country's official contacts come from, for the visitor sheet and
/// the QR codes. The pack does not carry per-country contacts yet (issue 10 adds them, each
/// sourced): when it does, this maps them and nothing else changes.
public enum OfficialContacts {
    public static func forCountry(_ countryID: String, in pack: ContentPack) -> [OfficialContact] {
        []
    }
}
