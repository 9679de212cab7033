import Ingest
import Pairing

/// What the config sets, laid over the options the stages take. Whatever the file leaves unset
/// keeps the value of `base`, so a caller can build `base` from the defaults, apply the file,
/// then apply the command-line options that were given.
extension GenbridgeConfig {
    /// `input`, `columns`, `scale`, `tools` and `bands` over `base`.
    package func ingestOptions(base: IngestOptions) -> IngestOptions {
        var options = base
        if let encoding = input.encoding { options.read.encoding = encoding }
        if let delimiter = input.delimiter { options.read.delimiter = delimiter.byte }

        options.columns.roles.merge(columns.roles) { _, configured in configured }
        options.columns.tools.merge(columns.tools) { _, configured in configured }

        for tool in tools ?? [] { options.catalogue.add(tool) }

        if scale != Scale() {
            // The base scale's tables are keyed already (`HeaderText.key`, which is idempotent);
            // the config's labels are keyed before they are laid over them, so that `Expert: 3`
            // replaces the built-in `expert` instead of standing beside it (which of the two won
            // then depended on the order of a dictionary: one run 3, the next 4).
            var labels = base.scale.labels.mapValues { Int($0) }
            for (label, score) in scale.labels ?? [:] { labels[HeaderText.key(label)] = score }
            options.scale = FamiliarityScale(
                minimum: scale.minimum ?? base.scale.minimum, maximum: scale.maximum ?? base.scale.maximum,
                extraLabels: labels, missing: scale.missing ?? base.scale.missing.sorted())
        }

        if let bands { options.bands = bands }
        return options
    }

    /// `pairing` over `base`.
    package func pairingOptions(base: PairingOptions) -> PairingOptions {
        var options = base
        if let mentorBands = pairing.mentorBands { options.mentorBands = mentorBands }
        if let menteeBands = pairing.menteeBands { options.menteeBands = menteeBands }
        if let mentorMin = pairing.mentorMin { options.mentorMin = mentorMin }
        if let menteeMax = pairing.menteeMax { options.menteeMax = menteeMax }
        if let mentorCapacity = pairing.mentorCapacity { options.mentorCapacity = mentorCapacity }
        if let objective = pairing.objective { options.objective = objective }
        switch pairing.weights {
        case .gap:
            options.weightByGap = true
            options.weights = [:]
        case .perTool(let weights):
            options.weightByGap = false
            options.weights = weights
        case nil:
            break
        }
        if let avoid = pairing.avoid {
            options.avoidSameDepartment = avoid.contains(.sameDepartment)
            options.avoidDifferentLocation = avoid.contains(.differentLocation)
        }
        return options
    }
}
