import ParityCEL
import Testing
import ParityTestSupport

@Suite struct EvaluationTests {
    /// Each expression and its value written as a CEL literal.
    static let semanticsCases: [(String, String)] = [
        ("false && (1 / 0 == 1)", "false"),
        ("(1 / 0 == 1) && false", "false"),
        ("(1 / 0 == 1) || true", "true"),
        ("true || (1 / 0 == 1)", "true"),
        ("'x' || true", "true"),
        ("1 == 1u && 1u == 1.0 && 1 == 1.0", "true"),
        ("1 < 1.5 && 2u > 1.5 && -1 < 0u", "true"),
        ("9223372036854775807 < 9223372036854775808.0", "true"),
        ("[1, 2u, 3.0] == [1.0, 2, 3u]", "true"),
        ("{'a': 1}.a == 1 && has({'a': 1}.a) && !has({'a': 1}.b)", "true"),
        ("2 in [1, 2] && 'a' in {'a': 1} && !(3 in [1, 2])", "true"),
        ("true ? 'y' : 1 / 0", #""y""#),
        ("[1, 2, 3].map(x, x * 2)", "[2, 4, 6]"),
        ("[[1, [2]], [], [3], 4].flatten()", "[1, [2], 3, 4]"),
        ("[[1, [2]], [3]].flatten(2)", "[1, 2, 3]"),
        ("[[1]].flatten(0)", "[[1]]"),
        ("'b' in [['a'], ['b', 'c']].flatten()", "true"),
        ("[1, 2, 3, 4].map(x, x % 2 == 0, x * 10)", "[20, 40]"),
        ("[1, 2, 3].filter(x, x > 1)", "[2, 3]"),
        ("{'a': 1, 'b': 2}.filter(k, k != 'a')", #"["b"]"#),
        ("[1, 2, 3].exists_one(x, x > 2)", "true"),
        ("{'a': 1, 'b': 2}.all(k, v, v > 0 && k != '')", "true"),
        ("[10, 20].exists(i, v, i == 1 && v == 20)", "true"),
        ("[1, 2].transformList(i, v, i + v)", "[1, 3]"),
        ("[1, 2, 3].transformList(i, v, v > 1, v * v)", "[4, 9]"),
        ("{'a': 1}.transformMap(k, v, v + 1)", #"{"a": 2}"#),
        ("[[1, 2], [3]].map(l, l.map(x, x + 1))", "[[2, 3], [4]]"),
        ("size('héllo') + size(b'ab') + size([1]) + 'abc'.size()", "11"),
        ("'hello'.contains('ell') && 'hello'.startsWith('he') && 'hello'.endsWith('lo')", "true"),
        ("int('42') + int(2.9) + int(-2.9)", "42"),
        ("uint(42) + 1u", "43u"),
        ("string(1.5) + string(10) + string(true) + string(b'x')", #""1.510truex""#),
        ("string(1000000.0) + ' ' + string(0.0001) + ' ' + string(0.00001)", #""1e+06 0.0001 1e-05""#),
        ("type(1) == int && type('a') == string && type([]) == list", "true"),
        ("dyn(1) + 1", "2"),
        ("type(duration('1s')) == google.protobuf.Duration", "true"),
        ("bool('true') && !bool('0')", "true"),
        ("-(-(3))", "3"),
        ("1.0 / 0.0", #"double("Infinity")"#),
    ]

    @Test(arguments: semanticsCases)
    func semantics(_ source: String, _ expected: String) throws {
        #expect(try eval(source).celLiteral == expected)
    }

    @Test(arguments: [
        ("1 / 0", CELError.Code.divisionByZero),
        ("5 % 0", .divisionByZero),
        ("9223372036854775807 + 1", .overflow),
        ("-9223372036854775808 / -1", .overflow),
        ("0u - 1u", .overflow),
        ("[1][5]", .indexOutOfRange),
        ("{'a': 1}['b']", .noSuchKey),
        ("{'a': 1}.b", .noSuchKey),
        ("1 + 'a'", .noSuchOverload),
        ("[1] < [2]", .noSuchOverload),
        ("f(1)", .unknownFunction),
        ("x", .undeclaredReference),
        ("int('x')", .conversion),
        ("string(b'\\xff')", .conversion),
        ("{1: 1, 1u: 2}", .invalidKey),
        ("{1.5: 1}", .invalidKey),
        ("uint(-1)", .overflow),
        ("int(1e19)", .overflow),
        ("timestamp('nope')", .invalidArgument),
        ("duration('1y')", .invalidArgument),
        ("'a'.matches('(')", .regex),
        ("[1, 'a'].all(x, x > 0)", .noSuchOverload),
    ])
    func errors(_ source: String, _ code: CELError.Code) throws {
        let error = try #require(celError { _ = try eval(source) })
        #expect(error.code == code, "\(source): \(error)")
        #expect(error.location != nil)
        #expect(error.message.first?.isLowercase == true, "messages start in lowercase: \(error.message)")
    }

    @Test func evaluationErrorsPointAtTheOperator() throws {
        let text = MarkedText("x +\n  (y ‸/ 0)")
        let error = try #require(celError { _ = try eval(text.source, ["x": 1, "y": 2]) })
        #expect(error.code == .divisionByZero)
        #expect(error.location?.line == text.line)
        #expect(error.location?.column == text.column)
    }

    @Test func allKeepsSearchingPastAnErrorForAFalse() throws {
        #expect(try eval("[0, 1].all(x, 1 / x > 5)").celEquals(false))
        #expect(celError { _ = try eval("[0, 1].all(x, 1 / x < 5)") }?.code == .divisionByZero)
        #expect(try eval("[0, 1].exists(x, 1 / x == 1)").celEquals(true))
    }

    @Test func qualifiedNamesPreferTheLongestBoundPrefix() throws {
        let bindings: [String: CELValue] = ["a.b": .map(["c": "short"]), "a.b.c": "long"]
        #expect(try eval("a.b.c", bindings).celEquals("long"))
        #expect(try eval("a.b.c", ["a.b": .map(["c": "short"])]).celEquals("short"))
        #expect(try eval("a.b.c", ["a": .map(["b": .map(["c": "nested"])])]).celEquals("nested"))
    }

    @Test func comprehensionVariablesShadowBindings() throws {
        #expect(try eval("[1, 2].map(x, x + 1)", ["x": 100]).celEquals([2, 3]))
        #expect(try eval("[1].all(x, [2].all(x, x == 2)) && x == 7", ["x": 7]).celEquals(true))
    }

    @Test func timestampsAndDurations() throws {
        #expect(
            try eval("timestamp('2026-01-01T00:00:00Z') + duration('90h')").celEquals(
                .timestamp(try CELTimestamp(parsing: "2026-01-04T18:00:00Z"))))
        #expect(
            try eval("timestamp('2026-03-01T00:00:00Z') - timestamp('2026-02-28T00:00:00Z') == duration('24h')")
                .celEquals(true))
        #expect(try eval("duration('1h30m') > duration('89m')").celEquals(true))
        #expect(try eval("timestamp('2026-01-01T00:30:00+01:00').getHours()").celEquals(23))
        #expect(try eval("timestamp('2026-01-01T00:30:00Z').getFullYear('America/New_York')").celEquals(2025))
        #expect(try eval("timestamp('2026-01-01T00:30:00Z').getMonth('-01:00')").celEquals(11))
        #expect(try eval("timestamp('2024-02-29T12:00:00Z').getDayOfYear()").celEquals(59))
        #expect(try eval("string(timestamp('2026-01-01T00:00:00.250Z'))").celEquals("2026-01-01T00:00:00.25Z"))
        #expect(try eval("string(duration('-1.5s'))").celEquals("-1.5s"))
        #expect(
            celError { _ = try eval("timestamp('2026-01-01T00:00:00Z').getHours('Mars/Olympus')") }?.code
                == .invalidArgument)
    }

    static let stringCases: [(String, String)] = [
        ("'Hello'.lowerAscii() + 'é'.upperAscii()", #""helloé""#),
        ("'a,b,,c'.split(',')", #"["a", "b", "", "c"]"#),
        ("'a,b,c'.split(',', 2)", #"["a", "b,c"]"#),
        ("'é→ü→→'.split('→') + 'aXbXc'.split('X', -1) + 'abab'.split('ab') + 'x'.split('x', 1)",
         #"["é", "ü", "", "", "a", "b", "c", "", "", "", "x"]"#),
        ("'naïve'.split('') + 'ab'.split('', 1) + ['same'.lowerAscii(), 'SAME'.upperAscii()]",
         #"["n", "a", "ï", "v", "e", "ab", "same", "SAME"]"#),
        ("['a', 'b'].join('-') + ['c'].join()", #""a-bc""#),
        ("'  x y \\n'.trim()", #""x y""#),
        ("'aaa'.replace('a', 'b', 2)", #""bba""#),
        ("'hello'.replace('l', '')", #""heo""#),
        ("'ab'.replace('', '-')", #""-a-b-""#),
        ("'é-é-é'.replace('é', 'e', 2) + 'naïve'.replace('ï', 'i') + 'x'.replace('xy', 'z')", #""e-e-énaivex""#),
        ("'aaaa'.replace('aa', 'b') + 'abc'.replace('b', '', 0)", #""bbabc""#),
        ("'ÀBc-Ünï'.lowerAscii() + 'àbC-ünÏ'.upperAscii()", #""Àbc-ÜnïàBC-üNÏ""#),
        ("'héllo'.indexOf('l') + 'hello'.indexOf('z') + 'hello'.lastIndexOf('l')", "4"),
        ("'hello'.indexOf('l', 3)", "3"),
    ]

    @Test(arguments: stringCases)
    func stringExtensions(_ source: String, _ expected: String) throws {
        #expect(try eval(source).celLiteral == expected)
    }

    @Test func programsEvaluateManyTimesWithDifferentBindings() throws {
        let program = try CEL.compile("x * 2")
        #expect(try program.evaluate(["x": 2]).celEquals(4))
        #expect(try program.evaluate(["x": 21]).celEquals(42))
    }

    @Test func programsListTheVariablesTheyRead() throws {
        let program = try CEL.compile("self.replicas > min && [1].all(x, x > 0) && a.b.c")
        #expect(program.referencedVariables == ["self", "self.replicas", "min", "a", "a.b", "a.b.c"])
    }

    @Test func lazyActivationResolvesOnlyWhatIsUsed() throws {
        let activation = CELActivation { name in name == "x" ? .int(5) : nil }
        #expect(try CEL.compile("x + 1").evaluate(activation).celEquals(6))
        #expect(celError { _ = try CEL.compile("y").evaluate(activation) }?.code == .undeclaredReference)
    }

    /// A variable bound over an activation reads as if the activation had been built with it.
    @Test func bindingOverAnActivationShadowsAndKeepsTheRest() throws {
        let program = try CEL.compile("self * 100 + env * 10 + (has(a.b) ? 1 : 0)")
        let shared = CELActivation(["env": 2, "self": 9, "a": .map(["b": 1])])
        #expect(try program.evaluate(shared.binding("self", to: 3)).celEquals(321))
        #expect(try program.evaluate(shared.binding("self", to: 4).binding("self", to: 5)).celEquals(521))
        // A second name: the first stays bound, still over the activation's own.
        let twice = shared.binding("self", to: 6).binding("env", to: 7)
        #expect(try program.evaluate(twice).celEquals(671))
        #expect(try program.evaluate(shared).celEquals(921))
        // A dotted name bound so is read as one variable, as an activation built with it reads it.
        let dotted = try CEL.compile("a.b")
        #expect(try dotted.evaluate(shared.binding("a.b", to: 8)).celEquals(8))
        let lazy = CELActivation { name in name == "x" ? .int(5) : nil }
        #expect(try CEL.compile("x + self").evaluate(lazy.binding("self", to: 1)).celEquals(6))
    }
}

@Suite struct ConcurrencyTests {
    @Test func oneProgramEvaluatesConcurrently() async throws {
        let program = try CEL.compile("[1, 2, 3].map(x, x * n).all(y, y % n == 0) && s.matches('^a+$')")
        let results = await withTaskGroup(of: Bool.self) { group in
            for n in 1...64 {
                group.addTask {
                    let value = try? program.evaluate([
                        "n": .int(Int64(n)), "s": .string(String(repeating: "a", count: n)),
                    ])
                    return value?.celEquals(true) == true
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}

@Suite struct ListExtensionTests {
    @Test(arguments: [
        ("['a', 'b', 'a'].distinct()", #"["a", "b"]"#),
        ("[1, 1u, 1.0, [2], [2]].distinct()", "[1, [2]]"),
        ("['a', 'b'].transformMapEntry(i, v, {v: i})", #"{"a": 0, "b": 1}"#),
        ("['a', 'b', 'c'].transformMapEntry(i, v, i > 0, {v: true})", #"{"b": true, "c": true}"#),
        ("'b' in ['a', 'b'].transformMapEntry(i, v, {v: true})", "true"),
        ("{'x': 1}.transformMapEntry(k, v, {v: k})", #"{1: "x"}"#),
    ])
    func evaluates(_ source: String, _ expected: String) throws {
        #expect(try eval(source).celLiteral == expected)
    }

    @Test func repeatedKeysAndNonMapBodiesAreErrors() {
        #expect(celError { _ = try eval("['a', 'a'].transformMapEntry(i, v, {v: true})") }?.code == .invalidKey)
        #expect(
            celError { _ = try CEL.compile("[1].transformMapEntry(i, v, v)", declarations: CELDeclarations()) }?.code
                == .typeMismatch)
    }
}
