public import ParityDiagnostics

/// Applies the spec's gap waivers to one pair's gaps: a waiver for the pair (or for every
/// pair) waives the failing gaps under its path until its last day; an expired one waives
/// nothing, and the gaps it used to waive keep it, so the report can say so. Returns the
/// warnings, and the positions of the waivers for this pair that matched no gap in it.
public enum GapWaivers {
    public static func apply(
        _ waivers: [Waiver], to gaps: inout [Gap], reference: String, mirror: String, today: String,
        warnWithin: Int
    ) -> (diagnostics: [Diagnostic], unmatched: [Int]) {
        apply(
            waivers, to: &gaps, index: PathIndex(gaps.map(\.path)), reference: reference, mirror: mirror, today: today,
            warnWithin: warnWithin)
    }

    /// `apply`, with the gaps' paths already indexed (`index` holds every gap, in order).
    static func apply(
        _ waivers: [Waiver], to gaps: inout [Gap], index: PathIndex, reference: String, mirror: String, today: String,
        warnWithin: Int
    ) -> (diagnostics: [Diagnostic], unmatched: [Int]) {
        var diagnostics: [Diagnostic] = []
        var unmatched: [Int] = []
        for (position, waiver) in waivers.enumerated() where waiver.applies(reference: reference, mirror: mirror) {
            guard case .gap(let pattern) = waiver.subject else { continue }
            let matched = index.positions(matching: pattern).filter { gaps[$0].isFailing }
            if matched.isEmpty {
                unmatched.append(position)
                continue
            }
            if waiver.isExpired(on: today) {
                diagnostics.append(
                    .warning(
                        .specExpiredWaiver,
                        "waiver for '\(waiver.target)' expired on \(waiver.expires); the gap it waived fails again (owner: \(waiver.owner))",
                        at: waiver.location))
                for index in matched { gaps[index].expiredWaiver = waiver }
                continue
            }
            if let warning = waiver.expiringWarning(on: today, warnWithin: warnWithin) { diagnostics.append(warning) }
            let waived = Gap.Status.waived(waiver)  // one box for all its gaps
            for index in matched { gaps[index].status = waived }
        }
        return (diagnostics, unmatched)
    }
}
