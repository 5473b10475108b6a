// The pieces of a SentencePiece tokenizer.model, read from its protobuf bytes.
#include "gguf/spm_model_proto.h"

#include "util/error.h"

#include <cstring>

namespace ft::gguf {

namespace {

// Protobuf wire format: each field is a varint key (number << 3 | wire type) and a value.
class Wire {
public:
    Wire(const uint8_t* p, size_t n, const std::string& source) : m_p(p), m_end(p + n), m_source(source) {}
    bool done() const { return m_p >= m_end; }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) fail();
            const uint8_t b = *m_p++;
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        fail();
    }
    Wire sub() {
        const uint64_t n = varint();
        if (n > uint64_t(m_end - m_p)) fail();
        Wire w(m_p, size_t(n), m_source);
        m_p += n;
        return w;
    }
    std::string bytes() {
        Wire w = sub();
        return std::string(reinterpret_cast<const char*>(w.m_p), size_t(w.m_end - w.m_p));
    }
    float fixed32() {
        if (m_end - m_p < 4) fail();
        float f;
        std::memcpy(&f, m_p, 4);
        m_p += 4;
        return f;
    }
    void skip(uint32_t wireType) {
        switch (wireType) {
        case 0: varint(); break;
        case 1: advance(8); break;
        case 2: sub(); break;
        case 5: advance(4); break;
        default: fail();
        }
    }

private:
    void advance(size_t n) {
        if (size_t(m_end - m_p) < n) fail();
        m_p += n;
    }
    [[noreturn]] void fail() const {
        throw Error(m_source + " is not a valid SentencePiece model (its protobuf data is cut short or corrupt)");
    }
    const uint8_t* m_p;
    const uint8_t* m_end;
    const std::string& m_source;
};

SpmPiece readPiece(Wire w) {
    SpmPiece p;
    while (!w.done()) {
        const uint64_t key = w.varint();
        const uint32_t field = uint32_t(key >> 3), wire = uint32_t(key & 7);
        if (field == 1 && wire == 2) p.piece = w.bytes();
        else if (field == 2 && wire == 5) p.score = w.fixed32();
        else if (field == 3 && wire == 0) p.type = int32_t(w.varint());
        else w.skip(wire);
    }
    return p;
}

} // namespace

SpmModelProto parseSpmModel(const std::string& bytes, const std::string& source) {
    SpmModelProto m;
    Wire w(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), source);
    while (!w.done()) {
        const uint64_t key = w.varint();
        const uint32_t field = uint32_t(key >> 3), wire = uint32_t(key & 7);
        if (field == 1 && wire == 2) {
            m.pieces.push_back(readPiece(w.sub()));
        } else if (field == 2 && wire == 2) { // TrainerSpec
            Wire t = w.sub();
            while (!t.done()) {
                const uint64_t k = t.varint();
                const uint32_t f = uint32_t(k >> 3), tw = uint32_t(k & 7);
                if (f == 3 && tw == 0) m.modelType = int32_t(t.varint());
                else if (f == 35 && tw == 0) m.byteFallback = t.varint() != 0;
                else t.skip(tw);
            }
        } else if (field == 3 && wire == 2) { // NormalizerSpec
            Wire n = w.sub();
            while (!n.done()) {
                const uint64_t k = n.varint();
                const uint32_t f = uint32_t(k >> 3), nw = uint32_t(k & 7);
                if (f == 3 && nw == 0) m.addDummyPrefix = n.varint() != 0;
                else n.skip(nw);
            }
        } else {
            w.skip(wire);
        }
    }
    if (m.pieces.empty()) throw Error(source + " is not a SentencePiece model (it has no pieces)");
    for (const auto& p : m.pieces)
        if (p.type < 1 || p.type > 6) throw Error(source + ": piece \"" + p.piece + "\" has an unknown type " + std::to_string(p.type));
    return m;
}

} // namespace ft::gguf
