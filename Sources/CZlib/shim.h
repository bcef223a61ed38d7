#ifndef GX_CZLIB_SHIM_H
#define GX_CZLIB_SHIM_H
// zlib's inflate, to measure what a PDF's compressed streams expand to before poppler reads them.
#include <zlib.h>
#endif
