// SpmTokenizer: a tokenizer.model through the isolated SentencePiece module.
#include "tokenizer/spm_tokenizer.h"

#include "io/atomic_file.h"
#include "tokenizer/spm_module_api.h"
#include "util/error.h"
#include "util/program_paths.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <sys/stat.h>

namespace ft {

struct SpmModule {
    ftspm_load_fn load;
    ftspm_free_fn free;
    ftspm_encode_fn encode;
    ftspm_decode_fn decode;
    ftspm_vocab_size_fn vocabSize;
    ftspm_id_to_piece_fn idToPiece;
    ftspm_piece_to_id_fn pieceToId;
    ftspm_is_control_fn isControl;
    ftspm_release_fn release;
};

namespace {

const SpmModule& module() {
    static std::once_flag once;
    static SpmModule m{};
    static std::string failure;
    std::call_once(once, [] {
        const std::string path = spmModulePath();
        if (path.empty()) {
            failure = "the SentencePiece module libft_spm.so was not found";
            return;
        }
        void* lib = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!lib) {
            failure = std::string("cannot load ") + path + ": " + ::dlerror();
            return;
        }
        auto sym = [&](const char* name) {
            void* p = ::dlsym(lib, name);
            if (!p) failure = path + " lacks " + name;
            return p;
        };
        m.load = reinterpret_cast<ftspm_load_fn>(sym("ftspm_load"));
        m.free = reinterpret_cast<ftspm_free_fn>(sym("ftspm_free"));
        m.encode = reinterpret_cast<ftspm_encode_fn>(sym("ftspm_encode"));
        m.decode = reinterpret_cast<ftspm_decode_fn>(sym("ftspm_decode"));
        m.vocabSize = reinterpret_cast<ftspm_vocab_size_fn>(sym("ftspm_vocab_size"));
        m.idToPiece = reinterpret_cast<ftspm_id_to_piece_fn>(sym("ftspm_id_to_piece"));
        m.pieceToId = reinterpret_cast<ftspm_piece_to_id_fn>(sym("ftspm_piece_to_id"));
        m.isControl = reinterpret_cast<ftspm_is_control_fn>(sym("ftspm_is_control"));
        m.release = reinterpret_cast<ftspm_release_fn>(sym("ftspm_release"));
    });
    if (!failure.empty()) throw Error(failure, "install the package or set FT_SPM_MODULE to the path of libft_spm.so");
    return m;
}

} // namespace

std::string spmModulePath() {
    if (const char* env = std::getenv("FT_SPM_MODULE"); env && *env) return env;
    const std::string exe = executableDir();
    for (const std::string& candidate :
         {exe + "/../lib/finetune-studio/libft_spm.so", exe + "/libft_spm.so", std::string(FT_SPM_BUILD_PATH)})
        if (!candidate.empty() && fileExists(candidate)) return candidate;
    return {};
}

SpmTokenizer::SpmTokenizer(const std::string& modelPath, const std::string& dir) : m_module(&module()) {
    m_dir = dir;
    char err[512] = {0};
    m_handle = m_module->load(modelPath.c_str(), err, sizeof(err));
    if (!m_handle) throw Error(modelPath + ": not a SentencePiece model: " + err);
    const int n = m_module->vocabSize(m_handle);
    for (int id = 0; id < n; ++id)
        if (m_module->isControl(m_handle, id)) m_specials.add({id, m_module->idToPiece(m_handle, id), true});
}

SpmTokenizer::~SpmTokenizer() {
    if (m_handle) m_module->free(m_handle);
}

std::vector<int32_t> SpmTokenizer::encode(const std::string& text, bool addSpecialTokens) const {
    std::vector<int32_t> ids;
    if (addSpecialTokens && m_config.addBosToken && m_config.bosId >= 0) ids.push_back(m_config.bosId);
    for (const Segment& seg : m_specials.split(text)) {
        if (seg.id >= 0) {
            ids.push_back(seg.id);
            continue;
        }
        int32_t* out = nullptr;
        size_t count = 0;
        if (m_module->encode(m_handle, text.data() + seg.begin, seg.end - seg.begin, &out, &count) != 0)
            throw Error("SentencePiece could not encode the text");
        ids.insert(ids.end(), out, out + count);
        m_module->release(out);
    }
    if (addSpecialTokens && m_config.addEosToken && m_config.eosId >= 0) ids.push_back(m_config.eosId);
    return ids;
}

std::string SpmTokenizer::decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const {
    // Control pieces decode to nothing in SentencePiece; spell them out unless asked to skip them.
    std::string out;
    std::vector<int32_t> run;
    auto flush = [&] {
        if (run.empty()) return;
        char* text = nullptr;
        size_t len = 0;
        if (m_module->decode(m_handle, run.data(), run.size(), &text, &len) != 0) throw Error("SentencePiece could not decode");
        out.append(text, len);
        m_module->release(text);
        run.clear();
    };
    for (int32_t id : ids) {
        if (id < 0 || id >= vocabSize()) continue;
        if (m_specials.byId(id)) {
            flush();
            if (!skipSpecialTokens) out += m_specials.byId(id)->content;
        } else {
            run.push_back(id);
        }
    }
    flush();
    return out;
}

int32_t SpmTokenizer::vocabSize() const {
    return m_module->vocabSize(m_handle);
}

int32_t SpmTokenizer::tokenToId(const std::string& token) const {
    return m_module->pieceToId(m_handle, token.c_str());
}

std::string SpmTokenizer::idToToken(int32_t id) const {
    const char* p = m_module->idToPiece(m_handle, id);
    return p ? p : "";
}

bool SpmTokenizer::isSpecial(int32_t id) const {
    return m_specials.byId(id) != nullptr;
}

} // namespace ft
