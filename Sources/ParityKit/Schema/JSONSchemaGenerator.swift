/// The JSON Schema (draft 2020-12) of Parity's files, generated from the same description
/// that decodes them, for editors and their YAML language servers.
public enum JSONSchemaGenerator {
    /// Where the schema says it lives.
    public static let id = "https://parity.dev/schema/parity-v1.json"

    /// The whole schema: the header every file carries, then each kind's document by `kind`.
    public static func schema(kinds: [FileKind] = FileKind.all) -> JSONValue {
        var definitions = Definitions()
        var branches: [JSONValue] = []
        for kind in kinds {
            guard let schema = kind.schema else { continue }
            definitions.add(schema, whole: false)
            branches.append(
                .object([
                    (
                        "if",
                        .object([
                            ("properties", .object([("kind", .object([("const", .string(kind.name))]))])),
                            ("required", .array([.string("kind")])),
                        ])
                    ),
                    ("then", .object([("$ref", .string("#/$defs/\(schema.name)"))])),
                ]))
        }
        let names = kinds.map(\.name)
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string("Parity files (\(FileKind.apiVersions.joined(separator: ", ")))")),
            (
                "description",
                .string("Environment, ParitySpec and Policy files of an environment repository, as Parity reads them.")
            ),
            ("type", .string("object")),
            ("required", .array([.string("apiVersion"), .string("kind")])),
            (
                "properties",
                .object([
                    (
                        "apiVersion",
                        .object([
                            ("description", .string("The file format version.")),
                            ("enum", .array(FileKind.apiVersions.map(JSONValue.string))),
                        ])
                    ),
                    (
                        "kind",
                        .object([
                            ("description", .string("The kind of file: \(DocumentHeader.phrase(names)).")),
                            ("enum", .array(names.map(JSONValue.string))),
                        ])
                    ),
                ])
            ),
            ("allOf", .array(branches)),
            ("$defs", .object(definitions.ordered.map { ($0, definitions.trees[$0]!) })), // ordered holds the keys of trees
        ])
    }

    /// The object types met so far, each written once under `$defs`.
    private struct Definitions {
        var ordered: [String] = []
        var trees: [String: JSONValue] = [:]
        /// Types met as items of sets and ordered lists, which are always written whole.
        var wholeNames: Set<String> = []
        var schemas: [String: ObjectSchema] = [:]
        var keys: [String: String] = [:]

        mutating func add(_ schema: ObjectSchema, whole: Bool, key: String? = nil) {
            if whole { wholeNames.insert(schema.name) }
            if let key { keys[schema.name] = key }
            let seen = schemas[schema.name] != nil
            schemas[schema.name] = schema
            if !seen {
                ordered.append(schema.name)
                for field in schema.fields { visit(field.type, whole: whole) }
            }
            trees[schema.name] = tree(schema)
        }

        private mutating func visit(_ type: SchemaType, whole: Bool) {
            switch type {
            case .object(let schema): add(schema, whole: whole)
            case .list(let item, .named(let key)):
                if let schema = item.objectSchema { add(schema, whole: whole, key: key) }
            case .list(let item, _): visit(item, whole: true)
            case .map(let item): visit(item, whole: whole)
            default: break
            }
        }

        /// An object written in pieces (a folder's files, an override) need only carry its
        /// identity; one written whole carries every required field.
        private func tree(_ schema: ObjectSchema) -> JSONValue {
            let required: [String]
            if wholeNames.contains(schema.name) {
                required = schema.fields.filter(\.required).map(\.name)
            } else if let key = keys[schema.name] {
                required = [key]
            } else {
                required = schema.name == EnvironmentSchema.root.name ? ["apiVersion", "kind"] : []
            }
            var pairs: [(String, JSONValue)] = [
                ("title", .string(schema.name)),
                ("description", .string(schema.summary)),
                ("type", .string("object")),
                ("properties", .object(schema.fields.map { ($0.name, JSONSchemaGenerator.property($0)) })),
                // `x-` keys are extension fields (anchors, notes), ignored as the loader ignores them.
                ("patternProperties", .object([("^x-", .object([]))])),
                ("additionalProperties", .bool(false)),
            ]
            if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
            return .object(pairs)
        }
    }

    private static func property(_ field: FieldSchema) -> JSONValue {
        guard case .object(let pairs) = type(field.type, field: field) else { return .object([]) }
        // Lint's rules that a schema of fragments cannot state, said where an editor shows them.
        var description = field.summary
        if let format = field.format { description += " Lint requires \(format.expectation)." }
        if field.required {
            description +=
                " Required once the files are composed (a fragment may leave it to another file; lint checks it)."
        }
        var all: [(String, JSONValue)] = [("description", .string(description))] + pairs
        if field.sensitive { all.append(("writeOnly", .bool(true))) }
        return .object(all)
    }

    static let durationPattern = "^(?=[0-9])([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$"
    static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

    private static func type(_ type: SchemaType, field: FieldSchema?) -> JSONValue {
        var pairs: [(String, JSONValue)]
        switch type {
        // Parity keeps a string field's text as written, so `version: 1.10` is a string
        // even though YAML (and so an editor) reads it as a number.
        case .string: pairs = [("type", .array([.string("string"), .string("number")]))]
        case .int: pairs = [("type", .string("integer"))]
        case .double: pairs = [("type", .string("number"))]
        case .bool: pairs = [("type", .string("boolean"))]
        case .enumeration(let cases): pairs = [("enum", .array(cases.map(JSONValue.string)))]
        case .duration: pairs = [("type", .string("string")), ("pattern", .string(durationPattern))]
        case .date:
            pairs = [("type", .string("string")), ("format", .string("date")), ("pattern", .string(datePattern))]
        case .list(let item, _): pairs = [("type", .string("array")), ("items", Self.type(item, field: nil))]
        case .map(let item):
            pairs = [("type", .string("object")), ("additionalProperties", Self.type(item, field: nil))]
        case .object(let schema): pairs = [("$ref", .string("#/$defs/\(schema.name)"))]
        case .any: pairs = []
        }
        if let format = field?.format {
            // The pattern checks the text; a number can never match it.
            pairs = [("type", .string("string")), ("pattern", .string(format.pattern))]
        }
        if let minimum = field?.minimum { pairs.append(("minimum", number(minimum))) }
        if let maximum = field?.maximum { pairs.append(("maximum", number(maximum))) }
        return .object(pairs)
    }

    private static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }
}
