import Testing
@testable import ParityDiagnostics
import ParityTestSupport

@Suite struct DiagnosticRendererTests {
    @Test func rendersHeadlineExcerptCaretAndNotes() {
        let sources = SourceStore()
        sources.register("env.yaml", bytes: Array("a: 1\n\tb: yes\na: 2\n".utf8))
        let diagnostic = Diagnostic.error(
            "yaml.duplicate-key", "duplicate key 'a'",
            at: SourceLocation(file: "env.yaml", line: 3, column: 1),
            notes: [.init("first defined here", at: SourceLocation(file: "env.yaml", line: 1, column: 1))]
        )
        let text = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(text == """
            env.yaml:3:1: error: duplicate key 'a' [yaml.duplicate-key]
                a: 2
                ^
            env.yaml:1:1: note: first defined here
                a: 1
                ^

            """)
    }

    @Test func caretKeepsTabsAndCountsScalars() {
        let sources = SourceStore()
        sources.register("f", bytes: Array("x\r\n\té: yes\n".utf8))
        let text = DiagnosticRenderer(sources: sources).render(
            .error("model.yaml11-boolean", "expected a boolean", at: SourceLocation(file: "f", line: 2, column: 4)))
        #expect(text == "f:2:4: error: expected a boolean [model.yaml11-boolean]\n    \té: yes\n    \t  ^\n")
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic.warning("x.y", "m", at: nil)
        #expect(DiagnosticRenderer().render(diagnostic) == "warning: m [x.y]\n")
        #expect(DiagnosticRenderer(colour: true).render(diagnostic).contains("\u{1B}["))
    }

    @Test func suggestsCloseNames() {
        #expect(Suggestion.closest(to: "replcias", in: ["replicas", "regions"]) == "replicas")
        #expect(Suggestion.closest(to: "zzzz", in: ["replicas"]) == nil)
    }

    @Test func longLinesShowAWindowAroundTheColumn() {
        let sources = SourceStore()
        let line = "k: " + String(repeating: "x", count: 1_000) + "!" + String(repeating: "y", count: 1_000)
        sources.register("f", bytes: Array(line.utf8))
        let text = DiagnosticRenderer(sources: sources).render(
            .error("x.y", "m", at: SourceLocation(file: "f", line: 1, column: 1_004)))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[1] == "    ..." + String(repeating: "x", count: 60) + "!" + String(repeating: "y", count: 59) + "...")
        #expect(lines[2] == "    " + String(repeating: " ", count: 63) + "^")
    }

    @Test func aWindowPastManyCheckpointsAndMultiByteScalarsLandsOnItsColumn() {
        let sources = SourceStore()
        // Three bytes a scalar, and the column far past the first checkpoints of a long line.
        let line = String(repeating: "é✓", count: 10_000) + "!" + String(repeating: "z", count: 200)
        sources.register("f", bytes: Array(line.utf8))
        let text = DiagnosticRenderer(sources: sources).render(
            .error("x.y", "m", at: SourceLocation(file: "f", line: 1, column: 20_001)))
        let excerpt = text.split(separator: "\n")[1]
        #expect(excerpt.hasPrefix("    ..." + String(repeating: "é✓", count: 30) + "!z"))
    }

    /// Each place quoted costs its window, not its line (issue 17, point 6): eight times the
    /// places on a line eight times as long costs about 8x, where copying or scanning the line
    /// for each place costs 64x (`ScaleRatio`).
    @Test func quotingManyPlacesOfALongLineIsLinear() {
        func render(_ places: Int) -> Duration {
            let sources = SourceStore()
            let length = places * 2_000
            sources.register("f", bytes: Array(("k: [" + String(repeating: "x, ", count: length / 3) + "]").utf8))
            let diagnostics = (0..<places).map { index in
                Diagnostic.error("x.y", "m", at: SourceLocation(file: "f", line: 1, column: length - index * 3))
            }
            return ContinuousClock().measure { _ = DiagnosticRenderer(sources: sources).render(diagnostics) }
        }
        let ratio = ScaleRatio.of(small: 50, render)
        #expect(ratio < ScaleRatio.linearLimit, "8x the places on an 8x longer line cost \(ratio)x")
    }
}
