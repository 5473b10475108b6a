// Writing a GGUF file: metadata, tensor infos and aligned tensor data, atomically.
#include "gguf/gguf_writer.h"

#include "io/atomic_file.h"
#include "util/error.h"

#include <cstring>
#include <set>

namespace ft::gguf {

namespace {

constexpr size_t kMaxTensorName = 64; // GGML_MAX_NAME, including the terminating NUL in ggml

class Buffer {
public:
    template <typename T>
    void put(T v) {
        const size_t at = bytes.size();
        bytes.resize(at + sizeof(T));
        std::memcpy(bytes.data() + at, &v, sizeof(T));
    }
    void putString(const std::string& s) {
        put<uint64_t>(s.size());
        bytes.insert(bytes.end(), s.begin(), s.end());
    }
    std::vector<uint8_t> bytes;
};

void putScalar(Buffer& b, ValueType type, const Value& v, size_t i) {
    switch (type) {
    case ValueType::U8: b.put<uint8_t>(uint8_t(v.ints.at(i))); break;
    case ValueType::I8: b.put<int8_t>(int8_t(v.ints.at(i))); break;
    case ValueType::U16: b.put<uint16_t>(uint16_t(v.ints.at(i))); break;
    case ValueType::I16: b.put<int16_t>(int16_t(v.ints.at(i))); break;
    case ValueType::U32: b.put<uint32_t>(uint32_t(v.ints.at(i))); break;
    case ValueType::I32: b.put<int32_t>(int32_t(v.ints.at(i))); break;
    case ValueType::U64: b.put<uint64_t>(uint64_t(v.ints.at(i))); break;
    case ValueType::I64: b.put<int64_t>(v.ints.at(i)); break;
    case ValueType::Bool: b.put<uint8_t>(v.ints.at(i) ? 1 : 0); break;
    case ValueType::F32: b.put<float>(float(v.floats.at(i))); break;
    case ValueType::F64: b.put<double>(v.floats.at(i)); break;
    case ValueType::String: b.putString(v.strings.at(i)); break;
    case ValueType::Array: throw Error("GGUF: arrays of arrays are not written");
    }
}

void putValue(Buffer& b, const Value& v) {
    b.put<uint32_t>(uint32_t(v.type));
    if (!v.isArray()) {
        putScalar(b, v.type, v, 0);
        return;
    }
    b.put<uint32_t>(uint32_t(v.elementType));
    b.put<uint64_t>(v.size());
    for (size_t i = 0; i < v.size(); ++i) putScalar(b, v.elementType, v, i);
}

uint64_t alignUp(uint64_t n, uint64_t alignment) {
    return (n + alignment - 1) / alignment * alignment;
}

} // namespace

void Writer::set(const std::string& key, Value value) {
    for (auto& kv : m_metadata)
        if (kv.first == key) {
            kv.second = std::move(value);
            return;
        }
    m_metadata.emplace_back(key, std::move(value));
}

void Writer::addTensor(const std::string& name, std::vector<uint64_t> ne, TensorType type, Producer produce) {
    if (name.empty() || name.size() >= kMaxTensorName) throw Error("GGUF tensor name \"" + name + "\" must be 1 to 63 bytes long");
    if (ne.empty() || ne.size() > 4) throw Error("GGUF tensor " + name + " must have 1 to 4 dimensions");
    for (const auto& t : m_tensors)
        if (t.name == name) throw Error("GGUF tensor " + name + " is added twice");
    uint64_t bytes = 0;
    try {
        bytes = tensorBytes(type, ne);
    } catch (...) {
        rethrowWithContext("GGUF tensor " + name);
    }
    m_tensors.push_back({name, std::move(ne), type, bytes, std::move(produce)});
}

uint64_t Writer::write(const std::string& path) const {
    uint32_t alignment = kDefaultAlignment;
    for (const auto& kv : m_metadata)
        if (kv.first == "general.alignment") alignment = uint32_t(kv.second.ints.at(0));
    if (alignment == 0 || alignment % 8 != 0) throw Error("GGUF general.alignment must be a multiple of 8");

    Buffer head;
    head.put<uint32_t>(kMagic);
    head.put<uint32_t>(kVersion);
    head.put<uint64_t>(m_tensors.size());
    head.put<uint64_t>(m_metadata.size());
    for (const auto& kv : m_metadata) {
        head.putString(kv.first);
        putValue(head, kv.second);
    }
    uint64_t offset = 0;
    for (const auto& t : m_tensors) {
        head.putString(t.name);
        head.put<uint32_t>(uint32_t(t.ne.size()));
        for (uint64_t d : t.ne) head.put<uint64_t>(d);
        head.put<uint32_t>(uint32_t(t.type));
        head.put<uint64_t>(offset);
        offset = alignUp(offset + t.bytes, alignment);
    }
    head.bytes.resize(alignUp(head.bytes.size(), alignment), 0);

    AtomicFileWriter file(path);
    file.write(head.bytes.data(), head.bytes.size());
    uint64_t written = head.bytes.size();
    std::vector<uint8_t> data;
    const std::vector<uint8_t> zeros(alignment, 0);
    for (const auto& t : m_tensors) {
        data.clear();
        t.produce(data);
        if (data.size() != t.bytes)
            throw Error(
                format("GGUF tensor %s: %zu bytes produced, %llu expected", t.name.c_str(), data.size(), (unsigned long long)t.bytes));
        file.write(data.data(), data.size());
        const uint64_t pad = alignUp(t.bytes, alignment) - t.bytes;
        file.write(zeros.data(), pad);
        written += t.bytes + pad;
    }
    file.commit();
    return written;
}

} // namespace ft::gguf
