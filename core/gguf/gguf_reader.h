// GgufFile: a memory-mapped, validated GGUF reader. Every problem (not GGUF, an unsupported
// version, a value or tensor table running past the end, a tensor outside the file or overlapping
// another) is an ft::Error naming the file and the key or tensor; nothing is read unchecked.
#pragma once
#include "gguf/gguf_types.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ft::gguf {

struct TensorInfo {
    std::string name;
    std::vector<uint64_t> ne; // ne[0] innermost
    uint32_t type = 0;        // a ggml type; only F32/F16/BF16/Q8_0 can be read as floats
    uint64_t offset = 0;      // from the start of the data section
    uint64_t bytes = 0;       // 0 for a type this reader does not know
};

class File {
public:
    explicit File(const std::string& path);

    const std::string& path() const { return m_path; }
    uint32_t version() const { return m_version; }
    uint32_t alignment() const { return m_alignment; }
    const std::vector<std::pair<std::string, Value>>& metadata() const { return m_metadata; }
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }

    const Value* find(const std::string& key) const; // null when absent
    // Typed look-ups; throw ft::Error naming the key when it is absent or of another kind.
    std::string getString(const std::string& key) const;
    int64_t getInt(const std::string& key) const;            // any integer type
    double getFloat(const std::string& key) const;           // F32 / F64
    const TensorInfo* tensor(const std::string& name) const; // null when absent
    // The tensor's values as float32 (F32, F16, BF16 or Q8_0), in file order.
    std::vector<float> tensorValues(const std::string& name) const;
    const uint8_t* tensorData(const TensorInfo& info) const;

private:
    struct Mapping;
    std::string m_path;
    std::shared_ptr<Mapping> m_map;
    uint32_t m_version = 0, m_alignment = kDefaultAlignment;
    uint64_t m_dataStart = 0;
    std::vector<std::pair<std::string, Value>> m_metadata;
    std::map<std::string, size_t> m_keyIndex;
    std::vector<TensorInfo> m_tensors;
    std::map<std::string, size_t> m_tensorIndex;
};

} // namespace ft::gguf
