import Testing

@testable import ParityKit

/// An array made as it is written reads exactly as the array built whole.
@Suite struct JSONValueTests {
    // 4096 and past: written in runs on every core (1024 items a run, the last one short).
    @Test(arguments: [0, 1, 3, 4096, 5000])
    func generatedItemsReadAsAnArray(_ count: Int) {
        let item: @Sendable (Int) -> JSONValue = { .object([("n", .int($0)), ("s", .string("x\"\($0)"))]) }
        let built = JSONValue.object([("gaps", .array((0..<count).map(item))), ("after", true)])
        let generated = JSONValue.object([("gaps", .items(count: count, item: item)), ("after", true)])
        #expect(generated.pretty == built.pretty)
        #expect(generated.compact == built.compact)
    }
}
