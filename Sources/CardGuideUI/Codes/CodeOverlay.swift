/// The code screen over the current one (`Q`): the page's official web addresses, the one
/// shown, and its code once the executable has made it.
public struct CodeOverlay: Equatable, Sendable {
    public enum Status: Equatable, Sendable {
        /// Asked for with `Effect.encodeCode`; drawn as soon as it comes.
        case pending
        case ready(QRMatrix)
        /// libqrencode is not installed: the address is shown with how to get codes.
        case unavailable
        /// Too long for any QR code (never for a real web address).
        case tooLong
    }

    public var addresses: [String]
    public var index: Int
    public var status: Status

    public init(addresses: [String], index: Int = 0, status: Status = .pending) {
        self.addresses = addresses
        self.index = index
        self.status = status
    }

    public var address: String { addresses[index] }
}

extension AppState {
    /// What the `.encodeCode` effect made of `address`; ignored when the person has moved
    /// on to another address or closed the code meanwhile.
    mutating func showCode(_ status: CodeOverlay.Status, for address: String) {
        guard case .code(var code) = overlay, code.address == address else { return }
        code.status = status
        overlay = .code(code)
    }
}
