import Ingest

/// Checks that compare values of different keys or sections, once the whole file is read.
extension ConfigReader {
    mutating func checkAcrossSections() throws(ConfigError) {
        // Unset bounds are compared with their defaults: `min: 5` alone is as empty as 5..4.
        let minimum = config.scale.minimum ?? 0
        let maximum = config.scale.maximum ?? 4
        if minimum >= maximum, let place = places.scaleMaximum ?? places.scaleMinimum {
            throw .emptyScale(place, minimum: minimum, maximum: maximum)
        }

        let mentorMin = config.pairing.mentorMin ?? 3
        let menteeMax = config.pairing.menteeMax ?? 1
        if menteeMax >= mentorMin, let place = places.menteeMax ?? places.mentorMin {
            throw .crossedThresholds(place, mentorMin: mentorMin, menteeMax: menteeMax)
        }

        // Band names can be checked only against configured bands; the built-in ones depend on the data.
        if let bands = config.bands, !bands.isEmpty {
            let known = Set(bands.map { HeaderText.key($0.name) })
            let lists = [
                ("pairing.mentor_bands", config.pairing.mentorBands ?? [], places.mentorBands),
                ("pairing.mentee_bands", config.pairing.menteeBands ?? [], places.menteeBands),
            ]
            for (key, names, places) in lists {
                for (name, place) in zip(names, places) where !known.contains(HeaderText.key(name)) {
                    throw .unknownBand(place, key: key, band: name, bands: bands.map(\.name))
                }
            }
        }

        // Tools are named from the catalogue: the built-in one plus `tools:`. A new tool needs its
        // category, so it must be declared under `tools:` before a column or a weight can name it.
        var catalogue = ToolCatalog.builtIn
        for tool in config.tools ?? [] { catalogue.add(tool) }
        for (tool, place) in places.columnTools where catalogue.tool(named: tool) == nil {
            throw .unknownTool(place, key: "columns.tools", tool: tool)
        }

        // Weights are matched to tools by name: an alias becomes the tool's name.
        if case .perTool = config.pairing.weights {
            var weights: [String: Double] = [:]
            var seen = Set<String>()
            for (tool, weight, place) in places.weights {
                guard let name = catalogue.tool(named: tool)?.name else {
                    throw .unknownTool(place, key: "pairing.weights", tool: tool)
                }
                guard seen.insert(HeaderText.key(name)).inserted else { throw .duplicateKey(place, key: tool) }
                weights[name] = weight
            }
            config.pairing.weights = .perTool(weights)
        }
    }
}
