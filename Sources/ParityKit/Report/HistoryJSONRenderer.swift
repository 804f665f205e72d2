/// `parity history --format json`: documented and versioned.
///
/// Version 1: `{version, today, head, commitsInRange, pairs[], commits[{commit, date,
/// author, subject, valid, scores{pair: 0..1}, failing{pair: n}, errors[diagnostic]}],
/// open[{pair, path, kind, reference, mirror, referenceLocation?, mirrorLocation?,
/// appeared{commit...}, daysOpen, referenceCommit{commit...}?}], closed[{pair, path, kind,
/// appeared{...}, closed{...}}]}`. Pairs read `production -> staging`; secrets are "<redacted>".
public struct HistoryJSONRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func render(_ report: HistoryReport) -> String {
        JSONValue.object([
            ("version", .int(Self.version)),
            ("today", .string(report.today)),
            ("head", .optional(report.head?.id)),
            ("commitsInRange", .int(report.commitsInRange)),
            ("pairs", .array(report.pairs.map { .string($0.name) })),
            ("commits", .array(report.points.map { point(report, $0) })),
            ("open", .array(report.open.map(open))),
            ("closed", .array(report.closed.map(closed))),
        ]).pretty
    }

    private func point(_ report: HistoryReport, _ point: HistoryReport.Point) -> JSONValue {
        .object(
            commitFields(point.commit) + [
                ("valid", .bool(point.isValid)),
                (
                    "scores",
                    .object(
                        report.pairs.compactMap { pair in
                            point.scores[pair].map { (pair.name, .double(($0 * 10_000).rounded() / 10_000)) }
                        })
                ),
                (
                    "failing",
                    .object(report.pairs.compactMap { pair in point.failing[pair].map { (pair.name, .int($0)) } })
                ),
                ("errors", .array(point.errors.map(DiffJSONRenderer.diagnostic))),
            ])
    }

    private func open(_ open: HistoryReport.OpenGap) -> JSONValue {
        .object([
            ("pair", .string(open.pair.name)), ("path", .string(open.gap.path.description)),
            ("kind", .string(open.gap.kind.rawValue)),
            ("reference", .optional(open.gap.referenceText)), ("mirror", .optional(open.gap.mirrorText)),
            ("referenceLocation", .optional(open.gap.referenceLocation?.description)),
            ("mirrorLocation", .optional(open.gap.mirrorLocation?.description)),
            ("appeared", commit(open.appeared)), ("daysOpen", .int(open.daysOpen)),
            ("referenceCommit", open.referenceCommit.map(commit) ?? .null),
        ])
    }

    private func closed(_ closed: HistoryReport.ClosedGap) -> JSONValue {
        .object([
            ("pair", .string(closed.pair.name)), ("path", .string(closed.path.description)),
            ("kind", .string(closed.kind.rawValue)),
            ("appeared", commit(closed.appeared)), ("closed", commit(closed.closed)),
        ])
    }

    private func commit(_ commit: GitCommit) -> JSONValue { .object(commitFields(commit)) }

    private func commitFields(_ commit: GitCommit) -> [(String, JSONValue)] {
        [
            ("commit", .string(commit.id)), ("date", .string(commit.date)), ("author", .string(commit.author)),
            ("subject", .string(commit.subject)),
        ]
    }
}
