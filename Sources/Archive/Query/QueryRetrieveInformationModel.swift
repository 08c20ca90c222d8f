/// A Query/Retrieve Information Model and the service it is used with
/// (PS3.4 §C.6, Table B.5-1 / §C.3): the abstract syntax of a C-FIND, C-MOVE
/// or C-GET presentation context.
package struct QueryRetrieveInformationModel: Sendable, Hashable, CustomStringConvertible {
    /// The root of the model (PS3.4 §C.6.1 Patient Root, §C.6.2 Study Root,
    /// §C.6.3 Patient/Study Only — retired, still served by dcmqrscp).
    package enum Root: Sendable, Hashable, CaseIterable {
        case patientRoot, studyRoot, patientStudyOnly

        /// The highest level of the model (dcmqrdbi.cc `qLevel`).
        package var topLevel: QueryRetrieveLevel { self == .studyRoot ? .study : .patient }
        /// The lowest level of the model (dcmqrdbi.cc `lLevel`); only the strict
        /// checks (-XF, -XM) enforce it — dcmqrscp answers a Patient/Study Only
        /// SERIES query without them (spec §6.1).
        package var lowestLevel: QueryRetrieveLevel { self == .patientStudyOnly ? .study : .image }
        /// The levels of the model, top-down.
        package var levels: [QueryRetrieveLevel] { QueryRetrieveLevel.allCases.filter { $0 >= topLevel && $0 <= lowestLevel } }

        package var name: String {
            switch self {
            case .patientRoot: "Patient Root"
            case .studyRoot: "Study Root"
            case .patientStudyOnly: "Patient/Study Only"
            }
        }
    }

    /// The DIMSE-C service the model's SOP class belongs to.
    package enum Service: Sendable, Hashable, CaseIterable {
        case find, move, get

        package var name: String {
            switch self {
            case .find: "FIND"
            case .move: "MOVE"
            case .get: "GET"
            }
        }
    }

    package var root: Root
    package var service: Service

    package init(root: Root, service: Service) { (self.root, self.service) = (root, service) }

    /// The SOP Class UID (PS3.4 Table C.6-0 … and PS3.6 Annex A):
    /// 1.2.840.10008.5.1.4.1.2.{1 Patient Root, 2 Study Root, 3 Patient/Study Only}.{1 FIND, 2 MOVE, 3 GET}.
    package var sopClassUID: String {
        let r = switch root {
        case .patientRoot: 1
        case .studyRoot: 2
        case .patientStudyOnly: 3
        }
        let s = switch service {
        case .find: 1
        case .move: 2
        case .get: 3
        }
        return "1.2.840.10008.5.1.4.1.2.\(r).\(s)"
    }

    /// The model named by a SOP Class UID, nil for any other UID.
    package init?(sopClassUID uid: String) {
        guard let model = Self.all.first(where: { $0.sopClassUID == uid }) else { return nil }
        self = model
    }

    /// All nine models, FIND/MOVE/GET of each root.
    package static let all: [Self] = Root.allCases.flatMap { r in Service.allCases.map { Self(root: r, service: $0) } }

    package var description: String { "\(root.name) \(service.name)" }
}
