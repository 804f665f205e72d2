import Foundation
public import ParityDiagnostics

/// Where a repository keeps its files: the spec, the environments folder and the policies
/// folder, with the policy and policy-test files found there. Every command finds them
/// through this one type, so `check`, `lint`, `diff` and `policy test` read the same files.
public struct RepositoryLayout: Sendable {
    /// The repository folder, as a path from the working directory.
    public var root: String
    /// The decoded spec, or the defaults when the repository has none.
    public var spec: ParitySpec
    /// The spec file read, if any.
    public var specFile: String?
    /// Whether the spec was named on the command line (`--config`).
    public var specNamed: Bool
    /// Where the files are read: the disk, or a commit (`parity history`).
    public var fileSystem: any FileSystem = DiskFileSystem()

    /// The folder of environments, as a path from the working directory.
    public var environmentsFolder: String { EnvironmentLoader.join(root, spec.environmentsFolder) }
    /// The folder of policies and their tests, as a path from the working directory.
    public var policiesFolder: String { EnvironmentLoader.join(root, spec.policiesFolder) }

    /// The layout of the repository at `root`, or of the spec `config` names (whose folders
    /// are then relative to the spec's own folder), with the spec's problems. From a folder
    /// inside a repository on disk (`root` "."), the repository is found upward.
    public static func load(root: String = ".", config: String? = nil, sources: SourceStore,
                            fileSystem: any FileSystem = DiskFileSystem()) -> (RepositoryLayout, [Diagnostic]) {
        var root = root
        if let config, root == "." {
            let folder = (config as NSString).deletingLastPathComponent
            root = folder.isEmpty ? "." : folder
        } else if root == ".", fileSystem is DiskFileSystem {
            root = discoverRoot()
        }
        let (spec, diagnostics) = SpecLoader.load(config, root: root, sources: sources, fileSystem: fileSystem)
        let layout = RepositoryLayout(
            root: root, spec: spec, specFile: spec.file, specNamed: config != nil, fileSystem: fileSystem)
        return (layout, diagnostics)
    }

    /// The repository holding `start`, as git finds `.git`: the nearest folder upward with a
    /// `parity.yaml` or an `environments/` folder, else `start` itself; as a relative path
    /// (`../..`), so that every path printed is relative to where the user stands.
    public static func discoverRoot(from start: String = ".") -> String {
        var folder = start
        var seen = Set<String>()
        while seen.insert(Workspace.canonical(folder)).inserted {
            if Workspace.isRepository(folder) { return folder }
            folder = folder == "." ? ".." : folder + "/.."
        }
        return start
    }

    /// The policy files under the policies folder, at any depth (not their tests).
    public var policyFiles: [String] { fileSystem.yamlFiles(under: policiesFolder).filter { !Self.isPolicyTest($0) } }
    /// The policy-test files under the policies folder, at any depth; none without the
    /// folder (the built-in pack runs without one).
    public var policyTestFiles: [String] {
        fileSystem.isDirectory(policiesFolder) ? Self.policyTestFiles(in: [policiesFolder]) : []
    }

    /// The YAML files under `folder`, at any depth, hidden entries skipped, sorted.
    public static func yamlFiles(in folder: String) -> [String] {
        DiskFileSystem().yamlFiles(under: folder)
    }

    /// Whether `path` names a policy test (`*.test.yaml`) rather than a policy.
    public static func isPolicyTest(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return name.hasSuffix(".test.yaml") || name.hasSuffix(".test.yml")
    }

    /// The policies under `folder`, at any depth, sorted.
    public static func policyFiles(in folder: String) -> [String] {
        yamlFiles(in: folder).filter { !isPolicyTest($0) }
    }

    /// The policy tests of `paths`: each folder searched at any depth, each file as given.
    public static func policyTestFiles(in paths: [String]) -> [String] {
        paths.flatMap { path in
            EnvironmentLoader.isDirectory(path) ? yamlFiles(in: path).filter(isPolicyTest) : [path]
        }
    }
}
