// safetensors: a memory-mapped, fully validated reader and an atomic writer.
// Format: u64 header length N | N bytes of JSON | tensor bytes (offsets relative to the byte buffer).
// Every violation of the format is an ft::Error naming the file and the tensor; nothing is read
// from the mapping before the header has been validated.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/types.h>

namespace ft {

struct SafetensorsEntry {
    std::string name;
    std::string dtype; // as spelled in the file: "F32", "BF16", ...
    std::vector<int64_t> shape;
    uint64_t begin = 0; // byte offsets relative to the data buffer; end is one past
    uint64_t end = 0;
};

class SafetensorsFile {
public:
    // Maps and validates the file; throws ft::Error on any problem.
    explicit SafetensorsFile(const std::string& path);

    const std::string& path() const { return m_path; }
    const std::vector<SafetensorsEntry>& entries() const { return m_entries; }
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    bool contains(const std::string& name) const { return m_index.count(name) != 0; }
    const SafetensorsEntry& entry(const std::string& name) const;

    // A CPU tensor viewing the mapped bytes (read-only: clone or convert before writing to it).
    // The tensor keeps the mapping alive.
    torch::Tensor tensor(const std::string& name) const;

private:
    struct Mapping;
    std::string m_path;
    std::shared_ptr<Mapping> m_map;
    const uint8_t* m_data = nullptr; // start of the byte buffer
    std::vector<SafetensorsEntry> m_entries;
    std::map<std::string, size_t> m_index;
    std::map<std::string, std::string> m_metadata;
};

// Maps a safetensors dtype string to a torch dtype; throws for dtypes we do not handle.
torch::ScalarType safetensorsDtype(const std::string& dtype, const std::string& where);
std::string safetensorsDtypeName(torch::ScalarType type);

// Writes tensors (any device; they are copied to CPU, contiguous) atomically, with
// __metadata__ {"format": "pt"} plus `metadata`. Names must be unique.
void writeSafetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

} // namespace ft
