// Reading a GGUF file: metadata, tensor infos and values, with one clear error per corruption.
#include "gguf/gguf_reader.h"

#include "gguf/gguf_quant.h"
#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ft::gguf {

struct File::Mapping {
    const uint8_t* data = nullptr;
    uint64_t size = 0;
    ~Mapping() {
        if (data && size) ::munmap(const_cast<uint8_t*>(data), size);
    }
};

namespace {

// Bounds-checked cursor over the mapped bytes.
class Cursor {
public:
    Cursor(const uint8_t* data, uint64_t size, const std::string& path) : m_data(data), m_size(size), m_path(path) {}
    template <typename T>
    T get(const std::string& what) {
        need(sizeof(T), what);
        T v;
        std::memcpy(&v, m_data + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return v;
    }
    std::string getString(const std::string& what) {
        const uint64_t n = get<uint64_t>(what);
        need(n, what);
        std::string s(reinterpret_cast<const char*>(m_data + m_pos), size_t(n));
        m_pos += n;
        return s;
    }
    uint64_t pos() const { return m_pos; }

private:
    void need(uint64_t n, const std::string& what) const {
        if (n > m_size - m_pos) throw Error(m_path + ": the file ends inside " + what, "the file is truncated or not GGUF");
    }
    const uint8_t* m_data;
    uint64_t m_size, m_pos = 0;
    const std::string& m_path;
};

bool isInteger(ValueType t) {
    switch (t) {
    case ValueType::U8:
    case ValueType::I8:
    case ValueType::U16:
    case ValueType::I16:
    case ValueType::U32:
    case ValueType::I32:
    case ValueType::U64:
    case ValueType::I64:
    case ValueType::Bool: return true;
    default: return false;
    }
}

void readScalar(Cursor& c, ValueType type, Value& v, const std::string& what) {
    switch (type) {
    case ValueType::U8: v.ints.push_back(c.get<uint8_t>(what)); break;
    case ValueType::I8: v.ints.push_back(c.get<int8_t>(what)); break;
    case ValueType::U16: v.ints.push_back(c.get<uint16_t>(what)); break;
    case ValueType::I16: v.ints.push_back(c.get<int16_t>(what)); break;
    case ValueType::U32: v.ints.push_back(c.get<uint32_t>(what)); break;
    case ValueType::I32: v.ints.push_back(c.get<int32_t>(what)); break;
    case ValueType::U64: v.ints.push_back(int64_t(c.get<uint64_t>(what))); break;
    case ValueType::I64: v.ints.push_back(c.get<int64_t>(what)); break;
    case ValueType::Bool: v.ints.push_back(c.get<uint8_t>(what) != 0); break;
    case ValueType::F32: v.floats.push_back(c.get<float>(what)); break;
    case ValueType::F64: v.floats.push_back(c.get<double>(what)); break;
    case ValueType::String: v.strings.push_back(c.getString(what)); break;
    default: throw Error(what + ": value type " + std::to_string(unsigned(type)) + " is not a GGUF scalar type");
    }
}

uint64_t alignUp(uint64_t n, uint64_t a) {
    return (n + a - 1) / a * a;
}

} // namespace

File::File(const std::string& path) : m_path(path), m_map(std::make_shared<Mapping>()) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw Error("cannot stat " + path + ": " + std::strerror(errno));
    }
    m_map->size = uint64_t(st.st_size);
    if (m_map->size > 0) {
        void* p = ::mmap(nullptr, m_map->size, PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        if (p == MAP_FAILED) throw Error("cannot map " + path + ": " + std::strerror(errno));
        m_map->data = static_cast<const uint8_t*>(p);
    } else {
        ::close(fd);
    }

    Cursor c(m_map->data, m_map->size, m_path);
    if (m_map->size < 4 || c.get<uint32_t>("the magic number") != kMagic)
        throw Error(path + " is not a GGUF file (it does not start with \"GGUF\")");
    m_version = c.get<uint32_t>("the version");
    if (m_version != 2 && m_version != 3)
        throw Error(path + ": GGUF version " + std::to_string(m_version) + " is not supported (2 and 3 are)");
    const uint64_t tensorCount = c.get<uint64_t>("the tensor count");
    const uint64_t kvCount = c.get<uint64_t>("the metadata count");
    // Each entry takes at least 8 bytes, so counts beyond the file's size are corrupt, not huge.
    if (tensorCount > m_map->size / 8 || kvCount > m_map->size / 8)
        throw Error(path + ": the header claims more entries than the file can hold", "the file is corrupt");

    for (uint64_t i = 0; i < kvCount; ++i) {
        const std::string key = c.getString("metadata key " + std::to_string(i));
        const std::string what = "metadata " + key;
        Value v;
        v.type = ValueType(c.get<uint32_t>(what));
        if (v.type == ValueType::Array) {
            v.elementType = ValueType(c.get<uint32_t>(what));
            if (v.elementType == ValueType::Array)
                throw Error(path + ": " + what + " is an array of arrays, which this reader does not handle");
            const uint64_t n = c.get<uint64_t>(what);
            if (n > m_map->size) throw Error(path + ": " + what + " claims " + std::to_string(n) + " elements", "the file is corrupt");
            for (uint64_t k = 0; k < n; ++k) readScalar(c, v.elementType, v, what);
        } else {
            readScalar(c, v.type, v, what);
        }
        if (m_keyIndex.count(key)) throw Error(path + ": metadata key " + key + " appears twice");
        m_keyIndex[key] = m_metadata.size();
        m_metadata.emplace_back(key, std::move(v));
    }
    if (const Value* a = find("general.alignment")) {
        if (!isInteger(a->type) || a->ints.at(0) <= 0 || a->ints.at(0) % 8 != 0)
            throw Error(path + ": general.alignment must be a positive multiple of 8");
        m_alignment = uint32_t(a->ints.at(0));
    }

    for (uint64_t i = 0; i < tensorCount; ++i) {
        TensorInfo t;
        t.name = c.getString("tensor info " + std::to_string(i));
        const std::string what = "tensor " + t.name;
        const uint32_t dims = c.get<uint32_t>(what);
        if (dims == 0 || dims > 4) throw Error(path + ": " + what + " has " + std::to_string(dims) + " dimensions (1 to 4 allowed)");
        for (uint32_t d = 0; d < dims; ++d) t.ne.push_back(c.get<uint64_t>(what));
        t.type = c.get<uint32_t>(what);
        t.offset = c.get<uint64_t>(what);
        if (t.offset % m_alignment != 0) throw Error(path + ": " + what + " is not aligned to " + std::to_string(m_alignment) + " bytes");
        if (isKnownTensorType(t.type)) {
            try {
                t.bytes = tensorBytes(TensorType(t.type), t.ne);
            } catch (...) {
                rethrowWithContext(path + ": " + what);
            }
        }
        if (m_tensorIndex.count(t.name)) throw Error(path + ": tensor " + t.name + " appears twice");
        m_tensorIndex[t.name] = m_tensors.size();
        m_tensors.push_back(std::move(t));
    }
    m_dataStart = alignUp(c.pos(), m_alignment);

    // Every known tensor lies inside the file and no two overlap.
    std::vector<const TensorInfo*> order;
    for (const auto& t : m_tensors) {
        if (t.bytes == 0) continue;
        if (m_dataStart > m_map->size || t.offset > m_map->size - m_dataStart || t.bytes > m_map->size - m_dataStart - t.offset)
            throw Error(path + ": tensor " + t.name + " lies past the end of the file", "the file is truncated");
        order.push_back(&t);
    }
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->offset < b->offset; });
    for (size_t i = 1; i < order.size(); ++i)
        if (order[i - 1]->offset + order[i - 1]->bytes > order[i]->offset)
            throw Error(path + ": tensors " + order[i - 1]->name + " and " + order[i]->name + " overlap");
}

