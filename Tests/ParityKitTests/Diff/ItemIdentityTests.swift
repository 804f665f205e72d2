import Testing
import ParityDiagnostics
import ParityTestSupport
@testable import ParityKit

/// Unnamed items are matched by the fields that identify them, never by their whole value
/// or their position.
@Suite struct ItemIdentityTests {
    static func environment(_ body: String) throws -> Value {
        let result = try Decoding.decode(MarkedText(Decoding.environment(body)))
        #expect(!result.diagnostics.containsError, "\(result.diagnostics)")
        return result.value
    }

    static func service(ports: String) -> String {
        "regions: [eu-west-1]\nservices:\n  - name: api\n    image: i\n    replicas: 2\n    ports: \(ports)\n"
    }

    static func role(permissions: String) -> String {
        "access:\n  roles:\n    - name: deployer\n      permissions: \(permissions)\n"
    }

    static func gaps(_ reference: String, _ mirror: String, identities: ItemIdentities = ItemIdentities()) throws
        -> [String]
    {
        var diff = EnvironmentDiff(schema: EnvironmentSchema.root)
        diff.identities = identities
        return diff.compare(reference: try environment(reference), mirror: try environment(mirror)).gaps.map {
            "\($0.kind.rawValue) \($0.path)"
        }
    }

    @Test func aFlippedFieldOfAPortIsOneChangedGapAtThePort() throws {
        let gaps = try Self.gaps(
            Self.service(ports: "[{port: 8443, protocol: grpc, tls: true}, {port: 80, protocol: http}]"),
            Self.service(ports: "[{port: 80, protocol: http}, {port: 8443, protocol: grpc, tls: false}]"))
        #expect(gaps == ["changed services[api].ports[8443/grpc].tls"])
    }

