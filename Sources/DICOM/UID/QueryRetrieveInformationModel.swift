/// The Query/Retrieve Information Models of PS3.4 §C.6 that dcmqrscp serves,
/// each with its FIND, MOVE and GET SOP classes (PS3.4 §C.6.1.3, §C.6.2.3, §C.6.3.3).
package enum QueryRetrieveInformationModel: String, CaseIterable, Sendable, Hashable {
    /// Patient Root (PS3.4 §C.6.1).
    case patientRoot
    /// Study Root (PS3.4 §C.6.2).
    case studyRoot
    /// Patient/Study Only (PS3.4 §C.6.3, retired from the standard, still served by dcmqrscp).
    case patientStudyOnly

    /// The DIMSE-C operation a model's SOP class carries.
    package enum Operation: String, CaseIterable, Sendable, Hashable {
        case find = "FIND", move = "MOVE", get = "GET"
    }

    private var uidStem: String {
        switch self {
        case .patientRoot: "1.2.840.10008.5.1.4.1.2.1."
        case .studyRoot: "1.2.840.10008.5.1.4.1.2.2."
        case .patientStudyOnly: "1.2.840.10008.5.1.4.1.2.3."
        }
    }

    /// The SOP class UID of this model for `operation`, e.g. Study Root FIND → `1.2.840.10008.5.1.4.1.2.2.1`.
    package func uid(_ operation: Operation) -> String {
        switch operation {
        case .find: uidStem + "1"
        case .move: uidStem + "2"
        case .get: uidStem + "3"
        }
    }

    /// The model and operation of a Q/R SOP class UID; nil for any other UID.
    package static func identify(_ uid: String) -> (model: QueryRetrieveInformationModel, operation: Operation)? {
        let uid = SOPClass.trimmingPadding(uid)
        for model in allCases {
            for operation in Operation.allCases where model.uid(operation) == uid { return (model, operation) }
        }
        return nil
    }

    /// Every FIND, MOVE and GET SOP class UID of the three models (nine UIDs).
    package static var allUIDs: [String] { allCases.flatMap { m in Operation.allCases.map { m.uid($0) } } }
}
