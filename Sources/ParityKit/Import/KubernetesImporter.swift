public import ParityDiagnostics
public import ParityYAML

/// `parity import kubernetes`: workloads (Deployments, StatefulSets, DaemonSets) become
/// services, or datastores when they run a known engine's image; Services are matched to
/// workloads by selector; Ingresses mark ports public; ServiceAccounts, Secrets (by name
/// only), Roles and RoleBindings become access; ConfigMaps fill the configuration that
/// refers to them. Dependencies are inferred from environment variables naming a Service.
public struct KubernetesImporter {
    public init() {}

    /// The system described by `documents`, and a diagnostic for everything not mapped.
    public func read(_ documents: [YAMLDocument]) -> (ImportedSystem, [Diagnostic]) {
        var run = KubernetesRead()
        for document in documents { run.collect(document.root) }
        run.build()
        return (run.system, (run.diagnostics + run.unmapped.diagnostics).sortedByLocation())
    }
}

/// One import: the resources by kind, then the system built from them.
struct KubernetesRead {
    var system = ImportedSystem()
    var diagnostics: [Diagnostic] = []
    let unmapped = UnmappedReport()

    struct Resource {
        var kind: String
        var name: String
        var node: Node
        var mapping: SourceMapping
        var label: String { "\(kind) '\(name)'" }
    }

    var workloads: [Resource] = []
    var services: [Resource] = []
    var ingresses: [Resource] = []
    var configMaps: [String: Resource] = [:]
    var policies: [Resource] = []
    var others: [Resource] = []
    /// Service name -> the workload it selects.
    var serviceTargets: [String: String] = [:]

    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet"]

    mutating func collect(_ node: Node) {
        if node.scalar?.value == .null { return }
        guard node.mapping != nil else {
            diagnostics.append(
                .warning(
                    .importInvalid,
                    "expected a Kubernetes resource (a mapping), found \(node.kindDescription); skipped",
                    at: node.location))
            return
        }
        guard let kind = node["kind"]?.scalar?.text else {
            diagnostics.append(
                .warning(
                    .importInvalid, "a document without 'kind' is not a Kubernetes resource; skipped", at: node.location
                ))
            return
        }
        if kind == "List" || kind.hasSuffix("List") && node["items"] != nil {
            let mapping = unmapped.mapping(node, context: kind)
            _ = mapping.take("apiVersion"); _ = mapping.take("kind")
            if let metadata = mapping.mapping("metadata") { _ = metadata }
            for item in mapping.take("items")?.sequence ?? [] { collect(item) }
            return
        }
        let name = node["metadata"]?["name"]?.scalar?.text ?? ""
        guard !name.isEmpty else {
            diagnostics.append(.warning(.importInvalid, "\(kind) without metadata.name; skipped", at: node.location))
            return
        }
        let mapping = unmapped.mapping(node, context: "\(kind) '\(name)'")
        _ = mapping.take("apiVersion"); _ = mapping.take("kind")
        let resource = Resource(kind: kind, name: name, node: node, mapping: mapping)
        switch kind {
        case _ where Self.workloadKinds.contains(kind): workloads.append(resource)
        case "Service": services.append(resource)
        case "Ingress": ingresses.append(resource)
        case "ConfigMap": configMaps[name] = resource
        case "NetworkPolicy": policies.append(resource)
        default: others.append(resource)
        }
    }

    mutating func build() {
        for workload in workloads { readWorkload(workload) }
        for service in services { readService(service) }
        // Roles before the bindings that grant them.
        for resource in others where !resource.kind.hasSuffix("RoleBinding") { readOther(resource) }
        for resource in others where resource.kind.hasSuffix("RoleBinding") { readOther(resource) }
        for policy in policies { readNetworkPolicy(policy) }
        for ingress in ingresses { readIngress(ingress) }
        for workload in workloads { readEnvironment(of: workload) }
        for (_, configMap) in configMaps.sorted(by: { $0.key < $1.key }) {
            let metadata = configMap.mapping.mapping("metadata")
            _ = metadata?.take("name")
            if configMapsRead.contains(configMap.name) {
                _ = configMap.mapping.take("data")
            } else {
                configMap.mapping.explain("data", "no workload's environment refers to ConfigMap '\(configMap.name)'")
            }
        }
    }

    /// ConfigMaps some environment variable read.
    var configMapsRead = Set<String>()
    /// Per workload name, its pod spec's containers (the first is the service's).
    var containers: [String: [SourceMapping]] = [:]
    /// Per workload name, its pod template's labels.
    var podLabels: [String: [String: String]] = [:]
    /// Per workload name, the service account its pods run as.
    var accounts: [String: Node] = [:]
    /// Per workload name, ports by container port number.
    var ports: [String: [Int: ImportedObject]] = [:]
    /// Per workload name, its containers' port numbers by port name.
    var portNames: [String: [String: Int]] = [:]
}
