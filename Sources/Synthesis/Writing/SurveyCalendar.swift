/// When responses come in: the survey window Mon 23 June – Fri 18 July 2025, busiest on launch
/// and reminder days, quiet at weekends. Row `p` of `n` gets the time at fraction (p + ½) / n of
/// the responses, so rows come out in time order as survey tools export them.
struct SurveyCalendar: Sendable {
    /// Days after 23 June 2025 and their share of the responses.
    static let days: [(day: Int, weight: Double)] = [
        (0, 16), (1, 9), (2, 6), (3, 4), (4, 3), (5, 0.6), (6, 0.4), (7, 9), (8, 5), (9, 3), (10, 2.5), (11, 2),
        (12, 0.3), (13, 0.3), (14, 7), (15, 3.5), (16, 2), (17, 1.5), (18, 1.2), (21, 6), (22, 3), (23, 1.5),
        (24, 1.2), (25, 1),
    ]
    /// 23 June 2025, 00:00 UTC, in seconds since 1970.
    static let windowStart = Timestamp.daysSinceEpoch(year: 2025, month: 6, day: 23) * 86400

    let rows: Int
    private let cumulative: [Double]

    init(rows: Int) {
        self.rows = max(rows, 1)
        var sums = [0.0]
        for entry in Self.days { sums.append(sums[sums.count - 1] + entry.weight) }
        cumulative = sums
    }

    /// The time (UTC seconds since 1970) of row `position`.
    func time(of position: Int) -> Int {
        let total = cumulative[cumulative.count - 1]
        let target = (Double(position) + 0.5) / Double(rows) * total
        var index = 0
        while index + 1 < Self.days.count, target >= cumulative[index + 1] { index += 1 }
        let fraction = min(max((target - cumulative[index]) / Self.days[index].weight, 0), 1)
        // Working hours in UTC; the survey opens at 08:00 UTC (09:00 in London) on the first day.
        let opens = Self.days[index].day == 0 ? 8 * 3600 : 7 * 3600
        let closes = 17 * 3600 + 1800
        return Self.windowStart + Self.days[index].day * 86400 + opens + Int(fraction * Double(closes - opens))
    }
}

/// A UTC time split into calendar fields, and the ways survey tools print it.
package struct Timestamp {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// `seconds` since 1970 (UTC) shifted by `offsetHours` (the zone the export is printed in).
    init(_ seconds: Int, offsetHours: Int) {
        let local = seconds + offsetHours * 3600
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let inDay = local - days * 86400
        (year, month, day) = Self.civil(fromDays: days)
        hour = inDay / 3600
        minute = inDay / 60 % 60
        second = inDay % 60
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    package static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Qualtrics: `2025-06-23 09:13:19`.
    func writeISO(_ out: OutputBuffer) {
        out.appendDecimal(year, minimumDigits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(month, minimumDigits: 2)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(day, minimumDigits: 2)
        out.append(UInt8(ascii: " "))
        writeClock(out, hour: hour, padded: true, seconds: true)
    }

    /// SurveyMonkey: `06/23/2025 09:07:30 AM`.
    func writeUS(_ out: OutputBuffer) {
        out.appendDecimal(month, minimumDigits: 2)
        out.append(UInt8(ascii: "/"))
        out.appendDecimal(day, minimumDigits: 2)
        out.append(UInt8(ascii: "/"))
        out.appendDecimal(year, minimumDigits: 4)
        out.append(UInt8(ascii: " "))
        writeClock(out, hour: hour % 12 == 0 ? 12 : hour % 12, padded: true, seconds: true)
        writeMeridiem(out)
    }

    /// Google Forms: `2025/06/23 9:13:19 AM GMT+1`.
    func writeGoogle(_ out: OutputBuffer, zone: [UInt8]) {
        out.appendDecimal(year, minimumDigits: 4)
        out.append(UInt8(ascii: "/"))
        out.appendDecimal(month, minimumDigits: 2)
        out.append(UInt8(ascii: "/"))
        out.appendDecimal(day, minimumDigits: 2)
        out.append(UInt8(ascii: " "))
        writeClock(out, hour: hour % 12 == 0 ? 12 : hour % 12, padded: false, seconds: true)
        writeMeridiem(out)
        out.append(UInt8(ascii: " "))
        out.append(zone)
    }

    /// A German Excel's re-save: `23.06.2025 10:13`.
    func writeGerman(_ out: OutputBuffer) {
        out.appendDecimal(day, minimumDigits: 2)
        out.append(UInt8(ascii: "."))
        out.appendDecimal(month, minimumDigits: 2)
        out.append(UInt8(ascii: "."))
        out.appendDecimal(year, minimumDigits: 4)
        out.append(UInt8(ascii: " "))
        writeClock(out, hour: hour, padded: true, seconds: false)
    }

    private func writeClock(_ out: OutputBuffer, hour: Int, padded: Bool, seconds: Bool) {
        out.appendDecimal(hour, minimumDigits: padded ? 2 : 1)
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(minute, minimumDigits: 2)
        if seconds {
            out.append(UInt8(ascii: ":"))
            out.appendDecimal(second, minimumDigits: 2)
        }
    }

    private func writeMeridiem(_ out: OutputBuffer) {
        out.append(UInt8(ascii: " "))
        out.append(UInt8(ascii: hour < 12 ? "A" : "P"))
        out.append(UInt8(ascii: "M"))
    }
}
