#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a cache file is not used. Every check of the reader ends here, never in a trap: the
/// caller then loads the JSON files as if there were no cache.
struct CacheMiss: Error {}

/// Appends the cache's few primitives, little-endian: fixed-width lengths and counts (a load
/// is faster than a varint loop, and texts dwarf them) and strings.
///
/// Strings are interned: `string` writes an index into a table of the distinct texts, kept
/// in `table` and written once by `StringTable`. Source IDs, keywords, places, durations and
/// many answers repeat, and a repeat then costs 4 bytes to store and a retain to load, not
/// an allocation, a copy and a UTF-8 check. Interning is by exact bytes (`ExactText`):
/// String's `==` would merge canonically equivalent texts and change what is loaded.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var table: [String] = []
    private var interned: [ExactText: UInt32] = [:]
    /// Lists of texts, as string-table positions, written once each by `StringTable`.
    private(set) var lists: [[UInt32]] = []
    private var internedLists: [[UInt32]: UInt32] = [:]
    /// A count or length beyond UInt32 cannot be stored; the file is then not written.
    private(set) var overflowed = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func count(_ n: Int) {
        if n > UInt32.max { overflowed = true }
        u32(UInt32(truncatingIfNeeded: n))
    }

    mutating func raw(_ other: UnsafeRawBufferPointer) { bytes.append(contentsOf: other) }

    /// The text's position in the string table.
    mutating func string(_ text: String) { count(Int(intern(text))) }

    private mutating func intern(_ text: String) -> UInt32 {
        let key = ExactText(text)
        if let index = interned[key] { return index }
        let index = UInt32(truncatingIfNeeded: table.count)
        interned[key] = index
        table.append(text)
        return index
    }

    /// A list of texts (cited sources, keywords, table columns) by its position in the list
    /// table: whole lists repeat too, and a shared one costs a retain to load, not an array.
    mutating func put(_ list: [String]) {
        let key = list.map { intern($0) }
        if let index = internedLists[key] { return u32(index) }
        let index = UInt32(truncatingIfNeeded: lists.count)
        internedLists[key] = index
        lists.append(key)
        count(Int(index))
    }

    /// Length and UTF-8 bytes, in place: the key's names and the string table itself.
    mutating func inlineString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Overwrites bytes already written: a header field known only after what follows it.
    mutating func patch<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            bytes.withUnsafeMutableBytes {
                $0.baseAddress!.advanced(by: offset).copyMemory(
                    from: raw.baseAddress!, byteCount: raw.count)
            }
        }
    }
}

/// Reads what CacheWriter wrote from memory it does not own (the caller keeps it alive).
/// Every read is bounds-checked and every count is checked against the bytes left, so a
/// damaged file costs a miss, never a trap or a huge allocation.
struct CacheReader {
    private let base: UnsafeRawPointer
    private(set) var position: Int
    let end: Int
    /// The string and list tables, once read: what `string()` and `read() -> [String]` index.
    var strings: [String] = []
    var lists: [[String]] = []

    /// `buffer` must not be empty.
    init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress!
        position = 0
        end = buffer.count
    }

    var remaining: Int { end - position }

    mutating func skip(_ n: Int) throws(CacheMiss) {
        guard n >= 0, n <= remaining else { throw CacheMiss() }
        position += n
    }

    mutating func u8() throws(CacheMiss) -> UInt8 {
        guard remaining >= 1 else { throw CacheMiss() }
        defer { position += 1 }
        return base.load(fromByteOffset: position, as: UInt8.self)
    }

    mutating func u32() throws(CacheMiss) -> UInt32 {
        guard remaining >= 4 else { throw CacheMiss() }
        defer { position += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func u64() throws(CacheMiss) -> UInt64 {
        guard remaining >= 8 else { throw CacheMiss() }
        defer { position += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// A count of things at least `minimumSize` bytes each: more than the bytes left can hold is damage.
    mutating func count(minimumSize: Int) throws(CacheMiss) -> Int {
        let n = Int(try u32())
        guard n <= remaining / max(1, minimumSize) else { throw CacheMiss() }
        return n
    }

    /// The next `n` bytes, not copied.
    mutating func bytes(_ n: Int) throws(CacheMiss) -> UnsafeRawBufferPointer {
        let start = position
        try skip(n)
        return UnsafeRawBufferPointer(start: base + start, count: n)
    }

    /// An entry of the string table (read before the rest).
    mutating func string() throws(CacheMiss) -> String {
        let index = Int(try u32())
        guard index < strings.count else { throw CacheMiss() }
        return strings[index]
    }

    /// An entry of the list table: the counterpart of `CacheWriter.put(_: [String])`. Both
    /// are chosen over the generic Array ones by type, so the two sides cannot disagree.
    mutating func read() throws(CacheMiss) -> [String] {
        let index = Int(try u32())
        guard index < lists.count else { throw CacheMiss() }
        return lists[index]
    }

    /// Straight from the bytes; invalid UTF-8 is damage, not something to repair. Decoding
    /// repairs it (each bad sequence becomes U+FFFD), so a result whose bytes differ from the
    /// input was not valid. `String(validating:)` would say so directly but goes through
    /// generic, unspecialised code: slower than all the rest of the decode.
    static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: utf8, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == utf8.count
                && (utf8.isEmpty
                    || memcmp(decoded.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
        }
        return same ? text : nil
    }
}
