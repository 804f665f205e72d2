import ParityKit

/// `parity schema`: the JSON Schema of the file formats, for editors; `--report`: of the check report.
enum SchemaCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        context.out((arguments.flag("report") ? CheckReportSchema.schema() : JSONSchemaGenerator.schema()).pretty)
        return .passed
    }
}
