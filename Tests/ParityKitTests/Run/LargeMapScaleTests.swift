import ParityCEL
import ParityTestSupport
import Testing
@testable import ParityKit

/// A map written with thousands of keys (`config`) is built, read and iterated in linear time
/// (issue 17: a thousand config keys aliased into 500 services ran `check` past a minute).
/// Measured as `ScaleRatio`: linear work costs about 8x for 8x the keys, quadratic 64x.
@Suite struct LargeMapScaleTests {
    static let ratioLimit = ScaleRatio.linearLimit

    static func config(_ count: Int) -> Fields {
        var fields = Fields()
        for index in 0..<count { fields["key-\(index)"] = Value(.string("value-\(index)"), at: nil) }
        return fields
    }

    static func ratio(_ small: Int, _ work: @escaping (Int) -> Void) -> Double {
        ScaleRatio.of(small: small) { count in ContinuousClock().measure { work(count) } }
    }

    @Test func aLargeMapIsBuiltAndReadInLinearTime() {
        let ratio = Self.ratio(2_000) { count in
            let fields = Self.config(count)
            for index in 0..<count { precondition(fields["key-\(index)"] != nil) }
        }
        #expect(ratio < Self.ratioLimit, "8x the keys cost \(ratio)x")
    }

    @Test func aFieldSetAndRemovedKeepsItsIndex() {
        var fields = Self.config(100)
        fields["key-10"] = nil
        fields["key-99"] = Value(.int(1), at: nil)
        fields["new"] = Value(.int(2), at: nil)
        #expect(fields.count == 100)
        #expect(fields["key-10"] == nil)
        #expect(fields["key-11"]?.string == "value-11")
        #expect(fields["key-99"]?.int == 1)
        #expect(fields["new"]?.int == 2)
        #expect(fields.names.last == "new")
    }

    @Test func aRuleReadingAMapForEachOfItsKeysIsLinear() throws {
        var declarations = CELDeclarations()
        declarations.declare(variable: "self", .dyn)
        let program = try CEL.compile("self.config.all(k, self.config[k] != '')", declarations: declarations)
        let ratio = Self.ratio(300) { count in
            var service = Fields()
            service["name"] = Value(.string("api"), at: nil)
            service["config"] = Value(.object(Self.config(count)), at: nil)
            let bound = CELValue.object(ValueObject(fields: service, schema: EnvironmentSchema.service))
            guard case .bool(true)? = try? program.evaluate(["self": bound], budget: .max) else {
                preconditionFailure("every value of the config is set")
            }
        }
        #expect(ratio < Self.ratioLimit, "8x the config keys cost \(ratio)x")
    }
}
