#ifndef PARITY_CYAML_SHIM_H
#define PARITY_CYAML_SHIM_H
#include <yaml.h>
#endif
