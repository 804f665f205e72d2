import Testing
import ParityTestSupport
@testable import ParityKit

@Suite struct ValuePathTests {
    static func sample() throws -> Value {
        try Decoding.decode(MarkedText(Decoding.environment("""
            regions: [us-east-1, eu-west-1]
            services:
              - {name: api, image: api, replicas: 3, ports: [{port: 443}]}
              - {name: web, image: web, replicas: 2}
            featureFlags:
              - {name: f, enabled: true, overrides: {eu-west-1: {rollout: 5}}}
            """))).value
    }

    @Test func findsValuesByPath() throws {
        let value = try Self.sample()
        #expect(value.value(at: ModelPath(parsing: "services[web].replicas")!)?.int == 2)
        #expect(value.value(at: ModelPath(parsing: "services[api].ports[0].port")!)?.int == 443)
        #expect(value.value(at: ModelPath(parsing: "featureFlags[f].overrides[eu-west-1].rollout")!)?.int == 5)
        #expect(value.value(at: ModelPath(parsing: "regions[eu-west-1]")!)?.string == "eu-west-1")
        #expect(value.value(at: ModelPath(parsing: "services[nope]")!) == nil)
        #expect(value.value(at: ModelPath(parsing: "services[*].replicas")!) == nil)
    }

    @Test func expandsWildcards() throws {
        let value = try Self.sample()
        let replicas = value.values(matching: ModelPath(parsing: "services[*].replicas")!)
        #expect(replicas.map(\.path.description) == ["services[api].replicas", "services[web].replicas"])
        #expect(replicas.compactMap(\.value.int) == [3, 2])
        let metadata = value.values(matching: ModelPath(parsing: "metadata.*")!)
        #expect(metadata.map(\.path.description) == ["metadata.name", "metadata.tier", "metadata.owner"])
        #expect(
            value.values(matching: ModelPath(parsing: "regions[*]")!).map(\.path.description) == [
                "regions[0]", "regions[1]",
            ])
    }

    @Test func findsTheSchemaOfAPlace() throws {
        let root = EnvironmentSchema.root
        #expect(root.field(at: ModelPath(parsing: "access.credentials[db].value")!)?.sensitive == true)
        #expect(root.field(at: ModelPath(parsing: "services[*].replicas")!)?.name == "replicas")
        #expect(root.field(at: ModelPath(parsing: "featureFlags[f].overrides[eu-west-1].rollout")!)?.maximum == 100)
        #expect(root.field(at: ModelPath(parsing: "services[api].nope")!) == nil)
        if case .list(_, .named(let key))? = SchemaType.object(root).type(at: ModelPath(parsing: "services")!) {
            #expect(key == "name")
        } else {
            Issue.record("services is not a named list")
        }
    }
}
