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
    /// Column generation seeded and priced by the profile transform, mentor prices repaired only
    /// at the end.
    static let profiles: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.profilePricing = true
        tuning.deferMentorRepair = true
        return tuning
    }()
    /// Profile pricing with several keys per mentee, and mentor prices repaired every round.
    static let eager: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.profilePricing = true
        tuning.profileKeys = 3
        return tuning
    }()
    /// Every restricted problem solved from scratch, and every one warm from the last round.
    static let cold: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.coldRestrictedSolves = true
        return tuning
    }()
    static let warm: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.coldRestrictedSolves = false
        return tuning
    }()
    /// Column generation whose restricted solves settle free mentees one search each (the
    /// default searches from all of them at once).
    static let singles: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.singleSearchBelow = 1_000_000
        return tuning
    }()

    /// Column generation whose restricted solves build their columns and gather their tight arcs
    /// on two threads however few arcs there are (by default only from `1 << 18` arcs on).
    static let gatheredInTwo: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.concurrentArcPassesFrom = 0
        return tuning
    }()

    /// Mentor repairs by labelled searches after every phase's pass, and by another phase
    /// whenever the last one settled anyone (see `SolverRestrictedAssignment.repairPhases`).
    static let labelledRepairs: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.repairPhaseArcShare = 0
        return tuning
    }()
    static let phasedRepairs: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.repairPhaseArcShare = 1
        tuning.repairPhaseSettledShare = 1_000_000
        return tuning
    }()

    /// Every other mentor and mentee solved first, whatever the size, for the estimated prices
    /// the seed adds arcs by (`SolverPriceHint`); and every third.
    static let sampled: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.sampleEvery = 2
        tuning.sampleFrom = 0
        return tuning
    }()
    /// Sampled, but the first restricted solve starts from 0 rather than the estimated prices.
    static let sampledFromZero: PairingSolver.Tuning = {
        var tuning = sampled
        tuning.startFromEstimatedPrices = false
        return tuning
    }()
    static let sampledThirds: PairingSolver.Tuning = {
        var tuning = PairingSolver.Tuning(auction: false)
        tuning.sampleEvery = 3
        tuning.sampleFrom = 0
        tuning.hintedSeedArcsPerMentee = 1
        return tuning
    }()

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
