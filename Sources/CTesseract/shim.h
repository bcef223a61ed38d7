#ifndef GX_CTESSERACT_SHIM_H
#define GX_CTESSERACT_SHIM_H
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#endif
