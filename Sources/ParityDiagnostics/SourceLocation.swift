import Synchronization

/// A place in a source file: 1-based line and column (columns count Unicode scalars).
///
/// Every YAML node and model value carries one, so it holds no reference: the file is a
/// small number into a table of the run's file names (a handful), not a `String`. Copying a
/// value then retains nothing for its location, and a model value is 40 bytes, not 48.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A file name made into its number once, for a parser that makes millions of locations in one file.
    public struct File: Hashable, Sendable {
        fileprivate let id: UInt32

        public init(_ name: String) {
            id = FileNames.id(of: name)
        }

        fileprivate init(id: UInt32) {
            self.id = id
        }

        /// The file's name, as it was given.
        public var name: String { FileNames.name(of: id) }
    }

    private var storedFile: File
    // Line and column are kept in 32 bits. No file comes near 2^31 lines or columns (the
    // loader's default limit is 64 MiB); beyond, they clamp.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var file: String {
        get { storedFile.name }
        set { storedFile = File(newValue) }
    }

    /// The file as its number: for making more locations in it without looking the name up again.
    public var fileKey: File { storedFile }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: File(file), line: line, column: column)
    }

    public init(file: File, line: Int, column: Int) {
        self.storedFile = file
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// No place at all, for a type that keeps a location inline where an optional would cost it
    /// 8 bytes more (a model value: 32 bytes, not 40). Never shown: such a type reads it as nil.
    public static let nowhere = SourceLocation(file: File(id: .max), line: 0, column: 0)

    /// Whether this is `nowhere`.
    public var isNowhere: Bool { storedFile.id == .max }

    /// A whole file, for problems that have no line (an unreadable file, say).
    public static func file(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// `file:line:col`, the form terminals and editors make clickable; just `file` for a whole file.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// By file name, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.storedFile != b.storedFile { return a.file < b.file }
        return (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}

/// The run's file names, each given a number the first time a location names it. Names are
/// never removed: a run reads a bounded set of files, and a number must stay valid for as
/// long as any location holding it.
private enum FileNames {
    private struct Table {
        var names: [String] = []
        var ids: [String: UInt32] = [:]
    }

    private static let table = Mutex(Table())

    static func id(of name: String) -> UInt32 {
        table.withLock { table in
            if let id = table.ids[name] { return id }
            let id = UInt32(table.names.count)
            table.names.append(name)
            table.ids[name] = id
            return id
        }
    }

    static func name(of id: UInt32) -> String {
        // `nowhere`'s number names no file: it reads as none, should it ever be asked.
        table.withLock { Int(id) < $0.names.count ? $0.names[Int(id)] : "" }
    }
}
