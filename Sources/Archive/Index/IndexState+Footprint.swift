extension IndexState {
    /// Bytes the index's structures have allocated (capacities, Swift and malloc
    /// headers estimated): the design budget is ~300 per instance (DESIGN.md).
    var allocatedBytes: Int {
        func array<T>(_ a: [T]) -> Int { a.capacity * MemoryLayout<T>.stride + ChunkedArray<Int32>.arrayOverhead }
        var total = strings.allocatedBytes + patients.allocatedBytes + studies.allocatedBytes + series.allocatedBytes
            + instances.allocatedBytes + instanceValues.allocatedBytes
            + patientTable.allocatedBytes + studyTable.allocatedBytes + seriesTable.allocatedBytes
            + instanceTable.allocatedBytes
        for chunk in patients.chunks { for p in chunk { total += array(p.values) + array(p.studies) } }
        for chunk in studies.chunks {
            for s in chunk { total += array(s.values) + array(s.series) + array(s.sopClasses) }
        }
        for chunk in series.chunks { for s in chunk { total += array(s.values) + array(s.instances) } }
        return total
    }
}
