/// An official contact of a country: a hotline or a web address, what it is for, when it
/// answers and which sources say so. A help desk shows them on one screen per country and
/// prints them on hand-outs.
public struct Contact: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case phone, web }
    public var id: String
    /// The countries whose screen lists it (12308 serves Chinese citizens in Germany and France).
    public var countryIDs: [String]
    public var kind: Kind
    public var name: Localized
    /// The number as dialled ("116 116", "+33 1 84 90 36 46") or the address as typed
    /// ("www.ameli.fr"); a line without one fixed number says where to find it.
    public var value: Localized
    public var purpose: Localized
    public var hours: Localized?
    public var sources: [String]

    public init(
        id: String, countryIDs: [String], kind: Kind, name: Localized, value: Localized,
        purpose: Localized, hours: Localized?, sources: [String]
    ) {
        self.id = id
        self.countryIDs = countryIDs
        self.kind = kind
        self.name = name
        self.value = value
        self.purpose = purpose
        self.hours = hours
        self.sources = sources
    }
}

extension ContentPack {
    /// The official contacts of a country, in pack order: hotlines first, then web addresses.
    public func contacts(forCountry countryID: String) -> [Contact] {
        let own = contacts.filter { $0.countryIDs.contains(countryID) }
        return own.filter { $0.kind == .phone } + own.filter { $0.kind == .web }
    }
}
