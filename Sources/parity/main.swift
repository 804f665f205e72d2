import ParityKit
print("parity \(Parity.version)")
