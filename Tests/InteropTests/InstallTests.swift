import Foundation
import QuarryTestSupport
import Testing

/// `make install` and `make uninstall` into a DESTDIR (issue 8), with the
/// binaries of this build (`BINDIR_SRC`) so that no release build is needed.
@Suite struct InstallTests {
    static let prefix = "/usr/local"
    static let layout: [(path: String, mode: Int)] = [
        ("bin/quarryscp", 0o755),
        ("bin/quarryidx", 0o755),
        ("share/man/man1/quarryscp.1", 0o644),
        ("share/man/man1/quarryidx.1", 0o644),
        ("etc/quarry/dcmqrscp.cfg", 0o644),
        ("lib/systemd/system/quarryscp.service", 0o644),
    ]
    static let links = [("bin/dcmqrscp", "quarryscp"), ("bin/dcmqridx", "quarryidx")]

    /// Runs make in the repository root with the DESTDIR, PREFIX and binaries of this test.
    static func make(_ target: String, _ destination: TemporaryDirectory, _ extra: [String] = []) throws -> ProcessResult {
        try runProcess("/usr/bin/make", ["-s", target, "DESTDIR=\(destination.path)", "PREFIX=\(prefix)",
                                         "BINDIR_SRC=\(TestEnvironment.binDirectory.path)"] + extra,
                       currentDirectory: TestEnvironment.repositoryRoot.path)
    }

    static func installed(_ destination: TemporaryDirectory, _ path: String) -> String {
        destination.path + prefix + "/" + path
    }

