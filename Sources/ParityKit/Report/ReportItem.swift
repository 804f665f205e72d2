import Foundation
public import ParityDiagnostics
import Synchronization

/// One item a check reports as failing: an active gap or policy finding, in the form every
/// report format lists it, so every format counts the same items. Secrets are redacted.
public struct ReportItem: Sendable {
    /// How serious a result is, in SARIF's words.
    public enum Level: String, Sendable, CaseIterable {
        case error, warning, note
    }

    /// A second place involved: the reference side of a gap.
    public struct Related: Sendable {
        /// How the message names it: `production has it`.
        public var label: String
        public var location: SourceLocation
        public var region: SourceRegion?
    }

    /// `parity.gap.SECTION` for a gap, the policy rule's id for a finding.
    public var ruleID: String
    public var level: Level
    /// One line, without markup.
    public var message: String
    /// Why a variance did not hold, when one was tried.
    public var explanation: String?
    /// The environment (`staging`) or the pair (`production -> staging`).
    public var subject: String
    /// The model path of the item (`datastores[orders-db].version`); empty for a whole environment.
    public var path: String
    /// Where a fix goes: the mirror's side, or the mirror's collection where an item is missing.
    public var location: SourceLocation?
    /// The whole span at `location`, when its file was read.
    public var region: SourceRegion?
    public var related: Related?
    /// Rule or gap, environment or pair, model path; never a line. Unique within a report.
    public var identity: String
    /// The finding is that a rule could not be evaluated.
    public var isEvaluationError = false
    /// The pair's index in the report, for a gap.
    public var pair: Int?
    /// The gap's index in its pair's gaps, the finding's in the report's findings, or the
    /// criterion's in its readiness report.
    public var index: Int
    /// The readiness report's index in the check report, for a migration criterion.
    public var readiness: Int?

    /// The identity as a hash, for fields that want a fixed-size fingerprint.
    public var fingerprint: String { SHA256.hex(identity) }
    public var isGap: Bool { pair != nil }
    /// A policy finding (not a gap, not a migration criterion).
    public var isFinding: Bool { pair == nil && readiness == nil }

    /// The active items of `report`: every pair's failing gaps, then every active finding.
    /// Paths under `base` are made relative to it, so reports name files as a repository does.
    public static func items(of report: CheckReport, base: String) -> [ReportItem] {
        var items: [ReportItem] = []
        for (index, pair) in report.pairs.enumerated() {
            for (gapIndex, gap) in pair.gaps.enumerated() where gap.isFailing {
                items.append(item(gap, pair: pair, index: index, gapIndex: gapIndex))
            }
        }
        for (findingIndex, finding) in report.findings.enumerated() where finding.isActive {
            items.append(
                ReportItem(
                    ruleID: finding.ruleID, level: finding.isEvaluationError ? .error : level(finding.severity),
                    message: finding.message,
                    subject: finding.environment, path: finding.item.description, location: finding.location,
                    identity: finding.fingerprint.description, isEvaluationError: finding.isEvaluationError,
                    index: findingIndex))
        }
        for (readinessIndex, readiness) in report.readiness.enumerated() {
            for (criterionIndex, criterion) in readiness.criteria.enumerated() where criterion.effect != .none {
                items.append(item(criterion, of: readiness, index: criterionIndex, readiness: readinessIndex))
            }
        }
        for index in items.indices {
            // Regions come from the files as read, under the paths they were read by.
            if let location = items[index].location {
                items[index].region = report.sources?.region(at: location)
                items[index].location = relative(location, to: base)
            }
            if let related = items[index].related {
                items[index].related = Related(label: related.label, location: relative(related.location, to: base),
                                               region: report.sources?.region(at: related.location))
            }
        }
        // Identical items (two equal permissions in one role) stay apart by their order.
        var seen: [String: Int] = [:]
        for index in items.indices {
            let count = seen[items[index].identity, default: 0] + 1
            seen[items[index].identity] = count
            if count > 1 { items[index].identity += "#\(count)" }
        }
        return items
    }

