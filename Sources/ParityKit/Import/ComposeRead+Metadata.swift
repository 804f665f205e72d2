import ParityDiagnostics
import ParityYAML

extension ComposeRead {
    /// `labels`, as a list of `KEY=VALUE` or a mapping.
    func readLabels(_ service: SourceMapping) -> ImportedValue? {
        guard let node = service.take("labels") else { return nil }
        var labels: [(String, ImportedValue)] = []
        for item in node.sequence ?? [] {
            guard let text = item.scalar?.text else { continue }
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            labels.append((String(parts[0]), .string(parts.count > 1 ? String(parts[1]) : "", from: item.location)))
        }
        for pair in node.mapping ?? [] {
            guard let key = pair.key.scalar?.text else { continue }
            let text = pair.value.scalar.map { $0.value == .null ? "" : $0.text } ?? ""
            labels.append((key, .string(text, from: pair.value.location)))
        }
        return labels.isEmpty ? nil : ImportedValue(.object(labels), from: node.location)
    }

    /// `user`, `read_only`, `privileged`, `cap_add`, `cap_drop` and `no-new-privileges` in
    /// `security_opt`: how the service's processes run.
    func readSecurity(_ service: SourceMapping) -> ImportedValue? {
        // Several keys of the service, none of them the section's own place: no comment on it.
        var object = ImportedObject(from: nil)
        if let node = service.take("user"), let text = node.scalar?.text {
            let user = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
            if let id = Int(user) {
                object.set("runAsNonRoot", .bool(id != 0, from: node.location, note: "user \(id)"))
                object.set("runAsUser", .int(id, from: node.location))
            } else {
                object.set(
                    "runAsNonRoot",
                    .bool(
                        user != "root", from: node.location,
                        note: user == "root" ? "user root" : "assumed: user '\(user)' is not root"))
            }
        }
        for (key, field) in [("read_only", "readOnlyRootFilesystem"), ("privileged", "privileged")] {
            guard let node = service.take(key) else { continue }
            if case .bool(let flag)? = node.scalar?.value { object.set(field, .bool(flag, from: node.location)) }
        }
        for (key, field) in [("cap_add", "addCapabilities"), ("cap_drop", "dropCapabilities")] {
            let names = (service.take(key)?.sequence ?? []).compactMap { node in
                node.scalar.map { ImportedValue.string($0.text, from: node.location) }
            }
            if !names.isEmpty { object.set(field, ImportedValue(.list(names), from: service.node[key]?.location)) }
        }
        let options = service.node["security_opt"]?.sequence ?? []
        let privileges = options.first { ($0.scalar?.text ?? "").hasPrefix("no-new-privileges") }
        if let privileges, let text = privileges.scalar?.text {
            let off = text.hasSuffix(":false") || text.hasSuffix("=false")
            object.set(
                "allowPrivilegeEscalation", .bool(off, from: privileges.location, note: "security_opt \(text)"))
        }
        if options.count == (privileges == nil ? 0 : 1) {
            _ = service.take("security_opt")
        } else {
            service.explain(
                "security_opt",
                "parity records no kernel security profiles (seccomp, AppArmor, SELinux labels); no-new-privileges was imported"
            )
        }
        return object.fields.isEmpty ? nil : object.ordered(as: EnvironmentSchema.serviceSecurity)
    }
}
