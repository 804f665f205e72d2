import ParityYAML

/// Finds the secrets of documents that writers print as they are.
enum SecretMask {
    /// The secret nodes of a document of a kind Parity reads (none for any other YAML), for
    /// writers that print nodes as they are: `export --raw`, `eval --input`.
    static func secretNodes(of root: Node) -> Set<ObjectIdentifier> {
        guard case (let kind?, _) = DocumentHeader.kind(of: root), let schema = kind.schema else { return [] }
        return Set(SchemaDecoder().decode(root, as: schema).secrets.map(ObjectIdentifier.init))
    }
}
