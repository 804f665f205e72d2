/// Bounds that turn hostile input into a diagnostic instead of a hang or a crash.
public struct LoaderLimits: Sendable, Hashable {
    /// The largest file read, in bytes.
    public var maxFileBytes: Int
    /// The longest scalar, in bytes.
    public var maxScalarBytes: Int
    /// The deepest nesting of collections.
    public var maxDepth: Int
    /// How many nodes aliases may add to one document, counted as a full walk would visit them.
    public var maxAliasExpansion: Int
    /// How many bytes of scalar text aliases may add to one document: one anchored
    /// megabyte aliased a thousand times is a gigabyte for every reader after the loader.
    public var maxAliasBytes: Int
    /// How many nodes one file may hold, over all its documents (as written; aliases are
    /// counted above).
    public var maxNodes: Int

    public init(
        maxFileBytes: Int = 64 << 20, maxScalarBytes: Int = 4 << 20, maxDepth: Int = 512,
        maxAliasExpansion: Int = 500_000,
        maxAliasBytes: Int = 16 << 20, maxNodes: Int = 1_000_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxScalarBytes = maxScalarBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasBytes = maxAliasBytes
        self.maxNodes = maxNodes
    }

    public static let `default` = LoaderLimits()
}
