import Foundation
public import ParityDiagnostics
import ParityYAML

/// `parity lint`: validates environment, spec and policy files and reports every problem.
public struct Linter {
    /// Where the text of every file read is kept, for rendering diagnostics.
    public let sources: SourceStore
    /// How environments are read (and the loader limits for every file).
    public var loader: EnvironmentLoader
    /// The run's date: with one, a spec's waivers that have expired or expire soon are warned about.
    public var date: RunDate?

    public init(sources: SourceStore, loader: EnvironmentLoader = EnvironmentLoader()) {
        self.sources = sources.maskingSecrets()
        self.loader = loader
    }

    /// Every problem of the repository at `root`: `parity.yaml`, each environment (resolved)
    /// and each file of the policies folder, where the spec puts them; sorted by place, each
    /// reported once.
    public func lintRepository(at root: String = ".") -> [Diagnostic] {
        guard Workspace.isRepository(root) else {
            let place = root == "." ? "this folder" : "'\(root)'"
            return [.error(
                .checkNothingToCheck,
                "\(place) is not an environment repository (it has no environments/ folder and no parity.yaml); "
                    + "name the files to lint",
                at: nil)]
        }
        let (layout, specDiagnostics) = RepositoryLayout.load(root: root, sources: sources)
        return Self.tidy(specDiagnostics + lint(layout))
    }

    /// Every problem of the environments and policies of `layout` (its spec is already read).
    public func lint(_ layout: RepositoryLayout) -> [Diagnostic] {
        let workspace = Workspace(
            root: layout.root, sources: sources, environmentsFolder: layout.spec.environmentsFolder, loader: loader)
        var diagnostics = workspace.diagnostics
        var environments: [String: Value] = [:]
        for resolved in workspace.resolve(workspace.environments) {
            diagnostics += resolved.diagnostics
            if !resolved.diagnostics.containsError {
                environments[resolved.name] = resolved.value
                diagnostics += layout.spec.identities.duplicates(in: resolved.value)
            }
        }
        // The rules a check would run: the built-in pack (unless turned off) and the repository's.
        let rules = PolicySet.load(layout: layout, sources: SourceStore())
        diagnostics += specProblems(layout, workspace: workspace, environments: environments, rules: rules)
        let checker = DocumentChecker(limits: loader.limits)
        for file in RepositoryLayout.yamlFiles(in: layout.policiesFolder) {
            diagnostics += checker.check(file: file, sources: sources)
        }
        if !rules.diagnostics.containsError {
            diagnostics += PolicyTestRunner.unknownRules(
                files: layout.policyTestFiles, ruleIDs: rules.knownIDs, sources: sources)
        }
        for file in layout.planFiles {
            diagnostics +=
                checker.check(file: file, sources: sources) + layout.planReferences(file, workspace: workspace)
        }
        return diagnostics + waiverCalendar(layout.spec)
    }

    /// What the gate would reject of the spec of `layout` before judging anything, asked where
    /// check asks it (folders, pairs), and what it names checked against what exists, without
    /// diffing. `environments` are those that resolved.
    private func specProblems(
        _ layout: RepositoryLayout, workspace: Workspace, environments: [String: Value], rules: PolicySet
    ) -> [Diagnostic] {
        [layout.environmentsProblem(workspace), layout.policiesProblem(files: layout.policyFiles)].compactMap { $0 }
            + layout.pairs(workspace: workspace, environments: environments).1
            + SpecReferences.check(
                layout.spec, environments: environments,
                ruleIDs: rules.diagnostics.containsError ? nil : rules.knownIDs)
    }

    /// `specProblems` of the repository's own spec, linted as a file of its own (the pre-commit
    /// hook names only the files that changed): a spec the gate rejects must not pass the hook.
    private func specProblems(ofRepository layout: RepositoryLayout, workspace: Workspace) -> [Diagnostic] {
        var environments: [String: Value] = [:]
        for resolved in workspace.resolve(workspace.environments) where !resolved.diagnostics.containsError {
            environments[resolved.name] = resolved.value
        }
        let rules = PolicySet.load(layout: layout, sources: SourceStore())
        return specProblems(layout, workspace: workspace, environments: environments, rules: rules)
    }

