// Benchmark: one typical policy assertion, compiled once, evaluated over 10,000 lazy objects.
//
//     swift run -c release --scratch-path .build-release cel-bench [items] [rounds]
import Foundation
import ParityCEL

struct Port: CELObject {
    let number: Int64
    let tls: Bool
    let proto: String

    var celTypeName: String { "parity.Port" }
    var celFieldNames: [String] { ["number", "tls", "protocol"] }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "number": return .int(number)
        case "tls": return .bool(tls)
        case "protocol": return .string(proto)
        default: return nil
        }
    }
}

struct Service: CELObject {
    let name: String
    let replicas: Int64
    let image: String
    let ports: [Port]

    var celTypeName: String { "parity.Service" }
    var celFieldNames: [String] { ["name", "replicas", "image", "ports"] }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": return .string(self.name)
        case "replicas": return .int(replicas)
        case "image": return .string(image)
        case "ports": return .list(ports.map { .object($0) })
        default: return nil
        }
    }
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let count = arguments.first ?? 10_000
let rounds = arguments.dropFirst().first ?? 5

func makeService(_ i: Int) -> Service {
    let image = i % 50 == 0 ? "docker.io/library/app:\(i)" : "registry.example.com/team/app-\(i):1.\(i % 7)"
    let plain = i % 10 == 0
    let ports = [
        Port(number: 443, tls: true, proto: "https"),
        Port(number: 8080, tls: !plain, proto: plain ? "grpc" : "http"),
    ]
    return Service(name: "service-\(i)", replicas: Int64(2 + i % 3), image: image, ports: ports)
}

let services: [Service] = (0..<count).map(makeService)

let source =
    #"self.replicas >= 2 && self.ports.all(p, p.tls || p.protocol != "http") && self.image.matches("^registry\\.example\\.com/")"#
let program: CELProgram
do {
    program = try CEL.compile(source)
} catch {
    print("compile failed: \(error)")
    exit(1)
}

print("expression: \(source)")
print("items: \(count), rounds: \(rounds)")
var timings: [Double] = []
var passed = 0
for round in 1...rounds {
    passed = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for service in services {
        do {
            if case .bool(true) = try program.evaluate(["self": .object(service)]) { passed += 1 }
        } catch {
            print("evaluation failed: \(error)")
            exit(1)
        }
    }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    timings.append(ms)
    print(String(format: "round %d: %.1f ms, %.0f items/s", round, ms, Double(count) / ms * 1000))
}
let best = timings.min() ?? 0
let median = timings.sorted()[timings.count / 2]
print("passed: \(passed) of \(count)")
print(String(format: "best: %.1f ms total, %.0f items/s; median: %.1f ms, %.0f items/s",
             best, Double(count) / best * 1000, median, Double(count) / median * 1000))
