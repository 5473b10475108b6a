// The C interface of libft_spm, our small shared module around the SentencePiece library. It is
// loaded with dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) so that the protobuf-lite bundled in
// Debian's libsentencepiece never meets libtorch's protobuf (see DEVELOPERS.md).
#pragma once
#include <stddef.h>
#include <stdint.h>

extern "C" {
// Returns a handle, or null with a message in err.
typedef void* (*ftspm_load_fn)(const char* path, char* err, size_t errSize);
typedef void (*ftspm_free_fn)(void* handle);
// Encodes UTF-8 text; *ids is malloc'ed and released with ftspm_release. Returns 0 on success.
typedef int (*ftspm_encode_fn)(void* handle, const char* text, size_t len, int32_t** ids, size_t* count);
typedef int (*ftspm_decode_fn)(void* handle, const int32_t* ids, size_t count, char** text, size_t* len);
typedef int (*ftspm_vocab_size_fn)(void* handle);
typedef const char* (*ftspm_id_to_piece_fn)(void* handle, int id);    // valid while the handle lives
typedef int (*ftspm_piece_to_id_fn)(void* handle, const char* piece); // -1 if unknown
typedef int (*ftspm_is_control_fn)(void* handle, int id);
typedef void (*ftspm_release_fn)(void* memory);
}
