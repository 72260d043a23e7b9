/*
** image.h -- reading, writing and verifying piccolo images.
** Module: format (shared by compiler/ and runtime/). Byte layout: docs/image-format.md.
**
** Contract: fmt_image_read never reads outside [data, data+size), never
** allocates more than the declared-size limit the caller passes plus the tree
** it builds (and a fixed-size zstd context), all through the caller's
** allocator, and on failure returns a specific fmt_Status with a message in
** [err] and nothing allocated.
*/
#ifndef FMT_IMAGE_H
#define FMT_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "format/proto.h"

#define FMT_MAGIC        "\x1bPCL"   /* 4 bytes */
#define FMT_VERSION_MAJOR 1
#define FMT_VERSION_MINOR 1

/* Container header: magic(4) major(1) minor(1) flags(2) usize(4) ssize(4)
** checksum(8), then ssize payload bytes. */
#define FMT_HEADER_SIZE   24
#define FMT_FLAG_STRIPPED 0x1u        /* debug info stripped */
#define FMT_FLAG_ZSTD     0x2u        /* compression kind (bits 1-2) == 1 */
#define FMT_MAX_NESTING   200         /* deepest allowed nesting of protos */

typedef enum {
  FMT_OK = 0,
  FMT_ENOTIMAGE,      /* magic bytes missing */
  FMT_EVERSION,       /* major differs, or minor newer than ours */
  FMT_ETRUNCATED,     /* fewer bytes than the header or declared sizes need */
  FMT_ECHECKSUM,      /* XXH3-64 mismatch */
  FMT_EDECOMPRESS,    /* zstd failed, or produced a size other than declared */
  FMT_ETOOLARGE,      /* declared uncompressed size over the caller's limit */
  FMT_EMALFORMED,     /* payload structure invalid */
  FMT_EVERIFY,        /* bytecode failed verification */
  FMT_ENOMEM          /* allocator returned NULL */
} fmt_Status;

/* Human-readable name of a status ("checksum mismatch"). */
const char *fmt_status_name(fmt_Status st);

/* Options for writing. */
typedef struct fmt_WriteOptions {
  int compress;         /* 0: store payload uncompressed; 1: zstd */
  int level;            /* zstd level (1..22), used when compress */
} fmt_WriteOptions;

/* Serializes [img] into a fresh buffer from [a] (*out, *outsize).
** Returns FMT_OK or FMT_ENOMEM. Deterministic: same image, same bytes. */
fmt_Status fmt_image_write(const fmt_Image *img, const fmt_WriteOptions *opt,
                           fmt_Allocator a, uint8_t **out, size_t *outsize);

/* Parses and verifies an image. [maxsize] caps the declared uncompressed
** payload size. On success *img is a tree allocated from [a] (free with
** fmt_image_free). On failure writes a message (naming versions for
** FMT_EVERSION) into err[errlen] and returns the status. */
fmt_Status fmt_image_read(const uint8_t *data, size_t size, size_t maxsize,
                          fmt_Allocator a, fmt_Image **img,
                          char *err, size_t errlen);

/* Frees a tree built by fmt_image_read (or by any code that allocated every
** part of it from [a]). */
void fmt_image_free(fmt_Image *img, fmt_Allocator a);

/* Checks the bytecode of [p] and its children (see proto.h invariants).
** Returns FMT_OK or FMT_EVERIFY with a message naming function and pc. */
fmt_Status fmt_verify(const fmt_Proto *p, char *err, size_t errlen);

/* Checks [main] as the main function of a chunk (when linedefined == 0, a
** compiled chunk: no parameters, at most one upvalue, _ENV; linedefined > 0
** marks a function dumped by string.dump, any signature) and then verifies
** it with fmt_verify. */
fmt_Status fmt_verify_chunk(const fmt_Proto *main, char *err, size_t errlen);

/* string.dump's prefix: the 31-byte header of a Lua 5.4 binary chunk as
** lua5.4 writes it on a little-endian 64-bit machine (signature "\x1bLua",
** version 0x54, format 0, LUAC_DATA, sizes 4, 8, 8, LUAC_INT 0x5678, LUAC_NUM
** 370.5), so that scripts checking a dump's header find lua5.4's. An image
** may start with it (fmt_image_read skips it); piccoloc never writes it. */
#define FMT_LUAPREFIX_SIZE 31
extern const uint8_t fmt_luaprefix[FMT_LUAPREFIX_SIZE];

/* Returns 1 if [data] starts with the image magic or with the Lua
** signature of fmt_luaprefix. */
int fmt_is_image(const uint8_t *data, size_t size);

#endif
