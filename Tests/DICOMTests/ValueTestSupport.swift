import DICOM
import Testing

/// One row of a parser table: the text and either the value's canonical
/// spelling or the reason the parse must fail with.
struct ParseCase: Sendable, CustomStringConvertible {
    enum Outcome: Sendable { case valid(String), invalid(InvalidValue.Reason) }
    var text: String
    var outcome: Outcome

    static func ok(_ text: String, _ canonical: String? = nil) -> ParseCase { .init(text: text, outcome: .valid(canonical ?? text)) }
    static func bad(_ text: String, _ reason: InvalidValue.Reason) -> ParseCase { .init(text: text, outcome: .invalid(reason)) }

    var description: String { "\"\(text.debugDescription.dropFirst().dropLast())\"" }

    /// Parses with `T` and checks the outcome: the canonical spelling, or the exact error.
    func check<T: ParsableValue & CustomStringConvertible>(_ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) {
        switch outcome {
        case .valid(let canonical):
            do {
                let value = try T(parsing: text)
                #expect(value.description == canonical, sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(error)", sourceLocation: sourceLocation)
            }
        case .invalid(let reason):
            #expect(throws: InvalidValue(T.vr, text, reason), sourceLocation: sourceLocation) { try T(parsing: text) }
        }
    }
}
