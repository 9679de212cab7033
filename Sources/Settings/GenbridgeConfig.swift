import Ingest
import Pairing

/// A parsed, checked `genbridge.yml` (SPEC §6). Every key is optional: what the file does not set
/// (a key left out, or left blank) stays nil here, so that the command line can apply the
/// precedence option > config file > default. `ingestOptions(base:)` and `pairingOptions(base:)`
/// lay what the file sets over the options the stages take.
package struct GenbridgeConfig: Sendable, Hashable {
    /// `input:`: how to read the files.
    package struct Input: Sendable, Hashable {
        package var layout: ConfigLayout?
        package var delimiter: ConfigDelimiter?
        package var encoding: EncodingChoice?

        package init(layout: ConfigLayout? = nil, delimiter: ConfigDelimiter? = nil, encoding: EncodingChoice? = nil) {
            self.layout = layout
            self.delimiter = delimiter
            self.encoding = encoding
        }
    }

    /// `scale:`: how answers map onto 0–4.
    package struct Scale: Sendable, Hashable {
        package var minimum: Int?
        package var maximum: Int?
        /// Labels added to the built-in table: label → score 0–4.
        package var labels: [String: Int]?
        /// Answers that mean "no answer" (replaces the default list).
        package var missing: [String]?

        package init(minimum: Int? = nil, maximum: Int? = nil, labels: [String: Int]? = nil, missing: [String]? = nil) {
            self.minimum = minimum
            self.maximum = maximum
            self.labels = labels
            self.missing = missing
        }
    }

    /// `pairing:`: the rules of SPEC §4.
    package struct Pairing: Sendable, Hashable {
        /// Band names mentors come from; nil: the most junior ⌊k/2⌋ of the k bands.
        package var mentorBands: [String]?
        /// Band names mentees come from; nil: the most senior ⌊k/2⌋.
        package var menteeBands: [String]?
        package var mentorMin: Int?
        package var menteeMax: Int?
        package var mentorCapacity: Int?
        package var objective: PairingObjective?
        package var weights: PairingWeights?
        package var avoid: [PairingAvoidance]?

        package init(
            mentorBands: [String]? = nil, menteeBands: [String]? = nil, mentorMin: Int? = nil, menteeMax: Int? = nil,
            mentorCapacity: Int? = nil, objective: PairingObjective? = nil, weights: PairingWeights? = nil,
            avoid: [PairingAvoidance]? = nil
        ) {
            self.mentorBands = mentorBands
            self.menteeBands = menteeBands
            self.mentorMin = mentorMin
            self.menteeMax = menteeMax
            self.mentorCapacity = mentorCapacity
            self.objective = objective
            self.weights = weights
            self.avoid = avoid
        }
    }

    /// `privacy:`.
    package struct Privacy: Sendable, Hashable {
        package var minGroupSize: Int?
        package var pseudonymize: Bool?

        package init(minGroupSize: Int? = nil, pseudonymize: Bool? = nil) {
            self.minGroupSize = minGroupSize
            self.pseudonymize = pseudonymize
        }
    }

    package var input = Input()
    /// `columns:`: role → header text, and `columns.tools`: header → tool name. Empty: auto-detect.
    package var columns = ColumnOverrides()
    package var scale = Scale()
    /// `tools:`, added to the catalogue. A tool of the built-in catalogue named here carries its
    /// built-in category and adds its aliases.
    package var tools: [Tool]?
    /// `bands:`, most junior first; nil or empty: the built-in banding.
    package var bands: [BandDefinition]?
    package var pairing = Pairing()
    package var privacy = Privacy()
    /// Where the names of `pairing.mentor_bands` and `mentee_bands` were written.
    package var bandNamePlaces = BandNamePlaces()

    /// Where each band name of `pairing.mentor_bands` and `mentee_bands` stands in the file, for
    /// the one error found only once the data's bands are known: a name no band has. Not part of
    /// the configuration's value (two files that set the same things are equal configs).
    package struct BandNamePlaces: Sendable, Hashable {
        package var mentor: [SourceLocation] = []
        package var mentee: [SourceLocation] = []

        package init() {}

        /// Where `name` stands in `setting` (`mentor_bands` or `mentee_bands`) of `pairing`.
        package func place(of name: String, setting: String, in pairing: Pairing) -> SourceLocation? {
            let (names, places) =
                setting == "mentor_bands" ? (pairing.mentorBands ?? [], mentor) : (pairing.menteeBands ?? [], mentee)
            guard let index = names.firstIndex(of: name), index < places.count else { return nil }
            return places[index]
        }

        package static func == (_: Self, _: Self) -> Bool { true }
        package func hash(into hasher: inout Hasher) {}
    }

    /// A config that sets nothing: what an empty file gives.
    package init() {}

    /// The survey layout to force; nil or `.auto`: detect.
    package var layout: ConfigLayout? { input.layout }
    /// `privacy.min_group_size`, if set.
    package var minGroupSize: Int? { privacy.minGroupSize }
    /// `privacy.pseudonymize`, if set.
    package var pseudonymize: Bool? { privacy.pseudonymize }
}
