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
/// the QR codes: the pack's contacts of the country (issue 10), hotlines first.
public enum OfficialContacts {
    public static func forCountry(_ countryID: String, in pack: ContentPack) -> [OfficialContact] {
        pack.contacts(forCountry: countryID).map { official($0, in: pack) }
    }

    /// A contact as the sheet and the code screen need it. A web contact gets an address for
    /// a code only when an official source confirms it.
    public static func official(_ contact: Contact, in pack: ContentPack) -> OfficialContact {
        let confirmed = contact.sources.contains { pack.source($0)?.kind == .official }
        let address = contact.kind == .web && confirmed ? webAddress(contact.value.en) : nil
        return OfficialContact(
            name: contact.name, value: contact.value, hours: contact.hours,
            address: address)
    }

    /// "www.ameli.fr" as a browser opens it; nil for text that is not a bare address.
    static func webAddress(_ value: String) -> String? {
        guard !value.isEmpty, !value.contains(" ") else { return nil }
        let hasScheme = value.hasPrefix("http://") || value.hasPrefix("https://")
        return hasScheme ? value : "https://" + value
    }
}
