#ifndef GX_CPOPPLER_SHIM_H
#define GX_CPOPPLER_SHIM_H
// poppler's GLib binding: the library behind pdftotext, with words' boxes and font attributes;
// cairo for rendering the pages of scanned PDFs to images for OCR.
#include <poppler.h>
#include <cairo.h>
#endif
