#ifndef AARSHJUL_CXLSXWRITER_SHIM_H
#define AARSHJUL_CXLSXWRITER_SHIM_H
// libxlsxwriter, seen only by AarshjulXLSX.
#include <xlsxwriter.h>
#endif
