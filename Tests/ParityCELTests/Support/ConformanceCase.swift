import Foundation
import Testing
import ParityCEL

/// One case of the CEL conformance suite converted to JSON (see shared/conformance/cel/README.md).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    enum Expectation: Sendable {
        case value(CELValue)
        case error(String)
    }

    let file: String
    let section: String
    let name: String
    let expr: String
    let bindings: [String: CELValue]
    let expect: Expectation

    var id: String { "\(file)/\(section)/\(name)" }
    var testDescription: String { id }

    /// The outcome of running the case: nil when it passes, otherwise why not.
    func failure() -> String? {
        let result: Result<CELValue, CELError>
        do {
            result = .success(try CEL.compile(expr).evaluate(bindings))
        } catch {
            result = .failure(error)
        }
        switch (expect, result) {
        case (.value(let want), .success(let got)):
            return StrictEquality.equal(want, got) ? nil : "expected \(want.celLiteral), got \(got.celLiteral)"
        case (.value(let want), .failure(let error)):
            return "expected \(want.celLiteral), got error \(error)"
        case (.error, .failure):
            return nil
        case (.error(let message), .success(let got)):
            return "expected an error (\(message)), got \(got.celLiteral)"
        }
    }
}

/// Loads the shared conformance cases, found relative to this repository's root.
enum Conformance {
    static var casesFile: URL { folder.appendingPathComponent("cases.json") }

    static var available: Bool { FileManager.default.fileExists(atPath: casesFile.path) }

    static let cases: [ConformanceCase] = {
        guard let data = try? Data(contentsOf: casesFile),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.compactMap { item in
            guard let file = item["file"] as? String, let section = item["section"] as? String,
                let name = item["name"] as? String, let expr = item["expr"] as? String,
                let expect = item["expect"] as? [String: Any]
            else { return nil }
            var bindings: [String: CELValue] = [:]
            for (key, value) in item["bindings"] as? [String: Any] ?? [:] {
                bindings[key] = TypedValue.decode(value)
            }
            let expectation: ConformanceCase.Expectation
            if let message = expect["error"] {
                expectation = .error("\(message)")
            } else {
                expectation = .value(TypedValue.decode(expect))
            }
            return ConformanceCase(
                file: file, section: section, name: name, expr: expr, bindings: bindings, expect: expectation)
        }
    }()

    static let knownFailures: [String: String] = {
        guard let text = try? String(contentsOf: knownFailuresFile, encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n")
        where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }()
}

/// The conformance JSON's typed values: {"int": "1"}, {"list": [...]}, {"map": [[k, v]]} ...
enum TypedValue {
    static func decode(_ any: Any) -> CELValue {
        guard let object = any as? [String: Any], let (kind, value) = object.first else { return .null }
        switch kind {
        case "int": return .int(Int64("\(value)") ?? 0)
        case "uint": return .uint(UInt64("\(value)") ?? 0)
        case "double":
            if let text = value as? String {
                switch text {
                case "NaN": return .double(.nan)
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default: return .double(Double(text) ?? .nan)
                }
            }
            return .double((value as? NSNumber)?.doubleValue ?? .nan)
        case "string": return .string(value as? String ?? "")
        case "bytes": return .bytes(Array(Data(base64Encoded: value as? String ?? "") ?? Data()))
        case "bool": return .bool((value as? NSNumber)?.boolValue ?? false)
        case "null": return .null
        case "list": return .list((value as? [Any] ?? []).map(decode))
        case "map":
            let pairs = (value as? [[Any]] ?? []).map { (decode($0[0]), decode($0[1])) }
            return (try? .map(CELMap(pairs))) ?? .null
        case "type":
            let name = value as? String ?? ""
            return .type(typeNamed(name))
        default: return .null
        }
    }

    static func typeNamed(_ name: String) -> CELType {
        switch name {
        case "int": return .int
        case "uint": return .uint
        case "double": return .double
        case "bool": return .bool
        case "string": return .string
        case "bytes": return .bytes
        case "null_type": return .null
        case "list": return .list(.dyn)
        case "map": return .map(.dyn, .dyn)
        case "type": return .type(.dyn)
        case "google.protobuf.Timestamp": return .timestamp
        case "google.protobuf.Duration": return .duration
        default: return .object(name)
        }
    }
}

/// Equality that also requires the same kinds (1 is not 1u) and treats NaN as equal to NaN.
enum StrictEquality {
    static func equal(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)):
            return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign)
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.entries {
                guard let other = y.keys.first(where: { equal($0, key) }), let match = y[other], equal(value, match)
                else { return false }
            }
            return true
        case (.int, .int), (.uint, .uint), (.string, .string), (.bytes, .bytes), (.bool, .bool), (.null, .null),
            (.type, .type), (.timestamp, .timestamp), (.duration, .duration):
            return a.celEquals(b)
        default:
            return false
        }
    }
}
