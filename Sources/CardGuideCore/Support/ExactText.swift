import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text compared and hashed by its UTF-8 bytes. String's own `==` and hashing treat
/// canonically equivalent texts as equal, which for non-ASCII text means normalising it
/// first: right for people, needless for cache keys of what is sent to a terminal, and in
/// the drawing caches it was a tenth of the work of a key press.
public struct ExactText: Hashable, Sendable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var x = a.text
        var y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A memo for a pure function, shared between threads and bounded: when full it starts
/// over, which keeps memory flat however long the program runs (a kiosk runs for days).
public final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let capacity: Int
    private let entries = Mutex<[Key: Value]>([:])

    public init(capacity: Int) { self.capacity = capacity }

    public func value(_ key: Key, _ compute: () -> Value) -> Value {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let value = compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}
