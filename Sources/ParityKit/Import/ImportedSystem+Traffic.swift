public import ParityDiagnostics

extension ImportedSystem {
    /// Which way traffic is restricted.
    public enum Direction: String, Sendable {
        case ingress, egress

        /// The field naming the other end: `from` for ingress, `to` for egress.
        var peerField: String { self == .ingress ? "from" : "to" }
    }

    /// Where an item's traffic is restricted, and what gets through: by peer, the ports (nil
    /// for every port) and where the permission is written.
    public struct Traffic: Sendable {
        public var origin: SourceLocation?
        public var note: String?
        public var allowed: [String: Allowance] = [:]
    }

    /// One peer let through.
    public struct Allowance: Sendable {
        public var ports: Set<Int>?
        public var origin: SourceLocation?
        public var note: String?
    }

    /// Marks `item`'s traffic in `direction` as restricted: its list is written, even empty.
    public mutating func isolate(_ item: String, _ direction: Direction, at origin: SourceLocation?, note: String?) {
        let restricted = direction == .ingress ? \ImportedSystem.ingress : \ImportedSystem.egress
        if self[keyPath: restricted][item] == nil {
            self[keyPath: restricted][item] = Traffic(origin: origin, note: note)
        }
    }

    /// Lets `peer` through to (or from) a restricted `item` on `ports` (nil: every port);
    /// several permissions for one peer add up, as NetworkPolicies do.
    public mutating func allow(
        _ item: String, _ direction: Direction, peer: String, ports: Set<Int>?, at origin: SourceLocation?,
        note: String? = nil
    ) {
        let restricted = direction == .ingress ? \ImportedSystem.ingress : \ImportedSystem.egress
        guard var traffic = self[keyPath: restricted][item] else { return }
        if var known = traffic.allowed[peer] {
            known.ports = known.ports.flatMap { old in ports.map { old.union($0) } }
            traffic.allowed[peer] = known
        } else {
            traffic.allowed[peer] = Allowance(ports: ports, origin: origin, note: note)
        }
        self[keyPath: restricted][item] = traffic
    }

    /// The `ingress` or `egress` list of `item`, by peer, for the peers the environment knows.
    func trafficValue(_ item: String, _ direction: Direction) -> ImportedValue? {
        guard let traffic = (direction == .ingress ? ingress : egress)[item] else { return nil }
        let entries = traffic.allowed.filter { Self.trafficWords.contains($0.key) || callable($0.key) }
            .sorted { $0.key < $1.key }.map { peer, allowance in
                var entry = ImportedObject(from: allowance.origin)
                entry.set(direction.peerField, .string(peer, from: allowance.origin, note: allowance.note))
                if let ports = allowance.ports {
                    entry.set(
                        "ports",
                        ImportedValue(.list(ports.sorted().map { .int($0, from: nil) }), from: allowance.origin))
                }
                return entry.value
            }
        return ImportedValue(.list(entries), from: traffic.origin, note: traffic.note)
    }

    /// `internet` and `any`: the peers that are not items.
    static let trafficWords: Set<String> = ["internet", "any"]
}
