import Foundation
import ParityCEL
import ParityDiagnostics

/// A finding's message with `{{ expr }}` holes filled by CEL expressions.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CELProgram)
    }

    let parts: [Part]

    static func compile(
        _ message: PolicyRule.Expression, rule: String, declarations: CELDeclarations, locator: ExpressionLocator,
        diagnostics: inout [Diagnostic]
    ) -> MessageTemplate? {
        var parts: [Part] = []
        var rest = Substring(message.source)
        var failed = false
        while let open = rest.range(of: "{{") {
            parts.append(.text(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                diagnostics.append(
                    .error(
                        .policyTypeError, "the message of rule '\(rule)' opens '{{' without closing it",
                        at: message.location))
                return nil
            }
            let source = String(rest[open.upperBound..<close.lowerBound])
            do throws(CELError) {
                parts.append(.expression(try CEL.compile(source, declarations: declarations)))
            } catch {
                // Where the hole starts in the message, then where the error is in the hole.
                let before = message.source[..<open.upperBound]
                let holeLine = before.filter { $0 == "\n" }.count + 1
                let holeColumn =
                    before.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).last.map {
                        $0.count + 1
                    } ?? 1
                let place =
                    error.location.flatMap { inner in
                        locator.locate(
                            line: holeLine + inner.line - 1,
                            column: inner.line == 1 ? holeColumn + inner.column - 1 : inner.column, in: message.location
                        )
                    } ?? message.location
                diagnostics.append(
                    .error(
                        Diagnostic.Code(error.code.rawValue), "in the message of rule '\(rule)': \(error.message)",
                        at: place))
                failed = true
            }
            rest = rest[close.upperBound...]
        }
        parts.append(.text(String(rest)))
        return failed ? nil : MessageTemplate(parts: parts)
    }

    /// The message for one item; a hole that cannot be evaluated says why, in brackets.
    func render(_ activation: CELActivation) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .expression(let program):
                do throws(CELError) {
                    let value = try program.evaluate(activation, budget: 10_000)
                    if case .string(let text) = value { return text }
                    return value.celLiteral
                } catch {
                    return "<{{ \(program.source.trimmingCharacters(in: .whitespaces)) }}: \(error.message)>"
                }
            }
        }.joined()
    }
}
