#ifndef GX_CLIBZIP_SHIM_H
#define GX_CLIBZIP_SHIM_H
#include <zip.h>
#endif