    @Test func aPortNotInTheMirrorIsMissingByItsIdentity() throws {
        let gaps = try Self.gaps(
            Self.service(ports: "[{port: 8443, protocol: grpc}, {port: 9090}]"),
            Self.service(ports: "[{port: 8443, protocol: http}]"))
        // A port without a protocol reads as a position unless quoted, as ModelPath quotes names.
        #expect(
            gaps == [
                "missing services[api].ports[8443/grpc]", "missing services[api].ports[\"9090\"]",
                "extra services[api].ports[8443/http]",
            ])
        #expect(ModelPath(parsing: "services[api].ports[\"9090\"]")?.components.last == .item("9090"))
    }

    @Test func permissionsAreIdentifiedByTheirActionsInAnyOrder() throws {
        let gaps = try Self.gaps(
            Self.role(permissions: "[{actions: [s3:PutObject, s3:GetObject], resources: [arn:a]}]"),
            Self.role(permissions: "[{actions: [s3:GetObject, s3:PutObject], resources: [arn:b]}]"))
        #expect(
            gaps == [
                "missing access.roles[deployer].permissions[s3:GetObject,s3:PutObject].resources[arn:a]",
                "extra access.roles[deployer].permissions[s3:GetObject,s3:PutObject].resources[arn:b]",
            ])
    }

    @Test func setsOfScalarsStillMatchByValue() throws {
        let gaps = try Self.gaps("regions: [eu-west-1, us-east-1]\n", "regions: [eu-west-1]\n")
        #expect(gaps == ["missing regions[us-east-1]"])
    }

    @Test func aDuplicateIdentityIsAnErrorNamingBothPlaces() throws {
        let marked = MarkedText(
            Decoding.environment(
                Self.service(
                    ports: "[⟨first⟩{port: 80, protocol: http}, ⟨second⟩{port: 80, protocol: http, tls: true}]")))
        let result = try Decoding.decode(marked)
        let duplicate = try #require(result.diagnostics.first { $0.code == .schemaDuplicateIdentity })
        #expect(duplicate.severity == .error)
        #expect(
            duplicate.message == "two items of 'ports' are both '80/http' by their 'port' and 'protocol'; "
                + "merge them, or tell them apart by another field")
        #expect(
            duplicate.location?.line == marked.marks["second"]?.line
                && duplicate.location?.column == marked.marks["second"]?.column)
        let first = try #require(duplicate.notes.first?.location)
        #expect(first.line == marked.marks["first"]?.line && first.column == marked.marks["first"]?.column)
    }

    static func spec(_ identities: String) throws -> (ParitySpec, [Diagnostic]) {
        let text = "apiVersion: parity/v1\nkind: ParitySpec\nidentities:\n" + identities
        let decoded = try Decoding.decode(MarkedText(text), as: SpecSchema.spec)
        #expect(!decoded.diagnostics.containsError, "\(decoded.diagnostics)")
        return ParitySpec.from(decoded.value, file: "parity.yaml")
    }

    @Test func aSpecSetsTheIdentityOfACollection() throws {
        let (spec, diagnostics) = try Self.spec("  - {path: \"services[*].ports\", fields: [port]}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let gaps = try Self.gaps(
            Self.service(ports: "[{port: 8443, protocol: grpc}]"),
            Self.service(ports: "[{port: 8443, protocol: http}]"),
            identities: spec.identities)
        #expect(gaps == ["changed services[api].ports[\"8443\"].protocol"])
    }

    @Test func aSpecIdentityThatNamesNoUnnamedListIsALocatedError() throws {
        let (_, diagnostics) = try Self.spec(
            """
              - {path: services, fields: [name]}
              - {path: "services[*].replicas", fields: [port]}
              - {path: "services[*].ports", fields: [prot]}
              - {path: "services[*.ports", fields: [port]}

            """)
        #expect(
            diagnostics.map(\.message) == [
                "the items of 'services' are matched by their 'name' already; remove this identity",
                "'services[*].replicas' is not a list of objects; an identity says which fields identify a list's items",
                "Port has no field 'prot'; did you mean 'port'?",
                "'services[*.ports' is not a path: the '[' at column 9 is never closed; write it as services[*].ports",
            ])
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [4, 5, 6, 7])
        #expect(diagnostics[2].location?.column == 42) // at 'prot'
    }

    @Test func aSpecIdentityThatMakesTwoItemsAlikeIsAnError() throws {
        let (spec, _) = try Self.spec("  - {path: \"services[*].ports\", fields: [port]}\n")
        let environment = try Self.environment(
            Self.service(ports: "[{port: 80, protocol: http}, {port: 80, protocol: https}]"))
        let duplicates = spec.identities.duplicates(in: environment)
        #expect(
            duplicates.map(\.message) == [
                "two items of 'services[api].ports' are both '80' by their 'port'; merge them, or tell them apart by another field"
            ])
        #expect(duplicates.first?.notes.count == 1)
    }

    @Test func variancesAndPoliciesReachAnItemByItsIdentity() throws {
        let reference = try Self.environment(Self.service(ports: "[{port: 8443, protocol: grpc, tls: true}]"))
        let mirror = try Self.environment(Self.service(ports: "[{port: 8443, protocol: grpc, tls: false}]"))
        let variance = Variance(
            path: try #require(ModelPath(parsing: "services[api].ports[8443/grpc].tls")), rule: .ignore, reason: "r")
        let evaluator = PairEvaluator(
            variances: [variance], waivers: [], today: "2026-11-25", expressions: CELVarianceExpressions())
        let report = evaluator.evaluate(
            reference: ("a", reference), mirror: ("b", mirror), diff: EnvironmentDiff(schema: EnvironmentSchema.root))
        #expect(report.gaps.map(\.isFailing) == [false])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let items = mirror.values(
            matching: try #require(ModelPath(parsing: "services[*].ports[*]")), identities: ItemIdentities())
        #expect(items.map(\.path.description) == ["services[api].ports[8443/grpc]"])
    }
}
