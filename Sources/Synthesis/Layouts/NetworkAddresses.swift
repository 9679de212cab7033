#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a web survey tool records about a response's connection and timing: the office's
/// network address (RFC 5737 documentation ranges) or, from home, one of a shared range, and how
/// long the response took.
struct NetworkAddresses {
    /// Per office, its addresses as bytes.
    private let offices: [[[UInt8]]] = Office.all.map { office in office.addresses.map { Array($0.utf8) } }
    private let sharedRange = Array("198.51.100.".utf8)
    let spamBot = Array("203.0.113.250".utf8)

    /// Writes the address a person answered from: mostly their office's, sometimes from home.
    func write(_ person: inout Person, out: OutputBuffer) {
        if person.draws.chance(0.88) {
            let addresses = offices[person.office]
            out.append(addresses[person.draws.below(addresses.count)])
        } else {
            out.append(sharedRange)
            out.appendDecimal(130 + person.draws.below(120))
        }
    }

    /// Seconds spent on the survey: log-normal, median about eight minutes, within 140–2900.
    static func duration(_ draws: inout Draws) -> Int {
        min(max(Int(exp(6.15 + 0.45 * draws.normal())), 140), 2900)
    }
}
