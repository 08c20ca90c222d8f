#if canImport(Glibc)
import Glibc
#endif

/// What dcmqrscp does once its socket is bound (spec §1.3; dcmqrscp.cc):
/// give up a setuid-root identity, then switch to the config's GroupName,
/// then its UserName. The error text is dcmqrscp's `F:` message.
enum PrivilegeDrop {
    struct Failure: Error, Equatable { var message: String }

    static func apply(groupName: String, userName: String) throws(Failure) {
        _ = setuid(getuid())
        if !groupName.isEmpty {
            guard let group = getgrnam(groupName) else { throw Failure(message: "bad group name \(groupName)") }
            let gid = group.pointee.gr_gid
            if geteuid() == 0 {
                var groups = [gid]
                _ = setgroups(1, &groups)   // no supplementary groups of root's left behind
            }
            guard setgid(gid) == 0 else { throw Failure(message: "setgid: Unable to set group id to group \(gid)") }
        }
        if !userName.isEmpty {
            guard let user = getpwnam(userName) else { throw Failure(message: "bad user name \(userName)") }
            let uid = user.pointee.pw_uid
            guard setuid(uid) == 0 else { throw Failure(message: "setuid: Unable to set user id to user \(uid)") }
        }
    }

    /// The names the config gives that the system does not know (for `--check-config`).
    static func unknownNames(groupName: String, userName: String) -> [String] {
        var unknown: [String] = []
        if !groupName.isEmpty, getgrnam(groupName) == nil { unknown.append("bad group name \(groupName)") }
        if !userName.isEmpty, getpwnam(userName) == nil { unknown.append("bad user name \(userName)") }
        return unknown
    }
}
