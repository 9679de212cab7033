import Foundation

/// Forward auction with ε-scaling (Bertsekas) over *all* allowed pairs, on a symmetric
/// reformulation of the problem, so that its end state is a checkable optimality certificate.
///
/// **Symmetric problem.** Objects: one *slot* per unit of mentor capacity, and one *stay* object per
/// mentee. Persons: every mentee, and one *idle* person per slot. A mentee values a slot at
/// `a_ij = scale × (bonus + s_ij)` when the pair is allowed (and usable), its own stay object at 0;
/// an idle person values its own slot and every stay object at 0. A perfect assignment of this
/// problem is exactly a pairing (mentees on slots are paired; idle persons fill the unused slots
/// and the stay objects of paired mentees) with the same profit, and vice versa, so the optima
/// coincide.
///
/// **Auction.** An unassigned person bids for its best object, raising its price to
/// `value − second best value + ε` (the best and second-best slots come from
/// `SolverMentorTrie`; the cheapest stay objects from a heap). Each phase restarts the assignment
/// with the prices of the last one and ε divided by 8, down to ε = 1.
///
/// **Certificate.** With `scale = persons + 1`, ε = 1 is below `1 / persons` in unscaled units;
/// then ε-complementary slackness (every person's value within ε of its best option) proves the
/// assignment optimal (Bertsekas: any other assignment gains less than `persons × ε < 1` unscaled,
/// and profits are integers). `PairingSolver` re-checks it over every allowed pair before
/// trusting it: mentee `j` with value `π_j` needs `a_ij − min slot price of i ≤ π_j + 1` for every
/// allowed mentor `i`, and `−stayPrice_j ≤ π_j + 1`; idle persons need to be within 1 of the
/// cheapest stay object and of their own slot.
struct SolverAuction: Sendable {
    let scale: Int64
    /// Mentor per mentee, -1 when unpaired.
    var mentorOfMentee: [Int32]
    /// Lowest slot price per mentor (`Int64.max` for a mentor without capacity).
    var mentorPrice: [Int64]
    /// Value `π_j` per mentee (scaled).
    var menteeValue: [Int64]
    /// The symmetric conditions that pricing does not check (stay objects, idle persons) hold.
    var sideConditionsHold: Bool
    var bids: Int
    var phases: Int

