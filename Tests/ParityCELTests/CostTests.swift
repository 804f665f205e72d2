import Foundation
import ParityCEL
import Testing

@Suite struct CostTests {
    @Test func explodingComprehensionEndsInACostError() throws {
        var source = "[1, 2, 3]"
        for i in 0..<12 { source = "[1, 2, 3].map(x\(i), \(source))" }
        let start = ContinuousClock.now
        let error = try #require(celError { _ = try eval(source) })
        #expect(error.code == .costLimit)
        #expect(error.message == "evaluation cost budget exceeded (limit \(CELProgram.defaultBudget))")
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func stringDoublingEndsInACostError() throws {
        // Each element doubles the string it is given; the sizes built are charged.
        var source = "'ab'"
        for _ in 0..<40 { source = "[\(source)].map(s, s + s)[0]" }
        let start = ContinuousClock.now
        let error = try #require(celError { _ = try eval(source) })
        #expect(error.code == .costLimit)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func listDoublingEndsInACostError() throws {
        var source = "[1]"
        for _ in 0..<40 { source = "[\(source)].map(l, l + l)[0]" }
        #expect(celError { _ = try eval(source) }?.code == .costLimit)
    }

    @Test func errorsAbsorbedByLogicDoNotHideTheCostLimit() throws {
        var source = "[1, 2, 3]"
        for i in 0..<12 { source = "[1, 2, 3].map(x\(i), \(source))" }
        #expect(celError { _ = try eval("size(\(source)) > 0 || true") }?.code == .costLimit)
        #expect(celError { _ = try eval("[1].all(y, size(\(source)) > 0)") }?.code == .costLimit)
    }

    @Test func smallBudgetsAreHonoured() throws {
        #expect(try eval("[1, 2, 3].all(x, x > 0)", budget: 100).celEquals(true))
        #expect(celError { _ = try eval("[1, 2, 3].all(x, x > 0)", budget: 5) }?.code == .costLimit)
    }
}

@Suite struct RegexCostTests {
    @Test func largeProgramsOnLongInputsAreChargedBeforeTheyRun() throws {
        let text = String(repeating: "a", count: 30_000)
        let start = ContinuousClock.now
        let error = try #require(celError { _ = try eval("s.matches('(a?){900}a{900}x')", ["s": .string(text)]) })
        #expect(error.code == .costLimit)
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}

@Suite struct SharedStructureCostTests {
    /// Lists that share their parts are cheap to build and exponential to compare or print:
    /// building them pays for what they expand to, so the doubling stops at the budget.
    @Test func doublingThroughSharedListsEndsInACostError() throws {
        var bindings: [String: CELValue] = ["v0": [1, 2]]
        var failure: CELError?
        for level in 1...30 {
            do throws(CELError) {
                bindings["v\(level)"] = try CEL.compile("[v\(level - 1), v\(level - 1)]").evaluate(bindings)
            } catch {
                failure = error
                break
            }
        }
        #expect(failure?.code == .costLimit)
    }

    @Test func comprehensionsPayForTheSharedValuesTheyRepeat() throws {
        let big = CELValue.list(Array(repeating: CELValue.int(1), count: 2_000))
        #expect(throws: CELError.self) {
            try CEL.compile("range.map(x, big)").evaluate([
                "big": big, "range": .list(Array(repeating: .int(0), count: 1_000)),
            ])
        }
    }
}
