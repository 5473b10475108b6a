// libft_spm: the only code that links the SentencePiece library. Loaded by core with dlopen and
// RTLD_DEEPBIND; exports the plain C functions of spm_module_api.h.
#include "tokenizer/spm_module_api.h"

#include <cstdlib>
#include <cstring>
#include <sentencepiece_processor.h>
#include <string>
#include <vector>

namespace {
struct Handle {
    sentencepiece::SentencePieceProcessor sp;
    std::vector<std::string> pieces;
};
} // namespace

extern "C" {

__attribute__((visibility("default"))) void* ftspm_load(const char* path, char* err, size_t errSize) {
    auto* h = new Handle;
    const auto status = h->sp.Load(path);
    if (!status.ok()) {
        std::snprintf(err, errSize, "%s", status.ToString().c_str());
        delete h;
        return nullptr;
    }
    for (int i = 0; i < h->sp.GetPieceSize(); ++i) h->pieces.push_back(h->sp.IdToPiece(i));
    return h;
}

__attribute__((visibility("default"))) void ftspm_free(void* handle) {
    delete static_cast<Handle*>(handle);
}

__attribute__((visibility("default"))) int ftspm_encode(void* handle, const char* text, size_t len, int32_t** ids, size_t* count) {
    std::vector<int> out;
    if (!static_cast<Handle*>(handle)->sp.Encode(std::string(text, len), &out).ok()) return 1;
    *count = out.size();
    *ids = static_cast<int32_t*>(std::malloc(sizeof(int32_t) * (out.size() ? out.size() : 1)));
    for (size_t i = 0; i < out.size(); ++i) (*ids)[i] = out[i];
    return 0;
}

__attribute__((visibility("default"))) int ftspm_decode(void* handle, const int32_t* ids, size_t count, char** text, size_t* len) {
    std::vector<int> in(ids, ids + count);
    std::string out;
    if (!static_cast<Handle*>(handle)->sp.Decode(in, &out).ok()) return 1;
    *len = out.size();
    *text = static_cast<char*>(std::malloc(out.size() + 1));
    std::memcpy(*text, out.data(), out.size());
    (*text)[out.size()] = 0;
    return 0;
}

__attribute__((visibility("default"))) int ftspm_vocab_size(void* handle) {
    return static_cast<Handle*>(handle)->sp.GetPieceSize();
}

__attribute__((visibility("default"))) const char* ftspm_id_to_piece(void* handle, int id) {
    auto* h = static_cast<Handle*>(handle);
    return id >= 0 && size_t(id) < h->pieces.size() ? h->pieces[size_t(id)].c_str() : nullptr;
}

__attribute__((visibility("default"))) int ftspm_piece_to_id(void* handle, const char* piece) {
    auto* h = static_cast<Handle*>(handle);
    const int id = h->sp.PieceToId(piece);
    return id == h->sp.unk_id() && h->pieces[size_t(id)] != piece ? -1 : id;
}

__attribute__((visibility("default"))) int ftspm_is_control(void* handle, int id) {
    auto* h = static_cast<Handle*>(handle);
    return h->sp.IsControl(id) || h->sp.IsUnknown(id) ? 1 : 0;
}

__attribute__((visibility("default"))) void ftspm_release(void* memory) {
    std::free(memory);
}
}
