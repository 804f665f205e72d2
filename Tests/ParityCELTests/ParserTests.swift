import Foundation
import ParityCEL
import Testing
import ParityTestSupport

@Suite struct ParserTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let marked: String
        let code: CELError.Code
        let message: String
        var testDescription: String { marked }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(marked: "1 + ‸", code: .parse, message: "unexpected end of expression; expected an expression"),
        ErrorCase(marked: "a ‸= b", code: .parse, message: "unexpected character '='; did you mean '=='?"),
        ErrorCase(marked: "a ‸& b", code: .parse, message: "unexpected character '&'; did you mean '&&'?"),
        ErrorCase(marked: "(1 + 2‸", code: .parse, message: "unexpected end of expression; expected ')'"),
        ErrorCase(marked: "[1, 2 ‸3]", code: .parse, message: "unexpected '3'; expected ']'"),
        ErrorCase(
            marked: "x.y &&\n  ‸if", code: .parse,
            message: "'if' is a reserved word and cannot be used as an identifier"),
        ErrorCase(marked: "‸'abc", code: .parse, message: "unterminated string literal"),
        ErrorCase(
            marked: "'a' + ‸'b\nc'", code: .parse,
            message: "unterminated string literal (use a triple-quoted string for several lines)"),
        ErrorCase(marked: "'‸\\q'", code: .parse, message: "invalid escape sequence '\\q'"),
        ErrorCase(marked: "b'‸\\u00ff'", code: .parse, message: "unicode escapes are not allowed in bytes literals"),
        ErrorCase(marked: "‸9223372036854775808", code: .parse, message: "integer literal out of range"),
        ErrorCase(marked: "‸18446744073709551616u", code: .parse, message: "unsigned integer literal out of range"),
        ErrorCase(
            marked: "has(‸x)", code: .parse,
            message: "invalid argument to has(): expected a field selection such as has(x.field)"),
        ErrorCase(
            marked: "[1].all(‸1, true)", code: .parse,
            message: "the first argument of all() must be simple variable names"),
        ErrorCase(
            marked: "1 ‸2", code: .parse, message: "unexpected '2'; expected an operator or the end of the expression"),
        ErrorCase(marked: "a.‸+", code: .parse, message: "unexpected '+'; expected a field or function name after '.'"),
        ErrorCase(marked: "Msg‸{a: 1}", code: .parse, message: "message construction ('Msg{...}') is not supported"),
        ErrorCase(marked: "'é' + ‸#", code: .parse, message: "unexpected character '#'"),
    ]

    @Test(arguments: errorCases)
    func parseErrorsCarryPositionAndMessage(_ test: ErrorCase) throws {
        let text = MarkedText(test.marked)
        let error = try #require(celError { _ = try CEL.parse(text.source) })
        #expect(error.code == test.code)
        #expect(error.message == test.message)
        #expect(error.location?.line == text.line)
        #expect(error.location?.column == text.column)
    }

    @Test func errorLocationCarriesScalarAndUTF8Offsets() throws {
        let error = try #require(celError { _ = try CEL.parse("'é' + )") })
        #expect(error.location == CELSourceLocation(line: 1, column: 7, offset: 6, utf8Offset: 7))
        #expect(error.description == "1:7: unexpected ')'; expected an expression [cel.parse]")
    }

    @Test(arguments: ["(", "[", "-", "!", "{1: "])
    func hundredThousandLevelsEndInADepthError(_ opener: String) throws {
        let source = String(repeating: opener, count: 100_000) + "1"
        let start = ContinuousClock.now
        let error = try #require(celError { _ = try CEL.compile(source) })
        #expect(error.code == .depthLimit)
        #expect(error.message.contains("more than"))
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test(arguments: [" + 1", ".f", "[0]", " && true"])
    func longChainsEndInADepthErrorOrStayShallow(_ link: String) throws {
        let source = "x" + String(repeating: link, count: 100_000)
        let result = Result { () throws(CELError) in try CEL.compile(source) }
        if link == " && true" {
            // && and || chains are balanced, so they stay shallow and compile.
            #expect((try? result.get()) != nil)
        } else {
            let error = try #require(celError { _ = try result.get() })
            #expect(error.code == .depthLimit)
        }
    }

    @Test func nestingJustUnderTheLimitParses() throws {
        let source = String(repeating: "(", count: 200) + "7" + String(repeating: ")", count: 200)
        #expect(try eval(source).celEquals(7))
    }

    @Test func reservedWordsWorkAsFieldAndFunctionNames() throws {
        #expect(try eval("{'if': 1}.if").celEquals(1))
        #expect(try eval("a.return() || true").celEquals(true))
    }

    @Test(arguments: [
        ("r'\\n'", "\\n"), ("'''a\nb'''", "a\nb"), ("\"\\x41\\101\\u0041\\U00000041\"", "AAAA"),
        ("'\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\\`\\?'", "\u{07}\u{08}\u{0C}\n\r\t\u{0B}\\'\"`?"),
        ("\"\"\"x\"y\"\"\"", "x\"y"), ("R\"\\d+\"", "\\d+"),
    ])
    func stringLiterals(_ source: String, _ expected: String) throws {
        #expect(try eval(source).celEquals(.string(expected)))
    }

    @Test func numberLiterals() throws {
        #expect(try eval("-9223372036854775808").celEquals(.int(.min)))
        #expect(try eval("0xFFu").celEquals(.uint(255)))
        #expect(try eval(".5 + 1e3 + 2.5E-1").celEquals(.double(1000.75)))
        #expect(try eval("b'\\xff\\377'").celEquals(.bytes([255, 255])))
    }

    @Test func commentsAndNewlinesAreTrivia() throws {
        #expect(try eval("1 + // one\n 2").celEquals(3))
    }
}

@Suite struct DepthTests {
    @Test func theTallestAcceptedTreeEvaluatesAndChecks() throws {
        // Just under the height limit: every stage (checker, planner, evaluator) recurses through it.
        let source = "x" + String(repeating: " + 1", count: 495)
        let program = try CEL.compile(source, declarations: CELDeclarations().declaring(variable: "x", .int))
        #expect(try program.evaluate(["x": 5]).celEquals(500))
    }

    @Test func deeplyNestedMacrosEvaluate() throws {
        var source = "x0"
        for i in (0..<100).reversed() { source = "[\(i)].map(x\(i), \(source))" }
        let value = try eval(source)
        var expected = "0"
        for _ in 0..<100 { expected = "[\(expected)]" }
        #expect(value.celLiteral == expected)
    }
}
