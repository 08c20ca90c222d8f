import Archive
import DICOM
import DICOMNetwork

extension Evaluator {
    /// C-ECHO, C-STORE, and C-FIND/C-MOVE/C-GET per model, as the policy
    /// answers them for an accepted association to `entry`'s AE.
    func serviceVerdicts(base: Answers, entry: AEEntry) -> [ServiceVerdict] {
        let line = ExplanationSource.configurationLine(file: file, line: entry.line)
        var verdicts = [echoVerdict(base)]
        let storage = evaluate(SOPClass.allStorageUIDs.map { Proposal(abstractSyntax: $0, roles: nil) })
        verdicts.append(storeVerdict(storage, entry: entry, line: line))
        let receiving = evaluate(SOPClass.allStorageUIDs.map { Proposal(abstractSyntax: $0, roles: .scpOnly) })
        let receivable = SOPClass.allStorageUIDs.count { receiving.results[$0].map { $0.result.isAccepted && $0.scp } ?? false }
        for model in QueryRetrieveInformationModel.all {
            var verdict = queryRetrieveVerdict(model, base: base, entry: entry, line: line)
            if model.service == .get, verdict.isAllowed, receivable == 0 {
                verdict = ServiceVerdict(verdict.service, isAllowed: false, ExplanationReason(storageSource,
                    "no storage SOP class is accepted with the requestor as SCP: C-GET could deliver nothing"))
            }
            verdicts.append(verdict)
        }
        return verdicts
    }

    /// Where the storage SOP classes accepted come from: the `-xf` "in"
    /// profile when given, else this build's storage service.
    var storageSource: ExplanationSource {
        guard let profiles = options.associationProfiles else { return .build }
        return .associationProfile(file: profiles.file, profile: profiles.incomingProfile)
    }

    func echoVerdict(_ base: Answers) -> ServiceVerdict {
        let check = associationReasons(base).first ?? ExplanationReason(.configurationFile(file), "")
        switch base.result(SOPClass.verificationUID) {
        case .acceptance?:
            return ServiceVerdict(.echo, isAllowed: true, ExplanationReason(check.source, "any peer the AE admits may use it"))
        case let result?:
            return ServiceVerdict(.echo, isAllowed: false, refusal(result, model: nil))
        case nil:
            return ServiceVerdict(.echo, isAllowed: false, ExplanationReason(.build, "not decided"))
        }
    }

    func storeVerdict(_ storage: Answers, entry: AEEntry, line: ExplanationSource) -> ServiceVerdict {
        let all = SOPClass.allStorageUIDs
        let accepted = all.filter { storage.results[$0].map { $0.result.isAccepted && $0.scu } ?? false }
        if accepted.count == all.count {
            return ServiceVerdict(.store, isAllowed: true, ExplanationReason(line,
                "access \"\(entry.access.token)\" is writable: all \(all.count) storage SOP classes"))
        }
        if !accepted.isEmpty {
            return ServiceVerdict(.store, isAllowed: true, ExplanationReason(storageSource,
                "\(accepted.count) of the \(all.count) storage SOP classes"
                    + (options.associationProfiles == nil ? "" : " (the profile's list)")))
        }
        let results = Set(all.compactMap { storage.result($0) })
        if results.contains(.userRejection), !entry.access.canWrite {
            return ServiceVerdict(.store, isAllowed: false, ExplanationReason(line,
                "access \"\(entry.access.token)\" is not writable (only RW, WR and W are): storage contexts refused"))
        }
        let result = results.contains(.transferSyntaxesNotSupported) ? .transferSyntaxesNotSupported
            : results.first ?? .abstractSyntaxNotSupported
        return ServiceVerdict(.store, isAllowed: false, refusal(result, model: nil))
    }

    func queryRetrieveVerdict(_ model: QueryRetrieveInformationModel, base: Answers, entry: AEEntry,
                              line: ExplanationSource) -> ServiceVerdict {
        let service = ServiceVerdict.Service.queryRetrieve(model)
        guard let result = base.result(model.sopClassUID) else {
            return ServiceVerdict(service, isAllowed: false, ExplanationReason(.build, "not decided"))
        }
        guard result.isAccepted else {
            if result == .userRejection, !entry.access.canRead {
                return ServiceVerdict(service, isAllowed: false, ExplanationReason(line,
                    "access \"W\" is write-only: Quarry refuses C-FIND, C-MOVE and C-GET"))
            }
            return ServiceVerdict(service, isAllowed: false, refusal(result, model: model))
        }
        var text = "access \"\(entry.access.token)\" permits C-FIND, C-MOVE and C-GET"
        if model.service == .move, options.requireFind { text += " (C-MOVE with its C-FIND context: --require-find)" }
        return ServiceVerdict(service, isAllowed: true, ExplanationReason(line, text))
    }

    /// Why a context is refused, from its result and the options behind it.
    func refusal(_ result: PresentationContextResult, model: QueryRetrieveInformationModel?) -> ExplanationReason {
        if let model, result == .abstractSyntaxNotSupported {
            let rootOption = switch model.root {
            case .patientRoot: options.supportPatientRoot ? nil : "--no-patient-root"
            case .studyRoot: options.supportStudyRoot ? nil : "--no-study-root"
            case .patientStudyOnly: options.supportPatientStudyOnly ? nil : "--no-patient-study"
            }
            if let rootOption {
                return ExplanationReason(.commandLine(rootOption), "\(model.root.name) models not supported")
            }
            if model.service == .get, options.disableGet {
                return ExplanationReason(.commandLine("--disable-get"), "C-GET not supported")
            }
        }
        if model?.service == .move, result == .userRejection, options.requireFind {
            return ExplanationReason(.commandLine("--require-find"), "C-MOVE only together with its C-FIND context")
        }
        switch result {
        case .transferSyntaxesNotSupported:
            return ExplanationReason(.commandLine("+x…"),
                                     "none of the uncompressed transfer syntaxes DCMTK's tools propose is accepted")
        case .abstractSyntaxNotSupported where model == nil && options.associationProfiles != nil:
            return ExplanationReason(storageSource, "no storage SOP class of the profile")
        case .abstractSyntaxNotSupported:
            return ExplanationReason(.build, "not served (no service provider for it in this build)")
        default:
            return ExplanationReason(.build, "refused: \(result)")
        }
    }
}
