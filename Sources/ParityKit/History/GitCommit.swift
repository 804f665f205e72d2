/// One commit as history reports show it.
public struct GitCommit: Sendable, Hashable {
    public var id: String
    public var author: String
    /// The author date, as git writes it (ISO 8601 with offset).
    public var date: String
    public var subject: String

    public init(id: String, author: String, date: String, subject: String) {
        self.id = id
        self.author = author
        self.date = date
        self.subject = subject
    }

    /// The first seven digits of the id, as people quote a commit.
    public var shortID: String { String(id.prefix(7)) }
    /// The calendar day of the author date, `YYYY-MM-DD`.
    public var day: String { String(date.prefix(10)) }
}

/// What one commit changed: each path (relative to the top of the git repository) with the
/// blob it now holds, or nil where the file was deleted.
public struct GitChange: Sendable {
    public var commit: GitCommit
    public var changes: [(path: String, blob: String?)]
}
