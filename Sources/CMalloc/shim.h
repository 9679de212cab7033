#ifndef GENBRIDGE_CMALLOC_SHIM_H
#define GENBRIDGE_CMALLOC_SHIM_H

/* glibc's allocator settings (mallopt) and malloc_trim, which Swift's Glibc module leaves out. */
#include <malloc.h>

#endif
