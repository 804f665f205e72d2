/// `parity check --format gitlab`: a GitLab Code Quality report. A JSON array (no byte order
/// mark) of every active gap and finding: `description`, `check_name`, a `fingerprint` that
/// hashes the item's identity (unique, the same when lines move), a `severity` of GitLab's
/// (info, minor, major, critical, blocker), and a relative `location.path` with
/// `location.lines.begin`.
public struct GitLabRenderer: Sendable {
    public var base: String

    public init(base: String) {
        self.base = base
    }

    public func render(_ report: CheckReport) -> String {
        let items = ReportItem.items(of: report, base: base)
        let security = Set(report.rules.filter(\.isSecurity).map(\.id))
        let anchor = ReportItem.anchorFile(of: report, base: base)
        return JSONValue.array(items.map { item in
            var description = item.message
            if let explanation = item.explanation { description += "; " + explanation }
            return .object([
                ("description", .string(description)),
                ("check_name", .string(item.ruleID)),
                ("fingerprint", .string(item.fingerprint)),
                ("severity", .string(Self.severity(item, security: security.contains(item.ruleID)))),
                ("location", .object([
                    ("path", .string(item.location?.file ?? anchor)),
                    ("lines", .object([("begin", .int(max(item.location?.line ?? 1, 1)))])),
                ])),
            ])
        }).pretty
    }

    /// Gaps are major; a security error is critical; warnings minor; notes info.
    static func severity(_ item: ReportItem, security: Bool) -> String {
        switch item.level {
        case .error: security && !item.isGap ? "critical" : "major"
        case .warning: "minor"
        case .note: "info"
        }
    }
}
