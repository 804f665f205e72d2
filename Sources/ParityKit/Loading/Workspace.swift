import Foundation
public import ParityDiagnostics

/// An environment repository: every environment under its environments folder, found by
/// `metadata.name`, resolved on request.
///
///     let workspace = Workspace(root: ".", sources: sources)
///     let staging = workspace.resolve(named: "staging")   // value + diagnostics
public final class Workspace {
    /// The repository folder.
    public let root: String
    /// Where the text of every file read is kept, for rendering diagnostics.
    public let sources: SourceStore
    /// The folder of environments, as a path from the working directory.
    public let environmentsFolder: String
    /// Every environment found, in folder order.
    public private(set) var environments: [EnvironmentSource] = []
    /// Problems of the repository as a whole (two environments with one name).
    public private(set) var diagnostics: [Diagnostic] = []

    private var byName: [String: Int] = [:]
    let loader: EnvironmentLoader
    /// Environments already resolved, by path: a parent is resolved once, however many
    /// children extend it.
    var resolvedValues: [String: (value: Value, lineage: [String], diagnostics: [Diagnostic])] = [:]

    /// Reads every environment under `root/environmentsFolder`: each `.yaml` file and each
    /// folder of `.yaml` files there is one environment.
    public init(
        root: String = ".", sources: SourceStore = SourceStore(), environmentsFolder: String = "environments",
        loader: EnvironmentLoader = EnvironmentLoader()
    ) {
        self.root = root
        self.sources = sources.maskingSecrets()
        self.loader = loader
        self.environmentsFolder = EnvironmentLoader.join(root, environmentsFolder)
        let paths = loader.fileSystem.entries(of: self.environmentsFolder).compactMap { entry -> String? in
            let path = EnvironmentLoader.join(self.environmentsFolder, entry)
            return EnvironmentLoader.isYAML(entry) || loader.fileSystem.isDirectory(path) ? path : nil
        }
        for source in loader.load(paths, sources: sources) { add(source) }
    }

    /// Whether `folder` looks like an environment repository.
    public static func isRepository(_ folder: String) -> Bool {
        EnvironmentLoader.isDirectory(EnvironmentLoader.join(folder, "environments"))
            || DiskFileSystem().exists(EnvironmentLoader.join(folder, "parity.yaml"))
    }

    private func add(_ source: EnvironmentSource) {
        environments.append(source)
        guard let name = source.name else { return }
        if let first = byName[name] {
            let here = source.declared?["metadata"]?["name"]?.location
            let there = environments[first].declared?["metadata"]?["name"]?.location
            diagnostics.append(.error(
                .modelDuplicateEnvironment, "two environments are named '\(name)'; rename one",
                at: here, notes: [.init("the other '\(name)' is defined here", at: there)]))
        } else {
            byName[name] = environments.count - 1
        }
    }

    /// The names of the environments, sorted.
    public var environmentNames: [String] { byName.keys.sorted() }

    /// The environment named `name`.
    public func source(named name: String) -> EnvironmentSource? {
        byName[name].map { environments[$0] }
    }

    /// The environment read from `path` (its file, its folder, or a file in its folder).
    public func source(containing path: String) -> EnvironmentSource? {
        let wanted = Self.canonical(path)
        return environments.first { source in
            Self.canonical(source.path) == wanted || source.files.contains { Self.canonical($0) == wanted }
        }
    }

    /// The environment at `path`: the repository's own when it is one, else read afresh.
    /// Either way its `extends` resolves against the repository.
    public func load(path: String) -> EnvironmentSource {
        source(containing: path) ?? loader.load(path, sources: sources)
    }

    /// The environment named `name`, resolved; nil when there is none (see `unknownEnvironment`).
    public func resolve(named name: String) -> ResolvedEnvironment? {
        source(named: name).map(resolve)
    }

    /// Why `name` is no environment: the problems of the file that would have been it
    /// (`environments/staging.yaml`, too broken to name itself), else `unknownEnvironment`.
    /// For commands that name one environment and report nothing else of the repository.
    public func problems(naming name: String) -> [Diagnostic] {
        guard let broken = environments.first(where: { $0.name == nil && Self.stem($0.path) == name }),
              broken.diagnostics.containsError else { return [unknownEnvironment(name)] }
        let note = Diagnostic.Note("so '\(broken.path)' defines no environment '\(name)'; fix it and run again")
        return broken.diagnostics.enumerated().map { index, diagnostic in
            var diagnostic = diagnostic
            if index == broken.diagnostics.count - 1 { diagnostic.notes.append(note) }
            return diagnostic
        }
    }

    /// A diagnostic for a name that is no environment, with the closest one.
    public func unknownEnvironment(_ name: String) -> Diagnostic {
        let hint =
            Suggestion.closest(to: name, in: environmentNames).map { "; did you mean '\($0)'?" }
            ?? (environmentNames.isEmpty
                ? "; there are no environments under \(environmentsFolder)"
                : "; the environments are \(DocumentHeader.phrase(environmentNames))")
        return .error(.modelUnknownEnvironment, "no environment or file named '\(name)'\(hint)", at: nil)
    }

    /// `staging` for `environments/staging.yaml` or the folder `environments/staging`.
    static func stem(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return EnvironmentLoader.isYAML(name) ? (name as NSString).deletingPathExtension : name
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
