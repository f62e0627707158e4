/// Fits saved progress to the content pack of this run. Content changes between releases
/// (a step merged, a material renamed), and saved IDs that no longer exist must neither crash
/// the app nor vanish silently: everything that still matches is kept, the rest is dropped
/// and listed so the person can be told.
public enum SessionReconciler {
    public struct Report: Equatable, Sendable {
        /// A checklist whose card or method is gone.
        public struct DroppedChecklist: Equatable, Sendable {
            public var cardID: String
            public var methodID: String
        }

        /// What was removed from a checklist that was kept.
        public struct Trimmed: Equatable, Sendable {
            public var methodID: String
            public var steps: [String] = []
            public var materials: [String] = []
            /// The current step was gone and the checklist now starts at its first step.
            public var movedFromStep: String?
        }

        public var droppedChecklists: [DroppedChecklist] = []
        public var trimmed: [Trimmed] = []

        public var isEmpty: Bool { droppedChecklists.isEmpty && trimmed.isEmpty }
        public var droppedStepCount: Int { trimmed.map(\.steps.count).reduce(0, +) }
        public var droppedMaterialCount: Int { trimmed.map(\.materials.count).reduce(0, +) }
    }

    /// `file` with only what `pack` still has, and what was dropped. Checklists that lost
    /// something take the pack's fingerprint: they now describe this content.
    public static func reconcile(_ file: SessionFile, with pack: ContentPack) -> (
        SessionFile, Report
    ) {
        var report = Report()
        var kept: [Int: Checklist] = [:]
        var seenMethods = Set<String>()
        // Visit the most recent first, so that a hand-edited file with two checklists for
        // one method keeps the newer one.
        let recentFirst = file.checklists.indices.sorted {
            (file.checklists[$0].changed, $1) > (file.checklists[$1].changed, $0)
        }
        for index in recentFirst {
            var checklist = file.checklists[index]
            guard let card = pack.card(checklist.cardID),
                let method = card.method(checklist.methodID),
                seenMethods.insert(method.id).inserted
            else {
                report.droppedChecklists.append(
                    .init(cardID: checklist.cardID, methodID: checklist.methodID))
                continue
            }
            checklist.countryID = card.countryID
            var trimmed = Report.Trimmed(methodID: method.id)
            let stepIDs = Set(method.steps.map(\.id))
            trimmed.steps = checklist.stepStatus.keys.filter { !stepIDs.contains($0) }.sorted()
            for id in trimmed.steps { checklist.stepStatus[id] = nil }
            let materialIDs = Set(method.materials.map(\.id))
            trimmed.materials = checklist.ticked.filter { !materialIDs.contains($0) }.sorted()
            checklist.ticked.subtract(trimmed.materials)
            if !stepIDs.contains(checklist.currentStepID), let first = method.steps.first {
                trimmed.movedFromStep = checklist.currentStepID
                checklist.currentStepID = first.id
                if checklist.status(of: first.id) == .notStarted {
                    checklist.stepStatus[first.id] = .inProgress
                }
            }
            if !trimmed.steps.isEmpty || !trimmed.materials.isEmpty || trimmed.movedFromStep != nil
            {
                checklist.contentFingerprint = pack.fingerprint
                report.trimmed.append(trimmed)
            }
            kept[index] = checklist
        }
        var result = file
        // The survivors stay in the file's own order.
        result.checklists = file.checklists.indices.compactMap { kept[$0] }
        if let last = result.lastOpened, result.checklist(for: last) == nil {
            result.lastOpened = nil
        }
        return (result, report)
    }
}
