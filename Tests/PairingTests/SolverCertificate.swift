import Foundation
import Testing

@testable import Pairing

/// Checks the duality certificate behind a solution over *every* pair, densely: prices are
/// non-negative, no usable pair has profit above `u_i + v_j`, assigned pairs are tight, a positive
/// value means assigned, a positive price means full.
enum SolverCertificateCheck {
    static let starved = PairingSolver.Tuning(
        seedArcsPerMentee: 1, pricingArcsPerMentee: 1, arcsPerProjection: 1, auction: false)
    static let columnGeneration = PairingSolver.Tuning(auction: false)
    /// Column generation with `change` made to its tuning (or to `base`'s).
    static func tuned(
        from base: PairingSolver.Tuning = columnGeneration, _ change: (inout PairingSolver.Tuning) -> Void
    ) -> PairingSolver.Tuning {
        var tuning = base
        change(&tuning)
        return tuning
    }

    /// Column generation seeded and priced by the profile transform, mentor prices repaired only
    /// at the end.
    static let profiles = tuned {
        $0.profilePricing = true
        $0.deferMentorRepair = true
    }
    /// Profile pricing with several keys per mentee, and mentor prices repaired every round.
    static let eager = tuned {
        $0.profilePricing = true
        $0.profileKeys = 3
    }
    /// Every restricted problem solved from scratch, and every one warm from the last round.
    static let cold = tuned { $0.coldRestrictedSolves = true }
    static let warm = tuned { $0.coldRestrictedSolves = false }
    /// Column generation whose restricted solves settle free mentees one search each (the
    /// default searches from all of them at once).
    static let singles = tuned { $0.singleSearchBelow = 1_000_000 }

    /// Column generation whose restricted solves build their columns and gather their tight arcs
    /// on two threads however few arcs there are (by default only from `1 << 18` arcs on).
    static let gatheredInTwo = tuned { $0.concurrentArcPassesFrom = 0 }

    /// Mentor repairs by labelled searches after every phase's pass, and by another phase
    /// whenever the last one settled anyone (see `SolverRestrictedAssignment.repairPhases`).
    static let labelledRepairs = tuned { $0.repairPhaseArcShare = 0 }
    static let phasedRepairs = tuned {
        $0.repairPhaseArcShare = 1
        $0.repairPhaseSettledShare = 1_000_000
    }

    /// Every other mentor and mentee solved first, whatever the size, for the estimated prices
    /// the seed adds arcs by (`SolverPriceHint`); and every third.
    static let sampled = tuned {
        $0.sampleEvery = 2
        $0.sampleFrom = 0
    }
    /// Sampled, but the first restricted solve starts from 0 rather than the estimated prices.
    static let sampledFromZero = tuned(from: sampled) { $0.startFromEstimatedPrices = false }
    static let sampledThirds = tuned {
        $0.sampleEvery = 3
        $0.sampleFrom = 0
        $0.hintedSeedArcsPerMentee = 1
    }

    static func check(_ certified: PairingSolver.Certified, sourceLocation: SourceLocation = #_sourceLocation) {
        let instance = certified.instance
        let u = certified.mentorPrice
        let v = certified.menteeValue
        let k = certified.scale
        let slack = certified.slack
        var load = [Int32](repeating: 0, count: instance.mentorCount)
        for (j, mentor) in certified.mentorOfMentee.enumerated() where mentor >= 0 {
            load[Int(mentor)] += 1
            let p = instance.profit(mentor: Int(mentor), mentee: j)
            #expect(p != nil, "assigned pair not usable", sourceLocation: sourceLocation)
            if slack == 0 {
                #expect(
                    p.map { k * $0 } == u[Int(mentor)] + v[j], "assigned pair not tight", sourceLocation: sourceLocation
                )
            }
            if slack == 0 { #expect(v[j] >= 0, sourceLocation: sourceLocation) }
        }
        for i in 0..<instance.mentorCount where instance.mentorCapacity[i] > 0 {
            #expect(u[i] >= 0, sourceLocation: sourceLocation)
            // (The auction's certificate is the symmetric one: idle persons may pay for empty slots.)
            if slack == 0 && u[i] > 0 {
                #expect(load[i] == instance.mentorCapacity[i], "priced mentor not full", sourceLocation: sourceLocation)
            }
        }
        for j in 0..<instance.menteeCount {
            if slack == 0 && certified.mentorOfMentee[j] < 0 {
                #expect(v[j] == 0, "unpaired mentee with a value", sourceLocation: sourceLocation)
            }
            for i in 0..<instance.mentorCount {
                if let p = instance.profit(mentor: i, mentee: j), k * p > u[i] + v[j] + slack {
                    Issue.record("dual violated by (\(i), \(j))", sourceLocation: sourceLocation)
                    return
                }
            }
        }
    }
}
