import Foundation

/// What Prometheus' query API answers (`/api/v1/query`, `/api/v1/query_range`): series, or
/// the server's error. Values arrive as strings and may be `NaN` or `+Inf`.
public enum QueryResponse {
    /// Why an answer could not be read, or the error the server gave.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// The series of one answer, or of a JSON array of answers (a saved file may hold several).
    public static func series(from data: Data) throws(Failure) -> [Series] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Failure(message: "not JSON: \(error.localizedDescription)")
        }
        if let answers = json as? [Any] {
            var all: [Series] = []
            for answer in answers { all += try series(fromAnswer: answer) }
            return all
        }
        return try series(fromAnswer: json)
    }

    private static func series(fromAnswer json: Any) throws(Failure) -> [Series] {
        guard let object = json as? [String: Any], let status = object["status"] as? String else {
            throw Failure(message: "not a query API answer: expected an object with 'status'")
        }
        guard status == "success" else {
            let kind = (object["errorType"] as? String).map { "\($0): " } ?? ""
            throw Failure(message: "the server answered an error: \(kind)\(object["error"] as? String ?? "no message")")
        }
        guard let data = object["data"] as? [String: Any], let type = data["resultType"] as? String else {
            throw Failure(message: "the answer has no 'data.resultType'")
        }
        let result = data["result"]
        switch type {
        case "scalar":
            return [Series(labels: [:], samples: [try sample(result)])]
        case "vector":
            return try items(result).map { item throws(Failure) in
                Series(labels: try labels(item), samples: [try sample(item["value"])])
            }
        case "matrix":
            return try items(result).map { item throws(Failure) in
                guard let values = item["values"] as? [Any] else {
                    throw Failure(message: "a matrix series has no 'values'")
                }
                var samples: [Series.Sample] = []
                for value in values { samples.append(try sample(value)) }
                return Series(labels: try labels(item), samples: samples)
            }
        default:
            throw Failure(message: "a '\(type)' result holds no numbers")
        }
    }

    private static func items(_ result: Any?) throws(Failure) -> [[String: Any]] {
        guard let items = result as? [[String: Any]] else {
            throw Failure(message: "expected a list of series in 'data.result'")
        }
        return items
    }

    private static func labels(_ item: [String: Any]) throws(Failure) -> [String: String] {
        guard let labels = item["metric"] as? [String: String] else {
            throw Failure(message: "a series has no 'metric' labels")
        }
        return labels
    }

    /// `[1700000000.5, "0.25"]`.
    private static func sample(_ json: Any?) throws(Failure) -> Series.Sample {
        guard let pair = json as? [Any], pair.count == 2, let time = (pair[0] as? NSNumber)?.doubleValue,
            let text = pair[1] as? String,
            let value = SampleValue.parse(text)
        else {
            throw Failure(
                message: "expected a sample as [time, \"value\"], found \(String(describing: json ?? "nothing"))")
        }
        return Series.Sample(time: time, value: value)
    }
}
