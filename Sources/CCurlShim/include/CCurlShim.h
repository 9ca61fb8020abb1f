// Typed wrappers for libcurl's variadic curl_easy_setopt and curl_easy_getinfo, which Swift cannot call.
#ifndef KOLEKTOR_CCURLSHIM_H
#define KOLEKTOR_CCURLSHIM_H

#include <curl/curl.h>

CURLcode kolektor_curl_setopt_long(CURL *_Nonnull handle, CURLoption option, long value);
CURLcode kolektor_curl_setopt_string(CURL *_Nonnull handle, CURLoption option, const char *_Nullable value);
CURLcode kolektor_curl_setopt_pointer(CURL *_Nonnull handle, CURLoption option, void *_Nullable value);
CURLcode kolektor_curl_setopt_slist(CURL *_Nonnull handle, CURLoption option, struct curl_slist *_Nullable value);
CURLcode kolektor_curl_setopt_read_function(
    CURL *_Nonnull handle, size_t (*_Nullable function)(char *_Nonnull, size_t, size_t, void *_Nullable));
CURLcode kolektor_curl_setopt_write_function(
    CURL *_Nonnull handle, size_t (*_Nullable function)(char *_Nonnull, size_t, size_t, void *_Nullable));
CURLcode kolektor_curl_getinfo_long(CURL *_Nonnull handle, CURLINFO info, long *_Nonnull value);

#endif
