/// The HTML of pairs: the matrix of pairs by sections, and each pair's failing gaps,
/// allowed variances and waived gaps.
struct PairSections {
    var links: SourceLinks

    /// Sections as rows, pairs as columns, each cell the section's score, written and coloured.
    func matrix(_ reports: [PairReport]) -> String {
        let rank = Dictionary(
            EnvironmentSchema.root.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let sections = Set(reports.flatMap { $0.sections.map(\.section) }).sorted {
            (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1)
        }
        var out =
            "<div class=\"matrix\"><table>\n<caption>Parity score by section: the share of compared attributes that match or vary as "
            + "allowed, with the failing gaps</caption>\n<thead><tr><th scope=\"col\">Section</th>"
        for report in reports {
            out += "<th scope=\"col\"><a href=\"#\(anchor(report))\">" + HTML.escape(name(report)) + "</a></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for section in sections {
            out += "<tr><th scope=\"row\">" + HTML.escape(section) + "</th>"
            for report in reports {
                guard let score = report.sections.first(where: { $0.section == section }) else {
                    out += "<td class=\"score\">–<small>not compared</small></td>"
                    continue
                }
                out += cell(
                    score.score, failing: score.failing,
                    link: score.failing > 0 ? "\(anchor(report))-\(HTML.anchor(section))" : nil)
            }
            out += "</tr>\n"
        }
        out += "<tr><th scope=\"row\">Overall</th>"
        for report in reports { out += cell(report.score, failing: report.gaps.count(where: \.isFailing), link: nil) }
        return out + "</tr>\n</tbody></table></div>\n"
    }

    private func cell(_ score: Double, failing: Int, link: String?) -> String {
        let number = score.percentText
        let shown = link.map { "<a href=\"#\($0)\">\(number)</a>" } ?? number
        let detail = failing == 0 ? "no gaps" : "\(failing) failing"
        return "<td class=\"score \(HTML.band(score))\">\(shown)<small>\(detail)</small></td>"
    }

    /// One pair: its failing gaps, then what is allowed, waived or in the baseline, and its
    /// dependency graph when there is one.
    func pair(_ report: PairReport, level: Int = 2, graph: PairGraph? = nil) -> String {
        let heading = "h\(level)", sub = "h\(level + 1)"
        let failing = report.failingGaps
        var out =
            "<section aria-labelledby=\"\(anchor(report))\">\n<\(heading) id=\"\(anchor(report))\">"
            + HTML.escape(name(report)) + "</\(heading)>\n"
        out +=
            "<p>Parity score <strong>\(report.score.percentText)</strong>; \(failing.count) failing gap\(failing.count == 1 ? "" : "s").</p>\n"
        out += "<\(sub) id=\"\(anchor(report))-failing\">Failing gaps (\(failing.count))</\(sub)>\n"
        if failing.isEmpty { out += "<p>None: every difference is allowed or waived.</p>\n" }
        var section: String?
        for gap in failing {
            if gap.section != section {
                section = gap.section
                out +=
                    "<p id=\"\(anchor(report))-\(HTML.anchor(gap.section))\"><strong>" + HTML.escape(gap.section)
                    + "</strong></p>\n"
            }
            out += self.failing(gap, report)
        }
        let allowed = report.gaps.filter { if case .allowed = $0.status { true } else { false } }
        if !allowed.isEmpty {
            out +=
                "<\(sub) id=\"\(anchor(report))-allowed\">Allowed variances (\(allowed.count))</\(sub)>\n"
                + allowedTable(allowed, report)
        }
        let waived = report.gaps.filter { if case .waived = $0.status { true } else { false } }
        if !waived.isEmpty {
            out +=
                "<\(sub) id=\"\(anchor(report))-waived\">Waived gaps (\(waived.count))</\(sub)>\n"
                + waivedTable(waived, report)
        }
        let baselined = report.gaps.filter { if case .baselined = $0.status { true } else { false } }
        if !baselined.isEmpty {
            out += "<\(sub)>In the baseline (\(baselined.count))</\(sub)>\n<ul>\n"
            for gap in baselined { out += "<li><code>" + HTML.escape(gap.path.description) + "</code></li>\n" }
            out += "</ul>\n"
        }
        if let graph { out += GraphDrawing(links: links).render(graph, id: anchor(report), heading: sub) }
        return out + "</section>\n"
    }

    private func failing(_ gap: Gap, _ report: PairReport) -> String {
        var out =
            "<details class=\"gap\"><summary><span class=\"tag sev-error\">\(gap.kind.rawValue)</span><code>"
            + HTML.escape(gap.path.description)
            + "</code> " + HTML.escape(GapSummary.text(gap, reference: report.reference, mirror: report.mirror))
            + "</summary>\n<div><dl>\n"
        out +=
            "<dt>" + HTML.escape(report.reference) + "</dt><dd>" + value(gap.referenceText, absent: "absent")
            + "</dd>\n"
        out += "<dt>" + HTML.escape(report.mirror) + "</dt><dd>" + value(gap.mirrorText, absent: "absent") + "</dd>\n"
        if case .failing(let explanation?) = gap.status {
            out += "<dt>Why</dt><dd>" + HTML.escape(explanation) + "</dd>\n"
        }
        if let location = gap.mirrorLocation {
            out += "<dt>In " + HTML.escape(report.mirror) + "</dt><dd>" + links.html(location) + "</dd>\n"
        }
        if let location = gap.referenceLocation {
            out += "<dt>In " + HTML.escape(report.reference) + "</dt><dd>" + links.html(location) + "</dd>\n"
        }
        return out + "</dl></div></details>\n"
    }

    /// One expandable group per variance: its path, rule, reason and where it is written,
    /// then each difference it allows with both values.
    private func allowedTable(_ gaps: [Gap], _ report: PairReport) -> String {
        var order: [String] = []
        var groups: [String: (Variance, [Gap])] = [:]
        for gap in gaps {
            guard case .allowed(let variance) = gap.status else { continue }
            let key =
                "\(variance.path) \(variance.rule.name) \(variance.location?.description ?? "") \(variance.reason)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: (variance, [])].1.append(gap)
        }
        var out = ""
        for key in order {
            guard let (variance, members) = groups[key] else { continue }
            out +=
                "<details class=\"allowed\"><summary><code>" + HTML.escape(variance.path.description)
                + "</code> <span class=\"tag\">"
                + HTML.escape(variance.rule.name)
                + "</span>\(members.count) difference\(members.count == 1 ? "" : "s"): " + HTML.escape(variance.reason)
                + "</summary>\n<div>" + (variance.location.map { "<p>Allowed in " + links.html($0) + ".</p>\n" } ?? "")
                + "<table><caption>What the variance allows</caption>\n<thead><tr><th scope=\"col\">Path</th><th scope=\"col\">"
                + HTML.escape(report.reference) + "</th><th scope=\"col\">" + HTML.escape(report.mirror)
                + "</th></tr></thead>\n<tbody>\n"
            for gap in members {
                out +=
                    "<tr><th scope=\"row\"><code>" + HTML.escape(gap.path.description) + "</code></th><td>"
                    + value(gap.referenceText, absent: "absent")
                    + "</td><td>" + value(gap.mirrorText, absent: "absent") + "</td></tr>\n"
            }
            out += "</tbody></table></div></details>\n"
        }
        return out
    }

    private func waivedTable(_ gaps: [Gap], _ report: PairReport) -> String {
        var out =
            "<table><caption>Gaps a waiver accepts until it expires</caption>\n<thead><tr><th scope=\"col\">Path</th>"
            + "<th scope=\"col\">Values</th><th scope=\"col\">Owner</th><th scope=\"col\">Expires</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n"
        for gap in gaps {
            guard case .waived(let waiver) = gap.status else { continue }
            out +=
                "<tr><th scope=\"row\"><code>" + HTML.escape(gap.path.description) + "</code></th><td>"
                + HTML.escape(GapSummary.text(gap, reference: report.reference, mirror: report.mirror)) + "</td><td>"
                + HTML.escape(waiver.owner)
                + (waiver.ticket.map { " (" + HTML.escape($0) + ")" } ?? "") + "</td><td>" + HTML.escape(waiver.expires)
                + "</td><td>"
                + HTML.escape(waiver.reason) + "</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private func value(_ text: String?, absent: String) -> String {
        text.map { "<code>" + HTML.escape($0) + "</code>" } ?? "<span class=\"muted\">\(absent)</span>"
    }

    func name(_ report: PairReport) -> String { "\(report.reference) → \(report.mirror)" }

    func anchor(_ report: PairReport) -> String { "pair-" + HTML.anchor(report.reference, "to", report.mirror) }
}
