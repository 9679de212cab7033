import Foundation
import Testing

@testable import Pairing

/// Checks the duality certificate behind a solution over *every* pair, densely: prices are
/// non-negative, no usable pair has profit above `u_i + v_j`, assigned pairs are tight, a positive
/// value means assigned, a positive price means full.
enum SolverCertificateCheck {
    static let starved = PairingSolver.Tuning(seedArcsPerMentee: 1, pricingArcsPerMentee: 1, arcsPerProjection: 1)

    static func check(_ certified: PairingSolver.Certified, sourceLocation: SourceLocation = #_sourceLocation) {
        let instance = certified.instance
        let u = certified.mentorPrice
        let v = certified.menteeValue
        var load = [Int32](repeating: 0, count: instance.mentorCount)
        for (j, mentor) in certified.mentorOfMentee.enumerated() where mentor >= 0 {
            load[Int(mentor)] += 1
            let p = instance.profit(mentor: Int(mentor), mentee: j)
            #expect(p != nil && p == u[Int(mentor)] + v[j], "assigned pair not tight", sourceLocation: sourceLocation)
        }
        for i in 0..<instance.mentorCount {
            #expect(u[i] >= 0, sourceLocation: sourceLocation)
            if u[i] > 0 { #expect(load[i] == instance.mentorCapacity[i], "priced mentor not full", sourceLocation: sourceLocation) }
        }
        for j in 0..<instance.menteeCount {
            #expect(v[j] >= 0, sourceLocation: sourceLocation)
            if v[j] > 0 { #expect(certified.mentorOfMentee[j] >= 0, "valued mentee unpaired", sourceLocation: sourceLocation) }
            for i in 0..<instance.mentorCount {
                if let p = instance.profit(mentor: i, mentee: j), p > u[i] + v[j] {
                    Issue.record("dual violated by (\(i), \(j))", sourceLocation: sourceLocation)
                    return
                }
            }
        }
    }
}
