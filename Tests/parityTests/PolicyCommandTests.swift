import Foundation
import Testing

@Suite struct PolicyCommandTests {
    @Test func everyBuiltInRuleHasPassingTests() throws {
        let run = try ParityBinary.run(["policy", "test"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("rules without tests"))
    }

    @Test func leakingStagingViolatesWhatItsReadmeSays() throws {
        let tests = try ParityBinary.run(["policy", "test", "examples/leaking-staging"])
        #expect(tests.status == 0)
        #expect(tests.stdout.hasSuffix(" passed, 0 failed\n"))
        let check = try ParityBinary.run(
            ["check", "--config", "examples/leaking-staging/parity.yaml"], environment: ["PARITY_TODAY": "2026-11-25"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("NO-GO"))
    }

    @Test func aFailingExpectationShowsExpectedAndGotAndExitsOne() throws {
        let folder = try ParityBinary.temporaryFolder()
        try """
        apiVersion: parity/v1
        kind: PolicyTest
        cases:
          - name: wrong on purpose
            environment:
              datastores: [{name: db, kind: database, engine: postgres, encryption: {atRest: false}}]
            expect:
              encryption.at-rest: pass
        """.write(to: folder.appendingPathComponent("wrong.test.yaml"), atomically: true, encoding: .utf8)
        let run = try ParityBinary.run(["policy", "test", folder.appendingPathComponent("wrong.test.yaml").path])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "FAIL wrong on purpose: encryption.at-rest\n    expected: pass\n    got:      fail on [datastores[db]]\n"
            ))
        #expect(run.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func listAndExplain() throws {
        let list = try ParityBinary.run(["policy", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 32)
        let explain = try ParityBinary.run(["policy", "explain", "data.no-live-data-outside-production"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Why:\n") && explain.stdout.contains("Fix:\n"))
        let typo = try ParityBinary.run(["policy", "explain", "encryption.at-rst"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'encryption.at-rest'?"))
    }
}
