// Debian builds libxml2 with ICU, whose headers clash with the copy inside Foundation. Kolektor never touches the
// encoding handler structures that ICU changes, so the headers are read without it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
