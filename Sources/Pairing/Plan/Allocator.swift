#if canImport(CMalloc)
    internal import CMalloc
#endif

/// How the process's heap gives memory back to the system (glibc's allocator). A report on a
/// large survey allocates and frees arrays of many megabytes in phases (ingest, management
/// chains, the solver, the reports); what one phase frees the allocator keeps, and the next
/// phase's arrays do not always fit in the holes, so resident memory would grow by the sum of
/// the phases' leftovers rather than by the largest phase.
package enum Allocator {
    /// Lets the threads allocate from two arenas at most. glibc gives each thread that allocates
    /// an arena of its own; memory a worker frees stays in its arena, out of the others' reach, so
    /// with an arena per thread the 1,000,000-row survey's peak was 10–20 MB higher and varied
    /// from run to run (when the workers allocated a few large arrays per scan). One arena for all
    /// kept it down, but the two workers then queue for its lock on every allocation: explaining
    /// the pairs and summing up their people (a few small arrays and strings each) took 0.09 and
    /// 0.11 s with one arena, 0.055 and 0.073 s with an arena per thread. Two arenas give both:
    /// at 1,000,000 rows `report --formats json` 3.17 s against 3.34 s (medians of five runs,
    /// alternated), peak 148.1k against 147.8k KiB (every format 217.6k against 215.5k KiB). Call
    /// it first thing, before any thread starts.
    package static func limitArenas() {
        #if canImport(CMalloc)
            _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }

    /// Returns the heap's free pages to the system (`malloc_trim`): between phases, so that one
    /// phase's freed arrays do not stay resident under the next one's. It takes milliseconds.
    package static func returnFreePages() {
        #if canImport(CMalloc)
            _ = malloc_trim(0)
        #endif
    }
}
