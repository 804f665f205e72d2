import Testing

@testable import ParityKit

/// The Markdown report keeps lines while they fit and only counts the rest: a drifted
/// repository's hundred thousand allowed gaps are never written out to be thrown away.
@Suite struct MarkdownLinesTests {
    @Test func linesPastTheLimitAreCountedNotBuilt() {
        var lines = MarkdownRenderer.Lines(limit: 2_000)
        var built = 0
        lines.append("<details><summary>many</summary>")
        for index in 0..<10_000 {
            lines.append({
                built += 1
                return "| `row-\(index)` | allowed | fewer replicas |"
            }())
        }
        #expect(built < 100)
        let text = lines.text
        #expect(text.count < 2_000)
        let left = 10_001 - (text.split(separator: "\n").count - 2)
        #expect(
            text.hasSuffix(
                "\n</details>\n\n*Cut here: \(left) more lines left out to stay under 2000 characters; "
                    + "run `parity check` or see the SARIF or JSON report for everything.*\n"))
    }

    @Test func aReportUnderTheLimitIsWhole() {
        var lines = MarkdownRenderer.Lines(limit: 2_000)
        for index in 0..<10 { lines.append("line \(index)") }
        #expect(lines.text == (0..<10).map { "line \($0)\n" }.joined())
    }
}
