#if canImport(CMalloc)
    internal import CMalloc
#endif

/// How the process's heap gives memory back to the system (glibc's allocator). A report on a
/// large survey allocates and frees arrays of many megabytes in phases (ingest, management
/// chains, the solver, the reports); what one phase frees the allocator keeps, and the next
/// phase's arrays do not always fit in the holes, so resident memory would grow by the sum of
/// the phases' leftovers rather than by the largest phase.
package enum Allocator {
    /// Makes every thread allocate from one arena. glibc gives each thread that allocates an
    /// arena of its own; genbridge's two workers allocate a few large arrays per scan, and memory
    /// they free stays in their arenas, out of the main thread's reach (on the 1,000,000-row survey
    /// that held the peak 10–20 MB higher, and varied from run to run). One arena costs them
    /// nothing measurable. Call it first thing, before any thread starts.
    package static func useOneArena() {
        #if canImport(CMalloc)
            _ = mallopt(M_ARENA_MAX, 1)
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
