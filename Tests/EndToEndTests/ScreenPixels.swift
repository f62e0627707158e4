import Foundation
import XCTest

/// A tmux screen drawn back into pixels, the way a terminal would show it, so that a QR code
/// on it can be decoded by a real reader (`zbarimg`, Debian zbar-tools) instead of being
/// compared with itself. Reads `capture-pane -p -e` (characters and SGR attributes), and
/// paints each cell as 6x12 grey pixels: the half blocks as their halves, other characters
/// as a blot of ink (text beside the code must not help or fool the reader), in the
/// colours of a dark or a light terminal theme for whatever is not set explicitly.
struct ScreenPixels {
    enum Theme: String, CaseIterable {
        case dark, light
        var foreground: UInt8 { self == .dark ? 230 : 25 }
        var background: UInt8 { self == .dark ? 20 : 245 }
    }

    struct Cell {
        var character: Character = " "
        var ink: UInt8
        var paper: UInt8
    }

    static let cellWidth = 6, cellHeight = 12, border = 24
    let columns: Int
    let rows: [[Cell]]

    init(styledRows: [String], columns: Int, theme: Theme) {
        self.columns = columns
        // tmux writes only what changes from one cell to the next, across line ends too:
        // the attributes carry over from row to row.
        var style = Style()
        rows = styledRows.map { Self.parse($0, columns: columns, theme: theme, style: &style) }
    }

    struct Style {
        var foreground: UInt8?
        var background: UInt8?
        var reverse = false
    }

    /// Grey level of a terminal colour number (the 16 basic ones and the 256-colour grey ramp).
    static func grey(_ color: Int) -> UInt8 {
        switch color {
        case 0: return 0
        case 7: return 190
        case 8: return 100
        case 15: return 255
        case 232...255: return UInt8(8 + 10 * (color - 232))
        default: return 128
        }
    }

    private static func parse(
        _ line: String, columns: Int, theme: Theme, style: inout Style
    ) -> [Cell] {
        var cells: [Cell] = []
        var foreground = style.foreground
        var background = style.background
        var reverse = style.reverse
        defer { style = Style(foreground: foreground, background: background, reverse: reverse) }
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                var parameters = ""
                while j < scalars.count, !(0x40...0x7E).contains(scalars[j].value) {
                    parameters.unicodeScalars.append(scalars[j])
                    j += 1
                }
                if j < scalars.count, scalars[j] == "m" {
                    var codes = parameters.split(separator: ";", omittingEmptySubsequences: false)
                        .map { Int($0) ?? 0 }
                    if codes.isEmpty { codes = [0] }
                    var k = 0
                    while k < codes.count {
                        let code = codes[k]
                        switch code {
                        case 0:
                            foreground = nil
                            background = nil
                            reverse = false
                        case 7: reverse = true
                        case 27: reverse = false
                        case 30...37: foreground = grey(code - 30)
                        case 90...97: foreground = grey(code - 90 + 8)
                        case 40...47: background = grey(code - 40)
                        case 100...107: background = grey(code - 100 + 8)
                        case 39: foreground = nil
                        case 49: background = nil
                        case 38, 48:
                            if k + 2 < codes.count, codes[k + 1] == 5 {
                                if code == 38 {
                                    foreground = grey(codes[k + 2])
                                } else {
                                    background = grey(codes[k + 2])
                                }
                                k += 2
                            }
                        default: break
                        }
                        k += 1
                    }
                }
                i = j + 1
                continue
            }
            let character = Character(scalars[i])
            var ink = foreground ?? theme.foreground
            var paper = background ?? theme.background
            if reverse { swap(&ink, &paper) }
            cells.append(Cell(character: character, ink: ink, paper: paper))
            if DeskFixture.columns(String(character)) == 2 {
                cells.append(Cell(character: " ", ink: ink, paper: paper))
            }
            i += 1
        }
        // The rest of the row is the terminal's background.
        while cells.count < columns {
            cells.append(Cell(ink: theme.foreground, paper: theme.background))
        }
        return Array(cells.prefix(columns))
    }

    /// A binary PGM (P5) of the screen with a border of the theme's background.
    func pgm(theme: Theme) -> Data {
        let width = columns * Self.cellWidth + 2 * Self.border
        let height = rows.count * Self.cellHeight + 2 * Self.border
        var pixels = [UInt8](repeating: theme.background, count: width * height)
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                for y in 0..<Self.cellHeight {
                    for x in 0..<Self.cellWidth {
                        let inked: Bool
                        switch cell.character {
                        case " ": inked = false
                        case "\u{2580}": inked = y < Self.cellHeight / 2
                        case "\u{2584}": inked = y >= Self.cellHeight / 2
                        case "\u{2588}": inked = true
                        default: inked = (1...4).contains(x) && (3...9).contains(y)
                        }
                        let px = Self.border + c * Self.cellWidth + x
                        let py = Self.border + r * Self.cellHeight + y
                        pixels[py * width + px] = inked ? cell.ink : cell.paper
                    }
                }
            }
        }
        return Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }

    /// What zbarimg reads in the image (one symbol per line), or nil when it reads nothing.
    /// zbarimg missing fails the test: `.ci/run` installs it.
    static func decode(
        _ image: Data, file: StaticString = #filePath, line: UInt = #line
    ) throws -> String? {
        guard let zbarimg = TmuxHarness.findExecutable("zbarimg") else {
            XCTFail(
                "zbarimg is not installed (apt-get install zbar-tools; .ci/run installs it)",
                file: file, line: line)
            throw TmuxHarness.Failure.binaryMissing("zbarimg")
        }
        let path = NSTemporaryDirectory() + "cg-qr-\(UUID().uuidString.prefix(8)).pgm"
        try image.write(to: URL(fileURLWithPath: path))
        // CARDGUIDE_KEEP_PIXELS=1 keeps the images, to look at a failure.
        let keep = ProcessInfo.processInfo.environment["CARDGUIDE_KEEP_PIXELS"] != nil
        defer {
            if keep {
                print("screen pixels: \(path)")
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : nil
    }
}
