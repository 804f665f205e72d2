import Testing
import ParityDiagnostics
@testable import ParityKit

/// One navigator for paths: the schema's type, its problems and the canonical steps agree,
/// and a map entry is one step however it is written.
@Suite struct PathNavigatorTests {
    static let environment = SchemaType.object(EnvironmentSchema.root)

    func path(_ text: String) throws -> ModelPath { try #require(ModelPath(parsing: text), "\(text)") }

    @Test func aMapEntryIsOneStepWrittenEitherWay() throws {
        let bracket = try path("services[api].config[LOG_LEVEL]").canonical(in: Self.environment)
        let dotted = try path("services[api].config.LOG_LEVEL").canonical(in: Self.environment)
        #expect(bracket == dotted)
        #expect(bracket.description == "services[api].config.LOG_LEVEL")
        #expect(try path("services[*].config[*]").canonical(in: Self.environment).description == "services[*].config.*")
    }

    @Test func typeAndProblemAgreeOnMaps() throws {
        for text in ["services[api].config.LOG_LEVEL", "services[api].config[LOG_LEVEL]"] {
            #expect(Self.environment.problem(with: try path(text)) == nil)
            guard case .string? = Self.environment.type(at: try path(text)) else {
                Issue.record("\(text) is not a string in the schema")
                continue
            }
        }
        let wrong = try path("services[api].replicas.x")
        #expect(Self.environment.problem(with: wrong) != nil)
        #expect(Self.environment.type(at: wrong) == nil)
    }

    @Test(arguments: [
        "services[a]b].replicas", "services[\"quoted\"].replicas", "services[7]", "services[*]",
        "services[api].config[spring.datasource.url]", "services[api].config[a]b]",
    ])
    func namesThatWouldReadAsSomethingElseAreQuoted(_ name: String) throws {
        let components: [ModelPath.Component]
        switch name {
        case "services[a]b].replicas": components = [.field("services"), .item("a]b"), .field("replicas")]
        case "services[\"quoted\"].replicas":
            components = [.field("services"), .item("\"q\\\"uoted"), .field("replicas")]
        case "services[7]": components = [.field("services"), .item("7")]
        case "services[*]": components = [.field("services"), .item("*")]
        case "services[api].config[spring.datasource.url]":
            components = [.field("services"), .item("api"), .field("config"), .field("spring.datasource.url")]
        default: components = [.field("services"), .item("api"), .field("config"), .field("a]b")]
        }
        let written = ModelPath(components)
        let read = try #require(ModelPath(parsing: written.description), "\(written.description)")
        #expect(read.canonical(in: Self.environment) == written, "\(written.description)")
    }

    @Test func contentIdentitiesWithBalancedBracketsNeedNoQuotes() throws {
        let identity = #"{"actions":["*"],"resources":["a]"]}"#
        let written = ModelPath([
            .field("access"), .field("roles"), .item("deployer"), .field("permissions"), .item(identity),
        ])
        #expect(written.description == "access.roles[deployer].permissions[\(identity)]")
        #expect(ModelPath(parsing: written.description) == written)
    }

    @Test func aWaiverAndAVarianceWrittenWithBracketsMatchTheMapEntrysGap() throws {
        let scratch = try ScratchFolder()
        let header = "apiVersion: parity/v1\nkind: Environment\n"
        for (name, tier, value) in [("production", "production", "on"), ("staging", "staging", "off")] {
            try scratch.write(
                "environments/\(name).yaml",
                header + """
                    metadata: {name: \(name), tier: \(tier), owner: sre}
                    regions: [eu-west-1]
                    services:
                      - {name: api, image: api, regions: [eu-west-1], config: {FEATURE_X: "\(value)", MODE: "\(value)"}}

                    """)
        }
        try scratch.write(
            "policies/none.yaml", "apiVersion: parity/v1\nkind: Policy\nmetadata: {name: none}\nrules: []\n")
        try scratch.write(
            "parity.yaml",
            """
            apiVersion: parity/v1
            kind: ParitySpec
            builtin: false
            pairs:
              - reference: production
                mirror: staging
                allow:
                  - {path: "services[*].config[MODE]", rule: ignore, reason: staging rehearses the other mode}
            waivers:
              - {gap: "services[api].config[FEATURE_X]", reason: rolled out next week, owner: sre, expires: 2026-12-31}

            """)
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        let outcome = CheckRun(sources: SourceStore()).run(options)
        #expect(!outcome.diagnostics.containsError, "\(outcome.diagnostics)")
        let gaps = try #require(outcome.report?.pairs.first?.gaps)
        let statuses = Dictionary(uniqueKeysWithValues: gaps.map { ($0.path.description, $0.status) })
        guard case .waived? = statuses["services[api].config.FEATURE_X"] else {
            Issue.record("the waiver written with brackets did not waive the gap: \(statuses)")
            return
        }
        guard case .allowed? = statuses["services[api].config.MODE"] else {
            Issue.record("the variance written with brackets did not allow the gap: \(statuses)")
            return
        }
        #expect(outcome.status == .passed)
        #expect(!outcome.diagnostics.contains { $0.code == .specStaleWaiver || $0.code == .specUnusedVariance })
    }
}
