/// A container image reference split as an environment writes it: the image, and the
/// version (its tag, with the digest when there is one).
struct ImageReference {
    var image: String
    var version: String?

    init(_ reference: String) {
        var rest = reference
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = String(rest[..<at])
        }
        // A colon after the last slash starts the tag; one before it is a registry's port.
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            image = String(rest[..<colon])
            let tag = String(rest[rest.index(after: colon)...])
            version = digest.map { "\(tag)@\($0)" } ?? tag
        } else {
            image = rest
            version = digest
        }
    }

    /// The image's own name: the last path component, without registry or tag.
    var baseName: String { image.split(separator: "/").last.map(String.init) ?? image }

    /// The datastore the image runs, when it is a well-known engine's image.
    var datastore: (kind: String, engine: String)? {
        let name = baseName.lowercased()
        for (engine, kind, aliases) in Self.engines {
            for alias in aliases where name == alias || name.hasPrefix(alias + "-") {
                return (kind, engine)
            }
        }
        return nil
    }

    private static let engines: [(String, String, [String])] = [
        ("postgres", "database", ["postgres", "postgresql"]), ("mysql", "database", ["mysql"]),
        ("mariadb", "database", ["mariadb"]),
        ("mongodb", "database", ["mongo", "mongodb"]), ("cassandra", "database", ["cassandra"]),
        ("cockroachdb", "database", ["cockroach"]),
        ("elasticsearch", "database", ["elasticsearch"]), ("redis", "cache", ["redis", "valkey"]),
        ("memcached", "cache", ["memcached"]),
        ("rabbitmq", "queue", ["rabbitmq"]), ("kafka", "queue", ["kafka"]), ("nats", "queue", ["nats"]),
        ("minio", "object-store", ["minio"]),
    ]
}
