#ifndef GX_CLIBXML2_SHIM_H
#define GX_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; ICU's headers clash with Foundation's own ICU module.
   Pull in the version header first and switch the ICU bits off before anything else. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>

/* xmlFree is a C global function pointer, which Swift 6 will not call directly. */
static inline void gx_xmlFree(void *p) { xmlFree(p); }
#endif
