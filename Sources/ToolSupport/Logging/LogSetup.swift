#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOM
import Foundation

/// Builds the `Log` a tool runs with from its logging options.
package enum LogSetup {
    /// DCMTK's console log (`F: message` on standard error) at `settings.level`,
    /// or what the `-lc` file configures. `toolName` names the logger
    /// (`quarry.apps.<tool>` for `%c`) and answers `${appname}`.
    /// Errors, as DCMTK words them where it has words:
    /// `Specified --log-config file does not exist`,
    /// `… does not contain any settings`, `… does not contain any valid settings`;
    /// and where DCMTK only prints `log4cplus:ERROR` and runs on, Quarry stops with
    /// `Invalid --log-config file <f>, line <n>: <what>`.
    package static func makeLog(_ settings: LogSettings, toolName: String,
                                streams: CommandLineStreams = .standard) throws(CommandLineError) -> Log {
        guard let path = settings.configFile else {
            let write = streams.error
            return Log(threshold: settings.level) { _, text in write(text) }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CommandLineError("Specified --log-config file does not exist")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandLineError("Specified --log-config file cannot be read: \(path)")
        }
        do throws(LoggerConfigurationError) {
            let configuration = try LoggerConfiguration.parse(String(decoding: data, as: UTF8.self)) {
                variable($0, toolName: toolName)
            }
            return try configuration.makeLog(loggerName: "quarry.apps.\(toolName)", streams: streams)
        } catch {
            switch error {
            case .noSettings:
                throw CommandLineError("Specified --log-config file does not contain any settings")
            case .noValidSettings:
                throw CommandLineError("Specified --log-config file does not contain any valid settings")
            case .invalid(let line, let text):
                throw CommandLineError("Invalid --log-config file \(path)\(line.map { ", line \($0)" } ?? ""): \(text)")
            }
        }
    }

    /// DCMTK's predefined `${…}` names, then the environment.
    static func variable(_ name: String, toolName: String) -> String? {
        let now = LogTimestamp.now()
        switch name {
        case "appname": return toolName
        case "date": return now.formatted("%Y-%m-%d", utc: false)
        case "time": return now.formatted("%H:%M:%S", utc: false)
        case "pid": return String(getpid())
        case "hostname": return LogEventContext.currentHostName
        default: return ProcessInfo.processInfo.environment[name]
        }
    }
}
