#define _GNU_SOURCE 1

#include "cqrcode.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

/* From qrencode.h (libqrencode 4): only what is used, so that the headers are optional. */
typedef struct {
    int version;
    int width;
    unsigned char *data; /* width*width bytes; bit 0 set = dark module */
} QRcode;
enum { QR_ECLEVEL_L = 0 };
enum { QR_MODE_8 = 2 };
typedef QRcode *(*encode_string_fn)(const char *string, int version, int level, int hint,
                                    int casesensitive);
typedef void (*code_free_fn)(QRcode *code);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static encode_string_fn encode_string;
static code_free_fn code_free;

static void load(void) {
    const char *disabled = getenv("CARDGUIDE_NO_QRENCODE");
    if (disabled != NULL && *disabled != '\0') return;
    /* The soname of libqrencode 4 (Debian 10 and later); the unversioned name only exists
     * with the -dev package. RTLD_LOCAL: its symbols stay out of the program's way. */
    void *library = dlopen("libqrencode.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libqrencode.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    encode_string_fn encode = (encode_string_fn)dlsym(library, "QRcode_encodeString");
    code_free_fn release = (code_free_fn)dlsym(library, "QRcode_free");
    if (encode == NULL || release == NULL) {
        dlclose(library);
        return;
    }
    encode_string = encode;
    code_free = release;
}

int cqrcode_available(void) {
    pthread_once(&once, load);
    return encode_string != NULL;
}

int cqrcode_encode(const char *text, unsigned char **modules) {
    *modules = NULL;
    if (!cqrcode_available()) return 0;
    errno = 0;
    /* Version 0: the smallest that holds the text. */
    QRcode *code = encode_string(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
    if (code == NULL) return errno == ERANGE ? 0 : -1;
    int width = code->width;
    unsigned char *out = malloc((size_t)width * (size_t)width);
    if (out == NULL) {
        code_free(code);
        return -1;
    }
    for (int i = 0; i < width * width; i++) out[i] = code->data[i] & 1;
    code_free(code);
    *modules = out;
    return width;
}

void cqrcode_free(unsigned char *modules) { free(modules); }
