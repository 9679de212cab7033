/// Every fixed text a layout writes — labels, departments, offices, comments, name parts —
/// encoded and quoted once for the layout's dialect, so that writing a row only copies bytes.
struct EncodedText {
    /// A name part, escaped for use inside quotes, and whether it forces the field to be quoted.
    struct NamePart {
        var escaped: [UInt8]
        var needsQuotes: Bool
    }

    let dialect: CSVDialect
    /// Answer labels 0–4, then `N/A` and `Prefer not to say`.
    let labels: [[UInt8]]
    let notApplicable: [UInt8]
    let preferNotToSay: [UInt8]
    let departments: [[UInt8]]
    let offices: [[UInt8]]
    let yes: [UInt8]
    let no: [UInt8]
    /// Index 0 is no comment.
    let comments: [[UInt8]]
    /// Per office: given names, their `"Nickname"` parts (with the spaces around), family names.
    let givenNames: [[NamePart]]
    let nicknames: [[NamePart?]]
    let familyNames: [[NamePart]]
    /// Per office: ASCII email parts of the given and family names.
    let givenSlugs: [[[UInt8]]]
    let familySlugs: [[[UInt8]]]
    let emailDomain = Array("@example.com".utf8)

    init(dialect: CSVDialect) {
        self.dialect = dialect
        labels = SurveyText.labels.map(dialect.field)
        notApplicable = dialect.field(SurveyText.notApplicable)
        preferNotToSay = dialect.field(SurveyText.preferNotToSay)
        departments = Workforce.departments.map { dialect.field($0.name) }
        offices = Office.all.map { dialect.field($0.name) }
        yes = dialect.field("Yes")
        no = dialect.field("No")
        comments = [dialect.field("")] + SurveyText.comments.map(dialect.field)
        func part(_ text: String) -> NamePart {
            let encoded = dialect.encode(text)
            return NamePart(escaped: dialect.escaped(encoded), needsQuotes: dialect.needsQuotes(encoded))
        }
        givenNames = Office.all.map { office in office.givenNames.map { part($0.name) } }
        nicknames = Office.all.map { office in office.givenNames.map { $0.nickname.map { part(" \"\($0)\" ") } } }
        familyNames = Office.all.map { office in office.familyNames.map(part) }
        givenSlugs = Office.all.map { office in office.givenNames.map { Self.slug($0.name) } }
        familySlugs = Office.all.map { office in office.familyNames.map(Self.slug) }
    }

    /// A name as an email address part: lower case ASCII letters and digits (`Łukasz` → `lukasz`,
    /// `O'Brien` → `obrien`, `Nguyễn` → `nguyen`).
    static func slug(_ name: String) -> [UInt8] {
        var result: [UInt8] = []
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) { result.append(byte) }
            } else if let folded = asciiFolding[scalar] {
                result += folded.utf8
            }
        }
        return result
    }

    private static let asciiFolding: [Unicode.Scalar: String] = [
        "á": "a", "à": "a", "â": "a", "ã": "a", "ä": "a", "å": "a", "æ": "ae", "ç": "c", "é": "e", "è": "e",
        "ê": "e", "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i", "ı": "i", "ñ": "n", "ó": "o", "ò": "o",
        "ô": "o", "õ": "o", "ö": "o", "ø": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ý": "y", "ß": "ss",
        "ł": "l", "ğ": "g", "ş": "s", "ć": "c", "č": "c", "š": "s", "ž": "z", "đ": "d", "ð": "d", "þ": "th",
        "œ": "oe", "ễ": "e", "ầ": "a", "ạ": "a", "ư": "u", "ơ": "o", "ộ": "o",
    ]
}

extension RecordWriter {
    /// The person's name as one field: `Chidi Okafor`, `"Okafor, Chidi"` or
    /// `"Robert ""Bob"" Smith"`.
    mutating func displayName(_ person: Person, _ text: EncodedText) {
        let given = text.givenNames[person.nameOffice][person.givenName]
        let family = text.familyNames[person.nameOffice][person.familyName]
        let nickname = person.nameStyle == .nickname ? text.nicknames[person.nameOffice][person.givenName] : nil
        var quoted = quotesEveryField || given.needsQuotes || family.needsQuotes || nickname != nil
        if person.nameStyle == .familyFirst, delimiter == UInt8(ascii: ",") { quoted = true }
        next()
        if quoted { out.append(CSVDialect.quote) }
        switch person.nameStyle {
        case .familyFirst:
            out.append(family.escaped)
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: " "))
            out.append(given.escaped)
        case .plain, .nickname:
            out.append(given.escaped)
            if let nickname { out.append(nickname.escaped) } else { out.append(UInt8(ascii: " ")) }
            out.append(family.escaped)
        }
        if quoted { out.append(CSVDialect.quote) }
    }

    /// The given name (with its nickname, when the person goes by one) as a field of its own.
    mutating func givenName(_ person: Person, _ text: EncodedText) {
        let given = text.givenNames[person.nameOffice][person.givenName]
        let nickname = person.nameStyle == .nickname ? text.nicknames[person.nameOffice][person.givenName] : nil
        let quoted = quotesEveryField || given.needsQuotes || nickname != nil
        next()
        if quoted { out.append(CSVDialect.quote) }
        out.append(given.escaped)
        if let nickname { out.append(nickname.escaped.dropLast()) }
        if quoted { out.append(CSVDialect.quote) }
    }

    mutating func familyName(_ person: Person, _ text: EncodedText) {
        let family = text.familyNames[person.nameOffice][person.familyName]
        let quoted = quotesEveryField || family.needsQuotes
        next()
        if quoted { out.append(CSVDialect.quote) }
        out.append(family.escaped)
        if quoted { out.append(CSVDialect.quote) }
    }

    /// `chidi.okafor@example.com`; a later person of the same name gets `chidi.okafor2@…`.
    mutating func email(_ person: Person, _ text: EncodedText) {
        open()
        out.append(text.givenSlugs[person.nameOffice][person.givenName])
        out.append(UInt8(ascii: "."))
        out.append(text.familySlugs[person.nameOffice][person.familyName])
        if person.emailSuffix > 0 { out.appendDecimal(person.emailSuffix + 1) }
        out.append(text.emailDomain)
        close()
    }

    /// `E` and the employee number.
    mutating func employeeID(_ number: Int) {
        open()
        out.append(UInt8(ascii: "E"))
        out.appendDecimal(number)
        close()
    }

    mutating func managerID(_ person: Person) {
        if let manager = person.managerEmployeeNumber { employeeID(manager) } else { empty() }
    }

    mutating func level(_ level: Int) {
        open()
        out.append(UInt8(ascii: "L"))
        out.appendDecimal(level)
        close()
    }

    mutating func optIn(_ answer: Person.OptIn, _ text: EncodedText) {
        switch answer {
        case .yes: field(text.yes)
        case .no: field(text.no)
        case .blank: empty()
        }
    }

    mutating func capacity(_ person: Person) {
        if person.capacity > 0 { number(person.capacity) } else { empty() }
    }

    /// A familiarity answer as a label (web forms, Qualtrics' choice text) or a digit (generic).
    mutating func answer(_ score: Int8, _ text: EncodedText, asLabel: Bool) {
        switch score {
        case 0...4:
            if asLabel {
                field(text.labels[Int(score)])
            } else {
                open()
                out.append(UInt8(48 + score))
                close()
            }
        case FamiliarityModel.notApplicable: field(text.notApplicable)
        case FamiliarityModel.preferNotToSay: field(text.preferNotToSay)
        default: empty()
        }
    }
}
