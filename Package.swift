// swift-tools-version:6.2
import PackageDescription

// Module boundaries (DESIGN.md): DICOM knows no sockets; DICOMNetwork knows no
// archive; Archive knows no sockets; QRServer joins Archive and DICOMNetwork.
let package = Package(
    name: "Quarry",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "quarryscp", targets: ["quarryscp"]),
        .executable(name: "quarryidx", targets: ["quarryidx"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "DICOM", dependencies: ["CZlib"]),
        .target(name: "DICOMNetwork", dependencies: ["DICOM"]),
        .target(name: "Archive", dependencies: ["DICOM"]),
        .target(name: "QRServer", dependencies: ["Archive", "DICOMNetwork"]),
        .target(name: "ToolSupport", dependencies: ["DICOM"]),
        .executableTarget(name: "quarryscp", dependencies: ["QRServer", "ToolSupport"]),
        .executableTarget(name: "quarryidx", dependencies: ["Archive", "ToolSupport"]),
        .executableTarget(name: "quarrybench", dependencies: ["Archive", "DICOMNetwork"]),   // make bench's client
        // Helpers shared by the test targets: temporary folders, free ports,
        // running processes (DCMTK's clients, pydicom), locating binaries.
        .target(name: "QuarryTestSupport", dependencies: ["DICOM"], path: "Tests/QuarryTestSupport"),
        .testTarget(name: "DICOMTests", dependencies: ["DICOM", "QuarryTestSupport"]),
        .testTarget(name: "DICOMNetworkTests", dependencies: ["DICOM", "DICOMNetwork", "QuarryTestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["DICOM", "Archive", "QuarryTestSupport"]),
        .testTarget(name: "QRServerTests", dependencies: ["DICOM", "DICOMNetwork", "Archive", "QRServer", "QuarryTestSupport"]),
        .testTarget(name: "ToolSupportTests", dependencies: ["DICOM", "ToolSupport", "QuarryTestSupport"]),
        // Real processes: DCMTK's clients against a real quarryscp.
        .testTarget(name: "InteropTests", dependencies: ["DICOM", "QuarryTestSupport"], exclude: ["Scripts"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
