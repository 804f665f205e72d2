public import ParityDiagnostics

/// Applies the spec's rule waivers to findings: an active waiver waives the findings of its
/// rule (on its item, or on every item); an expired one waives nothing and is reported, and
/// so is one that matches no finding or names no rule.
public enum FindingWaivers {
    public static func apply(_ waivers: [Waiver], to findings: inout [Finding], today: String, ruleIDs: Set<String>,
                             warnWithin: Int = Schedule().warnWithin) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for waiver in waivers {
            guard case .rule(let id, let item) = waiver.subject else { continue }
            guard ruleIDs.contains(id) else {
                diagnostics.append(.warning(.specStaleWaiver, "waiver names rule '\(id)', which no policy has\(Suggestion.didYouMean(id, in: ruleIDs))", at: waiver.location))
                continue
            }
            let matched = findings.indices.filter { index in
                findings[index].ruleID == id && (item.map { findings[index].item.matches($0, prefix: true) } ?? true)
                    && (waiver.environment.map { findings[index].environment == $0 } ?? true)
            }
            if matched.isEmpty {
                diagnostics.append(.warning(.specStaleWaiver, "waiver for \(waiver.target) matches no finding; remove it", at: waiver.location))
                continue
            }
            if waiver.isExpired(on: today) {
                diagnostics.append(.warning(.specExpiredWaiver, "waiver for \(waiver.target) expired on \(waiver.expires); its findings fail again (owner: \(waiver.owner))", at: waiver.location))
                for index in matched where findings[index].isActive { findings[index].expiredWaiver = waiver }
                continue
            }
            if let warning = waiver.expiringWarning(on: today, warnWithin: warnWithin) { diagnostics.append(warning) }
            for index in matched where findings[index].isActive { findings[index].status = .waived(waiver) }
        }
        return diagnostics
    }
}
