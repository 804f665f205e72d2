import ParityCEL
import Testing

@Suite struct FormatTests {
    static let literals: [(CELValue, String)] = [
        (.int(1), "1"),
        (.int(-5), "-5"),
        (.uint(1), "1u"),
        (.double(1), "1.0"),
        (.double(-0.5), "-0.5"),
        (.double(1e100), "1e+100"),
        (.double(.nan), #"double("NaN")"#),
        (.double(.infinity), #"double("Infinity")"#),
        (.double(-.infinity), #"double("-Infinity")"#),
        (.string("text"), #""text""#),
        (.string("a\"b\\c\nd\u{01}é"), #""a\"b\\c\nd\u0001é""#),
        (.bytes([0xFF]), #"b"\xff""#),
        (.bytes(Array("a\"".utf8) + [0]), #"b"a\"\x00""#),
        (.bool(true), "true"),
        (.null, "null"),
        (.list([1, 2]), "[1, 2]"),
        (.list([]), "[]"),
        (["a": 1], #"{"a": 1}"#),
        ([1: "x", true: .list([])], #"{1: "x", true: []}"#),
        (.type(.int), "int"),
        (.type(.list(.string)), "list"),
        (.type(.object("parity.Service")), "parity.Service"),
    ]

    @Test(arguments: literals)
    func celLiteral(_ value: CELValue, _ expected: String) {
        #expect(value.celLiteral == expected)
    }

    @Test func timestampsAndDurationsAsCalls() throws {
        #expect(
            CELValue.timestamp(try CELTimestamp(parsing: "2026-01-01T00:00:00Z")).celLiteral
                == #"timestamp("2026-01-01T00:00:00Z")"#)
        #expect(CELValue.duration(try CELDuration(parsing: "90m")).celLiteral == #"duration("5400s")"#)
    }

    @Test(arguments: [
        "1", "1u", "1.0", #""text""#, #"b"\xff""#, "true", "null", "[1, 2]", #"{"a": 1}"#, "int",
        #"double("NaN")"#, #"double("-Infinity")"#, #"timestamp("2026-01-01T00:00:00.5Z")"#, #"duration("1.5s")"#,
    ])
    func literalsReadBackAsTheSameValue(_ literal: String) throws {
        #expect(try eval(literal).celLiteral == literal)
    }

    @Test func json() throws {
        let value = try eval(
            #"{"a": [1, 2u, 1.5, "x", b"\xff", null, true], "t": timestamp("2026-01-01T00:00:00Z"), 3: double("NaN")}"#)
        #expect(value.json == #"{"a":[1,2,1.5,"x","/w==",null,true],"t":"2026-01-01T00:00:00Z","3":"NaN"}"#)
    }
}
