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
        var out = TextBytes(capacity: 256 * report.gaps.count + (1 << 16))
        render(report, into: &out)
        return out.text
    }

    /// `render`, written at the end of `out` (the check report's, which holds every pair's).
    func render(_ report: PairReport, into out: inout TextBytes) {
        if options.quiet { return out.append(summaryLine(report)) }
        out.append(style.bold("parity diff \(report.reference) -> \(report.mirror)") + "\n")
        let (failing, accepted) = positionsBySection(report.gaps)
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
    }

    /// The positions of each section's failing and accepted gaps, in order. Positions, not
    /// copies (copying a Gap retains each of its parts), and each run of gaps in one section
    /// (they come sorted by section) hashed once, not each gap.
    private func positionsBySection(_ gaps: [Gap]) -> (failing: [String: [Int]], accepted: [String: [Int]]) {
        var failing: [String: [Int]] = [:], accepted: [String: [Int]] = [:]
        var start = 0
        while start < gaps.count {
            let section = gaps[start].section
            var end = start + 1
            while end < gaps.count, gaps[end].section == section { end += 1 }
            var failingHere: [Int] = [], acceptedHere: [Int] = []
            for index in start..<end {
                if gaps[index].isFailing {
                    failingHere.append(index)
                } else if !options.onlyFailing {
                    acceptedHere.append(index)
                }
            }
            failing[section, default: []] += failingHere
            accepted[section, default: []] += acceptedHere
            start = end
        }
        return (failing, accepted)
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
        let labels = SideLabels(report, style)
        // What to write, in order: a gap alone, or a group (its members in `groups`).
        var order: [(gap: Int, group: Int?)] = []
        order.reserveCapacity(indices.count)
        var groups: [(key: FailingKey, members: [Int])] = []
        var groupOf: [FailingKey: Int] = [:]
        for index in indices {
            // Only a gap inside an item of a list has a cause other than its own path, which no
            // other gap shares: the rest go out alone, without hashing a key for each.
            guard Self.hasCause(report.gaps[index].path) else {
                order.append((index, nil))
                continue
            }
            let gap = report.gaps[index]
            let key = FailingKey(
                cause: Self.cause(gap.path), kind: gap.kind, reference: gap.referenceText, mirror: gap.mirrorText)
            if let group = groupOf[key] {
                groups[group].members.append(index)
            } else {
                groupOf[key] = groups.count
                order.append((index, groups.count))
                groups.append((key, [index]))
            }
        }
        for (index, group) in order {
            guard let group else {
                failing(report.gaps[index], report, labels, into: &out)
                continue
            }
            let (key, members) = groups[group]
            guard members.count > 2 else {
                for index in members { failing(report.gaps[index], report, labels, into: &out) }
                continue
            }
            let first = report.gaps[index]
            out.append("  " + style.red("x") + " " + style.bold(key.cause.description) + "  ")
            out.append(members.count)
            out.append(" gaps, " + summary(first, report) + "\n      e.g. ")
            out.append(first.path)
            out.append(byte: UInt8(ascii: "\n"))
            locations(first, labels, into: &out)
        }
    }

    /// What makes failing gaps one group: the same change at the same place in every item.
    /// Its parts, not a text of them: the text of a kind alone went through reflection.
    private struct FailingKey: Hashable {
        var cause: ModelPath
        var kind: Gap.Kind
        var reference: String?
        var mirror: String?
    }

    /// Whether `cause(path)` differs from `path`: an item, other than the last step, to read as `[*]`.
    static func hasCause(_ path: ModelPath) -> Bool {
        path.components.dropLast().contains { if case .item = $0 { true } else { false } }
    }

    /// The place of a gap in every item alike: each item but the last read as `[*]`.
    static func cause(_ path: ModelPath) -> ModelPath {
        ModelPath(path.components.enumerated().map { offset, component in
            if case .item = component, offset < path.components.count - 1 { return .anyItem }
            return component
        })
    }

    private func failing(_ gap: Gap, _ report: PairReport, _ labels: SideLabels, into out: inout TextBytes) {
        out.append("  ")
        out.append(style.red("x"))
        out.append(byte: UInt8(ascii: " "))
        if style.enabled {
            out.append(style.bold(gap.path.description))
        } else {
            out.append(gap.path)
        }
        out.append("  ")
        GapSummary.write(gap, reference: report.reference, mirror: report.mirror, into: &out)
        out.append(byte: UInt8(ascii: "\n"))
        if case .failing(let explanation?) = gap.status {
            out.append("      ")
            out.append(explanation)
            out.append(byte: UInt8(ascii: "\n"))
        }
        if let waiver = gap.expiredWaiver { out.append("      " + style.yellow(waiver.expiredText) + "\n") }
        locations(gap, labels, into: &out)
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

    /// `      staging: environments/staging.yaml:4:10`, a line for each side the gap is written on.
    private func locations(_ gap: Gap, _ labels: SideLabels, into out: inout TextBytes) {
        if let location = gap.mirrorLocation { labels.write(labels.mirror, location, into: &out) }
        if let location = gap.referenceLocation { labels.write(labels.reference, location, into: &out) }
    }

    /// The start of a location line for each side (`      staging: `, dimmed), made once a report.
    private struct SideLabels {
        var mirror: String
        var reference: String

        init(_ report: PairReport, _ style: TextStyle) {
            mirror = "      " + style.dim("\(report.mirror): ")
            reference = "      " + style.dim("\(report.reference): ")
        }

        func write(_ label: String, _ location: SourceLocation, into out: inout TextBytes) {
            out.append(label)
            out.append(location)
            out.append(byte: UInt8(ascii: "\n"))
        }
    }
}