    /// Returns nil when scaled profits could overflow 64-bit arithmetic.
    init?(_ instance: SolverInstance) {
        var slotMentor: [Int32] = []
        for i in 0..<instance.mentorCount {
            slotMentor.append(contentsOf: repeatElement(Int32(i), count: Int(instance.mentorCapacity[i])))
        }
        let menteeCount = instance.menteeCount
        let slotCount = slotMentor.count
        let personCount = menteeCount + slotCount
        let scale = Int64(personCount + 1)
        let (top, overflow) = scale.multipliedReportingOverflow(by: instance.bonus + instance.maxPairScore)
        guard !overflow, top < Int64.max / 16 else { return nil }
        self.scale = scale

        var trie = SolverMentorTrie(instance, slotMentor: slotMentor)
        var stays = SolverPriceHeap(count: menteeCount)
        // Holder of each object: a person (mentee j, or idle person menteeCount + slot), -1 if none.
        var slotHolder = [Int32](repeating: -1, count: slotCount)
        var stayHolder = [Int32](repeating: -1, count: menteeCount)
        // What each person holds: slot s as s, stay object of mentee k as slotCount + k, -1 if nothing.
        var holding = [Int32](repeating: -1, count: personCount)
        var stack: [SolverMentorTrie.SearchState] = []
        var queue: [Int32] = []
        var bids = 0
        var phases = 0
        var epsilon = max(1, top / 8)
        let none = Int64.min / 4
        let stayBase = Int32(slotCount)

        /// The person's current value (`none` when it holds nothing).
        func currentValue(_ person: Int) -> Int64 {
            let held = holding[person]
            if held < 0 { return none }
            if held >= stayBase { return -stays.price(Int(held - stayBase)) }
            if person >= menteeCount { return -trie.price[Int(held)] }
            let mentor = Int(slotMentor[Int(held)])
            return scale * (instance.profit(mentor: mentor, mentee: person) ?? 0) - trie.price[Int(held)]
        }

        queue.append(contentsOf: (0..<personCount).map { Int32($0) })
        while true {
            phases += 1
            if phases > 1 {
                // Keep every assignment that is still within ε of its person's best option.
                queue.removeAll(keepingCapacity: true)
                for person in 0..<personCount {
                    let value = currentValue(person)
                    var bestValue: Int64
                    if person < menteeCount {
                        let offer = trie.bestOffers(for: person, scale: scale, floor: none, stack: &stack)
                        bestValue = max(offer.best, -stays.price(person))
                    } else {
                        let cheapest = stays.twoLowest().0.map { -stays.price(Int($0)) } ?? none
                        bestValue = max(-trie.price[person - menteeCount], cheapest)
                    }
                    if value >= bestValue - epsilon { continue }
                    let held = holding[person]
                    if held >= stayBase {
                        stayHolder[Int(held - stayBase)] = -1
                    } else if held >= 0 {
                        slotHolder[Int(held)] = -1
                    }
                    holding[person] = -1
                    queue.append(Int32(person))
                }
            }
            var head = 0
            while head < queue.count {
                let person = Int(queue[head])
                head += 1
                if head > 4096 && head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
                bids += 1
                // Best object and the best and second-best values.
                var target: Int32
                var best: Int64
                var second: Int64
                if person < menteeCount {
                    let offer = trie.bestOffers(for: person, scale: scale, floor: none, stack: &stack)
                    let stay = -stays.price(person)
                    if offer.bestSlot >= 0 && offer.best > stay {
                        target = offer.bestSlot
                        best = offer.best
                        second = max(offer.second, stay)
                    } else {
                        target = stayBase + Int32(person)
                        best = stay
                        second = offer.bestSlot >= 0 ? offer.best : none
                    }
                } else {
                    let s = person - menteeCount
                    let own = -trie.price[s]
                    let (cheapest, runnerUp) = stays.twoLowest()
                    let stay = cheapest.map { -stays.price(Int($0)) } ?? none
                    if own >= stay {
                        target = Int32(s)
                        best = own
                        second = stay
                    } else {
                        target = stayBase + (cheapest ?? 0)
                        best = stay
                        second = max(own, runnerUp.map { -stays.price(Int($0)) } ?? none)
                    }
                }
                let increment = (second == none ? epsilon : best - second + epsilon)
                let previous: Int32
                if target < stayBase {
                    let s = Int(target)
                    previous = slotHolder[s]
                    slotHolder[s] = Int32(person)
                    trie.setPrice(s, trie.price[s] + increment)
                } else {
                    let k = Int(target - stayBase)
                    previous = stayHolder[k]
                    stayHolder[k] = Int32(person)
                    stays.setPrice(k, stays.price(k) + increment)
                }
                holding[person] = target
                if previous >= 0 {
                    holding[Int(previous)] = -1
                    queue.append(previous)
                }
            }
            if epsilon == 1 { break }
            epsilon = max(1, epsilon / 8)
        }

        // Read out the pairing, the values, and check the conditions pricing does not cover.
        var mentorOfMentee = [Int32](repeating: -1, count: menteeCount)
        var value = [Int64](repeating: 0, count: menteeCount)
        var holds = true
        for j in 0..<menteeCount {
            let held = holding[j]
            if held >= 0 && held < stayBase {
                let mentor = slotMentor[Int(held)]
                mentorOfMentee[j] = mentor
                value[j] = scale * (instance.profit(mentor: Int(mentor), mentee: j) ?? 0) - trie.price[Int(held)]
            } else {
                if held != stayBase + Int32(j) { holds = false }
                value[j] = -stays.price(j)
            }
            if -stays.price(j) > value[j] + 1 { holds = false }
        }
        let cheapestStay = stays.twoLowest().0.map { -stays.price(Int($0)) } ?? none
        for s in 0..<slotCount {
            let held = holding[menteeCount + s]
            let idleValue: Int64
            if held == Int32(s) {
                idleValue = -trie.price[s]
            } else if held >= stayBase {
                idleValue = -stays.price(Int(held - stayBase))
            } else {
                holds = false
                continue
            }
            if -trie.price[s] > idleValue + 1 || cheapestStay > idleValue + 1 { holds = false }
        }
        var mentorPrice = [Int64](repeating: Int64.max, count: instance.mentorCount)
        for s in 0..<slotCount {
            let i = Int(slotMentor[s])
            mentorPrice[i] = min(mentorPrice[i], trie.price[s])
        }
        self.mentorOfMentee = mentorOfMentee
        self.mentorPrice = mentorPrice
        self.menteeValue = value
        self.sideConditionsHold = holds
        self.bids = bids
        self.phases = phases
    }
}
