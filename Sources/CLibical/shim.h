#ifndef AARSHJUL_CLIBICAL_SHIM_H
#define AARSHJUL_CLIBICAL_SHIM_H
// The only C header Aarshjul sees. Only AarshjulICal imports this module.
#include <libical/ical.h>
#endif
