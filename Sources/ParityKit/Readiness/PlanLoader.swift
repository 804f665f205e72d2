import Foundation
public import ParityDiagnostics
import ParityYAML

/// Reads a `MigrationPlan` file: YAML, header, schema, the plan's own checks, and (given the
/// repository) the references to its environments and their rollback procedures.
public enum PlanLoader {
    /// The plan at `path`, or nil and the diagnostics that say why it cannot be judged.
    public static func load(_ path: String, sources: SourceStore) -> (MigrationPlan?, [Diagnostic]) {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader(strictTags: true).loadFile(path, sources: sources)
        } catch {
            return (nil, error.diagnostics)
        }
        guard let root = documents.first?.root else {
            return (
                nil,
                [
                    .error(
                        .schemaMissingField,
                        "'\(path)' is empty; a plan needs apiVersion: parity/v1 and kind: MigrationPlan",
                        at: .file(path))
                ]
            )
        }
        var diagnostics = DocumentChecker().check(root, sources: sources).diagnostics
        if case (let kind?, _) = DocumentHeader.kind(of: root), kind.name != FileKind.migrationPlan.name {
            diagnostics.append(
                .error(
                    .schemaUnknownKind, "'\(path)' is a \(kind.name), not a MigrationPlan", at: root["kind"]?.location))
        }
        guard !diagnostics.containsError else { return (nil, diagnostics) }
        let decoded = SchemaDecoder().decode(root, as: PlanSchema.root)
        let (plan, _) = MigrationPlan.from(decoded.value, file: path, locator: ExpressionLocator(document: root))
        return (plan, diagnostics)
    }

    /// Problems of the plan's references into the repository: environments that do not exist,
    /// rollback references that name no procedure of the rehearsal environment.
    public static func references(of plan: MigrationPlan, in workspace: Workspace) -> (
        rehearsal: ResolvedEnvironment?, diagnostics: [Diagnostic]
    ) {
        let rollbacks = plan.phases.flatMap(\.criteria).compactMap { criterion in
            criterion.rollback.map { (criterion: criterion.name, name: $0, location: criterion.rollbackLocation) }
        }
        return references(
            environments: [(plan.baseline, plan.baselineLocation), (plan.rehearsal, plan.rehearsalLocation)],
            rollbacks: rollbacks, in: workspace)
    }

    /// The same checks on a decoded plan value, which may have other problems.
    public static func references(of value: Value, in workspace: Workspace) -> [Diagnostic] {
        let environments = ["baseline", "rehearsal"].compactMap { field in
            value[field].flatMap { written in written.string.map { ($0, written.location) } }
        }
        guard environments.count == 2 else { return [] }
        var rollbacks: [(criterion: String, name: String, location: SourceLocation?)] = []
        for phase in value["phases"]?.list ?? [] {
            for role in Criterion.Role.allCases {
                for criterion in phase[role.rawValue]?.list ?? [] {
                    guard let name = criterion.name, let rollback = criterion["rollback"],
                        let procedure = rollback.string
                    else { continue }
                    rollbacks.append((name, procedure, rollback.location))
                }
            }
        }
        return references(environments: environments, rollbacks: rollbacks, in: workspace).diagnostics
    }

    private static func references(
        environments: [(String, SourceLocation?)],
        rollbacks: [(criterion: String, name: String, location: SourceLocation?)],
        in workspace: Workspace
    ) -> (rehearsal: ResolvedEnvironment?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for (name, location) in environments where workspace.source(named: name) == nil {
            var unknown = workspace.unknownEnvironment(name)
            unknown.location = location
            diagnostics.append(unknown)
        }
        let rehearsalName = environments[1].0
        guard let rehearsal = workspace.resolve(named: rehearsalName), !rehearsal.diagnostics.containsError else {
            return (nil, diagnostics)
        }
        let procedures = (rehearsal.value["rollback"]?.list ?? []).compactMap(\.name)
        for reference in rollbacks where !procedures.contains(reference.name) {
            let known =
                procedures.isEmpty
                ? "\(rehearsalName) defines none" : "\(rehearsalName) defines \(DocumentHeader.phrase(procedures))"
            diagnostics.append(
                .error(
                    .planUnknownRollback,
                    "criterion '\(reference.criterion)' invokes rollback '\(reference.name)', which \(rehearsalName) does not define\(Suggestion.didYouMean(reference.name, in: procedures)) (\(known))",
                    at: reference.location,
                    notes: [
                        .init(
                            "\(rehearsalName)'s rollback procedures are here", at: rehearsal.value["rollback"]?.location
                        )
                    ]))
        }
        return (rehearsal, diagnostics)
    }

    /// The procedure called `name` in an environment, as a report names it.
    static func rollback(_ name: String?, in environment: Value?) -> RollbackCall? {
        guard let name else { return nil }
        let procedure = environment?["rollback"]?.list?.first { $0.name == name }
        return RollbackCall(
            name: name, strategy: procedure?["strategy"]?.string, runbook: procedure?["runbook"]?.string,
            duration: procedure?["duration"]?.string)
    }
}
