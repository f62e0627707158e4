/// The cache's string and list tables, before the structure that refers to them. Strings:
/// a count, each text's UTF-8 length (u32), then the texts back to back. Lists: a count, then
/// each list as a count and its texts' positions in the string table.
enum StringTable {
    static func write(_ strings: [String], lists: [[UInt32]], to writer: inout CacheWriter) {
        writer.count(strings.count)
        for text in strings { writer.count(text.utf8.count) }
        for var text in strings { text.withUTF8 { writer.raw(UnsafeRawBufferPointer($0)) } }
        writer.count(lists.count)
        for list in lists {
            writer.count(list.count)
            for index in list { writer.u32(index) }
        }
    }

    /// Fills the reader's `strings` and `lists`.
    static func read(into reader: inout CacheReader) throws(CacheMiss) {
        let count = try reader.count(minimumSize: 4)
        let lengths = try reader.bytes(4 * count)
        var strings: [String] = []
        strings.reserveCapacity(count)
        for n in 0..<count {
            let length = Int(
                UInt32(littleEndian: lengths.loadUnaligned(fromByteOffset: 4 * n, as: UInt32.self)))
            guard
                let text = CacheReader.text(
                    try reader.bytes(length).assumingMemoryBound(to: UInt8.self))
            else { throw CacheMiss() }
            strings.append(text)
        }
        reader.strings = strings

        let listCount = try reader.count(minimumSize: 4)
        var lists: [[String]] = []
        lists.reserveCapacity(listCount)
        for _ in 0..<listCount {
            let n = try reader.count(minimumSize: 4)
            var list: [String] = []
            list.reserveCapacity(n)
            for _ in 0..<n { list.append(try reader.string()) }
            lists.append(list)
        }
        reader.lists = lists
    }
}
