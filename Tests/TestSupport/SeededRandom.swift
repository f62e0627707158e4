import Foundation

/// The tests' one deterministic generator (SplitMix64), shared by the unit, end-to-end and
/// torture targets: the same seed gives the same sequence on every machine and every run, so a failure found once is found again. `Int.random(in:using:)`
/// and friends accept it as a `RandomNumberGenerator`.
///
/// The seed comes from `TORTURE_SEED` when set (decimal or 0x-hex), else from the test's
/// fixed default. Every failure message carries it (`context`), so a red run can be replayed:
/// `TORTURE_SEED=0x... swift test --filter TortureTests`.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// The generator a test starts from: `TORTURE_SEED` or `defaultSeed`.
    public static func fromEnvironment(default defaultSeed: UInt64) -> SeededRandom {
        SeededRandom(seed: environmentSeed ?? defaultSeed)
    }

    public static var environmentSeed: UInt64? {
        guard
            let text = ProcessInfo.processInfo.environment["TORTURE_SEED"]?.trimmingCharacters(
                in: .whitespaces),
            !text.isEmpty
        else { return nil }
        if text.lowercased().hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for one part of a test (one segment, one file), so that a part
    /// can be replayed without replaying everything before it.
    public func derived(_ part: UInt64) -> SeededRandom {
        var mixer = SeededRandom(seed: seed ^ (part &* 0xD1B5_4A32_D192_ED03))
        return SeededRandom(seed: mixer.next())
    }

    /// "seed 0x…": put in every failure message.
    public var context: String { "seed 0x\(String(seed, radix: 16))" }

    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
    public mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}
