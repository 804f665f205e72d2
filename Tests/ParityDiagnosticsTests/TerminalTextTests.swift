import Testing
@testable import ParityDiagnostics

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("a\u{1B}[2Kb", "a\\u001B[2Kb"),
        ("GO\r", "GO\\u000D"),
        ("bell\u{07}", "bell\\u0007"),
        ("\u{1B}]0;title\u{07}", "\\u001B]0;title\\u0007"),
        ("abc\u{202E}fed", "abc\\u202Efed"),
        ("line\nbreak", "line\\u000Abreak"),
        ("c1 \u{85} \u{9B}", "c1 \\u0085 \\u009B"),
        ("plain ü ✓", "plain ü ✓"),
    ])
    func oneLineTextEscapesEveryControlCharacter(_ text: String, _ expected: String) {
        #expect(TerminalText.escaped(text) == expected)
    }

    @Test func aWholeOutputKeepsLineBreaksTabsAndOnlyItsOwnColours() {
        let text = "\u{1B}[1mok\u{1B}[0m\tx\n\u{1B}]0;evil\u{07}\r"
        #expect(
            TerminalText.sanitized(text, keepingStyles: true) == "\u{1B}[1mok\u{1B}[0m\tx\n\\u001B]0;evil\\u0007\\u000D"
        )
        #expect(
            TerminalText.sanitized(text, keepingStyles: false)
                == "\\u001B[1mok\\u001B[0m\tx\n\\u001B]0;evil\\u0007\\u000D")
    }

    /// A whole report is scanned through its contiguous bytes: the one unsafe character at the
    /// end of a long output is found, whichever lead byte it starts with.
    @Test(arguments: ["\u{1B}", "\u{7F}", "\u{85}", "\u{061C}", "\u{202E}", "\r"])
    func theLastCharacterOfALongOutputIsSeen(_ unsafe: String) {
        let body = String(repeating: "gap line \t ü ✓\n", count: 10_000)
        #expect(TerminalText.sanitized(body, keepingStyles: false) == body)
        #expect(TerminalText.sanitized(Array(body.utf8), keepingStyles: false) == Array(body.utf8))
        let escaped = TerminalText.sanitized(body + unsafe, keepingStyles: false)
        #expect(escaped == body + TerminalText.escape(unsafe.unicodeScalars.first!))
    }

    @Test func bytesThatAreNotUTF8PassThrough() {
        #expect(
            TerminalText.sanitized([0xFF, 0x41, 0x1B, 0x0A], keepingStyles: false) == [0xFF, 0x41]
                + Array("\\u001B".utf8) + [0x0A])
    }

    @Test func longInputIsClippedInMessages() {
        #expect(TerminalText.clipped(String(repeating: "x", count: 2_000_000)).count == 80)
        #expect(TerminalText.clipped("short") == "short")
    }

    @Test func diagnosticsEscapeMessagesFileNamesAndQuotedLines() {
        let sources = SourceStore()
        let file = "evil\u{1B}]0;x\u{07}.yaml"
        sources.register(file, bytes: Array("k: \u{202E}v\u{1B}[2K x\n".utf8))
        let text = DiagnosticRenderer(sources: sources).render(
            .error("x.y", "found '\u{1B}[1A\rGO: fine'", at: SourceLocation(file: file, line: 1, column: 11)))
        #expect(
            text == """
                evil\\u001B]0;x\\u0007.yaml:1:11: error: found '\\u001B[1A\\u000DGO: fine' [x.y]
                    k: \\u202Ev\\u001B[2K x
                    \(String(repeating: " ", count: 20))^

                """)
    }

    @Test func diagnosticsArePrintedAtMostAThousandForEachFile() {
        let diagnostics =
            (1...1_500).map { Diagnostic.error("x.y", "m", at: SourceLocation(file: "f.yaml", line: $0, column: 1)) }
            + [.error("x.y", "other", at: SourceLocation(file: "g.yaml", line: 1, column: 1))]
        let lines = DiagnosticRenderer().render(diagnostics).split(separator: "\n")
        #expect(lines.count == 1_002)
        #expect(
            lines.last
                == "note: 500 more diagnostics in f.yaml not shown (at most 1000 for each file); fix these and run again"
        )
        #expect(lines.contains("g.yaml:1:1: error: other [x.y]"))
    }
}
