import ParityDiagnostics
import ParityYAML

/// Compose files merged as `docker compose -f a.yml -f b.yml` merges them (the Compose
/// specification's merge rules): mappings key by key, a later scalar over an earlier one,
/// sequences appended; `command`, `entrypoint` and `healthcheck.test` replaced whole;
/// `environment`, `labels`, `depends_on` and `networks` merged as mappings whichever form
/// each file writes; `ports`, `expose`, `volumes`, `secrets` and `configs` appended but
/// one entry per unique key (a port's address, target, published port and protocol, a
/// mount's target); `!reset` removes a value and `!override` replaces it whole. Every node
/// keeps the place it was written, so comments and warnings name the file each value came from.
enum ComposeMerge {
    /// The files' roots merged in order; nil when there are none.
    static func merge(_ roots: [Node]) -> Node? {
        guard var merged = roots.first else { return nil }
        for next in roots.dropFirst() { merged = merge(merged, next, at: []) ?? merged }
        return merged
    }

    private static let replaced: Set<String> = ["command", "entrypoint"]
    private static let keyedLists: Set<String> = [
        "environment", "labels", "depends_on", "networks", "annotations", "sysctls", "extra_hosts",
    ]
    private static let uniqueValues: Set<String> = [
        "expose", "links", "external_links", "dns", "dns_search", "dns_opt", "cap_add", "cap_drop", "profiles",
        "tmpfs", "env_file",
    ]

    /// `next` merged over `base`, both at `path` (`services`, `web`, `ports`); nil for `!reset`.
    private static func merge(_ base: Node, _ next: Node, at path: [String]) -> Node? {
        if next.tag == "!reset" { return nil }
        if next.tag == "!override" { return Node(next.content, at: next.location) }
        let key = path.last ?? ""
        let inService = path.count == 3 && path[0] == "services"
        if inService, replaced.contains(key) { return next }
        if path.count == 4, path[0] == "services", path[2] == "healthcheck", key == "test" { return next }
        if inService || (path.count == 4 && path[0] == "services" && path[2] == "build" && key == "args") {
            if keyedLists.contains(key) || key == "args" {
                return mergeMappings(keyed(base, key: key), keyed(next, key: key), at: path)
            }
            if uniqueValues.contains(key) {
                return mergeUnique(base, next) { $0.scalar?.text }
            }
            switch key {
            case "ports": return mergeUnique(base, next, by: portKey)
            case "volumes", "devices": return mergeUnique(base, next) { mountTarget($0, default: nil) }
            case "secrets": return mergeUnique(base, next) { mountTarget($0, default: "/run/secrets/") }
            case "configs": return mergeUnique(base, next) { mountTarget($0, default: "/") }
            default: break
            }
        }
        switch (base.content, next.content) {
        case (.mapping, .mapping): return mergeMappings(base, next, at: path)
        case (.sequence(let first), .sequence(let second)): return Node(.sequence(first + second), at: base.location)
        default: return next
        }
    }

    /// Entries of `next` merged over those of `base` with the same key; new keys after the others.
    private static func mergeMappings(_ base: Node, _ next: Node, at path: [String]) -> Node {
        guard var pairs = base.mapping, let others = next.mapping else { return next }
        for pair in others {
            guard let name = pair.key.scalar?.text else { continue }
            guard let index = pairs.firstIndex(where: { $0.key.scalar?.text == name }) else {
                if pair.value.tag != "!reset" { pairs.append(pair) }
                continue
            }
            if let value = merge(pairs[index].value, pair.value, at: path + [name]) {
                // A value replaced whole is the later file's, key and all; a merged one keeps its first place.
                pairs[index] = Node.Pair(key: value === pair.value ? pair.key : pairs[index].key, value: value)
            } else {
                pairs.remove(at: index)
            }
        }
        return Node(.mapping(pairs), at: base.location)
    }

    /// `base`'s entries, each replaced (or merged, both mappings) by an entry of `next` with
    /// the same unique key, then `next`'s new entries.
    private static func mergeUnique(_ base: Node, _ next: Node, by key: (Node) -> String?) -> Node {
        guard var items = base.sequence, let others = next.sequence else { return next }
        for item in others {
            guard let identity = key(item), let index = items.firstIndex(where: { key($0) == identity }) else {
                items.append(item)
                continue
            }
            if items[index].mapping != nil, item.mapping != nil {
                items[index] = mergeMappings(items[index], item, at: [])
            } else {
                items[index] = item
            }
        }
        return Node(.sequence(items), at: base.location)
    }

    /// A `KEY=VALUE` list (or a list of names, for `depends_on` and `networks`) as the mapping
    /// it stands for; a mapping as it is.
    private static func keyed(_ node: Node, key: String) -> Node {
        guard let items = node.sequence else { return node }
        let separator: Character = key == "extra_hosts" ? ":" : "="
        let pairs = items.compactMap { item -> Node.Pair? in
            guard let scalar = item.scalar else { return nil }
            let parts =
                key == "depends_on" || key == "networks"
                ? [Substring(scalar.text)] : scalar.text.split(separator: separator, maxSplits: 1)
            guard let name = parts.first.map(String.init), !name.isEmpty else { return nil }
            let nameNode = Node(.scalar(Scalar(text: name, style: .plain, value: .string)), at: item.location)
            let valueNode: Node
            if parts.count > 1 {
                // The value's own column, when the item is written plain on one line.
                var place = item.location
                if scalar.style == .plain { place.column += name.count + 1 }
                valueNode = Node(.scalar(Scalar(text: String(parts[1]), style: .plain, value: .string)), at: place)
            } else {
                valueNode = Node(.scalar(Scalar(text: "", style: .plain, value: .null)), at: item.location)
            }
            return Node.Pair(key: nameNode, value: valueNode)
        }
        return Node(.mapping(pairs), at: node.location)
    }

    /// A port's unique key: host address, container port, published port and protocol.
    private static func portKey(_ node: Node) -> String? {
        if node.mapping != nil {
            let fields = ["host_ip", "target", "published", "protocol"].map { node[$0]?.scalar?.text ?? "" }
            return fields[0] + "|" + fields[1] + "|" + fields[2] + "|" + (fields[3].isEmpty ? "tcp" : fields[3])
        }
        guard let text = node.scalar?.text else { return nil }
        var rest = Substring(text)
        var transport = "tcp"
        if let slash = rest.lastIndex(of: "/") {
            transport = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let target = parts.last ?? ""
        let published = parts.count > 1 ? parts[parts.count - 2] : ""
        let address = parts.count > 2 ? parts.dropLast(2).joined(separator: ":") : ""
        return address + "|" + target + "|" + published + "|" + transport
    }

    /// Where a volume, device, secret or config is mounted: its `target`, or for a short
    /// entry the part after the first colon (a secret or config: `default` and its name).
    private static func mountTarget(_ node: Node, default prefix: String?) -> String? {
        if node.mapping != nil {
            // A secret's relative target is a name under /run/secrets (a config's, under /).
            if let target = node["target"]?.scalar?.text {
                guard let prefix, !target.hasPrefix("/") else { return target }
                return prefix + target
            }
            guard let prefix, let source = node["source"]?.scalar?.text else { return nil }
            return prefix + source
        }
        guard let text = node.scalar?.text else { return nil }
        if let prefix { return prefix + text }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return String(parts.count > 1 ? parts[1] : parts[0])
    }
}
