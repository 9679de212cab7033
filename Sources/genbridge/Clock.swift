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
        civil(days: (sourceDateEpoch ?? Int(time(nil))) / 86_400).year
    }

    static func iso8601(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = civil(days: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// The proleptic Gregorian date of a day number counted from 1970-01-01 (the days-from-civil
    /// algorithm run backwards, in 400-year eras).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
