#ifndef GX_CLIBCRYPTO_SHIM_H
#define GX_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
