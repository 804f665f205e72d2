public import ParityDiagnostics

/// Applies the spec's rule waivers to findings: an active waiver waives the findings of its
/// rule (on its item, or on every item); an expired one waives nothing and is reported, and
/// so is one that matches no finding or names no rule (unless the environments it could
/// match in were not checked).
public enum FindingWaivers {
    public static func apply(
        _ waivers: [Waiver], to findings: inout [Finding], today: String, ruleIDs: Set<String>,
        warnWithin: Int = Schedule().warnWithin, unchecked: Set<String> = [], notRun: Set<String> = []
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var index = FindingIndex(findings)
        for waiver in waivers {
            guard case .rule(let id, let item) = waiver.subject else { continue }
            guard ruleIDs.contains(id) || notRun.contains(id) else {
                diagnostics.append(
                    .warning(
                        .specStaleWaiver,
                        "waiver names rule '\(id)', which no policy has\(Suggestion.didYouMean(id, in: ruleIDs))",
                        at: waiver.location))
                continue
            }
            let candidates = item.map { index.positions(of: id, matching: $0) } ?? index.positions(of: id)
            let matched = candidates.filter { position in
                waiver.environment.map { findings[position].environment == $0 } ?? true
            }
            // An environment the policies did not run on (it has errors) may hold its findings.
            let judged = unchecked.isEmpty || waiver.environment.map { !unchecked.contains($0) } ?? false
            if matched.isEmpty, !judged || notRun.contains(id) { continue }
            if matched.isEmpty {
                diagnostics.append(
                    .warning(
                        .specStaleWaiver, "waiver for \(waiver.target) matches no finding; remove it",
                        at: waiver.location))
                continue
            }
            if waiver.isExpired(on: today) {
                diagnostics.append(
                    .warning(
                        .specExpiredWaiver,
                        "waiver for \(waiver.target) expired on \(waiver.expires); its findings fail again (owner: \(waiver.owner))",
                        at: waiver.location))
                for index in matched where findings[index].isActive { findings[index].expiredWaiver = waiver }
                continue
            }
            if let warning = waiver.expiringWarning(on: today, warnWithin: warnWithin) { diagnostics.append(warning) }
            for index in matched where findings[index].isActive { findings[index].status = .waived(waiver) }
        }
        return diagnostics
    }
}

/// The findings of each rule, and of each rule's items by path, so each waiver finds its
/// findings without testing every finding; a rule's path index is built when first asked for.
private struct FindingIndex {
    private let items: [ModelPath]
    private var byRule: [String: [Int]] = [:]
    private var paths: [String: PathIndex] = [:]

    init(_ findings: [Finding]) {
        items = findings.map(\.item)
        for (position, finding) in findings.enumerated() { byRule[finding.ruleID, default: []].append(position) }
    }

    func positions(of rule: String) -> [Int] { byRule[rule] ?? [] }

    mutating func positions(of rule: String, matching pattern: ModelPath) -> [Int] {
        let positions = self.positions(of: rule)
        if paths[rule] == nil { paths[rule] = PathIndex(positions.map { items[$0] }) }
        // Positions in the rule's index are offsets into its findings.
        return paths[rule].map { $0.positions(matching: pattern).map { positions[$0] } } ?? []
    }
}
