/// A value the cache stores field by field. Each conformance lists its fields once for
/// writing and once, in the same order, for reading, side by side in PackCodec.swift.
protocol CacheCodable {
    /// The fewest bytes an encoded value takes: bounds a count before its array is reserved.
    static var minimumSize: Int { get }
    func encode(to writer: inout CacheWriter)
    init(from reader: inout CacheReader) throws(CacheMiss)
}

extension CacheWriter {
    mutating func put(_ value: some CacheCodable) { value.encode(to: &self) }
}

extension CacheReader {
    mutating func read<T: CacheCodable>() throws(CacheMiss) -> T { try T(from: &self) }
}

extension String: CacheCodable {
    static var minimumSize: Int { 4 }
    func encode(to writer: inout CacheWriter) { writer.string(self) }
    init(from reader: inout CacheReader) throws(CacheMiss) { self = try reader.string() }
}

extension Bool: CacheCodable {
    static var minimumSize: Int { 1 }
    func encode(to writer: inout CacheWriter) { writer.u8(self ? 1 : 0) }
    init(from reader: inout CacheReader) throws(CacheMiss) {
        switch try reader.u8() {
        case 0: self = false
        case 1: self = true
        default: throw CacheMiss()
        }
    }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    static var minimumSize: Int { 1 }
    func encode(to writer: inout CacheWriter) {
        writer.put(self != nil)
        if let self { writer.put(self) }
    }
    init(from reader: inout CacheReader) throws(CacheMiss) {
        self = try reader.read() as Bool ? .some(try reader.read()) : nil
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    static var minimumSize: Int { 4 }
    func encode(to writer: inout CacheWriter) {
        writer.count(count)
        for element in self { writer.put(element) }
    }
    init(from reader: inout CacheReader) throws(CacheMiss) {
        let n = try reader.count(minimumSize: Element.minimumSize)
        self = []
        reserveCapacity(n)
        for _ in 0..<n { append(try reader.read()) }
    }
}

/// Enums with string raw values (source and caution kinds, issue severity) are stored by
/// name: a few thousand at most, and a renamed case cannot decode as another one.
extension CacheCodable where Self: RawRepresentable, RawValue == String {
    static var minimumSize: Int { 4 }
    func encode(to writer: inout CacheWriter) { writer.string(rawValue) }
    init(from reader: inout CacheReader) throws(CacheMiss) {
        guard let value = Self(rawValue: try reader.string()) else { throw CacheMiss() }
        self = value
    }
}
