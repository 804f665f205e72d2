import Foundation
import ParityDiagnostics

/// How the pieces of an environment become one value: the files of a folder are combined
/// (each field and named item written once), and `extends` overrides a parent.
///
/// Both keep every value's location, so a diagnostic on the result points at the file
/// and line that wrote the value.
enum Composition {
    /// Adds `fragment` (another file of the same environment) to `base`; a field or named
    /// item that both define is a conflict naming both places.
    static func combine(
        _ base: inout Value, with fragment: Value, schema: ObjectSchema, path: ModelPath = .root,
        diagnostics: inout [Diagnostic]
    ) {
        guard var fields = base.object, let additions = fragment.object else { return }
        for (name, value) in additions {
            guard let existing = fields[name] else {
                fields[name] = value
                continue
            }
            let fieldPath = path.field(name)
            // Every file of a folder says what it is; saying it again is no conflict.
            if path.components.isEmpty, name == "apiVersion" || name == "kind" { continue }
            switch schema.field(name)?.type {
            case .object(let inner)?:
                var merged = existing
                combine(&merged, with: value, schema: inner, path: fieldPath, diagnostics: &diagnostics)
                fields[name] = merged
            case .list(let itemType, .named(let key))?:
                fields[name] = combineNamed(
                    existing, value, key: key, itemType: itemType, path: fieldPath, diagnostics: &diagnostics)
            default:
                // Files may repeat what they agree on (each names its environment's `metadata.name`).
                if existing.object == nil, existing.list == nil, existing.sameContent(as: value) { continue }
                diagnostics.append(conflict(fieldPath, at: value.location, first: existing.location))
            }
        }
        base.content = .object(fields)
    }

    private static func combineNamed(
        _ base: Value, _ more: Value, key: String, itemType: SchemaType, path: ModelPath,
        diagnostics: inout [Diagnostic]
    ) -> Value {
        guard var items = base.list, let additions = more.list else { return base }
        var positions = index(items, key: key)
        for item in additions {
            if let name = item[key]?.string, let position = positions[name] {
                let earlier = items[position]
                diagnostics.append(
                    conflict(
                        path.item(name), at: item[key]?.location ?? item.location,
                        first: earlier[key]?.location ?? earlier.location))
            } else {
                if let name = item[key]?.string { positions[name] = items.count }
                items.append(item)
            }
        }
        return Value(.list(items), at: base.location)
    }

    /// A field or item written twice, naming the files (or, within one file, its documents).
    private static func conflict(_ path: ModelPath, at location: SourceLocation?, first: SourceLocation?) -> Diagnostic
    {
        let files = [first?.file, location?.file].compactMap { $0.map { ($0 as NSString).lastPathComponent } }
        let place =
            if files.count == 2, first?.file == location?.file {
                "in two documents of \(files[0]); define it in one document only"
            } else if files.count == 2 {
                "in both \(files[0]) and \(files[1]); define it in one file only"
            } else {
                "twice in one environment; define it in one file only"
            }
        return .error(
            .modelConflict, "'\(path)' is defined \(place)", at: location,
            notes: [.init("'\(path)' is first defined here", at: first)])
    }

    /// `child` written over `parent`: named items merge by name, objects and maps field by
    /// field, and anything else the child writes replaces the parent's.
    static func override(_ parent: Value, with child: Value, type: SchemaType) -> Value {
        switch type {
        case .object(let schema):
            guard var fields = parent.object, let changes = child.object else { return child }
            for (name, value) in changes {
                if let inherited = fields[name], let fieldType = schema.field(name)?.type {
                    fields[name] = override(inherited, with: value, type: fieldType)
                } else {
                    fields[name] = value
                }
            }
            return Value(.object(fields), at: child.location)
        case .map(let itemType):
            guard var entries = parent.object, let changes = child.object else { return child }
            for (name, value) in changes {
                entries[name] = entries[name].map { override($0, with: value, type: itemType) } ?? value
            }
            return Value(.object(entries), at: child.location)
        case .list(let itemType, .named(let key)):
            guard var items = parent.list, let changes = child.list else { return child }
            var positions = index(items, key: key)
            for item in changes {
                if let name = item[key]?.string, let position = positions[name] {
                    items[position] = override(items[position], with: item, type: itemType)
                } else {
                    if let name = item[key]?.string { positions[name] = items.count }
                    items.append(item)
                }
            }
            return Value(.list(items), at: child.location)
        default:
            return child
        }
    }

    /// Where each named item sits, so merging stays linear in the number of items.
    private static func index(_ items: [Value], key: String) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            if let name = item[key]?.string, positions[name] == nil { positions[name] = position }
        }
        return positions
    }
}