    /// Every regular file and symbolic link under `root`, relative to it.
    static func filesAndLinks(under root: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + relative)
            if attributes[.type] as? FileAttributeType != .typeDirectory { found.append(relative) }
        }
        return found.sorted()
    }

    @Test func installsEveryFileThenUninstallRemovesThem() throws {
        let destination = try TemporaryDirectory("quarry-install")
        let install = try Self.make("install", destination, ["DCMTK_NAMES=1"])
        #expect(install.status == 0, "\(install.output)")

        for (path, mode) in Self.layout {
            let attributes = try FileManager.default.attributesOfItem(atPath: Self.installed(destination, path))
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(path)")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == mode, "\(path)")
        }
        for name in ["quarryscp", "quarryidx"] {
            let built = try Data(contentsOf: TestEnvironment.binDirectory.appendingPathComponent(name))
            #expect(try Data(contentsOf: URL(fileURLWithPath: Self.installed(destination, "bin/" + name))) == built)
        }
        for (link, target) in Self.links {
            let path = Self.installed(destination, link)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == target)
            #expect(FileManager.default.isExecutableFile(atPath: path))
        }
        let sample = try String(contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent("etc/dcmqrscp.cfg"), encoding: .utf8)
        #expect(try String(contentsOfFile: Self.installed(destination, "etc/quarry/dcmqrscp.cfg"), encoding: .utf8) == sample)

        let uninstall = try Self.make("uninstall", destination, ["DCMTK_NAMES=1"])
        #expect(uninstall.status == 0, "\(uninstall.output)")
        #expect(try Self.filesAndLinks(under: destination.path) == [])
    }

    /// The unit starts the installed binary on the installed configuration, as
    /// user quarry, restarts on failure, reloads with SIGHUP, and may write
    /// only its storage root.
    @Test func systemdUnitNamesTheInstalledFiles() throws {
        let destination = try TemporaryDirectory("quarry-install")
        let install = try Self.make("install", destination)
        #expect(install.status == 0, "\(install.output)")
        let unit = try String(contentsOfFile: Self.installed(destination, "lib/systemd/system/quarryscp.service"), encoding: .utf8)
        let settings = unit.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }.map(String.init)
        let execStart = settings.first { $0.hasPrefix("ExecStart=") }?.dropFirst("ExecStart=".count).split(separator: " ") ?? []
        #expect(execStart.count == 3)
        if execStart.count == 3 {
            #expect(execStart[0] == "\(Self.prefix)/bin/quarryscp")
            #expect(execStart[1] == "-c")
            #expect(FileManager.default.isExecutableFile(atPath: destination.path + execStart[0]))
            #expect(FileManager.default.fileExists(atPath: destination.path + execStart[2]))
        }
        for line in ["User=quarry", "Group=quarry", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID",
                     "NoNewPrivileges=yes", "ProtectSystem=full", "ReadWritePaths=/var/lib/quarry",
                     "WorkingDirectory=/var/lib/quarry", "WantedBy=multi-user.target"] {
            #expect(settings.contains(line), "\(line)")
        }
    }

    struct Page: Sendable, CustomStringConvertible {
        var name: String
        var sections: [String]
        var description: String { name }
    }

    /// Both pages render with `man -l` and groff without a warning, have their
    /// sections, and document every option the installed binary's `--help` lists.
    @Test(arguments: [
        Page(name: "quarryscp", sections: ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "CONFIGURATION FILE",
                                           "DIFFERENCES FROM DCMQRSCP", "SIGNALS", "EXIT STATUS", "FILES", "SEE ALSO"]),
        Page(name: "quarryidx", sections: ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "FILES", "SEE ALSO"]),
    ])
    func manPageRendersAndListsEveryOption(_ page: Page) throws {
        let destination = try TemporaryDirectory("quarry-install")
        let install = try Self.make("install", destination)
        #expect(install.status == 0, "\(install.output)")
        let file = Self.installed(destination, "share/man/man1/\(page.name).1")

        let groff = try runProcess("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", file])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff.stderr)")
        var environment = ProcessInfo.processInfo.environment
        environment["MANWIDTH"] = "80"
        environment["MANPAGER"] = "cat"
        environment["PAGER"] = "cat"
        let man = try runProcess("/usr/bin/man", ["-l", file], environment: environment)
        #expect(man.status == 0 && man.stderr.isEmpty, "\(man.stderr)")
        let text = man.stdout
        for section in page.sections {
            #expect(text.contains("\n\(section)\n"), "\(section)")
        }

        let help = try runProcess(Self.installed(destination, "bin/\(page.name)"), ["--help"])
        let options = Set(help.stdout.split(separator: "\n").compactMap(Self.optionName))
        let undocumented = options.filter { !text.contains($0) }.sorted()
        #expect(undocumented.isEmpty, "not in \(page.name).1: \(undocumented)")
    }

    /// The long option a `--help` line defines: DCMTK's layout puts it, after
    /// the short one, in the first columns; descriptions start much further right.
    static func optionName(_ line: Substring) -> String? {
        let indent = line.prefix { $0 == " " }.count
        let words = line.split(separator: " ")
        guard indent < 16, let first = words.first else { return nil }
        if first.hasPrefix("--") { return String(first) }
        if words.count > 1, first.hasPrefix("-") || first.hasPrefix("+"), words[1].hasPrefix("--") { return String(words[1]) }
        return nil
    }

    /// An edited configuration survives install and uninstall; a dcmqrscp that
    /// is not Quarry's link (DCMTK's own) is never replaced or removed.
    @Test func neverOverwritesWhatIsNotQuarrys() throws {
        let destination = try TemporaryDirectory("quarry-install")
        let config = Self.installed(destination, "etc/quarry/dcmqrscp.cfg")
        let dcmtk = Self.installed(destination, "bin/dcmqrscp")
        try FileManager.default.createDirectory(atPath: (config as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: (dcmtk as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "NetworkTCPPort = 104\n".write(toFile: config, atomically: true, encoding: .utf8)

        #expect(try Self.make("install", destination).status == 0)
        #expect(try String(contentsOfFile: config, encoding: .utf8) == "NetworkTCPPort = 104\n")

        try "#!/bin/sh\n".write(toFile: dcmtk, atomically: true, encoding: .utf8)
        let refused = try Self.make("install", destination, ["DCMTK_NAMES=1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("bin/dcmqrscp exists and is not a link to quarryscp"), "\(refused.stderr)")

        #expect(try Self.make("uninstall", destination, ["DCMTK_NAMES=1"]).status == 0)
        #expect(try Self.filesAndLinks(under: destination.path) == ["usr/local/bin/dcmqrscp", "usr/local/etc/quarry/dcmqrscp.cfg"])
    }
}
