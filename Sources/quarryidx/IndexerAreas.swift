#if canImport(Glibc)
import Glibc
#endif
import Archive
import DICOM

/// The storage areas `--check`, `--rebuild` and `--stats` work on: those named
/// on the command line, or every area of the configuration; each with the AE
/// titles and quota the configuration gives it, when it names it.
struct IndexerAreas {
    var path: String
    var aeTitles: [String] = []
    var quota: StorageQuota?

    /// nil (after an error line) when no area is named and none can be read from a configuration.
    static func resolve(_ named: [String], options: IndexerOptions, log: Log) -> [IndexerAreas]? {
        let configuration = loadConfiguration(options, required: named.isEmpty, log: log)
        if named.isEmpty, configuration == nil { return nil }
        var byPath: [String: IndexerAreas] = [:]
        var order: [String] = []
        for entry in configuration?.aeTable ?? [] {
            let key = normalized(entry.storageArea)
            if byPath[key] == nil {
                byPath[key] = IndexerAreas(path: entry.storageArea, quota: StorageQuota(configured: entry.quota, policy: .delete))
                order.append(key)
            }
            if byPath[key]?.aeTitles.contains(entry.aeTitle) == false { byPath[key]?.aeTitles.append(entry.aeTitle) }
        }
        if named.isEmpty {
            guard !order.isEmpty else {
                log.error("no storage area given, and \(configuration?.fileName ?? "the configuration") names none")
                return nil
            }
            return order.compactMap { byPath[$0] }
        }
        return named.map { path in
            var area = byPath[normalized(path)] ?? IndexerAreas(path: path)
            area.path = path
            return area
        }
    }

    /// `-c`, else the first default configuration that exists. A failure is an
    /// error only when the areas must come from it.
    private static func loadConfiguration(_ options: IndexerOptions, required: Bool, log: Log) -> Configuration? {
        let candidates = options.configurationCandidates
        guard let path = options.configPath ?? candidates.first(where: { access($0, F_OK) == 0 }) else {
            if required { log.error("no storage area given and no configuration file found: \(candidates.joined(separator: ", "))") }
            return nil
        }
        do { return try Configuration.load(contentsOf: path) } catch {
            if required || options.configPath != nil { log.error("\(error)") }
            return nil
        }
    }

    static func normalized(_ path: String) -> String {
        DCMTKIndexImport.normalized(DCMTKIndexImport.resolve(path, against: currentDirectory()))
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
