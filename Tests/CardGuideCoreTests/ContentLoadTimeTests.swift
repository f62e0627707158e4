import Foundation
import XCTest
@testable import CardGuideCore

/// The whole pack is read and validated at every start: this measures how long that takes.
/// It prints the figure and asserts no time (machines differ), only that the work was done.
final class ContentLoadTimeTests: XCTestCase {
    func testMeasureLoadAndValidate() throws {
        let folder = CoreFixture.repositoryContent
        var times: [Double] = []
        var fingerprints = Set<String>()
        for _ in 0..<20 {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = ContentLoader.load(directory: folder)
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) / 1_000_000)
            let pack = try XCTUnwrap(result.pack)
            XCTAssertGreaterThan(pack.cards.flatMap(\.methods).flatMap(\.steps).count, 100, "the whole pack was loaded")
            fingerprints.insert(pack.fingerprint)
        }
        XCTAssertEqual(fingerprints.count, 1, "every load reads the same pack")
        times.sort()
        let median = (times[9] + times[10]) / 2
        #if DEBUG
        let build = "debug build"
        #else
        let build = "release build"
        #endif
        func ms(_ value: Double) -> String { String(format: "%.1f", value) }
        print("content load+validate: \(ms(median)) ms (median of 20; min \(ms(times[0])), max \(ms(times[19])); \(build))")
    }
}
