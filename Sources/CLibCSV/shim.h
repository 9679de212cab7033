#ifndef GENBRIDGE_CLIBCSV_SHIM_H
#define GENBRIDGE_CLIBCSV_SHIM_H

/* libcsv, from Debian's libcsv-dev: /usr/include/csv.h and libcsv.so. */
#include <csv.h>

/* The parser states libcsv keeps in struct csv_parser.pstate (libcsv.c names them but csv.h does
 * not export them). genbridge reads the state between calls to tell where a record starts. */
enum {
    GENBRIDGE_CSV_ROW_NOT_BEGUN = 0,
    GENBRIDGE_CSV_FIELD_NOT_BEGUN = 1,
    GENBRIDGE_CSV_FIELD_BEGUN = 2,
    GENBRIDGE_CSV_FIELD_MIGHT_HAVE_ENDED = 3
};

#endif
