import Foundation
import ParityYAML
@testable import ParityKit

/// The fuzzer's bytes as an environment file: the decoder that reads libyaml's events gives
/// up, or it decodes what the tree path decodes without a word to say, place for place.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let events = EventDecoder.environments(in: bytes, file: "fuzz.yaml", limits: .default) else { return 0 }
    let tree = treeValues(bytes)
    guard let tree, tree.map(placed) == events.map(placed) else {
        FileHandle.standardError.write(
            Data("fuzz: the event decoder took what the tree reads otherwise:\n\(tree.map { $0.map(placed) } ?? [])\n\(events.map(placed))\n".utf8))
        abort()
    }
    return 0
}

/// The tree path's values, as the environment loader reads them; nil where it has anything to say.
private func treeValues(_ bytes: [UInt8]) -> [Value]? {
    EnvironmentLoader.parsedByTree(bytes, file: "fuzz.yaml", limits: .default).valuesWithoutProblems
}

/// A value written out with every place in it, fields in order.
private func placed(_ value: Value) -> String {
    let place = value.location.map(\.description) ?? "-"
    switch value.content {
    case .list(let items): return "\(place)[\(items.map(placed).joined(separator: ","))]"
    case .object(let fields): return "\(place){\(fields.map { "\($0.name):\(placed($0.value))" }.joined(separator: ","))}"
    default: return "\(place)=\(value.content)"
    }
}
