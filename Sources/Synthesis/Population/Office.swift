/// An office: where people work, the names its people tend to have, and what a survey tool sees
/// of it (network addresses from the RFC 5737 documentation ranges, an approximate location,
/// the browser language).
struct Office: Sendable {
    var name: String
    /// Given names; a nickname goes in quotes in the displayed name (`Robert "Bob" Smith`).
    var givenNames: [(name: String, nickname: String?)]
    var familyNames: [String]
    /// Share of people whose name an HR system holds family name first (`Okafor, Chidi`).
    var familyFirstShare: Double
    var addresses: [String]
    /// Latitude and longitude in ten-thousandths of a degree.
    var latitude: Int
    var longitude: Int
    /// Qualtrics' `UserLanguage` values and how often each is seen.
    var languages: [(code: String, weight: Double)]
    /// SurveyMonkey collector (one web-link collector per region).
    var collector: String

    /// People a name grid of this office can hold without repeating a name.
    var nameCombinations: Int { givenNames.count * familyNames.count }

    /// Five offices; their share of the staff follows the size of their name grids
    /// (about 33 %, 25 %, 16 %, 16 % and 10 %).
    static let all: [Office] = [
        Office(
            name: "London",
            givenNames: [
                ("Oliver", nil), ("Amelia", nil), ("Harry", nil), ("Priya", nil), ("Aisha", nil), ("Mohammed", nil),
                ("Chloe", nil), ("James", nil), ("Sophie", nil), ("Daniel", nil), ("Emily", nil), ("Rajesh", nil),
                ("Fatima", nil), ("Thomas", nil), ("Hannah", nil), ("Niamh", nil), ("Siobhán", nil), ("Callum", nil),
                ("Grace", nil), ("Imran", nil), ("Zoë", nil), ("Samuel", nil), ("Robert", "Bob"), ("Kwame", nil),
                ("José", nil), ("William", "Bill"), ("Elizabeth", "Liz"), ("Björk", nil), ("François", nil),
                ("Charlotte", nil),
            ],
            familyNames: [
                "Smith", "Patel", "Jones", "Williams", "Khan", "Taylor", "Brown", "Davies", "Evans", "Ahmed", "O'Brien",
                "Murphy", "Wright", "Hughes", "Begum", "Walker", "Robinson", "Mensah", "Campbell", "Shah", "Clarke",
                "García", "Ólafsdóttir", "Dubois",
            ],
            familyFirstShare: 0.02, addresses: ["192.0.2.10", "192.0.2.11", "192.0.2.45"], latitude: 515_085,
            longitude: -1257, languages: [("EN", 1)], collector: "431587062"),
        Office(
            name: "Berlin",
            givenNames: [
                ("Lukas", nil), ("Lena", nil), ("Jonas", nil), ("Anna", nil), ("Felix", nil), ("Marie", nil),
                ("Jürgen", nil), ("Özlem", nil), ("Mehmet", nil), ("Maximilian", "Max"), ("Katarzyna", "Kasia"),
                ("Paul", nil), ("Leon", nil), ("Mia", nil), ("Elif", nil), ("Tobias", nil), ("Johanna", nil),
                ("Niklas", nil), ("Clara", nil), ("Dragan", nil), ("Łukasz", nil), ("Søren", nil), ("Ærin", nil),
                ("Élodie", nil), ("Matthias", nil),
            ],
            familyNames: [
                "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch",
                "Yılmaz", "Kowalski", "Richter", "Wolf", "Neumann", "Zimmermann", "Krüger", "Demir", "Petrović",
                "Lefèvre", "Nowak", "Jensen",
            ],
            familyFirstShare: 0.02, addresses: ["198.51.100.7", "198.51.100.8", "198.51.100.77"], latitude: 525_244,
            longitude: 134_105, languages: [("EN", 0.65), ("DE", 0.35)], collector: "431587062"),
        Office(
            name: "Lagos",
            givenNames: [
                ("Ngozi", nil), ("Emeka", nil), ("Oluwaseun", "Seun"), ("Funmilayo", nil), ("Tunde", nil),
                ("Ibrahim", nil), ("Chiamaka", nil), ("Babatunde", nil), ("Folake", nil), ("Yusuf", nil),
                ("Temitope", "Tope"), ("Kelechi", nil), ("Amaka", nil), ("Segun", nil), ("Zainab", nil),
                ("Ifeoma", nil),
                ("Damilola", nil), ("Uchenna", nil), ("Chidi", nil), ("Adaeze", nil),
            ],
            familyNames: [
                "Adeyemi", "Okonkwo", "Balogun", "Eze", "Bello", "Adebayo", "Ogunleye", "Ibrahim", "Olawale", "Obi",
                "Mohammed", "Afolabi", "Chukwu", "Oyelaran", "Nnadi", "Bakare", "Okafor", "Nwosu",
            ],
            familyFirstShare: 0.06, addresses: ["203.0.113.20", "203.0.113.21"], latitude: 64541, longitude: 33947,
            languages: [("EN", 1)], collector: "431587311"),
        Office(
            name: "Singapore",
            givenNames: [
                ("Wei Jie", nil), ("Mei Ling", nil), ("Hui Min", nil), ("Siti", nil), ("Muhammad", nil), ("Arjun", nil),
                ("Kavitha", nil), ("Ethan", nil), ("Nurul", nil), ("Jun Hao", nil), ("Li Ting", nil), ("Darren", nil),
                ("Shu Fen", nil), ("Ravi", nil), ("Farah", nil), ("Kai Xuan", nil), ("Priyanka", nil), ("Mai", nil),
                ("Wei Ling", nil), ("Marcus", nil),
            ],
            familyNames: [
                "Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua", "Ong", "Koh", "Nair", "Pillai", "Rahman", "Teo",
                "Yeo", "Menon", "Ismail", "Nguyễn", "Trần",
            ],
            familyFirstShare: 0.12, addresses: ["203.0.113.140", "203.0.113.141", "203.0.113.142"],
            latitude: 12897, longitude: 1_038_501, languages: [("EN", 0.9), ("ZH-S", 0.1)], collector: "431587311"),
        Office(
            name: "São Paulo",
            givenNames: [
                ("João", nil), ("Ana", nil), ("Luís", nil), ("Beatriz", nil), ("Gabriel", nil), ("Mariana", nil),
                ("Thiago", nil), ("Letícia", nil), ("Rafael", nil), ("Júlia", nil), ("Lucas", nil), ("Camila", nil),
                ("Matheus", nil), ("Conceição", nil), ("Sebastián", nil), ("Valentina", nil),
            ],
            familyNames: [
                "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Gonçalves",
                "Araújo", "Ferreira", "Lima", "Carvalho", "Magalhães",
            ],
            familyFirstShare: 0.02, addresses: ["198.51.100.200", "198.51.100.201"], latitude: -235_505,
            longitude: -466_333, languages: [("PT-BR", 0.8), ("EN", 0.2)], collector: "431587062"),
    ]
}
