import CardGuideCore

/// `Q` and the code screen: which address, the next one, its language, closing.
extension Update {
    static func showCode(_ state: inout AppState) -> [Effect] {
        let addresses = CodeAddresses.onScreen(state)
        guard let first = addresses.first else {
            state.notice = Notice(Strings(state.language).noOfficialAddress)
            return []
        }
        state.overlay = .code(CodeOverlay(addresses: addresses))
        return [.encodeCode(address: first)]
    }

    static func codeAction(
        _ action: Action, _ code: CodeOverlay, _ state: inout AppState
    ) -> [Effect] {
        switch action {
        case .back:
            state.overlay = nil
        case .nextCode where code.addresses.count > 1:
            let next = CodeOverlay(
                addresses: code.addresses, index: (code.index + 1) % code.addresses.count)
            state.overlay = .code(next)
            return [.encodeCode(address: next.address)]
        case .switchLanguage:
            // The code's words change language; the code and its address stay as they are.
            return switchLanguage(&state)
        case .quit:
            return [.quit]
        default:
            break
        }
        return []
    }
}
