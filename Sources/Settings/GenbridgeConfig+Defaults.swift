import Ingest
import Pairing

extension GenbridgeConfig {
    /// Every key at its default value, as `defaultFileText` writes it. Keys whose default is
    /// "none" or depends on the data (the role columns, `tools`, `bands`, `mentor_bands`,
    /// `mentee_bands`) stay unset.
    package static let defaults: GenbridgeConfig = {
        var config = GenbridgeConfig()
        config.input = Input(layout: .auto, delimiter: .auto, encoding: .auto)
        config.columns = ColumnOverrides()
        config.scale = Scale(minimum: 0, maximum: 4, labels: [:], missing: FamiliarityScale.defaultMissing)
        config.pairing = Pairing(
            mentorMin: 3, menteeMax: 1, mentorCapacity: 1, objective: .coverage, weights: .perTool([:]), avoid: [])
        config.privacy = Privacy(minGroupSize: 5, pseudonymize: false)
        return config
    }()

    /// The file `genbridge init` writes: every key of SPEC §6, in its order, with its default and
    /// a one-line comment. It parses back to `defaults`.
    package static let defaultFileText = """
        # genbridge.yml, written by `genbridge init`. Every key is optional: a key left out, or left
        # blank, takes its default (shown here). A command-line option wins over this file.
        input:
          layout: auto            # auto | generic | qualtrics | surveymonkey | google-forms | microsoft-forms
          delimiter: auto         # auto | "," | ";" | "\\t"
          encoding: auto          # auto | utf-8 | utf-16 | windows-1252
        columns:                  # role -> header text (Qualtrics: export tag or question text); blank: detected
          id:                     # the person's id, e.g. "Employee ID" (none: the row's line number)
          name:                   # full name
          email:                  # email address
          department:             # department or team
          level:                  # job level or grade, e.g. "Job level"
          band:                   # seniority band given directly
          years:                  # years of experience
          birth_year:             # year of birth
          age:                    # age in years
          manager:                # the manager's id or email, e.g. "Manager ID"
          location:               # office, site or country
          mentor_opt_in:          # willing to mentor (yes, y, true, 1, x opt in)
          mentee_opt_in:          # would like a mentor (yes, y, true, 1, x opt in)
          capacity:               # how many mentees this person can take
          tools: {}               # header -> tool name, for headers that do not name it: {"Q5_7": "Hootsuite"}
        scale:
          min: 0                  # numeric answers run min..max and are mapped linearly onto 0..4
          max: 4                  # (a 1..5 scale: min: 1, max: 5)
          labels: {}              # added to the built-in labels, e.g. {"Could teach it": 4, "Use it daily": 3}
          missing: ["", "N/A", "Prefer not to say", "Don't know"]   # answers that are missing, never zero
        tools:                    # blank: none; tools added to the built-in catalogue, or aliases added to its tools
          # A new tool needs a category: social network | messaging | social media management | content
          # - {name: "Bluesky", aliases: ["bsky"], category: "social network"}
        bands:                    # blank: built-in (band column, else levels in 3 runs, else generations, else years)
          # Most junior first; each band has exactly one of levels, years: [from, to], birth_years: [from, to]
          # - {name: "Junior", levels: ["L1", "L2", "L3"]}
          # - {name: "Mid",    levels: ["L4", "L5"]}
          # - {name: "Senior", levels: ["L6", "L7", "L8"]}
        pairing:
          mentor_bands:           # blank: the most junior half of the bands (rounded down); or e.g. ["Junior"]
          mentee_bands:           # blank: the most senior half (an odd count leaves the middle band out)
          mentor_min: 3           # a mentor can teach a tool they rate at least this (0-4) ...
          mentee_max: 1           # ... to a mentee who rates it at most this (0-4)
          mentor_capacity: 1      # mentees per mentor, for people without a capacity value
          objective: coverage     # coverage: most mentees paired, then best score | score: best total score
          weights: {}             # tool -> weight (others weigh 1), or the word gap (each tool's headline gap)
          avoid: []               # same_department, different_location
        privacy:
          min_group_size: 5       # figures resting on fewer answers than this are suppressed
          pseudonymize: false     # replace names and emails by stable pseudonyms in every output

        """
}
