import DICOM

extension ResponseCharacterSetPolicy {
    /// One C-FIND response after the policy: its values, the (0008,0005) to
    /// send with them, and what dcmqrscp logs on the way.
    package struct Outcome: Sendable, Equatable {
        /// The response's elements, in the order given, values converted or as they were.
        package var elements: [DataElement]
        /// The (0008,0005) value to include in the response identifier; nil: none.
        package var specificCharacterSet: String?
        /// dcmqrscp's log lines for this response, in order.
        package var messages: [Message]

        package struct Message: Sendable, Equatable, CustomStringConvertible {
            package var level: Log.Level
            package var text: String
            package init(_ level: Log.Level, _ text: String) { (self.level, self.text) = (level, text) }
            package var description: String { level.prefix + text }
        }
    }

    /// Applies the policy to one matched record's response values (spec §6.6).
    ///
    /// - `recordCharacterSet`: the (0008,0005) stored for the record (nil or
    ///   empty: ASCII); the values are in it.
    /// - `requestCharacterSet`: the (0008,0005) of the C-FIND identifier (nil or empty: ASCII).
    ///
    /// The destination is the request's character set, or with
    /// `overridesRequest` the configured one; when converting to it fails and
    /// `fallsBack`, the other one is tried. When no conversion is needed (same
    /// set, or ASCII to UTF-8) or every attempt fails, the values stay in the
    /// record's set and the response carries the record's (0008,0005), if it
    /// has one. After a conversion the response carries the destination's
    /// (0008,0005), none for ASCII.
    package func apply(to elements: [DataElement], recordCharacterSet: String?,
                       requestCharacterSet: String?) -> Outcome {
        let source = Self.normalized(recordCharacterSet)
        let request = Self.normalized(requestCharacterSet)
        let other = fallsBack && characterSet != request
        let destination = overridesRequest ? characterSet : request
        let fallback: String? = other ? (overridesRequest ? request : characterSet) : nil

        var outcome = Outcome(elements: elements, specificCharacterSet: source.isEmpty ? nil : source, messages: [])
        guard CharacterSetPolicySupport.conversionIsNecessary(from: source, to: destination) else { return outcome }
        if attempt(elements, from: source, to: destination, into: &outcome) { return outcome }
        guard let fallback else { return outcome }
        guard CharacterSetPolicySupport.conversionIsNecessary(from: source, to: fallback) else {
            outcome.messages.append(.init(.info, "Conversion to fall-back character set \""
                + "\(CharacterSetPolicySupport.logName(fallback))\" is not necessary, since the original character set is compatible"))
            return outcome
        }
        outcome.messages.append(.init(.info, "Trying to convert response from character set \""
            + "\(CharacterSetPolicySupport.logName(source))\" to fall-back character set \""
            + "\(CharacterSetPolicySupport.logName(fallback))\" instead"))
        _ = attempt(elements, from: source, to: fallback, into: &outcome)
        return outcome
    }

    /// Like `apply(to:recordCharacterSet:requestCharacterSet:)`, writing the messages to `log`.
    package func apply(to elements: [DataElement], recordCharacterSet: String?, requestCharacterSet: String?,
                       log: Log) -> Outcome {
        let outcome = apply(to: elements, recordCharacterSet: recordCharacterSet, requestCharacterSet: requestCharacterSet)
        for message in outcome.messages { log(message.level, message.text) }
        return outcome
    }

    /// One conversion; on success the outcome takes the converted values and
    /// the destination's (0008,0005). Logs as dcmqrscp does either way.
    private func attempt(_ elements: [DataElement], from source: String, to destination: String,
                         into outcome: inout Outcome) -> Bool {
        let sourceName = CharacterSetPolicySupport.logName(source)
        let destinationName = CharacterSetPolicySupport.logName(destination)
        func failed(_ text: String) -> Bool {
            outcome.messages.append(.init(.warn, "Converting response from character set \"\(sourceName)\" "
                + "to character set \"\(destinationName)\" failed, (error message: \(text))"))
            return false
        }
        let from: SpecificCharacterSet, to: SpecificCharacterSet
        switch CharacterSetPolicySupport.characterSet(source, role: "source") {
        case .success(let set): from = set
        case .failure(let failure): return failed(failure.text)
        }
        switch CharacterSetPolicySupport.characterSet(destination, role: "destination") {
        case .success(let set): to = set
        case .failure(let failure): return failed(failure.text)
        }
        let conversion = ResponseTextConversion(source: from, destination: to, transliterates: transliterates,
                                                discardsIllegalCharacters: discardsIllegalCharacters)
        do {
            outcome.elements = try conversion.convert(elements)
        } catch {
            outcome.messages.append(.init(.warn, "DcmItem: An error occurred during the conversion to "
                + "\(CharacterSetPolicySupport.encodingName(destination)) encoding, the value of "
                + "SpecificCharacterSet (0008,0005) is not updated"))
            return failed(CharacterSetPolicySupport.conversionFailureText)
        }
        outcome.specificCharacterSet = CharacterSetPolicySupport.isDefaultRepertoire(destination) ? nil : destination
        outcome.messages.append(.init(.info, "Successfully converted response from character set \"\(sourceName)\" "
            + "to character set \"\(destinationName)\""))
        return true
    }
}
