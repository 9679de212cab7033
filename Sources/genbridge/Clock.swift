import Synthesis

#if canImport(Glibc)
    import Glibc
#endif

/// The time a run may show: only `SOURCE_DATE_EPOCH`, so that reruns are byte-identical.
enum Clock {
    /// Seconds since 1970 from SOURCE_DATE_EPOCH, if set to a whole number.
    static var sourceDateEpoch: Int? {
        guard let value = getenv("SOURCE_DATE_EPOCH") else { return nil }
        return Int(String(cString: value))
    }

    /// `2026-11-29T03:00:00Z` for SOURCE_DATE_EPOCH, or nil.
    static var generatedAt: String? {
        sourceDateEpoch.map(iso8601)
    }

    /// The year ages count from: SOURCE_DATE_EPOCH's year, else this year.
    static var referenceYear: Int {
        Timestamp.civil(fromDays: (sourceDateEpoch ?? Int(time(nil))) / 86_400).year
    }

    static func iso8601(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = Timestamp.civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}
