/// Everyone in a synthetic survey, each drawn on demand from the run's seed and their number:
/// level and department from the number's block (`Workforce`), the rest from the person's own
/// random stream. Drawing person 17 never needs persons 0–16.
struct Population: Sendable {
    let seed: UInt64
    let workforce: Workforce
    let familiarity = FamiliarityModel()
    /// Employee numbers: `idBase + idOrder(number)`, so ids have one width and say nothing of
    /// rank.
    private let idOrder: IndexPermutation
    let idBase: Int
    /// Names: person `n` takes name combination `nameOrder(n mod combinations)`; the
    /// `n / combinations`-th repeat of a name gets a number in its email.
    private let nameOrder: IndexPermutation
    private let nameCombinations: Int
    /// First combination of each office, and one past the last.
    private let officeCombinationStart: [Int]

    /// Birth year by level (mean, standard deviation), L1 first.
    static let birthYears: [(mean: Double, sd: Double)] = [
        (1999.6, 2.0), (1996.8, 2.5), (1993.2, 3.0), (1989.5, 3.5), (1985.5, 4.0), (1980.5, 4.5), (1976.5, 4.5),
        (1967.5, 3.5),
    ]
    /// Share answering yes, by level (L1 first): juniors are mostly willing to mentor, seniors
    /// more often want a mentor. The rest answer no or leave it blank.
    static let willingToMentor = [0.75, 0.72, 0.63, 0.45, 0.40, 0.35, 0.30, 0.28]
    static let wantsMentor = [0.47, 0.45, 0.42, 0.45, 0.52, 0.50, 0.50, 0.50]
    static let optInBlank = 0.08
    /// Share of people whose office is drawn at random rather than the one their name comes from.
    static let movedShare = 0.12

    init(size: Int, seed: UInt64) {
        self.seed = seed
        workforce = Workforce(size: size)
        idOrder = IndexPermutation(count: size, seed: seed, purpose: 1)
        var base = 1000
        while base < size { base *= 10 }
        idBase = base
        var starts = [0]
        for office in Office.all { starts.append(starts[starts.count - 1] + office.nameCombinations) }
        officeCombinationStart = starts
        nameCombinations = starts[starts.count - 1]
        nameOrder = IndexPermutation(count: nameCombinations, seed: seed, purpose: 2)
    }

    var size: Int { workforce.size }

    func employeeNumber(of number: Int) -> Int { idBase + idOrder(number) }

    /// Fills `person` with person `number`.
    func draw(_ number: Int, into person: inout Person) {
        var draws = Draws(seed: seed, stream: UInt64(number))
        let position = workforce.position(of: number)
        person.number = number
        person.employeeNumber = employeeNumber(of: number)
        person.level = position.level
        person.department = position.department
        person.managerEmployeeNumber = workforce.manager(of: position, draws: &draws).map(employeeNumber(of:))

        let combination = nameOrder(number % nameCombinations)
        person.emailSuffix = number / nameCombinations
        var office = 0
        while combination >= officeCombinationStart[office + 1] { office += 1 }
        let inOffice = combination - officeCombinationStart[office]
        let names = Office.all[office]
        person.nameOffice = office
        person.givenName = inOffice / names.familyNames.count
        person.familyName = inOffice % names.familyNames.count
        let style = draws.unit()
        if style < names.familyFirstShare {
            person.nameStyle = .familyFirst
        } else if names.givenNames[person.givenName].nickname != nil, style < 0.45 {
            person.nameStyle = .nickname
        } else {
            person.nameStyle = .plain
        }
        person.office = draws.chance(Self.movedShare) ? draws.below(Office.all.count) : office

        let (mean, sd) = Self.birthYears[position.level - 1]
        var year = mean + sd * draws.normal()
        if position.level <= 3, draws.chance(0.07) { year -= 8 + 8 * draws.unit() }  // career changers
        person.birthYear = min(max(Int((year + 0.5).rounded(.down)), 1958), 2005)

        person.willingToMentor = Self.optIn(yes: Self.willingToMentor[position.level - 1], draws: &draws)
        person.wantsMentor = Self.optIn(yes: Self.wantsMentor[position.level - 1], draws: &draws)
        person.capacity = 0
        if person.willingToMentor == .yes, position.level <= 3, draws.chance(0.06) {
            person.capacity = draws.chance(0.65) ? 2 : 3
        }

        familiarity.fill(
            &person.scores, department: position.department, office: person.office, birthYear: person.birthYear,
            draws: &draws)

        person.comment = draws.chance(0.05) ? 1 + draws.below(SurveyText.comments.count) : 0
        var choices: UInt8 = 0
        for (bit, share) in SurveyText.learningShares.enumerated() where draws.chance(share) {
            choices |= 1 << UInt8(bit)
        }
        person.learningChoices = choices
        person.learningOther = draws.below(SurveyText.learningOther.count)
        person.draws = draws
    }

    private static func optIn(yes: Double, draws: inout Draws) -> Person.OptIn {
        let value = draws.unit()
        return value < yes ? .yes : value < yes + optInBlank ? .blank : .no
    }
}