    static func item(_ gap: Gap, pair: PairReport, index: Int, gapIndex: Int) -> ReportItem {
        var explanation: String?
        if case .failing(let why?) = gap.status { explanation = why }
        let (reference, mirror) = (pair.reference, pair.mirror)
        let showsValue: Bool = if case .field? = gap.path.components.last { true } else { false }
        let message: String =
            switch gap.kind {
            case .missing:
                "\(gap.path) is missing in \(mirror)"
                    + (showsValue ? " (\(reference): \(gap.referenceText ?? ""))" : "")
            case .extra:
                "\(gap.path) is only in \(mirror)" + (showsValue ? " (\(mirror): \(gap.mirrorText ?? ""))" : "")
            case .changed:
                "\(gap.path) differs: \(reference) \(gap.referenceText ?? ""), \(mirror) \(gap.mirrorText ?? "")"
            case .violated:
                "\(gap.path) breaks its allowed variance: \(reference) \(gap.referenceText ?? "none"), \(mirror) \(gap.mirrorText ?? "none")"
            case .missingEdge:
                "\(gap.path): \(GapSummary.edges(gap)) of \(reference) is missing in \(mirror)"
                    + (gap.mirror != nil && showsValue ? " (\(mirror) names \(gap.mirrorText ?? ""))" : "")
            }
        let label = gap.kind == .extra ? "\(reference)'s side" : "\(reference) has it"
        return ReportItem(
            ruleID: GapRule.id(section: gap.section), level: .error, message: message.oneLine,
            explanation: explanation?.oneLine,
            subject: "\(reference) -> \(mirror)", path: gap.path.description,
            location: gap.mirrorLocation ?? gap.referenceLocation,
            related: gap.referenceLocation.flatMap {
                gap.mirrorLocation == nil ? nil : Related(label: label, location: $0)
            },
            identity: Baseline.fingerprint(gap, reference: reference, mirror: mirror).description, pair: index,
            index: gapIndex)
    }

    /// A migration criterion that holds the phase back: a no-go is an error, a pause a warning.
    static func item(_ criterion: CriterionResult, of report: ReadinessReport, index: Int, readiness: Int) -> ReportItem
    {
        var message = "\(report.plan), phase \(report.phase): \(criterion.reason)"
        if criterion.effect == .noGo, let rollback = criterion.rollback {
            message += "; roll back with \(rollback.name)"
        }
        var item = ReportItem(
            ruleID: ReadinessRule.id(criterion.name), level: criterion.effect == .noGo ? .error : .warning,
            message: message.oneLine,
            subject: "\(report.plan): \(report.phase)", path: criterion.title,
            location: criterion.location ?? .file(report.file),
            identity: "ready|\(report.plan)|\(report.phase)|\(criterion.title)", index: index)
        item.readiness = readiness
        return item
    }

    static func level(_ severity: Finding.Severity) -> Level {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .note
        }
    }

    /// The file formats that need a location for every item point at when an item has none:
    /// the spec (a pair rule about the whole pair, say).
    public static func anchorFile(of report: CheckReport, base: String) -> String {
        relativePath(report.spec.file ?? "parity.yaml", to: base)
    }

    /// `location` with its file relative to `base` when it lies under it, and no `./`.
    static func relative(_ location: SourceLocation, to base: String) -> SourceLocation {
        var location = location
        location.file = relativePath(location.file, to: base)
        return location
    }

    /// `path` relative to `base`, without `.` or `..` where none are needed. A relative
    /// `path` is read as the system reads it, from the current directory, so a run started in a
    /// subfolder still names files from the repository's root.
    public static func relativePath(_ path: String, to base: String) -> String {
        // Every gap and finding of a report names one of a few files: each is worked out once.
        // (Parity never changes its current directory, which relative paths are read from.)
        let key = PathKey(path: path, base: base)
        if let known = relativePaths.withLock({ $0[key] }) { return known }
        let relative = uncachedRelativePath(path, to: base)
        relativePaths.withLock { $0[key] = relative }
        return relative
    }

    private struct PathKey: Hashable {
        var path: String
        var base: String
    }

    private static let relativePaths = Mutex<[PathKey: String]>([:])

    private static func uncachedRelativePath(_ path: String, to base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let target = components(absolute), from = components(base)
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The segments of an absolute path, with `.` and `..` resolved.
    private static func components(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(String(part))
            }
        }
        return parts
    }

    /// The root of the git repository holding `directory` (the nearest folder with `.git`),
    /// or `directory` itself outside a repository: what report paths are relative to.
    public static func repositoryRoot(containing directory: String) -> String {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return directory }
            folder = parent
        }
    }
}

extension String {
    /// The text on one line: line breaks as spaces, so a message cannot break a format.
    var oneLine: String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
