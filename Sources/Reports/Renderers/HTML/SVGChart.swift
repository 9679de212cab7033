/// An inline SVG chart: `role="img"`, a `<title>` and a `<desc>` it is labelled and described by,
/// and a size that scales down to the width of the screen. Ids come from fixed words and indexes.
struct SVGChart {
    var id: String
    var width: Double
    var height: Double
    /// Plain text (escaped when written).
    var title: String
    var description: String
    var body: Markup

    /// A chart grows with the page up to this many times its drawn size, and shrinks to fit a phone.
    static let largestScale = 1.3

    func render() -> Markup {
        """
        <svg class="chart" id="\(id)" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
        style="max-width: \(width * Self.largestScale)px" role="img" aria-labelledby="\(id)-title \(id)-desc">
        <title id="\(id)-title">\(title)</title>
        <desc id="\(id)-desc">\(description)</desc>
        \(body)</svg>

        """
    }

    /// A `<text>` element. Text longer than `limit` characters is cut with an ellipsis; the whole
    /// text is then kept in a `<title>`, which browsers show on hover.
    static func label(
        _ text: String, x: Double, y: Double, limit: Int = .max, anchor: String = "start", className: String = "",
        fill: String? = nil
    ) -> Markup {
        var attributes: Markup = "x=\"\(x)\" y=\"\(y)\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if !className.isEmpty { attributes += " class=\"\(className)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        guard text.count > limit, limit > 1 else { return "<text \(attributes)>\(text)</text>" }
        let shown = String(text.prefix(limit - 1)) + "…"
        return "<text \(attributes)><title>\(text)</title>\(shown)</text>"
    }
}
