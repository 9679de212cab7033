/// The shape of the organisation: job levels L1–L8 in a pyramid, six departments of uneven size,
/// and the reporting lines between them.
///
/// People are numbered in blocks, most senior first: number 0 is the CEO (the only L8, with no
/// manager), then the L7 block, the L6 block, … down to L1; inside each level block the six
/// departments follow one another in sub-blocks. A person's level and department are therefore
/// read off their number, and a manager is picked arithmetically from a block above (usually the
/// next level up, same department), so that the hierarchy needs no table, has no cycle (every
/// manager is of a higher level) and reaches the CEO from everyone in at most seven steps. Only
/// the executive team (L7, at most twelve people) reports to the CEO.
struct Workforce: Sendable {
    /// The departments, largest first, with their share of every level.
    static let departments: [(name: String, share: Double)] = [
        ("Engineering", 0.27), ("Sales", 0.21), ("Operations", 0.17), ("Marketing", 0.14), ("Finance", 0.11),
        ("HR", 0.10),
    ]

    /// Share of the people below the CEO at each level, L7 first (a pyramid: few at the top).
    static let levelShares: [Double] = [0.02, 0.04, 0.08, 0.13, 0.19, 0.24, 0.30]

    static let topLevel = 8
    /// How often a manager is one, two or three levels up.
    static let managerSteps = [0.75, 0.20, 0.05]
    /// At most this many L7 executives report to the CEO; the rest of the L7 share goes to L6.
    static let executiveTeam = 12

    let size: Int
    /// `levelEnd[k]`: one past the last number of level `k` (1…8); level `k` starts at
    /// `levelEnd[k + 1]` (and L8 at 0).
    private let levelEnd: [Int]
    /// `departmentStart[k][d]`: the first number of department `d` at level `k`; index 6 is the
    /// level's end.
    private let departmentStart: [[Int]]

    init(size: Int) {
        precondition(size >= 1, "a workforce has at least its CEO")
        self.size = size
        var ends = [Int](repeating: 0, count: Self.topLevel + 2)
        ends[Self.topLevel] = 1
        let below = Double(size - 1)
        var cumulative = 0.0
        for (offset, share) in Self.levelShares.enumerated() {
            cumulative += share
            let level = Self.topLevel - 1 - offset
            ends[level] = level == 1 ? size : 1 + Int((below * cumulative).rounded())
        }
        ends[Self.topLevel - 1] = min(ends[Self.topLevel - 1], 1 + Self.executiveTeam)
        levelEnd = ends
        var starts = [[Int]](repeating: [], count: Self.topLevel + 1)
        for level in 1...Self.topLevel {
            let start = level == Self.topLevel ? 0 : ends[level + 1]
            let count = ends[level] - start
            var bounds = [start]
            var share = 0.0
            for department in Self.departments.dropLast() {
                share += department.share
                bounds.append(start + Int((Double(count) * share).rounded()))
            }
            bounds.append(ends[level])
            starts[level] = bounds
        }
        departmentStart = starts
    }

    /// How many people hold level `level`.
    func count(level: Int) -> Int { levelEnd[level] - start(level: level) }

    private func start(level: Int) -> Int { level == Self.topLevel ? 0 : levelEnd[level + 1] }

    /// Where a person sits: level, department, and their place in the level-and-department block.
    struct Position {
        var level: Int
        var department: Int
        var offset: Int
        var blockSize: Int
    }

    func position(of person: Int) -> Position {
        var level = Self.topLevel
        while person >= levelEnd[level] { level -= 1 }
        let bounds = departmentStart[level]
        var department = 0
        while person >= bounds[department + 1] { department += 1 }
        return Position(
            level: level, department: department, offset: person - bounds[department],
            blockSize: bounds[department + 1] - bounds[department])
    }

    /// The manager of the person at `position`, or nil for the CEO. Usually one level up
    /// (sometimes two or three), usually the same department; managers of a block share its
    /// reports out evenly, with some scatter.
    func manager(of position: Position, draws: inout Draws) -> Int? {
        guard position.level < Self.topLevel else { return nil }
        let step = draws.weighted(Self.managerSteps) + 1
        var level = min(position.level + step, Self.topLevel)
        if level == Self.topLevel, position.level < Self.topLevel - 1, count(level: Self.topLevel - 1) > 0 {
            level = Self.topLevel - 1  // only the executive team reports to the CEO
        }
        let department = draws.chance(0.9) ? position.department : draws.below(Self.departments.count)
        let evenly = draws.chance(0.75)
        let scatter = draws.unit()
        while level < Self.topLevel {
            let bounds = departmentStart[level]
            var start = bounds[department]
            var count = bounds[department + 1] - start
            var offset = position.offset
            var blockSize = position.blockSize
            if count == 0 {
                // The department has nobody at that level: anyone of the level will do.
                start = bounds[0]
                count = bounds[Self.departments.count] - start
                offset =
                    position.offset + departmentStart[position.level][position.department]
                    - departmentStart[position.level][0]
                blockSize = self.count(level: position.level)
            }
            if count > 0 {
                let pick = evenly ? offset * count / max(blockSize, 1) : Int(scatter * Double(count))
                return start + min(pick, count - 1)
            }
            level += 1
        }
        return 0
    }
}
