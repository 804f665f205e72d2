/// A gap in one line, as every human-readable report shows it: the values of both sides
/// (redacted when secret), or which side lacks the item.
public enum GapSummary {
    public static func text(_ gap: Gap, reference: String, mirror: String) -> String {
        // A whole item or set member is named by its path; a field shows its value.
        let showsValue: Bool = if case .field? = gap.path.components.last { true } else { false }
        return switch gap.kind {
        case .missing: "missing in \(mirror)" + (showsValue ? " (\(reference): \(gap.referenceText ?? ""))" : "")
        case .extra: "only in \(mirror)" + (showsValue ? " (\(gap.mirrorText ?? ""))" : "")
        case .changed: "\(reference): \(gap.referenceText ?? "") | \(mirror): \(gap.mirrorText ?? "")"
        case .violated: "\(reference): \(gap.referenceText ?? "none") | \(mirror): \(gap.mirrorText ?? "none")"
        case .missingEdge:
            // A field that names another item in the mirror shows what the mirror names instead.
            "\(edges(gap)) missing in \(mirror)"
                + (gap.mirror != nil && showsValue ? " (\(mirror): \(gap.mirrorText ?? ""))" : "")
        }
    }

    /// The edges a missing-edge gap stands for: `edge checkout-api -> fraud-detector`.
    static func edges(_ gap: Gap) -> String {
        "edge\(gap.missingEdges.count == 1 ? "" : "s") "
            + gap.missingEdges.map { "\($0.from.name) -> \($0.to.name)" }.joined(separator: ", ")
    }

    static func text(_ gap: Gap, pair: HistoryReport.Pair) -> String {
        text(gap, reference: pair.reference, mirror: pair.mirror)
    }
}
