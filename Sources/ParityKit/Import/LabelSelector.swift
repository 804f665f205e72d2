import ParityDiagnostics
import ParityYAML

/// A Kubernetes label selector: `matchLabels` and `matchExpressions` (In, NotIn, Exists,
/// DoesNotExist), all of which must hold; an empty selector selects everything.
struct LabelSelector {
    struct Requirement {
        var key: String
        var operation: String
        var values: Set<String>
    }

    var requirements: [Requirement] = []

    /// The selector written at `mapping`, its keys marked as read; a diagnostic for an
    /// operator Kubernetes does not have (the selector then selects nothing).
    init(_ mapping: SourceMapping?, diagnostics: inout [Diagnostic]) {
        guard let mapping else { return }
        for pair in mapping.take("matchLabels")?.mapping ?? [] {
            guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text else { continue }
            requirements.append(Requirement(key: key, operation: "In", values: [value]))
        }
        for node in mapping.take("matchExpressions")?.sequence ?? [] {
            guard let key = node["key"]?.scalar?.text, let operation = node["operator"]?.scalar?.text else { continue }
            let values = Set((node["values"]?.sequence ?? []).compactMap { $0.scalar?.text })
            guard ["In", "NotIn", "Exists", "DoesNotExist"].contains(operation) else {
                diagnostics.append(
                    .warning(
                        .importInvalid,
                        "unknown selector operator '\(operation)' in \(mapping.context); write In, NotIn, Exists or DoesNotExist (it selects nothing here)",
                        at: node["operator"]?.location ?? node.location))
                requirements.append(Requirement(key: key, operation: "In", values: []))
                continue
            }
            requirements.append(Requirement(key: key, operation: operation, values: values))
        }
    }

    /// Whether `labels` satisfy every requirement.
    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            let value = labels[requirement.key]
            switch requirement.operation {
            case "In": return value.map { requirement.values.contains($0) } ?? false
            case "NotIn": return value.map { !requirement.values.contains($0) } ?? true
            case "Exists": return value != nil
            default: return value == nil
            }
        }
    }
}
