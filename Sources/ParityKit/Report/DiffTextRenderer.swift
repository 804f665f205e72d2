import ParityDiagnostics

/// `parity diff` for people: grouped by section, gaps first, allowed and waived
/// differences dimmed with their reasons, and a summary line.
public struct DiffTextRenderer: Sendable {
    /// What the text shows: every gap, only the failing ones, or the summary line alone.
    public struct Options: Sendable {
        /// Hide allowed, waived and baselined differences (`--only-failing`).
        public var onlyFailing = false
        /// The summary line and its counts only (`--quiet`).
        public var quiet = false

        public init(onlyFailing: Bool = false, quiet: Bool = false) {
            self.onlyFailing = onlyFailing
            self.quiet = quiet
        }
    }

    public var style: TextStyle
    public var options: Options

    public init(style: TextStyle, options: Options = Options()) {
        self.style = style
        self.options = options
    }

    public func render(_ report: PairReport) -> String {
        if options.quiet { return summaryLine(report) }
        var out = TextBytes(capacity: 256 * report.gaps.count(where: \.isFailing) + 4096)
        out.append(style.bold("parity diff \(report.reference) -> \(report.mirror)") + "\n")
        // Positions, not copies: a Gap is large, and a drifted pair has tens of thousands.
        var failing: [String: [Int]] = [:], accepted: [String: [Int]] = [:]
        for (index, gap) in report.gaps.enumerated() {
            if gap.isFailing {
                failing[gap.section, default: []].append(index)
            } else if !options.onlyFailing {
                accepted[gap.section, default: []].append(index)
            }
        }
        for section in report.sections {
            let failingHere = failing[section.section] ?? [], acceptedHere = accepted[section.section] ?? []
            guard !failingHere.isEmpty || !acceptedHere.isEmpty else { continue }
            let score =
                "\(section.score.percentText) (\(section.attributes - section.failing) of \(section.attributes) match or vary as allowed)"
            out.append("\n" + style.bold(section.section) + "  " + style.dim(score) + "\n")
            failingGroups(failingHere, report, into: &out)
            out.append(acceptedGroups(acceptedHere, report))
        }
        out.append("\n" + summaryLine(report))
        return out.text
    }

    /// `13 parity gaps; 177 allowed, 2 waived; parity score 98%`.
    public func summaryLine(_ report: PairReport) -> String {
        let failing = report.gaps.count(where: \.isFailing)
        let allowed = report.gaps.count { if case .allowed = $0.status { true } else { false } }
        let waived = report.gaps.count - failing - allowed
        let verdict =
            failing == 0 ? style.green("no parity gaps") : style.red("\(failing) parity gap\(failing == 1 ? "" : "s")")
        return "\(verdict); \(allowed) allowed, \(waived) waived; parity score \(report.score.percentText)\n"
    }

    /// Failing gaps, one each, except that many with one cause (thirty services missing one
    /// region: the same change at the same place in every item) read as one line with a
    /// count and an example.
    private func failingGroups(_ indices: [Int], _ report: PairReport, into out: inout TextBytes) {
        var order: [FailingEntry] = []
        var groups: [FailingKey: [Int]] = [:]
        for index in indices {
            let gap = report.gaps[index]
            // Only a gap inside an item of a list has a cause other than its own path, which no
            // other gap shares: the rest go out alone, without hashing a key for each.
            let cause = Self.cause(gap.path)
            guard cause != gap.path else {
                order.append(.single(index))
                continue
            }
            let key = FailingKey(cause: cause, kind: gap.kind, reference: gap.referenceText, mirror: gap.mirrorText)
            if groups[key] == nil { order.append(.group(key)) }
            groups[key, default: []].append(index)
        }
        for entry in order {
            let key: FailingKey
            switch entry {
            case .single(let index):
                failing(report.gaps[index], report, into: &out)
                continue
            case .group(let grouped): key = grouped
            }
            let members = groups[key] ?? []
            guard members.count > 2, let first = members.first.map({ report.gaps[$0] }) else {
                for index in members { failing(report.gaps[index], report, into: &out) }
                continue
            }
            out.append("  " + style.red("x") + " " + style.bold(key.cause.description) + "  ")
            out.append(members.count)
            out.append(" gaps, " + summary(first, report) + "\n      e.g. ")
            out.append(first.path)
            out.append(byte: UInt8(ascii: "\n"))
            locations(first, report, into: &out)
        }
    }

