#ifndef CQRCODE_H
#define CQRCODE_H

/* QR codes through libqrencode (Debian: libqrencode4), loaded at run time with dlopen so
 * that the program builds, starts and runs on a machine without it: codes are then simply
 * unavailable. No header of the library is needed to build (libqrencode-dev is optional):
 * the few declarations used are repeated in cqrcode.c. */

/* 1 when libqrencode is loaded (it is loaded on the first call, once), 0 when it is
 * missing or CARDGUIDE_NO_QRENCODE is set to a non-empty value (tests use it to check
 * the fallback on a machine that has the library). */
int cqrcode_available(void);

/* Encodes `text` (UTF-8, NUL-terminated) as the smallest QR code with error correction
 * level L, case kept, mixing the numeric, alphanumeric and byte modes as libqrencode
 * finds best. On success returns the number of modules per side and sets *modules to a
 * malloc'd width*width array, row by row, 1 = dark, 0 = light (free it with
 * cqrcode_free). Returns 0 when the library is unavailable or the text does not fit any
 * QR version, and -1 on another failure (errno set). */
int cqrcode_encode(const char *text, unsigned char **modules);

void cqrcode_free(unsigned char *modules);

#endif
