#ifndef AARSHJUL_CLIBICAL_SHIM_H
#define AARSHJUL_CLIBICAL_SHIM_H
// The only C header Aarshjul sees. Only AarshjulICal imports this module.
#include <libical/ical.h>
#include <stdlib.h>

// `icalerrno` is a macro over a thread-local and is not imported into Swift;
// these read and reset it by value so Swift never holds the pointer.
static inline icalerrorenum aarshjul_icalerrno(void) { return *icalerrno_return(); }
static inline void aarshjul_icalerrno_clear(void) { *icalerrno_return() = ICAL_NO_ERROR; }

// Strings returned by the `_r` functions are malloc'd and owned by the caller;
// Swift frees them through this so the ownership rule is visible at one place.
static inline void aarshjul_free_string(char *s) { free(s); }

#endif
