import Foundation
public import ParityDiagnostics

/// A data-validation tool's per-table results: table, source value, target value, difference
/// and status, as CSV with a header row or as a JSON array of objects.
public struct ReconciliationResults: Sendable {
    public struct Row: Sendable {
        public var table: String
        public var source: Double?
        public var target: Double?
        public var difference: Double?
        public var status: String?
        public var location: SourceLocation
    }

    public var rows: [Row]

    /// The column names each field is read from, lower case.
    static let aliases: [(field: String, names: [String])] = [
        ("table", ["table", "table_name", "tablename", "name"]),
        ("source", ["source", "source_value", "source_count", "sourcevalue"]),
        ("target", ["target", "target_value", "target_count", "targetvalue"]),
        ("difference", ["difference", "diff", "delta"]),
        ("status", ["status", "validation_status", "result"]),
    ]

    /// The results in the file at `path`.
    public static func load(_ path: String, format: MetricFileFormat) throws(Diagnostic) -> ReconciliationResults {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .error(.readyInvalidFile, "cannot read the reconciliation results '\(path)'", at: .file(path))
        }
        return format == .reconciliationJSON
            ? try json(data, file: path) : try csv(String(decoding: data, as: UTF8.self), file: path)
    }

    static func csv(_ text: String, file: String) throws(Diagnostic) -> ReconciliationResults {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        guard let header = lines.first else {
            throw .error(.readyInvalidFile, "'\(file)' is empty; it needs a header row", at: .file(file))
        }
        let names = fields(header).map { $0.lowercased() }
        var columns: [String: Int] = [:]
        for (field, aliases) in aliases { columns[field] = names.firstIndex { aliases.contains($0) } }
        guard let tableColumn = columns["table"] else {
            throw .error(
                .readyInvalidFile,
                "the header of '\(file)' has no 'table' column (found: \(names.joined(separator: ", ")))",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        var rows: [Row] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = fields(line)
            let place = SourceLocation(file: file, line: index + 1, column: 1)
            func cell(_ field: String) -> String? {
                columns[field].flatMap { $0 < cells.count ? cells[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func number(_ field: String) throws(Diagnostic) -> Double? {
                guard let text = cell(field) else { return nil }
                guard let value = SampleValue.parse(text) else {
                    throw .error(
                        .readyInvalidFile,
                        "the \(field) value '\(text)' is not a number (write NaN when it could not be computed)",
                        at: place)
                }
                return value
            }
            guard tableColumn < cells.count, !cells[tableColumn].isEmpty else {
                throw .error(.readyInvalidFile, "a row with no table name", at: place)
            }
            rows.append(
                Row(
                    table: cells[tableColumn], source: try number("source"), target: try number("target"),
                    difference: try number("difference"), status: cell("status"), location: place))
        }
        return ReconciliationResults(rows: rows)
    }

    static func json(_ data: Data, file: String) throws(Diagnostic) -> ReconciliationResults {
        guard let items = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
            throw .error(.readyInvalidFile, "'\(file)' is not a JSON array of result objects", at: .file(file))
        }
        var rows: [Row] = []
        for (index, item) in items.enumerated() {
            let lowered = Dictionary(
                item.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            func raw(_ field: String) -> Any? {
                aliases.first { $0.field == field }?.names.lazy.compactMap { lowered[$0] }.first
            }
            func number(_ field: String) -> Double? {
                if let number = raw(field) as? NSNumber { return number.doubleValue }
                return (raw(field) as? String).flatMap(SampleValue.parse)
            }
            let place = SourceLocation(file: file, line: 0, column: 0)
            guard let table = raw("table") as? String else {
                throw .error(.readyInvalidFile, "result \(index + 1) of '\(file)' has no 'table'", at: place)
            }
            rows.append(
                Row(
                    table: table, source: number("source"), target: number("target"), difference: number("difference"),
                    status: raw("status") as? String, location: place))
        }
        return ReconciliationResults(rows: rows)
    }

    /// The comma-separated fields of a CSV line, double quotes allowed around a field.
    static func fields<S: StringProtocol>(_ line: S) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current.trimmingCharacters(in: .whitespaces))
        return fields
    }
}
