extension StorageQuota {
    /// The quota of an AETable line as Quarry applies it (spec §2.5, §5.5; issue 5:
    /// the numbers as written, no 500-study or 1 GiB cap):
    ///
    /// * maxStudies: the number written; undefined (`(abc, 10mb)`) or negative —
    ///   which dcmqrscp reads as its maximum — means no limit on studies;
    /// * maxBytesPerStudy: the size written; a size not ending in `b` (-1 as parsed)
    ///   or negative means dcmqrscp's upper limit, 1 GiB, as dcmqrscp applies it;
    ///   undefined (`(10)`) means no limit per study.
    package init(configured: ConfiguredQuota, policy: Policy) {
        let studies = configured.maxStudies.flatMap { $0 > 0 ? $0 : nil }
        let bytes: Int64? = configured.maxBytesPerStudy.map {
            $0 < 0 ? Int64(ConfiguredQuota.dcmqrscpMaxBytesPerStudy) : Int64($0)
        }
        self.init(maxStudies: studies, maxBytesPerStudy: bytes, policy: policy)
    }
}
