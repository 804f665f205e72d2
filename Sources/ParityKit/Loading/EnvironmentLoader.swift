import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads an environment from a file or a folder of files: loads the YAML, checks each
/// document's header, decodes it, and combines the documents into one value.
public struct EnvironmentLoader: Sendable {
    /// Bounds on every file read.
    public var limits: LoaderLimits
    /// Where the files are read from.
    public var fileSystem: any FileSystem

    public init(limits: LoaderLimits = .default, fileSystem: any FileSystem = DiskFileSystem()) {
        self.limits = limits
        self.fileSystem = fileSystem
    }

    /// The environment at `path` (a `.yaml` file, or a folder of them), registering every
    /// file read with `sources`.
    public func load(_ path: String, sources: SourceStore) -> EnvironmentSource {
        load(path, sources: sources, parsed: [:])
    }

    /// The environments at `paths`, their files parsed on every core first: files have no
    /// order between them until composition, which runs after, in order, as `load` does.
    /// Files read from elsewhere than the disk (a commit, through a cache) are parsed in turn.
    public func load(_ paths: [String], sources: SourceStore) -> [EnvironmentSource] {
        guard fileSystem is DiskFileSystem else { return paths.map { load($0, sources: sources) } }
        let files = paths.flatMap { fileSystem.isDirectory($0) ? yamlFiles(in: $0) : [$0] }
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let order = files.indices.sorted { sizes[$0] > sizes[$1] }  // the largest first, so the cores finish together
        let results = Parallel.map(order.count) { parse(files[order[$0]]) }
        let parsed = Dictionary(zip(order.map { files[$0] }, results)) { first, _ in first }
        return paths.map { load($0, sources: sources, parsed: parsed) }
    }

    private func load(_ path: String, sources: SourceStore, parsed preparsed: [String: ParsedFile]) -> EnvironmentSource
    {
        let files = fileSystem.isDirectory(path) ? yamlFiles(in: path) : [path]
        var diagnostics: [Diagnostic] = []
        var declared: Value?
        for file in files {
            let parsed = preparsed[file] ?? fileSystem.parsed(file, kind: "environment") { parse(file) }
            // The store hides secrets when it quotes a line.
            if let bytes = parsed.bytes {
                sources.register(file, bytes: bytes)
            } else if let fingerprint = parsed.fingerprint {
                sources.register(file, fingerprint: fingerprint) { [fileSystem, limits] in
                    try? fileSystem.read(file, limit: limits.maxFileBytes)
                }
            }
            diagnostics += parsed.diagnostics
            for document in parsed.documents {
                diagnostics += document.diagnostics
                guard let value = document.value else { continue }
                if var combined = declared {
                    Composition.combine(
                        &combined, with: value, schema: EnvironmentSchema.root, diagnostics: &diagnostics)
                    declared = combined
                } else {
                    declared = value
                }
            }
        }
        if files.isEmpty {
            let problem = fileSystem.listingProblem(of: path).map { "cannot read the environment folder '\(path)': \($0)" }
            diagnostics.append(
                .error(.ioUnreadable, problem ?? "no .yaml files in the environment folder '\(path)'", at: .file(path)))
        } else if declared == nil, diagnostics.isEmpty {
            diagnostics.append(
                .error(
                    .schemaMissingField,
                    "no document in '\(path)'; write an environment, starting apiVersion: parity/v1 and kind: Environment",
                    at: .file(path)))
        }
        return EnvironmentSource(path: path, files: files, declared: declared, diagnostics: diagnostics)
    }

    /// One file of an environment, read and decoded: what does not depend on the other files.
    struct ParsedFile: Sendable {
        /// The file's bytes; nil when it could not be read, or when it was decoded with
        /// nothing to say and only its `fingerprint` is kept.
        var bytes: [UInt8]?
        /// What tells the file's bytes from another version's, for the store to read them again.
        var fingerprint: SourceStore.Fingerprint?
        /// Problems reading or parsing the file as a whole.
        var diagnostics: [Diagnostic] = []
        /// Each document's problems and, for an Environment, its decoded value.
        var documents: [(diagnostics: [Diagnostic], value: Value?)] = []

        /// Every document's value, when nothing at all was found wrong.
        var valuesWithoutProblems: [Value]? {
            guard diagnostics.isEmpty, documents.allSatisfy(\.diagnostics.isEmpty) else { return nil }
            let values = documents.compactMap(\.value)
            return values.count == documents.count ? values : nil
        }
    }

    private func parse(_ file: String) -> ParsedFile {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(file, limit: limits.maxFileBytes)
        } catch {
            return ParsedFile(bytes: nil, diagnostics: error.diagnostics)
        }
        // A file with nothing to say is decoded from the parser's events, with no node tree
        // between; any other is read through the tree, which says what is wrong. The bytes of
        // such a file are let go at once (they are as large as its model), to be read again
        // should a later diagnostic quote a line of it.
        if let values = EventDecoder.environments(in: bytes, file: file, limits: limits) {
            return ParsedFile(fingerprint: SourceStore.Fingerprint(bytes), documents: values.map { ([], $0) })
        }
        return Self.parsedByTree(bytes, file: file, limits: limits)
    }

    /// `bytes`, read from `file`, through the node tree: every problem found, and each document's value.
    static func parsedByTree(_ bytes: [UInt8], file: String, limits: LoaderLimits) -> ParsedFile {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader(limits: limits, strictTags: true).load(bytes, file: file)
        } catch {
            return ParsedFile(bytes: bytes, diagnostics: error.diagnostics)
        }
        var parsed = ParsedFile(bytes: bytes)
        let decoder = SchemaDecoder(checksRequiredFields: false) { EnvironmentSchema.secretRegions(in: bytes) }
        for document in documents {
            var (kind, diagnostics) = DocumentHeader.kind(of: document.root)
            guard let kind else {
                parsed.documents.append((diagnostics, nil))
                continue
            }
            guard kind.name == FileKind.environment.name else {
                diagnostics.append(
                    .error(
                        .schemaUnknownKind,
                        "expected an Environment in an environment file, found a \(kind.name); move it out of the environments folder",
                        at: document.root["kind"]?.location ?? document.root.location))
                parsed.documents.append((diagnostics, nil))
                continue
            }
            let decoded = decoder.decode(document.root, as: EnvironmentSchema.root)
            parsed.documents.append((diagnostics + decoded.diagnostics, decoded.value))
        }
        return parsed
    }

    /// The `.yaml` and `.yml` files directly in `folder`, sorted by name, hidden files skipped.
    func yamlFiles(in folder: String) -> [String] {
        fileSystem.entries(of: folder).filter { Self.isYAML($0) && !fileSystem.isDirectory(Self.join(folder, $0)) }.map
        { Self.join(folder, $0) }
    }

    static func isDirectory(_ path: String) -> Bool {
        DiskFileSystem().isDirectory(path)
    }

    static func isYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// `folder/name`, without a leading `./` so paths read as people type them.
    static func join(_ folder: String, _ name: String) -> String {
        if folder == "." || folder.isEmpty || name.hasPrefix("/") { return name }
        let joined = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        return joined.hasPrefix("../") ? RelativePath.shortest(joined) : joined
    }
}
