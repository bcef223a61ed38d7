#ifndef GX_CLEPTONICA_SHIM_H
#define GX_CLEPTONICA_SHIM_H
#include <leptonica/allheaders.h>
#endif
