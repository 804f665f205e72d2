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
            return (nil, [.error(.schemaMissingField, "'\(path)' is empty; a plan needs apiVersion: parity/v1 and kind: MigrationPlan", at: .file(path))])
        }
        var diagnostics = DocumentChecker().check(root, sources: sources).diagnostics
        if case (let kind?, _) = DocumentHeader.kind(of: root), kind.name != FileKind.migrationPlan.name {
            diagnostics.append(.error(.schemaUnknownKind, "'\(path)' is a \(kind.name), not a MigrationPlan", at: root["kind"]?.location))
        }
        guard !diagnostics.containsError else { return (nil, diagnostics) }
        let decoded = SchemaDecoder().decode(root, as: PlanSchema.root)
        let (plan, _) = MigrationPlan.from(decoded.value, file: path, locator: ExpressionLocator(sources: sources))
        return (plan, diagnostics)
    }

    /// Problems of the plan's references into the repository: environments that do not exist,
    /// rollback references that name no procedure of the rehearsal environment.
    public static func references(of plan: MigrationPlan, in workspace: Workspace) -> (rehearsal: ResolvedEnvironment?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for (name, location) in [(plan.baseline, plan.baselineLocation), (plan.rehearsal, plan.rehearsalLocation)] where workspace.source(named: name) == nil {
            var unknown = workspace.unknownEnvironment(name)
            unknown.location = location
            diagnostics.append(unknown)
        }
        guard let rehearsal = workspace.resolve(named: plan.rehearsal), !rehearsal.diagnostics.containsError else {
            return (nil, diagnostics)
        }
        let procedures = (rehearsal.value["rollback"]?.list ?? []).compactMap(\.name)
        for phase in plan.phases {
            for criterion in phase.criteria {
                guard let name = criterion.rollback, !procedures.contains(name) else { continue }
                let known = procedures.isEmpty ? "it defines none" : "it defines \(DocumentHeader.phrase(procedures))"
                diagnostics.append(.error(
                    .planUnknownRollback,
                    "criterion '\(criterion.name)' invokes rollback '\(name)', which \(plan.rehearsal) does not define\(Suggestion.didYouMean(name, in: procedures)); \(known)",
                    at: criterion.rollbackLocation, notes: [.init("\(plan.rehearsal)'s rollback procedures are here", at: rehearsal.value["rollback"]?.location)]))
            }
        }
        return (rehearsal, diagnostics)
    }

    /// The procedure called `name` in an environment, as a report names it.
    static func rollback(_ name: String?, in environment: Value?) -> RollbackCall? {
        guard let name else { return nil }
        let procedure = environment?["rollback"]?.list?.first { $0.name == name }
        return RollbackCall(name: name, strategy: procedure?["strategy"]?.string, runbook: procedure?["runbook"]?.string,
                            duration: procedure?["duration"]?.string)
    }
}
