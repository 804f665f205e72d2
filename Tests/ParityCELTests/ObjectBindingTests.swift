import Foundation
import ParityCEL
import Testing
import ParityTestSupport

/// A host object that computes fields on demand and counts how often it is asked.
final class Service: CELObject, @unchecked Sendable {
    // Mutated only through the lock; @unchecked because of the counter.
    private let lock = NSLock()
    private var lookups: [String: Int] = [:]
    let name: String
    let replicas: Int
    let ports: [Port]

    init(name: String, replicas: Int, ports: [Port]) {
        self.name = name
        self.replicas = replicas
        self.ports = ports
    }

    var celTypeName: String { "parity.Service" }
    var celFieldNames: [String] { ["name", "replicas", "ports"] }

    func celField(_ field: String) -> CELValue? {
        lock.withLock { lookups[field, default: 0] += 1 }
        switch field {
        case "name": return .string(name)
        case "replicas": return .int(Int64(replicas))
        case "ports": return .list(ports.map { .object($0) })
        default: return nil
        }
    }

    /// Answered without computing the field, as a host object with costly fields does.
    func celHasField(_ field: String) -> Bool { celFieldNames.contains(field) }

    func lookupCount(_ field: String) -> Int { lock.withLock { lookups[field] ?? 0 } }
}

struct Port: CELObject {
    let number: Int
    let tls: Bool
    var celTypeName: String { "parity.Port" }
    var celFieldNames: [String] { ["number", "tls"] }
    func celField(_ field: String) -> CELValue? {
        switch field {
        case "number": return .int(Int64(number))
        case "tls": return .bool(tls)
        default: return nil
        }
    }
}

@Suite struct ObjectBindingTests {
    let service = Service(name: "api", replicas: 3, ports: [Port(number: 443, tls: true), Port(number: 80, tls: false)])

    @Test func fieldsAreComputedOnlyWhenSelected() throws {
        let value = try eval("self.replicas >= 2", ["self": .object(service)])
        #expect(value.celEquals(true))
        #expect(service.lookupCount("replicas") == 1)
        #expect(service.lookupCount("ports") == 0)
    }

    /// `has()` asks the object's own `celHasField`, never computing the field (a list of
    /// 10,000 services converted for every `has(env.services)` was most of a check's policy time).
    @Test func hasAsksTheObjectWithoutComputingTheField() throws {
        let value = try eval("has(self.ports) && !has(self.owner)", ["self": .object(service)])
        #expect(value.celEquals(true))
        #expect(service.lookupCount("ports") == 0)
    }

    @Test func missingFieldNamesTheField() throws {
        let text = MarkedText("self‸.replcas > 1")
        let error = try #require(celError { _ = try eval(text.source, ["self": .object(service)]) })
        #expect(error.code == .noSuchField)
        #expect(error.message == "no such field 'replcas' on parity.Service")
        #expect(error.location?.column == text.column)
    }

    @Test(arguments: [
        ("self.ports.all(p, p.tls || p.number != 80)", "false"),
        ("self.ports.exists(p, p.tls)", "true"),
        ("self.ports.map(p, p.number)", "[443, 80]"),
        ("has(self.name) && !has(self.image)", "true"),
        ("'name' in self && !('image' in self)", "true"),
        ("self['name']", #""api""#),
        ("size(self)", "3"),
        ("self.all(f, f in ['name', 'replicas', 'ports'])", "true"),
        ("type(self) == type(self) && string(type(self)) == 'parity.Service'", "true"),
        ("self.ports[0]", #"{"number": 443, "tls": true}"#),
        ("self.ports[0] == self.ports[0] && self.ports[0] != self.ports[1]", "true"),
    ])
    func objectsBehaveLikeMaps(_ source: String, _ expected: String) throws {
        #expect(try eval(source, ["self": .object(service)]).celLiteral == expected)
    }

    @Test func eagerValuesAreEasyToBuild() throws {
        let env: CELValue = ["services": [["name": "api", "replicas": 2]], "tier": "staging"]
        #expect(try eval("env.services[0].replicas == 2 && env.tier == 'staging'", ["env": env]).celEquals(true))
        let map = CELMap(["b": 2, "a": 1])
        #expect(CELValue.map(map).celLiteral == #"{"a": 1, "b": 2}"#)
    }
}
