import ParityDiagnostics
import ParityYAML

extension KubernetesRead {
    /// A workload's labels: its pod template's (what selectors see), then those only its own
    /// metadata writes; where the two disagree the pod's value is kept and the other noted.
    func readLabels(workload: SourceMapping?, pod: Node?) -> ImportedValue? {
        var labels: [(String, ImportedValue)] = []
        var seen: [String: Int] = [:]
        for pair in pod?.mapping ?? [] {
            guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text, seen[key] == nil else {
                continue
            }
            seen[key] = labels.count
            labels.append((key, .string(value, from: pair.value.location)))
        }
        for pair in workload?.take("labels")?.mapping ?? [] {
            guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text else { continue }
            if let index = seen[key] {
                if labels[index].1.text != value {
                    labels[index].1.note = "the pod's label; the workload's own metadata says '\(value)'"
                }
                continue
            }
            seen[key] = labels.count
            labels.append((key, .string(value, from: pair.value.location)))
        }
        return labels.isEmpty ? nil : ImportedValue(.object(labels), from: (pod ?? workload?.node)?.location)
    }

    /// The pod's and the container's security context (the container's winning, as in
    /// Kubernetes): who the processes run as, their privileges and the root file system.
    func readSecurity(pod: SourceMapping?, container: SourceMapping?) -> ImportedValue? {
        var object = ImportedObject(from: (container ?? pod)?.node.location)
        for (context, level) in [(pod, "the pod's"), (container, nil)] {
            guard let context else { continue }
            for key in ["runAsNonRoot", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation"] {
                guard let node = context.take(key) else { continue }
                if case .bool(let flag)? = node.scalar?.value {
                    object.set(key, .bool(flag, from: node.location, note: level))
                }
            }
            if let node = context.take("runAsUser"), let user = node.scalar.flatMap(Self.int) {
                object.set("runAsUser", .int(user, from: node.location, note: level))
            }
            if let capabilities = context.mapping("capabilities") {
                for (key, field) in [("add", "addCapabilities"), ("drop", "dropCapabilities")] {
                    let names = (capabilities.take(key)?.sequence ?? []).compactMap { node in
                        node.scalar.map { ImportedValue.string($0.text, from: node.location) }
                    }
                    if !names.isEmpty {
                        object.set(field, ImportedValue(.list(names), from: capabilities.node[key]?.location))
                    }
                }
            }
            for (key, reason) in Self.securityReasons { context.explain(key, reason) }
        }
        return object.fields.isEmpty ? nil : object.ordered(as: EnvironmentSchema.serviceSecurity)
    }

    /// Why the rest of a security context is not imported.
    private static let securityReasons = [
        ("runAsGroup", "parity's security records the user the processes run as, not their group"),
        ("fsGroup", "parity records no ownership of mounted volumes"),
        ("fsGroupChangePolicy", "parity records no ownership of mounted volumes"),
        ("supplementalGroups", "parity's security records the user the processes run as, not their groups"),
        ("seccompProfile", "parity records no kernel security profiles (seccomp, SELinux, AppArmor)"),
        ("seLinuxOptions", "parity records no kernel security profiles (seccomp, SELinux, AppArmor)"),
        ("appArmorProfile", "parity records no kernel security profiles (seccomp, SELinux, AppArmor)"),
        ("sysctls", "parity records no kernel parameters"),
        ("procMount", "parity records no /proc mount type"),
        ("windowsOptions", "parity describes Linux containers' security"),
    ]

    /// Annotations configure the tools that read an object; the environment records labels.
    static let annotationReason =
        "annotations configure the tools that read the object (a mesh, an operator); parity records labels, not annotations"
}
