import ParityCEL
import Testing
@testable import ParityKit

/// An object's fields read as CEL sees them, however often and in whatever order they are
/// read: what it keeps (by position for a few fields, by name for many) is what a fresh
/// conversion gives, a secret reads as its token, and a missing field reads as nothing.
@Suite struct ValueObjectTests {
    static func text(_ value: String) -> Value { Value(.string(value), at: nil) }

    static func expected(_ fields: Fields, _ schema: ObjectSchema?, _ name: String) -> String? {
        guard let value = fields[name] else { return nil }
        if schema?.field(name)?.sensitive == true { return CELValue.string(ValueObject.token(for: value)).celLiteral }
        return CELBinding.celValue(value, type: schema?.field(name)?.type).celLiteral
    }

    @Test(arguments: [3, 40])
    func readsAsAFreshConversion(extra: Int) {
        var fields = Fields([
            ("name", Self.text("api")), ("replicas", Value(.int(3), at: nil)),
            ("regions", Value(.list([Self.text("eu"), Self.text("us")]), at: nil)),
            ("config", Value(.object(Fields([("LOG_LEVEL", Self.text("debug"))])), at: nil)),
        ])
        for index in 0..<extra { fields["extra\(index)"] = Value(.int(index), at: nil) }
        let credential = Fields([
            ("name", Self.text("db")), ("value", Self.text("hunter2")), ("rotation", Self.text("30d")),
        ])
        let cases: [(Fields, ObjectSchema?)] = [
            (fields, EnvironmentSchema.service), (fields, nil), (credential, EnvironmentSchema.credential),
        ]
        for (read, schema) in cases {
            let object = ValueObject(fields: read, schema: schema)
            let names = read.names + ["missing", "name", "value", "regions", "config", "rotation"]
            for _ in 0..<3 {
                for name in names.shuffled() {
                    #expect(object.celField(name)?.celLiteral == Self.expected(read, schema, name), "\(name)")
                }
            }
        }
    }
}