    /// Every problem of `paths`: files of any kind, folder environments, repository
    /// folders, or the repository's environments or policies folder. Environments extend
    /// others of the repository at `root`.
    public func lint(paths: [String], root: String = ".") -> [Diagnostic] {
        // The folders the repository's spec names; the spec's own problems are its file's.
        let (layout, specLoad) = RepositoryLayout.load(root: root, sources: SourceStore())
        let specFile = layout.specFile.map(Workspace.canonical)
        var workspace: Workspace?
        var diagnostics: [Diagnostic] = []
        for path in paths {
            if EnvironmentLoader.isDirectory(path), Workspace.isRepository(path) {
                diagnostics += lintRepository(at: path)
                continue
            }
            let repository =
                workspace
                ?? Workspace(
                    root: layout.root, sources: sources, environmentsFolder: layout.spec.environmentsFolder,
                    loader: loader)
            workspace = repository
            let isFolder = EnvironmentLoader.isDirectory(path)
            if isFolder, Workspace.canonical(path) == Workspace.canonical(repository.environmentsFolder) {
                diagnostics +=
                    repository.diagnostics + repository.resolve(repository.environments).flatMap(\.diagnostics)
                continue
            }
            if isFolder, Workspace.canonical(path) == Workspace.canonical(layout.policiesFolder) {
                let checker = DocumentChecker(limits: loader.limits)
                diagnostics += RepositoryLayout.yamlFiles(in: path).flatMap {
                    checker.check(file: $0, sources: sources)
                }
                continue
            }
            // Any other folder is one environment written as several files.
            if isFolder || repository.source(containing: path) != nil {
                diagnostics += repository.resolve(repository.load(path: path)).diagnostics
                continue
            }
            // A loose file: an environment (which may extend the repository's) or another kind.
            let bytes: [UInt8]
            do {
                bytes = try YAMLLoader.read(path, limit: loader.limits.maxFileBytes)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            let documents = (try? YAMLLoader(limits: loader.limits, strictTags: true).load(bytes, file: path)) ?? []
            if documents.contains(where: { $0.root["kind"]?.scalar?.text == FileKind.environment.name }) {
                diagnostics += repository.resolve(repository.load(path: path)).diagnostics
            } else {
                diagnostics += DocumentChecker(limits: loader.limits).check(bytes, file: path, sources: sources)
                if documents.contains(where: { $0.root["kind"]?.scalar?.text == FileKind.paritySpec.name }) {
                    let (spec, problems) = SpecLoader.load(
                        path, root: (path as NSString).deletingLastPathComponent, sources: SourceStore())
                    if !problems.containsError { diagnostics += waiverCalendar(spec) }
                    if Workspace.canonical(path) == specFile, !specLoad.containsError {
                        diagnostics += specProblems(ofRepository: layout, workspace: repository)
                    }
                }
                if documents.contains(where: { $0.root["kind"]?.scalar?.text == FileKind.migrationPlan.name }) {
                    diagnostics += layout.planReferences(path, workspace: repository)
                }
            }
        }
        return Self.tidy(diagnostics)
    }

    /// Waivers of `spec` past their last day, or within the spec's warning horizon of it.
    private func waiverCalendar(_ spec: ParitySpec) -> [Diagnostic] {
        guard let date else { return [] }
        return spec.waivers.compactMap {
            $0.expiredWarning(on: date.day) ?? $0.expiringWarning(on: date.day, warnWithin: spec.schedule.warnWithin)
        }
    }

    /// Sorted by place, each diagnostic once (an inherited problem is found from every child).
    static func tidy(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.sortedByLocation()
    }
}
