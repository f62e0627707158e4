import CQRCode
import CardGuideCore
import CardGuideUI

/// Makes the QR code the code screen asks for (`Effect.encodeCode`), with libqrencode
/// through CQRCode: loaded on the first code, so start-up never pays for it.
enum QREncoder {
    static func status(for address: String) -> CodeOverlay.Status {
        guard cqrcode_available() != 0 else { return .unavailable }
        var modules: UnsafeMutablePointer<UInt8>?
        let width = Int(cqrcode_encode(QRText.forAddress(address), &modules))
        defer { cqrcode_free(modules) }
        guard width > 0, let modules else { return width == 0 ? .tooLong : .unavailable }
        let matrix = QRMatrix(size: width, modules: (0..<(width * width)).map { modules[$0] != 0 })
        return matrix.map { .ready($0) } ?? .unavailable
    }
}
