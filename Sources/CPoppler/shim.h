#ifndef GX_CPOPPLER_SHIM_H
#define GX_CPOPPLER_SHIM_H
// poppler's GLib binding: the library behind pdftotext, with words' boxes and font attributes.
#include <poppler.h>
#endif
