public import ParityDiagnostics

/// Reads the Prometheus text exposition format and OpenMetrics: a sample a line,
/// `name{label="value"} value [timestamp]`, with `#` comments (`# HELP`, `# TYPE`, `# EOF`).
///
/// The text format writes timestamps in milliseconds, OpenMetrics in seconds; both become
/// seconds. OpenMetrics exemplars (` # {...} value`) are dropped.
public struct ExpositionParser: Sendable {
    public var openMetrics: Bool

    public init(openMetrics: Bool) {
        self.openMetrics = openMetrics
    }

    /// The series of `text`, read from `file`, samples in file order; a line that does not
    /// read throws a diagnostic at its place.
    public func parse(_ text: String, file: String) throws(Diagnostic) -> [Series] {
        var order: [[String: String]] = []
        var series: [[String: String]: [Series.Sample]] = [:]
        var sawEOF = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let number = index + 1
            func problem(_ message: String, column: Int = 1) -> Diagnostic {
                .error(.readyInvalidFile, message, at: SourceLocation(file: file, line: number, column: column))
            }
            if sawEOF, !line.isEmpty { throw problem("text after '# EOF'; OpenMetrics ends there") }
            if line.trimmingPrefix(while: { $0 == " " || $0 == "\t" }).isEmpty { continue }
            if line.hasPrefix("#") {
                if line == "# EOF" { sawEOF = true }
                continue
            }
            var scanner = LineScanner(Array(line.unicodeScalars))
            let name = scanner.name()
            guard !name.isEmpty else {
                throw problem("expected a metric name, found '\(line.prefix(20))'", column: scanner.column)
            }
            var labels = ["__name__": name]
            if scanner.peek == "{" {
                scanner.advance()
                while true {
                    scanner.skipSpace()
                    if scanner.peek == "}" { scanner.advance(); break }
                    let label = scanner.name()
                    guard !label.isEmpty, scanner.peek == "=" else {
                        throw problem("expected label=\"value\" in the braces", column: scanner.column)
                    }
                    scanner.advance()
                    guard let value = scanner.quoted() else {
                        throw problem("expected a quoted label value", column: scanner.column)
                    }
                    labels[label] = value
                    scanner.skipSpace()
                    if scanner.peek == "," {
                        scanner.advance()
                    } else if scanner.peek != "}" {
                        throw problem("expected ',' or '}' after a label", column: scanner.column)
                    }
                }
            }
            scanner.skipSpace()
            let valueColumn = scanner.column
            let valueText = scanner.word()
            guard let value = SampleValue.parse(valueText) else {
                throw problem(
                    "expected a sample value (a number, NaN, +Inf or -Inf), found '\(valueText)'", column: valueColumn)
            }
            scanner.skipSpace()
            var time: Double?
            if let next = scanner.peek, next != "#" {
                let timeColumn = scanner.column
                let timeText = scanner.word()
                guard let stamp = Double(timeText), stamp.isFinite else {
                    throw problem("expected a timestamp, found '\(timeText)'", column: timeColumn)
                }
                time = openMetrics ? stamp : stamp / 1000
                scanner.skipSpace()
            }
            if let rest = scanner.peek, rest != "#" {
                throw problem("unexpected text after the sample", column: scanner.column)
            }
            if series[labels] == nil { order.append(labels) }
            series[labels, default: []].append(Series.Sample(time: time, value: value))
        }
        if openMetrics, !sawEOF {
            throw Diagnostic.error(
                .readyInvalidFile,
                "an OpenMetrics file ends with '# EOF'; this one does not (write format: prometheus-text if it is the text format)",
                at: .file(file))
        }
        return order.map { Series(labels: $0, samples: series[$0] ?? []) }
    }
}

/// A cursor over one line's scalars.
private struct LineScanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    var column: Int { index + 1 }

    mutating func advance() { index += 1 }

    mutating func skipSpace() { while peek == " " || peek == "\t" { advance() } }

    mutating func name() -> String {
        var text = ""
        while let scalar = peek,
            scalar == "_" || scalar == ":" || scalar.isASCII && scalar.properties.isAlphabetic
                || ("0"..."9").contains(scalar) && !text.isEmpty
        {
            text.unicodeScalars.append(scalar)
            advance()
        }
        return text
    }

    mutating func word() -> String {
        var text = ""
        while let scalar = peek, scalar != " ", scalar != "\t" {
            text.unicodeScalars.append(scalar)
            advance()
        }
        return text
    }

    mutating func quoted() -> String? {
        guard peek == "\"" else { return nil }
        advance()
        var text = ""
        while let scalar = peek, scalar != "\"" {
            advance()
            if scalar == "\\" {
                guard let escaped = peek else { return nil }
                advance()
                text.unicodeScalars.append(escaped == "n" ? "\n" : escaped)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        guard peek == "\"" else { return nil }
        advance()
        return text
    }
}
