import CCurses
import CardGuideCore
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `DisplayWidth` must agree with the C library's `wcwidth` (which ncurses and tmux use)
/// on every scalar, or the screen and the grid disagree about columns.
final class WidthAgreementTests: XCTestCase {
    func testDisplayWidthMatchesWcwidthForEveryScalar() throws {
        guard setlocale(LC_ALL, "C.UTF-8") != nil else {
            XCTFail("the C.UTF-8 locale is missing; wcwidth cannot be compared")
            return
        }
        XCTAssertEqual(ccurses_wcwidth(0x4E2D), 2, "wcwidth must see CJK as wide in C.UTF-8")

        var disagreements: [(range: ClosedRange<UInt32>, ours: Int, libc: Int)] = []
        var count = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue } // surrogates
            let ours = DisplayWidth.of(scalar)
            let libc = Int(ccurses_wcwidth(Int32(value)))
            guard ours != libc else { continue }
            count += 1
            if let last = disagreements.last, last.range.upperBound == value - 1, last.ours == ours,
                last.libc == libc
            {
                disagreements[disagreements.count - 1].range = last.range.lowerBound...value
            } else {
                disagreements.append((value...value, ours, libc))
            }
        }
        let report = disagreements.prefix(200).map { entry in
            let low = String(entry.range.lowerBound, radix: 16, uppercase: true)
            let high = String(entry.range.upperBound, radix: 16, uppercase: true)
            return
                "U+\(low)\(entry.range.count > 1 ? "...U+\(high)" : ""): DisplayWidth \(entry.ours), wcwidth \(entry.libc)"
        }.joined(separator: "\n")
        XCTAssertEqual(
            count, 0, "\(count) scalars in \(disagreements.count) ranges disagree:\n\(report)")
    }
}
