import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// Small environments for diff tests: YAML read schema-free into model values, and a
/// schema shaped like the Environment's (named lists, sets, a secret).
enum DiffFixtures {
    static let port = ObjectSchema("Port", "", fields: [
        FieldSchema("port", .int, ""), FieldSchema("protocol", .string, ""),
    ])
    static let service = ObjectSchema("Service", "", fields: [
        FieldSchema("name", .string, ""), FieldSchema("version", .string, ""), FieldSchema("replicas", .int, ""),
        FieldSchema("regions", .list(.string, .set), ""), FieldSchema("ports", .list(.object(port), .set), ""),
        FieldSchema("dbPassword", .string, "", sensitive: true),
        FieldSchema("config", .map(.string), ""),
    ])
    static let external = ObjectSchema("External", "", fields: [
        FieldSchema("name", .string, ""), FieldSchema("endpoint", .string, ""), FieldSchema("mode", .string, ""),
    ])
    static let environment = ObjectSchema("Environment", "", fields: [
        FieldSchema("metadata", .any, ""),
        FieldSchema("regions", .list(.string, .set), ""),
        FieldSchema("services", .list(.object(service), .named(key: "name")), ""),
        FieldSchema("externals", .list(.object(external), .named(key: "name")), ""),
    ])

    static let diff = EnvironmentDiff(schema: environment)

    /// A YAML document as a model value, keeping positions (no schema: strings stay strings
    /// only where YAML says so, which these fixtures respect).
    static func value(_ yaml: String, file: String = "env.yaml") throws -> Value {
        let documents = try YAMLLoader().load(Array(yaml.utf8), file: file)
        return convert(documents[0].root)
    }

    static func convert(_ node: Node) -> Value {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return Value(.null, at: node.location)
            case .bool(let value): return Value(.bool(value), at: node.location)
            case .int(let value): return Value(.int(value), at: node.location)
            case .float(let value):
                return Value(scalar.style == .plain ? .double(value) : .string(scalar.text), at: node.location)
            case .string: return Value(.string(scalar.text), at: node.location)
            }
        case .sequence(let items):
            return Value(.list(items.map(convert)), at: node.location)
        case .mapping(let pairs):
            return Value(
                .object(Fields(pairs.map { ($0.key.scalar?.text ?? "", convert($0.value)) })), at: node.location)
        }
    }

    static let production = """
        metadata: {name: production}
        regions: [eu-west-1, us-east-1, ap-south-1]
        services:
          - name: checkout
            version: "2.4.1"
            replicas: 6
            regions: [eu-west-1, us-east-1]
            ports: [{port: 443, protocol: https}]
            dbPassword: hunter2-prod
            config: {LOG_LEVEL: info}
          - name: search
            version: "1.0.0"
            replicas: 3
        externals:
          - name: payments
            endpoint: https://api.pay.example.com
            mode: live
        """

    static let staging = """
        metadata: {name: staging}
        regions: [eu-west-1]
        services:
          - name: checkout
            version: "2.3.0"
            replicas: 2
            regions: [eu-west-1]
            ports: [{port: 443, protocol: https}, {port: 80, protocol: http}]
            dbPassword: hunter2-staging
            config: {LOG_LEVEL: debug}
          - name: debug-proxy
            version: "0.1.0"
            replicas: 1
        externals:
          - name: payments
            endpoint: https://sandbox.pay.example.com
            mode: sandbox
        """

    /// Regular expressions and predicates for tests that do not exercise them.
    struct NoExpressions: VarianceExpressions {
        struct Unsupported: Error {}
        func matches(_ text: String, pattern: String) throws -> Bool { throw Unsupported() }
        func holds(_ predicate: String, reference: Value?, mirror: Value?, type: SchemaType?) throws -> Bool {
            throw Unsupported()
        }
    }

    static func report(
        _ reference: String = production, _ mirror: String = staging, variances: [Variance] = [],
        waivers: [Waiver] = [],
        today: String = "2026-06-01", expressions: VarianceExpressions = NoExpressions()
    ) throws -> PairReport {
        let evaluator = PairEvaluator(variances: variances, waivers: waivers, today: today, expressions: expressions)
        return evaluator.evaluate(
            reference: ("production", try value(reference, file: "production.yaml")),
            mirror: ("staging", try value(mirror, file: "staging.yaml")), diff: diff)
    }

    static func path(_ text: String) -> ModelPath { ModelPath(parsing: text)! } // tests write valid paths

    /// What the report makes of the gap at `path`, in words tests compare.
    static func status(_ report: PairReport, _ path: String) -> String {
        guard let gap = report.gaps.first(where: { $0.path.description == path }) else { return "no gap" }
        switch gap.status {
        case .failing(let explanation): return "failing" + (explanation.map { ": \($0)" } ?? "")
        case .allowed(let variance): return "allowed by \(variance.rule.name)"
        case .waived(let waiver): return "waived by \(waiver.owner)"
        case .baselined: return "baselined"
        }
    }
}
