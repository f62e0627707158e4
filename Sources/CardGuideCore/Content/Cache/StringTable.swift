import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache's string table: every distinct text of the pack once, as a count, each text's
/// UTF-8 length (u32), then the texts back to back. Reading it is most of a warm load (each
/// byte checked as UTF-8 and copied into a String) and the texts are independent, so a large
/// table is read in parts, one per core, straight into the one array the reader indexes.
enum StringTable {
    static func write(_ strings: [String], to writer: inout CacheWriter) {
        writer.count(strings.count)
        for text in strings { writer.count(text.utf8.count) }
        for var text in strings { text.withUTF8 { writer.raw(UnsafeRawBufferPointer($0)) } }
    }

    /// Below this many bytes of text a second thread costs more than it saves.
    static let parallelBytes = 1 << 20
    private static let cores = max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    static func read(_ reader: inout CacheReader) throws(CacheMiss) -> [String] {
        let count = try reader.count(minimumSize: 4)
        let lengths = try reader.bytes(4 * count)
        func length(_ n: Int) -> Int { Int(UInt32(littleEndian: lengths.loadUnaligned(fromByteOffset: 4 * n, as: UInt32.self))) }
        var total = 0
        for n in 0..<count {
            total += length(n)
            guard total <= reader.remaining else { throw CacheMiss() }
        }
        let texts = try reader.bytes(total)
        // Parts of about equal bytes, so that the cores finish together: (first text, its offset).
        let parts = total >= parallelBytes ? cores : 1
        var bounds = [(first: 0, offset: 0)]
        var offset = 0
        for n in 0..<count {
            if bounds.count < parts && offset >= total / parts * bounds.count { bounds.append((n, offset)) }
            offset += length(n)
        }
        bounds.append((count, total))
        let starts = bounds

        let decoded = Slots<Int>(count: starts.count - 1)
        var complete = false
        let strings = [String](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let first = buffer.baseAddress else { return complete = true }
            // Each part writes only its own slice of the array, and the array is not touched
            // before every part has ended.
            nonisolated(unsafe) let base = first, lengths = lengths, texts = texts.assumingMemoryBound(to: UInt8.self)
            let decodePart = { @Sendable (part: Int) in
                var (n, at) = starts[part]
                while n < starts[part + 1].first {
                    let length = Int(UInt32(littleEndian: lengths.loadUnaligned(fromByteOffset: 4 * n, as: UInt32.self)))
                    guard let text = CacheReader.text(UnsafeBufferPointer(rebasing: texts[at..<at + length])) else { break }
                    (base + n).initialize(to: text)
                    at += length
                    n += 1
                }
                decoded[part] = n - starts[part].first
            }
            if starts.count == 2 { decodePart(0) } else { DispatchQueue.concurrentPerform(iterations: starts.count - 1, execute: decodePart) }
            complete = (0..<starts.count - 1).allSatisfy { decoded[$0] == starts[$0 + 1].first - starts[$0].first }
            if complete {
                initialized = count
            } else {
                for part in 0..<starts.count - 1 { (base + starts[part].first).deinitialize(count: decoded[part] ?? 0) }
            }
        }
        guard complete else { throw CacheMiss() }
        return strings
    }
}
