// The safetensors format: reading (memory-mapped, every header field checked) and writing.
#include "io/safetensors.h"

#include "io/atomic_file.h"
#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "torch_pch.h"

namespace ft {

namespace {

constexpr uint64_t kMaxHeaderBytes = 100'000'000; // the reference implementation's limit

struct DtypeInfo {
    const char* name;
    torch::ScalarType type;
    int bytes;
};

const DtypeInfo kDtypes[] = {
    {"F32", torch::kFloat32, 4}, {"F16", torch::kFloat16, 2}, {"BF16", torch::kBFloat16, 2}, {"F64", torch::kFloat64, 8},
    {"I64", torch::kInt64, 8},   {"I32", torch::kInt32, 4},   {"I16", torch::kInt16, 2},     {"I8", torch::kInt8, 1},
    {"U8", torch::kUInt8, 1},    {"BOOL", torch::kBool, 1},
};

const DtypeInfo* findDtype(const std::string& name) {
    for (const auto& d : kDtypes)
        if (name == d.name) return &d;
    return nullptr;
}

} // namespace

struct SafetensorsFile::Mapping {
    void* addr = nullptr;
    size_t size = 0;
    ~Mapping() {
        if (addr && size) ::munmap(addr, size);
    }
};

torch::ScalarType safetensorsDtype(const std::string& dtype, const std::string& where) {
    if (const DtypeInfo* d = findDtype(dtype)) return d->type;
    throw Error(format("%s: unsupported dtype \"%s\"", where.c_str(), dtype.c_str()),
                "supported dtypes are F32, F16, BF16 (and F64, I64, I32, I16, I8, U8, BOOL)");
}

std::string safetensorsDtypeName(torch::ScalarType type) {
    for (const auto& d : kDtypes)
        if (d.type == type) return d.name;
    throw Error(format("cannot store tensors of type %s in safetensors", c10::toString(type)));
}

SafetensorsFile::SafetensorsFile(const std::string& path) : m_path(path), m_map(std::make_shared<Mapping>()) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(format("cannot open %s: %s", path.c_str(), std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw Error(format("cannot stat %s: %s", path.c_str(), std::strerror(errno)));
    }
    const uint64_t fileSize = uint64_t(st.st_size);
    if (fileSize < 8) {
        ::close(fd);
        throw Error(format("%s: not a safetensors file (%llu bytes, shorter than the 8-byte header length)", path.c_str(),
                           (unsigned long long)fileSize),
                    "the file is truncated or not a safetensors file");
    }
    void* addr = ::mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (addr == MAP_FAILED) throw Error(format("cannot map %s: %s", path.c_str(), std::strerror(errno)));
    m_map->addr = addr;
    m_map->size = fileSize;
    const auto* bytes = static_cast<const uint8_t*>(addr);

    uint64_t headerLen = 0;
    std::memcpy(&headerLen, bytes, 8); // little-endian host assumed (x86-64, aarch64)
    if (headerLen > kMaxHeaderBytes || headerLen > fileSize - 8)
        throw Error(format("%s: header length %llu does not fit in the file (%llu bytes)", path.c_str(), (unsigned long long)headerLen,
                           (unsigned long long)fileSize),
                    "the file is truncated or not a safetensors file");
    const std::string headerText(reinterpret_cast<const char*>(bytes + 8), headerLen);
    if (headerText.empty() || headerText[0] != '{') throw Error(format("%s: header is not a JSON object", path.c_str()));
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(headerText);
    } catch (const nlohmann::json::exception& e) {
        throw Error(format("%s: header is not valid JSON: %s", path.c_str(), e.what()));
    }
    if (!header.is_object()) throw Error(format("%s: header is not a JSON object", path.c_str()));

