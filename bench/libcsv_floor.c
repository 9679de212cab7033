/* The floor genbridge is measured against: parse a CSV file with libcsv, in the same strict
 * mode and 1 MiB chunks genbridge uses, and do nothing else but count fields and records.
 * Build: cc -O2 -o libcsv-floor bench/libcsv_floor.c -lcsv */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct counts {
    unsigned long fields;
    unsigned long records;
};

static void on_field(void *field, size_t length, void *data) {
    (void)field;
    (void)length;
    ((struct counts *)data)->fields++;
}

static void on_record(int terminator, void *data) {
    (void)terminator;
    ((struct counts *)data)->records++;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: libcsv-floor FILE\n");
        return 64;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 66;
    }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return 70;
    struct counts counts = {0, 0};
    size_t size = 1 << 20;
    char *buffer = malloc(size);
    ssize_t got;
    while ((got = read(fd, buffer, size)) > 0) {
        if (csv_parse(&parser, buffer, (size_t)got, on_field, on_record, &counts) != (size_t)got) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 65;
        }
    }
    csv_fini(&parser, on_field, on_record, &counts);
    csv_free(&parser);
    free(buffer);
    close(fd);
    printf("%lu records, %lu fields\n", counts.records, counts.fields);
    return 0;
}
