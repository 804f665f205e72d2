import Foundation
public import ParityDiagnostics
import ParityYAML

/// `parity import kubernetes|compose FILE|DIR...`: an Environment written from what a team
/// already has, every value commented with the source line it came from, and a warning at
/// the source for everything not mapped.
public struct ImportRun {
    public let sources: SourceStore

    public init(sources: SourceStore) {
        self.sources = sources
    }

    public enum Format: String, Sendable, CaseIterable {
        case kubernetes, compose
    }

    public struct Options: Sendable {
        public var format: Format
        /// Files or folders, relative to `root`; comments and diagnostics name them as given.
        public var paths: [String]
        public var root = "."
        /// The environment's name; by default the name of the folder holding the first input.
        public var name: String?
        public var tier = "production"
        public var owner: String?
        /// A file, or a folder (existing, or written with a trailing slash) to write the
        /// environment into as one file per section; nil: the text is the report.
        public var output: String?
        /// Replace output files that exist.
        public var force = false

        public init(format: Format, paths: [String]) {
            self.format = format
            self.paths = paths
        }
    }

    /// What the import produced: the environment's text (one file), and the files written.
    public struct Report: Sendable {
        public var name: String
        public var text: String
        public var written: [String]
    }

    public func run(_ options: Options) -> Outcome<Report> {
        var diagnostics: [Diagnostic] = []
        guard EnvironmentSchema.tiers.contains(options.tier) else {
            return .invalid([
                .error(
                    .importInvalid,
                    "unknown tier '\(options.tier)'; use one of \(EnvironmentSchema.tiers.joined(separator: ", "))",
                    at: nil)
            ])
        }
        let files = inputFiles(options, diagnostics: &diagnostics)
        var documents: [YAMLDocument] = []
        let loader = YAMLLoader(strictTags: false)
        for file in files {
            do {
                let bytes = try YAMLLoader.read(
                    EnvironmentLoader.join(options.root, file), limit: LoaderLimits.default.maxFileBytes)
                // Quoted lines hide what compose and Kubernetes keep secret, not only Parity's fields.
                sources.register(file, bytes: bytes, secrets: Self.secretRegions)
                documents += try loader.load(bytes, file: file)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard !diagnostics.containsError else { return .invalid(diagnostics) }
        let (system, found) =
            switch options.format {
            case .kubernetes: KubernetesImporter().read(documents)
            case .compose: ComposeImporter(project: Self.defaultName(options)).read(documents)
            }
        diagnostics += found
        if system.services.isEmpty, system.datastores.isEmpty {
            let what = options.format == .kubernetes ? "no Deployment, StatefulSet or DaemonSet" : "no service"
            diagnostics.append(
                .warning(
                    .importInvalid,
                    "\(what) in \(files.joined(separator: ", ")); the environment has none (is this \(options.format == .kubernetes ? "a set of Kubernetes manifests" : "a compose file")?)",
                    at: files.first.map { .file($0) }))
        }
        let name = options.name ?? Self.defaultName(options)
        let sections = system.sections(metadata: metadata(name: name, options))
        let header = [
            "Imported by parity import \(options.format.rawValue) from \(files.joined(separator: ", ")).",
            "Each value names the file and line it came from; review the owner and tier.",
        ]
        let writer = EnvironmentWriter()
        let text = writer.file(header: header, sections: sections)
        var written: [String] = []
        if let output = options.output {
            let folder =
                output.hasSuffix("/") || EnvironmentLoader.isDirectory(EnvironmentLoader.join(options.root, output))
            let targets: [(String, String)] =
                folder
                ? Self.folderFiles(sections, header: header, writer: writer).map {
                    (EnvironmentLoader.join(output, $0.0), $0.1)
                }
                : [(output, text)]
            if folder {
                try? FileManager.default.createDirectory(
                    atPath: EnvironmentLoader.join(options.root, output), withIntermediateDirectories: true)
            }
            let inputs = Set(files.map { Self.canonical(EnvironmentLoader.join(options.root, $0)) })
            for (path, _) in targets where inputs.contains(Self.canonical(EnvironmentLoader.join(options.root, path))) {
                diagnostics.append(
                    .error(
                        .importOutputExists,
                        "'\(path)' is an input of this import; write the environment somewhere else", at: .file(path)))
            }
            for (path, _) in targets
            where !options.force && FileManager.default.fileExists(atPath: EnvironmentLoader.join(options.root, path)) {
                diagnostics.append(
                    .error(
                        .importOutputExists, "'\(path)' exists; not overwriting it (pass --force to replace it)",
                        at: .file(path)))
            }
            guard !diagnostics.containsError else { return .invalid(diagnostics) }
            for (path, contents) in targets {
                do {
                    try AtomicFile.write(contents, to: EnvironmentLoader.join(options.root, path))
                    written.append(path)
                } catch {
                    diagnostics.append(error)
                }
            }
        }
        return Outcome(
            report: Report(name: name, text: text, written: written), diagnostics: diagnostics, failing: false)
    }

    private func metadata(name: String, _ options: Options) -> ImportedValue {
        var metadata = ImportedObject(from: nil)
        metadata.set(
            "name",
            .string(name, from: nil, note: options.name == nil ? "the input's folder; set with --name" : "--name"))
        metadata.set("tier", .string(options.tier, from: nil, note: "set with --tier"))
        metadata.set(
            "owner",
            .string(
                options.owner ?? "unassigned", from: nil,
                note: options.owner == nil ? "set the owning team with --owner" : "--owner"))
        return metadata.value
    }

    /// The files the paths name: a folder stands for its YAML files (for compose, its compose
    /// file and the override file beside it, as `docker compose` reads a folder).
    private func inputFiles(_ options: Options, diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        for path in options.paths {
            let full = EnvironmentLoader.join(options.root, path)
            guard EnvironmentLoader.isDirectory(full) else {
                files.append(path)
                continue
            }
            let found: [String]
            switch options.format {
            case .kubernetes:
                found = Self.yamlFiles(under: full).map { EnvironmentLoader.join(path, $0) }
            case .compose:
                // The first compose file docker compose would read, then its override file.
                let exists = { (name: String) in
                    FileManager.default.fileExists(atPath: EnvironmentLoader.join(full, name))
                }
                let base = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]
                    .first(where: exists)
                let override = base.flatMap { base in
                    let stem = base.hasPrefix("docker-") ? "docker-compose" : "compose"
                    return ["\(stem).override.yaml", "\(stem).override.yml"].first(where: exists)
                }
                found = [base, override].compactMap { $0 }.map { EnvironmentLoader.join(path, $0) }
            }
            if found.isEmpty {
                let what = options.format == .compose ? "no compose.yaml or docker-compose.yml" : "no .yaml files"
                diagnostics.append(.error(.ioUnreadable, "\(what) in the folder '\(path)'", at: .file(path)))
            }
            files += found
        }
        return files
    }

    /// YAML files below `folder`, sorted, as paths relative to it.
    /// Listed by the bytes of their names (`FileName`), so a manifest named in bytes that are
    /// not UTF-8 is imported like any other; hidden entries skipped, links to folders not followed.
    private static func yamlFiles(under folder: String, as prefix: String = "") -> [String] {
        let disk = DiskFileSystem()
        var found: [String] = []
        for name in disk.entries(of: folder) {
            let path = EnvironmentLoader.join(folder, name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            if FileName.kind(of: path, followingLinks: false).isDirectory {
                found += yamlFiles(under: path, as: relative)
            } else if EnvironmentLoader.isYAML(name), !disk.isDirectory(path) {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// The environment as a folder: `environment.yaml` with the metadata, then a file per section.
    private static func folderFiles(_ sections: [(String, ImportedValue)], header: [String], writer: EnvironmentWriter)
        -> [(String, String)]
    {
        sections.map { section in
            let file = section.0 == "metadata" ? "environment.yaml" : "\(section.0).yaml"
            return (file, writer.file(header: section.0 == "metadata" ? header : [], sections: [section]))
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The name of the folder holding the first input, as an environment name.
    static func defaultName(_ options: Options) -> String {
        guard let first = options.paths.first else { return "imported" }
        let full = EnvironmentLoader.join(options.root, first)
        let url = URL(fileURLWithPath: full).standardizedFileURL
        let folder = EnvironmentLoader.isDirectory(full) ? url : url.deletingLastPathComponent()
        let name = folder.lastPathComponent.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return name.isEmpty || String(name) == "/" ? "imported" : String(name)
    }
}