    m_data = bytes + 8 + headerLen;
    const uint64_t dataSize = fileSize - 8 - headerLen;

    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const auto& v = it.value();
        if (name == "__metadata__") {
            if (!v.is_object()) throw Error(format("%s: __metadata__ is not an object", path.c_str()));
            for (auto m = v.begin(); m != v.end(); ++m) {
                if (!m.value().is_string())
                    throw Error(format("%s: __metadata__ value \"%s\" is not a string", path.c_str(), m.key().c_str()));
                m_metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = path + ": tensor \"" + name + "\"";
        if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
            throw Error(where + ": entry needs \"dtype\", \"shape\" and \"data_offsets\"");
        SafetensorsEntry e;
        e.name = name;
        if (!v["dtype"].is_string()) throw Error(where + ": dtype is not a string");
        e.dtype = v["dtype"].get<std::string>();
        const DtypeInfo* dt = findDtype(e.dtype);
        if (!dt) safetensorsDtype(e.dtype, where); // throws with the list of supported dtypes
        const auto& shape = v["shape"];
        if (!shape.is_array()) throw Error(where + ": shape is not an array");
        uint64_t numel = 1;
        for (const auto& d : shape) {
            if (!d.is_number_unsigned()) throw Error(where + ": shape holds a value that is not a non-negative integer");
            const uint64_t dim = d.get<uint64_t>();
            if (dim != 0 && numel > (uint64_t(1) << 62) / dim) throw Error(where + ": shape is too large");
            numel *= dim;
            e.shape.push_back(int64_t(dim));
        }
        const auto& off = v["data_offsets"];
        if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            throw Error(where + ": data_offsets must be two non-negative integers");
        e.begin = off[0].get<uint64_t>();
        e.end = off[1].get<uint64_t>();
        if (e.end < e.begin) throw Error(where + ": data_offsets end before they begin");
        if (e.end > dataSize)
            throw Error(format("%s: data_offsets [%llu, %llu) run past the end of the data (%llu bytes)", where.c_str(),
                               (unsigned long long)e.begin, (unsigned long long)e.end, (unsigned long long)dataSize),
                        "the file is truncated or its header is wrong");
        const uint64_t expected = numel * uint64_t(dt->bytes);
        if (e.end - e.begin != expected)
            throw Error(format("%s: %s with shape %s needs %llu bytes but data_offsets span %llu", where.c_str(), e.dtype.c_str(),
                               shape.dump().c_str(), (unsigned long long)expected, (unsigned long long)(e.end - e.begin)));
        m_index[name] = m_entries.size();
        m_entries.push_back(std::move(e));
    }

    // Tensors must tile the buffer: sorted by offset, no overlap, no holes, nothing left over.
    std::vector<const SafetensorsEntry*> order;
    for (const auto& e : m_entries) order.push_back(&e);
    std::sort(order.begin(), order.end(), [](const SafetensorsEntry* a, const SafetensorsEntry* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    uint64_t cursor = 0;
    const SafetensorsEntry* prev = nullptr;
    for (const SafetensorsEntry* e : order) {
        if (e->begin < cursor)
            throw Error(format("%s: tensors \"%s\" and \"%s\" overlap", path.c_str(), prev->name.c_str(), e->name.c_str()));
        if (e->begin > cursor)
            throw Error(format("%s: %llu unused bytes before tensor \"%s\"", path.c_str(), (unsigned long long)(e->begin - cursor),
                               e->name.c_str()));
        cursor = e->end;
        prev = e;
    }
    if (cursor != dataSize)
        throw Error(format("%s: the data buffer holds %llu bytes but the tensors use %llu", path.c_str(), (unsigned long long)dataSize,
                           (unsigned long long)cursor),
                    "the file is corrupt or was written incompletely");
}

const SafetensorsEntry& SafetensorsFile::entry(const std::string& name) const {
    const auto it = m_index.find(name);
    if (it == m_index.end()) throw Error(format("%s: no tensor named \"%s\"", m_path.c_str(), name.c_str()));
    return m_entries[it->second];
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const {
    const SafetensorsEntry& e = entry(name);
    const auto type = safetensorsDtype(e.dtype, m_path);
    auto keepAlive = m_map;
    void* ptr = const_cast<uint8_t*>(m_data + e.begin);
    static uint8_t empty = 0;
    if (e.end == e.begin) ptr = &empty;
    return torch::from_blob(
        ptr, e.shape, [keepAlive](void*) {}, torch::TensorOptions().dtype(type));
}

void writeSafetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    struct Item {
        std::string name;
        torch::Tensor data;
        int align;
    };
    std::vector<Item> items;
    std::map<std::string, int> seen;
    for (const auto& [name, t] : tensors) {
        if (name == "__metadata__" || !seen.emplace(name, 1).second)
            throw Error(format("writing %s: tensor name \"%s\" is used twice or reserved", path.c_str(), name.c_str()));
        torch::Tensor c = t.detach().to(torch::kCPU).contiguous();
        items.push_back({name, c, int(c.element_size())});
    }
    // The reference writer's order: larger alignment first, then by name.
    std::sort(items.begin(), items.end(),
              [](const Item& a, const Item& b) { return a.align != b.align ? a.align > b.align : a.name < b.name; });
    nlohmann::json header = nlohmann::json::object();
    nlohmann::json meta = nlohmann::json::object();
    meta["format"] = "pt";
    for (const auto& [k, v] : metadata) meta[k] = v;
    header["__metadata__"] = meta;
    uint64_t offset = 0;
    for (const auto& it : items) {
        const uint64_t n = uint64_t(it.data.numel()) * uint64_t(it.data.element_size());
        header[it.name] = {{"dtype", safetensorsDtypeName(it.data.scalar_type())},
                           {"shape", it.data.sizes().vec()},
                           {"data_offsets", {offset, offset + n}}};
        offset += n;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' '); // data buffer starts 8-byte aligned
    const uint64_t headerLen = text.size();

    AtomicFileWriter out(path);
    out.write(&headerLen, 8);
    out.write(text);
    for (const auto& it : items) out.write(it.data.data_ptr(), size_t(it.data.numel()) * size_t(it.data.element_size()));
    out.commit();
}

} // namespace ft
