import ParityDiagnostics

/// Applies a pair's allowed variances and the spec's waivers to a raw diff.
public struct PairEvaluator: Sendable {
    public var variances: [Variance]
    public var waivers: [Waiver]
    /// `YYYY-MM-DD`, for waiver expiry.
    public var today: String
    /// How far ahead a waiver running out is warned about, in seconds (the spec's `schedule.warnWithin`).
    public var warnWithin = Schedule().warnWithin
    public var expressions: VarianceExpressions

    public init(variances: [Variance], waivers: [Waiver], today: String, expressions: VarianceExpressions) {
        self.variances = variances
        self.waivers = waivers
        self.today = today
        self.expressions = expressions
    }

    public func evaluate(
        reference: (name: String, value: Value), mirror: (name: String, value: Value), diff: EnvironmentDiff
    ) -> PairReport {
        let raw = diff.compare(reference: reference.value, mirror: mirror.value)
        var diagnostics: [Diagnostic] = []
        var gaps = raw.gaps
        var attributes = raw.attributes
        MissingEdges(schema: diff.schema).mark(&gaps, attributes: &attributes, reference: reference, mirror: mirror)
        // Every gap under each path prefix, so a variance finds its gaps without a scan; built
        // only for variances or waivers to use (a drifted pair can have hundreds of thousands).
        // After the lost edges are marked, not beside it: their graphs and the index are the
        // two largest things a pair holds for a while, and together they set the peak.
        let indexing = !variances.isEmpty || !waivers.isEmpty
        var gapsUnder = PathIndex(indexing ? gaps.map(\.path) : [])
        // Each variance judged on every core against the index as it stands; what they decide
        // is applied in the spec's order, so the first variance to allow a gap is the one it names.
        let lookups = (reference: ItemLookup(), mirror: ItemLookup()), pairs = ItemPairs()
        let judged = Parallel.map(variances.count) { [gapsUnder] position in
            judge(
                variances[position], reference: reference.value, mirror: mirror.value, diff: diff, index: gapsUnder,
                lookups: lookups, pairs: pairs)
        }
        for (variance, rulings) in zip(variances, judged) {
            guard let rulings else {
                diagnostics.append(
                    .warning(
                        .specUnusedVariance,
                        "allowed variance '\(variance.path)' matches nothing in \(reference.name) or \(mirror.name); check the path",
                        at: variance.location))
                continue
            }
            // One status for every gap the variance allows: its box is shared, not made for each.
            let allowed = Gap.Status.allowed(variance)
            for ruling in rulings {
                switch ruling {
                case .covering(let positions, let failure):
                    let status = failure.map { .failing(explanation: $0) } ?? allowed
                    for index in positions {
                        guard case .failing(nil) = gaps[index].status else { continue }
                        gaps[index].status = status
                    }
                case .violated(let gap):
                    gaps.append(gap)
                    attributes[gap.section, default: 0] += 1
                }
            }
        }

        // The gaps the variances added join the index only now: no variance saw them as covering.
        if !waivers.isEmpty {
            for gap in gaps[gapsUnder.count...] { gapsUnder.append(gap.path) }
        }
        let (waiverDiagnostics, unmatched) = GapWaivers.apply(
            waivers, to: &gaps, index: gapsUnder, reference: reference.name, mirror: mirror.name,
            today: today, warnWithin: warnWithin)
        diagnostics += waiverDiagnostics
        // Let go before the sort makes its keys: the index and the keys together were the pair's peak.
        gapsUnder = PathIndex([])

        let rank = Dictionary(
            diff.schema.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Sorted through a permutation of indices, each gap's key computed once rather than
        // at every comparison. Equal keys keep their order, as the (stable) sort of the gaps did.
        let ranks = Self.sectionRanks(of: gaps, rank), paths = PathOrder(gaps.lazy.map(\.path))
        let order = gaps.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            let byPath = paths.compare(a, b)
            return byPath != 0 ? byPath < 0 : a < b
        }
        gaps = order.map { gaps[$0] }
        // Counted a run of one section at a time: sorted, the gaps of a section are together.
        var failing: [String: Int] = [:]
        var run = (section: "", count: 0)
        for gap in gaps where gap.isFailing {
            let section = gap.section
            if section != run.section {
                if run.count > 0 { failing[run.section, default: 0] += run.count }
                run = (section, 0)
            }
            run.count += 1
        }
        if run.count > 0 { failing[run.section, default: 0] += run.count }
        let sections = attributes.keys.sorted { (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1) }.map {
            PairReport.SectionScore(
                section: $0, attributes: attributes[$0] ?? 0, failing: min(failing[$0] ?? 0, attributes[$0] ?? 0))
        }
        var report = PairReport(
            reference: reference.name, mirror: mirror.name, gaps: gaps, sections: sections, diagnostics: diagnostics)
        report.unmatchedWaivers = unmatched
        return report
    }

    /// What a variance decides at one place it matches.
    private enum Ruling: Sendable {
        /// The gaps at the place or below it: allowed, or failing with this explanation.
        case covering(PathIndex.Positions, failure: String?)
        /// No gap is there, and the variance does not hold: a gap of its own.
        case violated(Gap)
    }

    /// What `variance` decides at each place it matches that no gap of a whole item above
    /// covers (that gap leaves it nothing of its own to judge); nil when it matches nothing.
    private func judge(
        _ variance: Variance, reference: Value, mirror: Value, diff: EnvironmentDiff, index: PathIndex,
        lookups: (reference: ItemLookup, mirror: ItemLookup), pairs: ItemPairs
    ) -> [Ruling]? {
        let matches = variance.path.expanded(
            reference: reference, mirror: mirror, identities: diff.identities, root: .object(diff.schema),
            lookups: lookups, pairs: pairs)
        if matches.isEmpty { return nil }
        var schema = SchemaAnswers(diff.schema)
        var rulings: [Ruling] = []
        for (path, referenceValue, mirrorValue) in matches where !index.containsAncestor(of: path) {
            let (secret, type) = schema.answers(at: path)
            let failure = variance.rule.failure(
                reference: referenceValue, mirror: mirrorValue, secret: secret, type: type, expressions: expressions
            ).map { "allowed variance '\(variance.rule.name)' does not hold: \($0)" }
            let covering = index.positions(under: path)
            if !covering.isEmpty {
                rulings.append(.covering(covering, failure: failure))
            } else if let failure {
                // No gap covers the path, so what it is (a secret, say) comes from the schema.
                var gap = Gap(
                    .violated, at: path, reference: referenceValue, mirror: mirrorValue, sensitive: secret,
                    mirrorLocation: mirrorValue?.location, referenceLocation: referenceValue?.location, type: type)
                gap.status = .failing(explanation: failure)
                rulings.append(.violated(gap))
            }
        }
        return rulings
    }

    /// Each gap's section's place in the schema (`.max` when it has none), looked up once for
    /// each run of gaps in the same section: a section's gaps come together, and a drifted
    /// pair has hundreds of thousands of them.
    private static func sectionRanks(of gaps: [Gap], _ rank: [String: Int]) -> [Int] {
        var ranks: [Int] = []
        ranks.reserveCapacity(gaps.count)
        var last: (section: String, rank: Int)?
        for gap in gaps {
            let section = gap.section
            if let last, last.section == section {
                ranks.append(last.rank)
            } else {
                let found = rank[section] ?? .max
                last = (section, found)
                ranks.append(found)
            }
        }
        return ranks
    }
}
