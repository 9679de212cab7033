import Testing

@testable import Reports

@Suite("HTML escaping: input text is inert in text and in attributes")
struct HTMLEscapingTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'><svg/onload=alert(1)>",
        "javascript:alert(1)",
        "AT&T &amp; &lt;b&gt; &#x3C;",
        "</title></desc></svg><script>x</script>",
        "<!-- comment --> ]]> <![CDATA[",
        "{{7*7}} ${7*7}",
        "plain text, nothing to do",
        "Zoë Ørsted – 日本語 😀",
        "",
    ]

    @Test(
        "the five special characters become references",
        arguments: [
            ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
            ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            ("\"><svg onload=alert(1)>", "&quot;&gt;&lt;svg onload=alert(1)&gt;"),
            ("a & b", "a &amp; b"), ("&amp;", "&amp;amp;"), ("Zoë 😀", "Zoë 😀"), ("", ""),
        ])
    func references(input: String, expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test("an escaped payload has no markup character left and decodes back to itself", arguments: payloads)
    func inert(payload: String) {
        let escaped = HTMLEscaping.escape(payload)
        #expect(!escaped.contains("<"))
        #expect(!escaped.contains(">"))
        #expect(!escaped.contains("\""))
        #expect(!escaped.contains("'"))
        #expect(HTMLScanner.unescape(escaped) == payload)
        // Every & starts one of the references written.
        var rest = Substring(escaped)
        while let ampersand = rest.firstIndex(of: "&") {
            let tail = rest[ampersand...]
            #expect(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { tail.hasPrefix($0) })
            rest = rest[rest.index(after: ampersand)...]
        }
    }

    @Test("in an attribute, a payload stays one value of one attribute", arguments: payloads)
    func attribute(payload: String) {
        let markup: Markup = "<td title=\"\(payload)\" class='x' data-b='\(payload)'>\(payload)</td>"
        let tags = HTMLScanner.tags(markup.html)
        #expect(tags.map(\.name) == ["td", "td"])
        let attributes = tags.first?.attributes ?? []
        #expect(attributes.map(\.name) == ["title", "class", "data-b"])
        #expect(tags.first?.attribute("title") == payload)
        #expect(tags.first?.attribute("data-b") == payload)
    }

    @Test(
        "characters HTML forbids become U+FFFD; tab, line feed and carriage return stay",
        arguments: [
            ("a\u{1}b", "a\u{FFFD}b"), ("bell\u{7}", "bell\u{FFFD}"),
            ("\u{7F}\u{85}\u{9F}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("tab\tline\ncr\r", "tab\tline\ncr\r"),
            ("\u{202E}rtl\u{202C}", "\u{202E}rtl\u{202C}"), ("\u{A0}", "\u{A0}"),
        ])
    func forbidden(input: String, expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test("noncharacters become U+FFFD", arguments: [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF])
    func noncharacters(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        var text = "a"
        text.unicodeScalars.append(scalar)
        #expect(HTMLEscaping.escape(text) == "a\u{FFFD}")
    }

    @Test("Markup escapes interpolated strings and keeps interpolated markup")
    func markup() {
        let name = "<b>Ann & \"Bo\"</b>"
        let inner: Markup = "<em>\(name)</em>"
        let outer: Markup = "<p>\(inner) \(name) \(3) \(2.25)</p>"
        #expect(inner.html == "<em>&lt;b&gt;Ann &amp; &quot;Bo&quot;&lt;/b&gt;</em>")
        #expect(outer.html == "<p>\(inner.html) \(HTMLEscaping.escape(name)) 3 2.3</p>")
        #expect(Markup(text: "<x>").html == "&lt;x&gt;")
        let parts: [Markup] = ["a", "b"]
        #expect(parts.joined(separator: ", ").html == "a, b")
    }

    @Test(
        "SVG numbers: one decimal at most, no trailing .0, no -0",
        arguments: [
            (1.0, "1"), (1.25, "1.3"), (-0.04, "0"), (-1.5, "-1.5"), (290.0, "290"), (0.0, "0"),
        ])
    func svgNumbers(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }
}
