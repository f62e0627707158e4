/// The byte scans under `SearchIndex.search`: which documents of a part of the index hold
/// every term, found by sweeping runs of candidate documents in each field's buffer.
extension SearchIndex {
    /// One field of every document, folded, in one buffer: document d's text is
    /// `bytes[starts[d] ..< starts[d + 1] - 1]`, followed by a 0 byte that no term contains.
    struct Field: Sendable {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]

        mutating func append(_ folded: String) {
            bytes.append(contentsOf: folded.utf8)
            bytes.append(0)
            starts.append(bytes.count)
        }
    }

    /// A term's bytes and which of them to look for first: the rarest in the index, and
    /// the second rarest (the same one for a one-byte term).
    struct Needle: Sendable {
        var bytes: [UInt8]
        var pivot: Int
        var second: Int
    }

    /// Per-document working memory of one search, shared by its parts: each part touches
    /// only its own documents' slots, and `left[k]` of part k.
    struct Scratch: @unchecked Sendable {
        /// From a part's first document on: its candidates left, ascending.
        var candidates: UnsafeMutableBufferPointer<Int32>
        /// By document: the score so far, and the current term's.
        var scores: UnsafeMutableBufferPointer<Int32>
        var terms: UnsafeMutableBufferPointer<UInt8>
        /// By part: how many candidates it has left.
        var left: UnsafeMutableBufferPointer<Int>
    }

    /// Leaves in `scratch` the documents of `parts[k]` that `alive` marks as candidates and
    /// that hold every needle, with their scores. Term by term: titles first, then keywords
    /// and bodies only for the candidates the term has not matched yet, as a score counts
    /// only the best field. The work follows the candidates left, not the part's size.
    func scan(
        _ needles: [Needle], part k: Int, of parts: [Range<Int>], alive: [Bool], _ scratch: Scratch
    ) {
        let part = parts[k]
        let lo = part.lowerBound
        let (scores, terms) = (scratch.scores, scratch.terms)
        var count = 0
        for d in part where alive[d] {
            scratch.candidates[lo + count] = Int32(d)
            scores[d] = 0
            count += 1
        }
        let candidates = UnsafeMutableBufferPointer(rebasing: scratch.candidates[lo..<lo + count])
        for needle in needles {
            let left = UnsafeBufferPointer(rebasing: candidates[..<count])
            for d in left { terms[Int(d)] = 0 }
            Self.sweep(
                needle, titles, left, where: { _ in true },
                found: { d, at in
                    terms[d] = UInt8(100 - min(at, 50))
                })
            Self.sweep(
                needle, keywords, left, where: { terms[$0] == 0 }, found: { d, _ in terms[d] = 40 })
            Self.sweep(
                needle, bodies, left, where: { terms[$0] == 0 }, found: { d, _ in terms[d] = 10 })
            // Keep the candidates this term matched, in order.
            var kept = 0
            for i in 0..<count {
                let d = Int(candidates[i])
                guard terms[d] != 0 else { continue }
                scores[d] += Int32(terms[d])
                candidates[kept] = Int32(d)
                kept += 1
            }
            count = kept
        }
        scratch.left[k] = count
    }

    /// Calls `found(document, offset)` once for each of `documents` (ascending) that
    /// `wanted` selects and whose text in `field` holds `needle`, with the offset of the
    /// first match. Consecutive documents are one sweep of the buffer: one pass over a field
    /// when most documents are candidates, and no more than their own text when few are.
    static func sweep(
        _ needle: Needle, _ field: Field, _ documents: UnsafeBufferPointer<Int32>,
        where wanted: (Int) -> Bool,
        found: (Int, Int) -> Void
    ) {
        let n = needle.bytes.count
        guard n > 0 else { return }
        field.bytes.withUnsafeBufferPointer { hay in
            field.starts.withUnsafeBufferPointer { starts in
                needle.bytes.withUnsafeBufferPointer { ndl in
                    guard let base = hay.baseAddress else { return }
                    var k = 0
                    while k < documents.count {
                        let first = Int(documents[k])
                        k += 1
                        guard wanted(first) else { continue }
                        var runEnd = first + 1
                        while k < documents.count && Int(documents[k]) == runEnd && wanted(runEnd) {
                            runEnd += 1
                            k += 1
                        }
                        var document = first
                        var from = starts[first]
                        while let start = firstMatch(
                            of: ndl, needle.pivot, needle.second, in: base, from: from,
                            end: starts[runEnd] - 1, bound: hay.count)
                        {
                            while starts[document + 1] <= start { document += 1 }
                            let end = starts[document + 1] - 1
                            if start + n <= end {
                                found(document, start - starts[document])
                                // Only the first match of a document counts: go on with the next one.
                                from = end + 1
                            } else {
                                from = start + 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// The first position at or after `from` where `needle` starts and ends by `end`.
    /// Positions are tested for two of the needle's bytes together, its rarest (at offset
    /// `p`) and second rarest (at `q`): such a pair is rare even when each byte is common, as
    /// letters and the lead bytes of Chinese characters are. Sixty-four positions per step
    /// (four 16-byte compares, one branch), so the branch to the candidates is seldom taken;
    /// only candidates are compared in full. Loads may read past `end`, up to `bound`.
    static func firstMatch(
        of needle: UnsafeBufferPointer<UInt8>, _ p: Int, _ q: Int, in base: UnsafePointer<UInt8>,
        from: Int, end: Int, bound: Int
    ) -> Int? {
        let n = needle.count
        let last = end - n // the last start that fits
        let reach = max(p, q)
        let raw = UnsafeRawPointer(base)
        let first = SIMD16<UInt8>(repeating: needle[p])
        let second = SIMD16<UInt8>(repeating: needle[q])
        /// Lane k of the candidates from `i` (one byte per lane) is 0xFF when position
        /// i + k has both bytes. As two words: Swift's `any` on a mask compiles to a chain of
        /// shuffles here, a test of two words to one `or`.
        func candidates(_ i: Int) -> SIMD2<UInt64> {
            let both =
                (raw.loadUnaligned(fromByteOffset: i + p, as: SIMD16<UInt8>.self) .== first)
                .& (raw.loadUnaligned(fromByteOffset: i + q, as: SIMD16<UInt8>.self) .== second)
            return unsafeBitCast(both, to: SIMD2<UInt64>.self)
        }
        func matches(_ start: Int) -> Bool {
            var j = 0
            while j < n && base[start + j] == needle[j] { j += 1 }
            return j == n
        }
        /// The first full match among the eight candidate lanes of `word` from `i`;
        /// `last + 1` when the candidates run past `last`, nil when none matches.
        func check(_ word: UInt64, _ i: Int) -> Int? {
            var bits = word & 0x0101_0101_0101_0101 // one bit per lane
            while bits != 0 {
                let start = i + bits.trailingZeroBitCount >> 3
                if start > last { return last + 1 }
                if matches(start) { return start }
                bits &= bits &- 1
            }
            return nil
        }
        func check(_ c: SIMD2<UInt64>, _ i: Int) -> Int? {
            (c.x | c.y) == 0 ? nil : check(c.x, i) ?? check(c.y, i + 8)
        }
        var i = from
        while i <= last && i + reach + 64 <= bound {
            let c0 = candidates(i)
            let c1 = candidates(i + 16)
            let c2 = candidates(i + 32)
            let c3 = candidates(i + 48)
            let any = c0 | c1 | c2 | c3
            if any.x | any.y != 0,
                let found = check(c0, i) ?? check(c1, i + 16) ?? check(c2, i + 32)
                    ?? check(c3, i + 48)
            {
                return found > last ? nil : found
            }
            i += 64
        }
        while i <= last && i + reach + 16 <= bound {
            if let found = check(candidates(i), i) { return found > last ? nil : found }
            i += 16
        }
        while i <= last {
            if base[i + p] == needle[p] && matches(i) { return i }
            i += 1
        }
        return nil
    }
}
