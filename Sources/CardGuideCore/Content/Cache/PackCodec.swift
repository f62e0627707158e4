/// The validated pack's fields in cache order. Write and read of a type sit together so that
/// a field added to the model is added to both (the format version constant changes with it;
/// a rebuilt binary misses every older cache anyway).

extension Localized: CacheCodable {
    static var minimumSize: Int { 8 }
    func encode(to w: inout CacheWriter) {
        w.put(zh)
        w.put(en)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(zh: try r.read(), en: try r.read())
    }
}

extension Country: CacheCodable {
    static var minimumSize: Int { 20 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(name)
        w.put(summary)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(id: try r.read(), name: try r.read(), summary: try r.read())
    }
}

extension Source.Kind: CacheCodable {}

extension Source: CacheCodable {
    static var minimumSize: Int { 20 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(kind)
        w.put(title)
        w.put(url)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(id: try r.read(), kind: try r.read(), title: try r.read(), url: try r.read())
    }
}

extension SafetyRule: CacheCodable {
    static var minimumSize: Int { 28 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(title)
        w.put(body)
        w.put(sources)
        w.put(countries)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), title: try r.read(), body: try r.read(), sources: try r.read(),
            countries: try r.read())
    }
}

extension Contact.Kind: CacheCodable {}

extension Contact: CacheCodable {
    static var minimumSize: Int { 41 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(countryIDs)
        w.put(kind)
        w.put(name)
        w.put(value)
        w.put(purpose)
        w.put(hours)
        w.put(sources)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), countryIDs: try r.read(), kind: try r.read(),
            name: try r.read(), value: try r.read(), purpose: try r.read(),
            hours: try r.read(), sources: try r.read())
    }
}

extension Material: CacheCodable {
    static var minimumSize: Int { 13 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(name)
        w.put(note)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(id: try r.read(), name: try r.read(), note: try r.read())
    }
}

extension Step: CacheCodable {
    static var minimumSize: Int { 32 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(title)
        w.put(body)
        w.put(bring)
        w.put(`where`)
        w.put(duration)
        w.put(sources)
        w.put(varies)
        w.put(variesNote)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), title: try r.read(), body: try r.read(), bring: try r.read(),
            where: try r.read(),
            duration: try r.read(), sources: try r.read(), varies: try r.read(),
            variesNote: try r.read())
    }
}

extension Method: CacheCodable {
    static var minimumSize: Int { 32 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(name)
        w.put(summary)
        w.put(suits)
        w.put(steps)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), name: try r.read(), summary: try r.read(), suits: try r.read(),
            steps: try r.read())
    }
}

extension Caution.Kind: CacheCodable {}

extension Caution: CacheCodable {
    static var minimumSize: Int { 28 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(kind)
        w.put(title)
        w.put(body)
        w.put(sources)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), kind: try r.read(), title: try r.read(), body: try r.read(),
            sources: try r.read())
    }
}

extension FAQ: CacheCodable {
    static var minimumSize: Int { 32 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(question)
        w.put(answer)
        w.put(sources)
        w.put(keywordsZh)
        w.put(keywordsEn)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), question: try r.read(), answer: try r.read(), sources: try r.read(),
            keywordsZh: try r.read(), keywordsEn: try r.read())
    }
}

extension Comparison.Row: CacheCodable {
    static var minimumSize: Int { 12 }
    func encode(to w: inout CacheWriter) {
        w.put(label)
        w.put(cells)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(label: try r.read(), cells: try r.read())
    }
}

extension Comparison: CacheCodable {
    static var minimumSize: Int { 20 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(title)
        w.put(methods)
        w.put(rows)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(id: try r.read(), title: try r.read(), methods: try r.read(), rows: try r.read())
    }
}

extension Card: CacheCodable {
    static var minimumSize: Int { 56 }
    func encode(to w: inout CacheWriter) {
        w.put(id)
        w.put(countryID)
        w.put(name)
        w.put(summary)
        w.put(issuer)
        w.put(activation)
        w.put(methods)
        w.put(cautions)
        w.put(faq)
        w.put(comparisons)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            id: try r.read(), countryID: try r.read(), name: try r.read(), summary: try r.read(),
            issuer: try r.read(), activation: try r.read(), methods: try r.read(),
            cautions: try r.read(),
            faq: try r.read(), comparisons: try r.read())
    }
}

extension ContentIssue.Severity: CacheCodable {}

extension ContentIssue: CacheCodable {
    static var minimumSize: Int { 16 }
    func encode(to w: inout CacheWriter) {
        w.put(file)
        w.put(path)
        w.put(message)
        w.put(severity)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            file: try r.read(), path: try r.read(), message: try r.read(), severity: try r.read())
    }
}

extension ContentPack: CacheCodable {
    static var minimumSize: Int { 24 }
    func encode(to w: inout CacheWriter) {
        w.put(countries)
        w.put(cards)
        w.put(safety)
        w.put(sources)
        w.put(contacts)
        w.put(fingerprint)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(
            countries: try r.read(), cards: try r.read(), safety: try r.read(),
            sources: try r.read(),
            contacts: try r.read(), fingerprint: try r.read())
    }
}

extension ContentLoadResult: CacheCodable {
    static var minimumSize: Int { 5 }
    func encode(to w: inout CacheWriter) {
        w.put(pack)
        w.put(issues)
    }
    init(from r: inout CacheReader) throws(CacheMiss) {
        self.init(pack: try r.read(), issues: try r.read())
    }
}
