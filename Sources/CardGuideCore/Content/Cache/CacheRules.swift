/// What a pack read from the cache must still follow: the text and ID rules the validator
/// applies to the JSON. The cache file is private to its user, but its checksum proves only
/// that it is whole, not who wrote it, so nothing from it reaches a screen, a terminal or a
/// file name unchecked. One pass over the unique strings, most bytes one table lookup.
enum CacheRules {
    static func allow(_ result: ContentLoadResult, strings: [String]) -> Bool {
        // Addresses may stand in the source table and as the value of a web contact.
        let webContacts = result.pack?.contacts.filter { $0.kind == .web } ?? []
        let links = Set(
            (result.pack?.sources.map(\.url) ?? [])
                + webContacts.flatMap { [$0.value.zh, $0.value.en] })
        for text in strings {
            let found = TextRules.scan(text)
            if found.isEmpty { continue }
            if found.contains(.control) { return false }
            if found.contains(.mayBeDenied) && TextRules.deniedAddress(in: text) != nil {
                return false
            }
            if found.contains(.mayHoldAmbiguous) && TextRules.ambiguousScalar(in: text) != nil {
                return false
            }
            if found.contains(.mayBeLink) && !links.contains(text) && TextRules.containsLink(text) {
                return false
            }
        }
        return result.pack.map(idsAreValid) ?? true
    }

    /// Every ID the pack defines (they name hand-out files and key saved progress).
    static func idsAreValid(_ pack: ContentPack) -> Bool {
        let ok = TextRules.isValidID
        guard pack.countries.allSatisfy({ ok($0.id) }), pack.sources.allSatisfy({ ok($0.id) }),
            pack.safety.allSatisfy({ ok($0.id) }),
            pack.contacts.allSatisfy({ ok($0.id) && $0.countryIDs.allSatisfy(ok) })
        else { return false }
        return pack.cards.allSatisfy { card in
            ok(card.id) && ok(card.countryID) && card.cautions.allSatisfy { ok($0.id) }
                && card.faq.allSatisfy { ok($0.id) } && card.comparisons.allSatisfy { ok($0.id) }
                && card.methods.allSatisfy { method in
                    ok(method.id)
                        && method.steps.allSatisfy { step in
                            ok(step.id) && step.bring.allSatisfy { ok($0.id) }
                        }
                }
        }
    }
}
