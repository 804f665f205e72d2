/// An IP address as CEL sees it: the `net.IP` type of Kubernetes' CEL library.
struct IPValue: CELScalarObject {
    static let typeName = "net.IP"
    let address: IPAddress

    var celTypeName: String { Self.typeName }
    var celText: String { address.text }
    var celLiteral: String { "ip(\"\(address.text)\")" }
    func celIsEqual(_ other: any CELObject) -> Bool { (other as? IPValue)?.address == address }
}

/// An address range as CEL sees it: the `net.CIDR` type of Kubernetes' CEL library.
struct CIDRValue: CELScalarObject {
    static let typeName = "net.CIDR"
    let prefix: IPPrefix

    var celTypeName: String { Self.typeName }
    var celText: String { prefix.text }
    var celLiteral: String { "cidr(\"\(prefix.text)\")" }
    func celIsEqual(_ other: any CELObject) -> Bool { (other as? CIDRValue)?.prefix == prefix }
}
