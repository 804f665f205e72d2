import ParityCEL
import Testing
import ParityTestSupport

@Suite struct CheckerTests {
    static let declarations = CELDeclarations()
        .declaring(objectType: "parity.Environment", fields: [
            "services": .list(.object("parity.Service")),
            "tier": .string,
            "labels": .map(.string, .string),
        ])
        .declaring(objectType: "parity.Service", fields: [
            "name": .string, "replicas": .int, "image": .string, "ports": .list(.object("parity.Port")),
        ])
        .declaring(objectType: "parity.Port", fields: ["number": .int, "tls": .bool])
        .declaring(variable: "env", .object("parity.Environment"))
        .declaring(variable: "self", .object("parity.Service"))
        .declaring(variable: "extra", .dyn)
        .declaring(variable: "parity.version", .string)

    static let typed: [(String, String)] = [
        ("self.replicas", "int"),
        ("self.replicas >= 2 && self.image.matches('^r/')", "bool"),
        ("env.services", "list(parity.Service)"),
        ("env.services.map(s, s.replicas)", "list(int)"),
        ("env.services.filter(s, s.replicas > 1)", "list(parity.Service)"),
        ("env.services.all(s, s.ports.exists(p, p.tls))", "bool"),
        ("env.services.transformList(i, s, s.name)", "list(string)"),
        ("env.labels.transformMap(k, v, size(v))", "map(string, int)"),
        ("env.labels['team']", "string"),
        ("env.labels.team", "string"),
        ("extra.anything.goes + 1", "int"),
        ("parity.version", "string"),
        ("size(env.services) + 1", "int"),
        ("[1, 2]", "list(int)"),
        ("[1, 'a']", "list(dyn)"),
        ("{'a': 1}", "map(string, int)"),
        ("true ? 1 : 2", "int"),
        ("has(self.image)", "bool"),
        ("type(1)", "type(int)"),
        ("int", "type(int)"),
        ("google.protobuf.Timestamp", "type(google.protobuf.Timestamp)"),
        ("timestamp('2026-01-01T00:00:00Z') - duration('1h')", "google.protobuf.Timestamp"),
        ("self.replicas == 1.0", "bool"),
        ("self.image != null && extra == 'x' && [1] == [1u]", "bool"),
        ("'api' in env.labels && 1 in [1.0, 2.0]", "bool"),
        ("self.image.split('/').join('-').lowerAscii()", "string"),
    ]

    @Test(arguments: typed)
    func resultTypes(_ source: String, _ expected: String) throws {
        let program = try CEL.compile(source, declarations: Self.declarations)
        #expect(program.resultType?.description == expected)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let marked: String
        let code: CELError.Code
        let message: String
        var testDescription: String { marked }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            marked: "self‸.replcas > 1", code: .noSuchField,
            message: "no such field 'replcas' on parity.Service; did you mean 'replicas'?"),
        ErrorCase(
            marked: "env.services.all(s, s‸.imgae != '')", code: .noSuchField,
            message: "no such field 'imgae' on parity.Service; did you mean 'image'?"),
        ErrorCase(
            marked: "self.replicas ‸+ 'x'", code: .noSuchOverload,
            message:
                "no matching overload for '+' applied to (int, string); convert one side first: int(x) or double(x) for a number, string(x) for text"
        ),
        ErrorCase(
            marked: "‸size(self.replicas)", code: .noSuchOverload,
            message: "no matching overload for 'size' applied to (int); it takes (string), (bytes)"),
        ErrorCase(
            marked: "‸sefl.replicas", code: .undeclaredReference,
            message: "undeclared reference to 'sefl'; did you mean 'self'?"),
        ErrorCase(
            marked: "self.name.‸startsWit('a')", code: .unknownFunction,
            message: "unknown function 'startsWit'; did you mean 'startsWith'?"),
        ErrorCase(
            marked: "env.services.all(s, s‸.replicas)", code: .typeMismatch,
            message: "all() expects a bool condition, found 'int'"),
        ErrorCase(
            marked: "self.replicas > 1 ‸&& self.name", code: .noSuchOverload,
            message: "no matching overload for '&&' applied to (bool, string)"),
        ErrorCase(
            marked: "self.replicas‸.x", code: .noSuchField,
            message: "cannot select field 'x' from a value of type 'int'"),
        ErrorCase(
            marked: "env.services.map(s, s.name)[0] ‸- 1", code: .noSuchOverload,
            message:
                "no matching overload for '-' applied to (string, int); convert one side first: int(x) or double(x) for a number, string(x) for text"
        ),
        ErrorCase(
            marked: "self.replicas ‸== '2'", code: .noSuchOverload,
            message:
                "no matching overload for '==' applied to (int, string); convert one side first: int(x) or double(x) for a number, string(x) for text"
        ),
        ErrorCase(
            marked: "self.name ‸in [1, 2]", code: .noSuchOverload,
            message: "no matching overload for 'in' applied to (string, list(int))"),
    ]

    @Test(arguments: errorCases)
    func errorsCarryCodeMessageAndPosition(_ test: ErrorCase) throws {
        let text = MarkedText(test.marked)
        let error = try #require(celError { _ = try CEL.compile(text.source, declarations: Self.declarations) })
        #expect(error.code == test.code)
        #expect(error.message == test.message)
        #expect(error.location?.line == text.line)
        #expect(error.location?.column == text.column)
    }

    @Test func checkingAParsedExpression() throws {
        let expr = try CEL.parse("env.services.exists(s, s.replicas > 1)")
        #expect(try CEL.check(expr, declarations: Self.declarations) == .bool)
    }

    @Test func uncheckedCompilationAcceptsWhatTheCheckerWouldRefuse() throws {
        #expect(throws: CELError.self) { try CEL.compile("x + 1", declarations: CELDeclarations()) }
        #expect(try CEL.compile("x + 1").resultType == nil)
    }
}
