import Foundation

/// Where things are when the tests run: the repository, the built binaries,
/// the project's Python (pydicom, pynetdicom) and DCMTK's clients.
package enum TestEnvironment {
    /// The repository root, from this file's location.
    package static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // Tests/QuarryTestSupport/TestEnvironment.swift
        return url
    }()

    /// The folder holding `quarryscp` and `quarryidx`: `QUARRY_BIN_DIR` (the
    /// Makefile sets it) or the debug build folder.
    package static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["QUARRY_BIN_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return repositoryRoot.appendingPathComponent(".build/debug")
    }

    package static func binary(_ name: String) -> String { binDirectory.appendingPathComponent(name).path }

    /// The virtual environment's Python with pydicom and pynetdicom (`make test` installs it).
    package static var python: String {
        if let p = ProcessInfo.processInfo.environment["QUARRY_PYTHON"], !p.isEmpty { return p }
        return repositoryRoot.appendingPathComponent(".venv/bin/python").path
    }

    /// A DCMTK tool by absolute path: pynetdicom installs Python apps with the
    /// same names earlier in PATH.
    package static func dcmtk(_ tool: String) -> String { "/usr/bin/\(tool)" }

    /// The shared spec folder beside the checkout (`../shared/spec`).
    package static var specDirectory: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/spec")
    }
}
