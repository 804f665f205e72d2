import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Prometheus' HTTP API: instant queries at an explicit time and range queries, with a
/// timeout on every request, retries with backoff on failures that may pass, and an optional
/// bearer token. HTTPS goes through the system's TLS.
public struct PrometheusClient: Sendable {
    public var baseURL: URL
    public var bearerToken: String?
    /// Seconds one request may take.
    public var timeout: Double
    /// Further attempts after a failure that may pass (no answer, 5xx, 429); a 4xx is final.
    public var retries: Int
    /// Seconds before the first retry; each further wait doubles.
    public var backoff: Double

    public init(
        baseURL: URL, bearerToken: String? = nil, timeout: Double = 10, retries: Int = 2, backoff: Double = 0.25
    ) {
        self.baseURL = baseURL
        self.bearerToken = bearerToken
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
    }

    /// The longest a request can take, retries and waits included.
    public var worstCase: Double {
        Double(retries + 1) * timeout + (0..<retries).reduce(0) { $0 + backoff * Double(1 << $1) }
    }

    /// `/api/v1/query` at `time` (seconds since the epoch).
    public func query(_ query: String, at time: Double) throws(QueryResponse.Failure) -> [Series] {
        try post("api/v1/query", ["query": query, "time": Self.seconds(time)])
    }

    /// `/api/v1/query_range` from `start` to `end`, every `step` seconds.
    public func queryRange(_ query: String, start: Double, end: Double, step: Int) throws(QueryResponse.Failure)
        -> [Series]
    {
        try post(
            "api/v1/query_range",
            ["query": query, "start": Self.seconds(start), "end": Self.seconds(end), "step": String(step)])
    }

    private static func seconds(_ time: Double) -> String { String(format: "%.3f", time) }

    private func post(_ path: String, _ form: [String: String]) throws(QueryResponse.Failure) -> [Series] {
        var request = URLRequest(url: baseURL.appendingPathComponent(path), timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let bearerToken { request.setValue("Bearer \(bearerToken)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(
            form.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.formEncoded($0.value))" }.joined(separator: "&")
                .utf8)

        var last = QueryResponse.Failure(message: "no attempt made")
        for attempt in 0...max(retries, 0) {
            if attempt > 0 { Thread.sleep(forTimeInterval: backoff * Double(1 << (attempt - 1))) }
            let answer = send(request)
            switch answer {
            case .failed(let message):
                last = QueryResponse.Failure(message: message)
            case .answered(let status, let body) where status == 200:
                return try QueryResponse.series(from: body)
            case .answered(let status, let body):
                let detail = (try? QueryResponse.series(from: body)).map { _ in "" }
                    ?? (Self.serverError(body).map { ": \($0)" } ?? "")
                last = QueryResponse.Failure(message: "HTTP \(status)\(detail)")
                // A query the server refuses will be refused again; only overload and outages pass.
                if status < 500, status != 429 { throw last }
            }
        }
        let attempts = retries > 0 ? " (\(retries + 1) attempts)" : ""
        throw QueryResponse.Failure(message: last.message + attempts)
    }

    private static func serverError(_ body: Data) -> String? {
        do throws(QueryResponse.Failure) {
            _ = try QueryResponse.series(from: body)
            return nil
        } catch {
            return error.message.replacingOccurrences(of: "the server answered an error: ", with: "")
        }
    }

    private enum Answer: Sendable {
        case answered(Int, Data)
        case failed(String)
    }

    /// One request, waited for no longer than the timeout (and a moment for the session to say so).
    private func send(_ request: URLRequest) -> Answer {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        let box = AnswerBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                box.set(.failed(Self.describe(error)))
            } else if let response = response as? HTTPURLResponse {
                box.set(.answered(response.statusCode, data ?? Data()))
            } else {
                box.set(.failed("no HTTP answer"))
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 0.5) == .timedOut {
            task.cancel()
            return .failed("no answer within \(DurationWords.seconds(timeout))")
        }
        return box.answer ?? .failed("no answer")
    }

    private static func describe(_ error: Error) -> String {
        let error = error as NSError
        switch error.code {
        case NSURLErrorTimedOut: return "no answer within the timeout"
        case NSURLErrorCannotConnectToHost: return "connection refused"
        case NSURLErrorCannotFindHost: return "unknown host"
        case NSURLErrorNetworkConnectionLost: return "the connection closed before an answer"
        default: return error.localizedDescription.lowercased()
        }
    }

    /// `a=b` form encoding: everything but unreserved characters escaped.
    private static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private final class AnswerBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Answer?
        func set(_ answer: Answer) { lock.lock(); stored = answer; lock.unlock() }
        var answer: Answer? { lock.lock(); defer { lock.unlock() }; return stored }
    }
}

/// Seconds as a report writes them: `10s`, `1.5s`, `30m`, `1h30m`.
enum DurationWords {
    static func seconds(_ value: Double) -> String {
        guard value == value.rounded(), value >= 60 else {
            return value == value.rounded() ? "\(Int(value))s" : String(format: "%.1fs", value)
        }
        var rest = Int(value)
        var text = ""
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }
}
