/// Hands one message's data set PDVs (PS3.8 Annex E) to `append` (a temporary
/// file, in the archive) as they arrive, until the last fragment.
package func receiveDataSet(next: () throws -> (value: ArraySlice<UInt8>, isLast: Bool),
                            append: (ArraySlice<UInt8>) throws -> Void) throws {
    while true {
        let pdv = try next()
        try append(pdv.value)
        if pdv.isLast { return }
    }
}
