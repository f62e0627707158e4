#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The status of one wizard step, after the GOV.UK task-list pattern.
public enum StepStatus: String, CaseIterable, Sendable {
    case notStarted, inProgress, done
}

/// One person's progress through one method of one card: the current step, each step's
/// status and the ticked materials. It holds progress only, never personal data.
public struct Checklist: Equatable, Sendable {
    public var countryID: String
    public var cardID: String
    public var methodID: String
    public var currentStepID: String
    public var stepStatus: [String: StepStatus]
    public var ticked: Set<String>
    public var started: Date
    public var changed: Date
    /// The content pack's fingerprint when this was last changed.
    public var contentFingerprint: String

    public init(
        countryID: String, cardID: String, method: Method, now: Date, contentFingerprint: String
    ) {
        self.countryID = countryID
        self.cardID = cardID
        self.methodID = method.id
        self.currentStepID = method.steps.first?.id ?? ""
        self.stepStatus = [:]
        self.ticked = []
        self.started = now
        self.changed = now
        self.contentFingerprint = contentFingerprint
    }

    /// A checklist is identified by the method it follows: one per method.
    public var key: String { methodID }

    public func status(of stepID: String) -> StepStatus { stepStatus[stepID] ?? .notStarted }
}

/// Pure transitions of a checklist against the method it follows.
extension Checklist {
    public func currentIndex(in method: Method) -> Int {
        method.steps.firstIndex { $0.id == currentStepID } ?? 0
    }

    /// Moves to step `index` (clamped). Reading a step changes no status: a step is in
    /// progress only once something in it is ticked.
    public mutating func go(to index: Int, in method: Method, now: Date) {
        guard !method.steps.isEmpty else { return }
        let clamped = min(max(index, 0), method.steps.count - 1)
        currentStepID = method.steps[clamped].id
        changed = now
    }

    /// Ticks or unticks a material; ticking marks its step as started.
    public mutating func toggle(material: String, in method: Method, now: Date) {
        if ticked.contains(material) {
            ticked.remove(material)
        } else {
            ticked.insert(material)
            if let step = method.steps.first(where: { $0.bring.contains { $0.id == material } }),
                status(of: step.id) == .notStarted
            {
                stepStatus[step.id] = .inProgress
            }
        }
        changed = now
    }

    /// Marks a step done, or back to not done when it was done: in progress if something in
    /// it is ticked, else not started.
    public mutating func toggleDone(step stepID: String, in method: Method, now: Date) {
        if status(of: stepID) == .done {
            let step = method.steps.first { $0.id == stepID }
            let touched = step?.bring.contains { ticked.contains($0.id) } ?? false
            stepStatus[stepID] = touched ? .inProgress : nil
        } else {
            stepStatus[stepID] = .done
        }
        changed = now
    }

    /// Every step is done: the checklist is finished.
    public func isFinished(in method: Method) -> Bool {
        !method.steps.isEmpty && doneCount(in: method) == method.steps.count
    }

    public func doneCount(in method: Method) -> Int {
        method.steps.filter { status(of: $0.id) == .done }.count
    }

    public func tickedCount(in method: Method) -> Int {
        method.materials.filter { ticked.contains($0.id) }.count
    }

    /// Whole percent of steps done.
    public func percentDone(in method: Method) -> Int {
        method.steps.isEmpty ? 0 : doneCount(in: method) * 100 / method.steps.count
    }
}