    private enum FailingEntry {
        case single(Int)
        case group(FailingKey)
    }

    /// What makes failing gaps one group: the same change at the same place in every item.
    /// Its parts, not a text of them: the text of a kind alone went through reflection.
    private struct FailingKey: Hashable {
        var cause: ModelPath
        var kind: Gap.Kind
        var reference: String?
        var mirror: String?
    }

    /// The place of a gap in every item alike: each item but the last read as `[*]`.
    static func cause(_ path: ModelPath) -> ModelPath {
        ModelPath(path.components.enumerated().map { offset, component in
            if case .item = component, offset < path.components.count - 1 { return .anyItem }
            return component
        })
    }

    private func failing(_ gap: Gap, _ report: PairReport, into out: inout TextBytes) {
        out.append("  ")
        out.append(style.red("x"))
        out.append(byte: UInt8(ascii: " "))
        if style.enabled {
            out.append(style.bold(gap.path.description))
        } else {
            out.append(gap.path)
        }
        out.append("  ")
        out.append(summary(gap, report))
        out.append(byte: UInt8(ascii: "\n"))
        if case .failing(let explanation?) = gap.status {
            out.append("      ")
            out.append(explanation)
            out.append(byte: UInt8(ascii: "\n"))
        }
        if let waiver = gap.expiredWaiver { out.append("      " + style.yellow(waiver.expiredText) + "\n") }
        locations(gap, report, into: &out)
    }

    /// Accepted gaps, one line each, except that many accepted for one reason (fewer
    /// replicas everywhere) read as one line with a count and an example.
    private func acceptedGroups(_ indices: [Int], _ report: PairReport) -> String {
        var order: [GroupKey] = []
        var groups: [GroupKey: [Int]] = [:]
        for index in indices {
            let gap = report.gaps[index]
            // A key of parts, not text: no path is printed for a gap that a group line stands for.
            let key: GroupKey
            switch gap.status {
            case .allowed(let variance):
                key = GroupKey(status: "allowed", path: variance.path, rule: variance.rule.name, text: variance.reason)
            case .waived(let waiver): key = GroupKey(status: "waived", text: waiver.target)
            case .baselined: key = GroupKey(status: "baselined")
            case .failing: key = GroupKey(status: "")
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var out = ""
        for key in order {
            let members = groups[key] ?? []
            guard members.count > 2, let first = members.first.map({ report.gaps[$0] }) else {
                for index in members { out += accepted(report.gaps[index], report) }
                continue
            }
            let pattern: String =
                if case .allowed(let variance) = first.status { variance.path.description } else { first.section }
            out += style.dim(
                "  ~ \(pattern)  \(members.count) differences, \(reason(first))\n      e.g. \(first.path)  \(summary(first, report))\n"
            )
        }
        return out
    }

    private struct GroupKey: Hashable {
        var status: String
        var path: ModelPath?
        var rule = ""
        var text = ""
    }

    private func reason(_ gap: Gap) -> String {
        switch gap.status {
        case .allowed(let variance): "allowed (\(variance.rule.name)): \(variance.reason)"
        case .waived(let waiver):
            "waived for \(waiver.scope) until \(waiver.expires) by \(waiver.owner)\(waiver.ticket.map { " (\($0))" } ?? ""): \(waiver.reason)"
        case .baselined: "in the baseline"
        case .failing: ""
        }
    }

    private func accepted(_ gap: Gap, _ report: PairReport) -> String {
        style.dim("  ~ \(gap.path)  \(summary(gap, report))\n      \(reason(gap))\n")
    }

    private func summary(_ gap: Gap, _ report: PairReport) -> String {
        GapSummary.text(gap, reference: report.reference, mirror: report.mirror)
    }

    private func locations(_ gap: Gap, _ report: PairReport, into out: inout TextBytes) {
        if let location = gap.mirrorLocation { place(report.mirror, location, into: &out) }
        if let location = gap.referenceLocation { place(report.reference, location, into: &out) }
    }

    /// `      staging: environments/staging.yaml:4:10`.
    private func place(_ side: String, _ location: SourceLocation, into out: inout TextBytes) {
        out.append("      ")
        out.append(style.dim(side + ": "))
        out.append(location)
        out.append(byte: UInt8(ascii: "\n"))
    }
}