const Value* File::find(const std::string& key) const {
    const auto it = m_keyIndex.find(key);
    return it == m_keyIndex.end() ? nullptr : &m_metadata[it->second].second;
}

std::string File::getString(const std::string& key) const {
    const Value* v = find(key);
    if (!v) throw Error(m_path + ": no metadata " + key);
    if (v->type != ValueType::String) throw Error(m_path + ": metadata " + key + " is not a string");
    return v->strings.at(0);
}

int64_t File::getInt(const std::string& key) const {
    const Value* v = find(key);
    if (!v) throw Error(m_path + ": no metadata " + key);
    if (!isInteger(v->type)) throw Error(m_path + ": metadata " + key + " is not an integer");
    return v->ints.at(0);
}

double File::getFloat(const std::string& key) const {
    const Value* v = find(key);
    if (!v) throw Error(m_path + ": no metadata " + key);
    if (v->type != ValueType::F32 && v->type != ValueType::F64) throw Error(m_path + ": metadata " + key + " is not a float");
    return v->floats.at(0);
}

const TensorInfo* File::tensor(const std::string& name) const {
    const auto it = m_tensorIndex.find(name);
    return it == m_tensorIndex.end() ? nullptr : &m_tensors[it->second];
}

const uint8_t* File::tensorData(const TensorInfo& info) const {
    return m_map->data + m_dataStart + info.offset;
}

std::vector<float> File::tensorValues(const std::string& name) const {
    const TensorInfo* t = tensor(name);
    if (!t) throw Error(m_path + ": no tensor " + name);
    if (!isKnownTensorType(t->type))
        throw Error(m_path + ": tensor " + name + " has ggml type " + std::to_string(t->type) + ", which this reader does not decode");
    uint64_t n = 1;
    for (uint64_t d : t->ne) n *= d;
    std::vector<float> out(n);
    const uint8_t* p = tensorData(*t);
    switch (TensorType(t->type)) {
    case TensorType::F32: std::memcpy(out.data(), p, n * 4); break;
    case TensorType::F16:
    case TensorType::BF16:
        for (uint64_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, p + 2 * i, 2);
            out[i] = TensorType(t->type) == TensorType::F16 ? halfToFloat(h) : bf16ToFloat(h);
        }
        break;
    case TensorType::Q8_0: dequantizeQ8_0(p, n, out.data()); break;
    }
    return out;
}

} // namespace ft::gguf
