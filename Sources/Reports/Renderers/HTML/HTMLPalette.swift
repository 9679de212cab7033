/// The report's colours. Both palettes are colour-blind safe (ColorBrewer YlGnBu and BrBG), and
/// every label drawn on a colour has a contrast of at least 4.5:1 with it.
enum HTMLPalette {
    /// Sequential palette of the heatmap: eight classes of mean familiarity, 0–0.5 … 3.5–4,
    /// light (low) to dark (high). ColorBrewer YlGnBu, 8 classes.
    static let heat = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]
    /// The text colour on each heat class.
    static let heatInk = ["#1b1b1b", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff", "#ffffff"]

    /// The heat class of a mean on the 0–4 scale.
    static func heatClass(_ mean: Double) -> Int { max(0, min(heat.count - 1, Int(mean / 0.5))) }

    /// Diverging palette of the Likert bars, score 0 to 4: brown for low, grey for the neutral
    /// middle, teal for high, after R likert's `#D8B365` / grey / `#5AB4AC`, with darker ends
    /// (ColorBrewer BrBG) so that the five scores stay apart.
    static let likert = ["#a6611a", "#d8b365", "#e5e5e5", "#5ab4ac", "#01665e"]
    static let likertInk = ["#ffffff", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff"]

    /// Direction of a gap: junior ahead (teal) or senior ahead (brown).
    static let juniorAhead = "#01665e"
    static let seniorAhead = "#a6611a"
    static let ink = "#1b1b1b"
    static let muted = "#555555"
    static let grid = "#d0d0d0"
    static let track = "#eeeeee"
}
