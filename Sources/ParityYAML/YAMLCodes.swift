public import ParityDiagnostics

extension Diagnostic.Code {
    /// libyaml rejected the syntax.
    public static let yamlSyntax: Self = "yaml.syntax"
    /// The bytes are not valid UTF-8 (or UTF-16 with a byte-order mark), or hold a control character.
    public static let yamlEncoding: Self = "yaml.encoding"
    /// Two equal keys in one mapping.
    public static let yamlDuplicateKey: Self = "yaml.duplicate-key"
    /// A tag outside YAML's standard `!!` set.
    public static let yamlUnknownTag: Self = "yaml.unknown-tag"
    /// A value that does not fit the tag written on it (`!!int abc`).
    public static let yamlTagMismatch: Self = "yaml.tag-mismatch"
    /// An alias to an anchor that is not defined, or that contains the alias.
    public static let yamlBadAlias: Self = "yaml.bad-alias"
    /// A `<<` merge key whose value is not a mapping or a list of mappings.
    public static let yamlBadMerge: Self = "yaml.bad-merge"
    /// A limit of `LoaderLimits` was exceeded.
    public static let yamlLimit: Self = "yaml.limit"
    /// The file could not be read.
    public static let ioUnreadable: Self = "io.unreadable"
}
