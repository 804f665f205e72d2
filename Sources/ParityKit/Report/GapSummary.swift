/// A gap in one line, as every human-readable report shows it: the values of both sides
/// (redacted when secret), or which side lacks the item.
public enum GapSummary {
    public static func text(_ gap: Gap, reference: String, mirror: String) -> String {
        var out = TextBytes()
        write(gap, reference: reference, mirror: mirror, into: &out)
        return out.text
    }

    /// `text`, appended as bytes: the text report writes one for each of up to a million
    /// gaps, and joining each as a `String` cost hundreds of instructions a piece.
    static func write(_ gap: Gap, reference: String, mirror: String, into out: inout TextBytes) {
        // A whole item or set member is named by its path; a field shows its value.
        let showsValue: Bool = if case .field? = gap.path.components.last { true } else { false }
        switch gap.kind {
        case .missing:
            out.append("missing in ")
            out.append(mirror)
            if showsValue { out.append(parenthesized: reference, ": ", gap.referenceText ?? "") }
        case .extra:
            out.append("only in ")
            out.append(mirror)
            if showsValue { out.append(parenthesized: gap.mirrorText ?? "") }
        case .changed, .violated:
            let none = gap.kind == .violated ? "none" : ""
            out.append(reference)
            out.append(": ")
            out.append(gap.referenceText ?? none)
            out.append(" | ")
            out.append(mirror)
            out.append(": ")
            out.append(gap.mirrorText ?? none)
        case .missingEdge:
            // A field that names another item in the mirror shows what the mirror names instead.
            out.append(edges(gap))
            out.append(" missing in ")
            out.append(mirror)
            if gap.mirror != nil && showsValue { out.append(parenthesized: mirror, ": ", gap.mirrorText ?? "") }
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
