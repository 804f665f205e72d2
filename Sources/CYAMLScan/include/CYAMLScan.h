#ifndef PARITY_CYAMLSCAN_H
#define PARITY_CYAMLSCAN_H
#include <stddef.h>

/// libyaml's bare event loop over `bytes`: yaml_parser_parse and yaml_event_delete, nothing
/// else per event. The number of events, or -1 when libyaml rejects the bytes. The floor
/// parity-bench measures against; no Swift code runs per event.
long parity_bench_scan(const unsigned char *bytes, size_t length);

#endif
