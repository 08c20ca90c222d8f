import Foundation

extension Configuration {
    /// Reads and checks the file at `path` (as given on the command line).
    ///
    /// A directory reads as an empty configuration, as with dcmqrscp (with a
    /// warning). Warnings are in the result's `warnings`; errors throw.
    package static func load(contentsOf path: String) throws(ConfigurationError) -> Configuration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotAccess(file: path, reason: "No such file or directory")
        }
        if isDirectory.boolValue {
            var configuration = try Configuration(parsing: [], fileName: path)
            configuration.warnings.insert(
                ConfigurationDiagnostic(severity: .warning, file: path, line: 1, column: 1,
                                        message: "is a directory: dcmqrscp reads it as an empty configuration",
                                        text: nil), at: 0)
            return configuration
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotAccess(file: path, reason: FileManager.default.isReadableFile(atPath: path)
                                ? "Input/output error" : "Permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw .cannotAccess(file: path, reason: "\(error.localizedDescription)")
        }
        return try Configuration(parsing: [UInt8](data), fileName: path)
    }

    /// Parses a configuration file's bytes; `fileName` is used in messages.
    package init(parsing bytes: [UInt8], fileName: String) throws(ConfigurationError) {
        var parser = ConfigurationParser(bytes: bytes, fileName: fileName)
        switch parser.parse() {
        case .success(let configuration): self = configuration
        case .failure(let error): throw error
        }
    }

    /// Parses configuration text (tests, `--check-config` of a string).
    package init(parsing text: String, fileName: String) throws(ConfigurationError) {
        try self.init(parsing: Array(text.utf8), fileName: fileName)
    }
}
