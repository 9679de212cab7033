/// The field delimiter `input.delimiter` sets: `auto` sniffs among `,` `;` and tab.
package enum ConfigDelimiter: String, Sendable, Hashable, CaseIterable {
    case auto
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    /// The byte for `CSVReadOptions.delimiter`; nil sniffs.
    package var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    /// The value as the config file writes it.
    var spelling: String {
        switch self {
        case .auto: "auto"
        case .comma: "\",\""
        case .semicolon: "\";\""
        case .tab: "\"\\t\""
        }
    }
}
