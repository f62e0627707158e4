#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache file: a fixed header, the key it was made from, and the encoded load result
/// (its string and list tables, then the pack and the issues that refer to them).
///
///     0  magic "CGPACK\r\n"        16  payload length  u64
///     8  format version  u32        24  XXH64 of key + payload
///    12  key length      u32        32  key, then payload
///
/// Opening checks, cheapest first: size, magic, version, lengths, the key byte for byte (a
/// stale cache stops here), the checksum, then a decode that must end exactly at the end,
/// and the content rules (`CacheRules`).
package enum CacheFile {
    /// Bump when the encoding changes. The key also holds the program's size and mtime, so a
    /// rebuilt program misses every older cache even when a bump is forgotten.
    static let formatVersion: UInt32 = 4
    static let magic = Array("CGPACK\r\n".utf8)
    package static let headerSize = 32

    /// The file's bytes, or nil when something is too large to encode.
    package static func seal(_ result: ContentLoadResult, key: CacheKey) -> [UInt8]? {
        var writer = CacheWriter(capacity: headerSize + key.bytes.count + key.totalSize)
        magic.withUnsafeBytes { writer.raw($0) }
        writer.u32(formatVersion)
        writer.count(key.bytes.count)
        writer.u64(0) // payload length
        writer.u64(0) // checksum
        key.bytes.withUnsafeBytes { writer.raw($0) }
        let payloadStart = writer.bytes.count
        // The structure is encoded first (it collects the strings and lists), stored after their tables.
        var structure = CacheWriter(capacity: key.totalSize / 4)
        structure.put(result)
        StringTable.write(structure.table, lists: structure.lists, to: &writer)
        structure.bytes.withUnsafeBytes { writer.raw($0) }
        guard !writer.overflowed, !structure.overflowed else { return nil }
        writer.patch(UInt64(writer.bytes.count - payloadStart), at: 16)
        let checksum = writer.bytes.withUnsafeBytes {
            Checksum64.hash(UnsafeRawBufferPointer(rebasing: $0[headerSize...]))
        }
        writer.patch(checksum, at: 24)
        return writer.bytes
    }

    /// The stored result when the file is whole and was made from exactly `key`.
    package static func open(_ file: UnsafeRawBufferPointer, key: CacheKey) -> ContentLoadResult? {
        guard file.count >= headerSize, file.starts(with: magic) else { return nil }
        var reader = CacheReader(file)
        do {
            try reader.skip(magic.count)
            guard try reader.u32() == formatVersion else { return nil }
            let keyLength = Int(try reader.u32())
            let payloadLength = try reader.u64()
            let checksum = try reader.u64()
            guard keyLength == key.bytes.count, file.count - headerSize - keyLength >= 0,
                UInt64(file.count - headerSize - keyLength) == payloadLength
            else { return nil }
            let storedKey = try reader.bytes(keyLength)
            guard
                key.bytes.withUnsafeBytes({
                    memcmp($0.baseAddress!, storedKey.baseAddress!, keyLength) == 0
                }),
                Checksum64.hash(UnsafeRawBufferPointer(rebasing: file[headerSize...])) == checksum
            else { return nil }
            return try decode(&reader)
        } catch {
            return nil
        }
    }

    private static func decode(_ reader: inout CacheReader) throws(CacheMiss) -> ContentLoadResult?
    {
        try StringTable.read(into: &reader)
        let result: ContentLoadResult = try reader.read()
        guard reader.remaining == 0 else { return nil }
        return CacheRules.allow(result, strings: reader.strings) ? result : nil
    }
}
