import ParityKit

/// `parity schema`: the JSON Schema of the file formats, for editors.
enum SchemaCommand {
    @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> RunStatus {
        context.out(JSONSchemaGenerator.schema().pretty)
        return .passed
    }
}
