/// A QR code's modules, row by row, `true` for dark. Made by libqrencode in the executable
/// (the UI stays pure); the code screen only draws it.
public struct QRMatrix: Equatable, Sendable {
    public let size: Int
    public let modules: [Bool]

    /// nil unless `modules` holds exactly size x size values.
    public init?(size: Int, modules: [Bool]) {
        guard size > 0, modules.count == size * size else { return nil }
        self.size = size
        self.modules = modules
    }

    /// Outside the code (the quiet zone) every module is light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return modules[row * size + column]
    }
}
