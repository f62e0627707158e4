/// The text a web address is encoded as in a QR code. The scheme and host of an address are
/// case-insensitive, so they are written in capitals: QR's alphanumeric mode (digits,
/// capitals and ` $%*+-./:`) packs them in 5.5 bits a character instead of 8, which makes
/// a short official address fit the smallest code (21x21, 40x12 terminals). The path keeps
/// its case: servers may not ignore it. Browsers show the host in small letters again.
public enum QRText {
    public static func forAddress(_ address: String) -> String {
        // The scheme: letters up to the first colon, then "//". (Found by hand: Foundation's
        // range(of:) would link ICU into the program.)
        guard let colon = address.firstIndex(of: ":"), address[colon...].hasPrefix("://"),
            address[..<colon].allSatisfy({ $0.isASCII && $0.isLetter })
        else { return address }
        let schemeEnd = colon..<address.index(colon, offsetBy: 3)
        let rest = address[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        let host = rest[..<hostEnd]
        // Letters, digits, dots, hyphens and a port only: anything else (an IDN, user info)
        // is left exactly as written.
        guard !host.isEmpty,
            host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) })
        else { return address }
        return address[..<schemeEnd.lowerBound].uppercased() + "://" + host.uppercased()
            + rest[hostEnd...]
    }
}
