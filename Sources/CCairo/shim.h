#ifndef AARSHJUL_CCAIRO_SHIM_H
#define AARSHJUL_CCAIRO_SHIM_H
// cairo and its PDF surface, seen only by AarshjulPDF.
#include <cairo.h>
#include <cairo-pdf.h>
#endif
