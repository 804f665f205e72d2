public import ParityDiagnostics
import ParityYAML

extension RepositoryLayout {
    /// The folder of migration plans, as a path from the working directory.
    public var migrationsFolder: String { EnvironmentLoader.join(root, "migrations") }

    /// The plan files under the migrations folder, at any depth.
    public var planFiles: [String] { RepositoryLayout.yamlFiles(in: migrationsFolder) }

    /// Problems of the plan at `file` that need the repository: environments it names that do
    /// not exist, rollback references that name no procedure. Nothing when the file is not a
    /// plan (its own problems are reported by its document check).
    public func planReferences(_ file: String, workspace: Workspace) -> [Diagnostic] {
        guard let documents = try? YAMLLoader(strictTags: true).loadFile(file), let root = documents.first?.root,
              root["kind"]?.scalar?.text == FileKind.migrationPlan.name else { return [] }
        return PlanLoader.references(of: SchemaDecoder().decode(root, as: PlanSchema.root).value, in: workspace)
    }
}
