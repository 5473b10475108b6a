// ModelWeights: a model folder's tensors from one safetensors file or its shards, memory-mapped.
#include "io/model_weights.h"

#include "io/atomic_file.h"
#include "io/json_file.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include "torch_pch.h"

namespace ft {

ModelWeights::ModelWeights(const std::string& dir) {
    const std::string single = dir + "/model.safetensors";
    const std::string index = dir + "/model.safetensors.index.json";
    if (fileExists(index)) {
        nlohmann::json j = readJsonFile(index);
        if (!j.contains("weight_map") || !j["weight_map"].is_object()) throw Error(index + ": missing the \"weight_map\" object");
        std::map<std::string, size_t> shardIndex;
        for (auto it = j["weight_map"].begin(); it != j["weight_map"].end(); ++it) {
            if (!it.value().is_string()) throw Error(index + ": weight_map value of \"" + it.key() + "\" is not a file name");
            const std::string file = it.value().get<std::string>();
            if (file.find('/') != std::string::npos) throw Error(index + ": shard name \"" + file + "\" must be a plain file name");
            if (!shardIndex.count(file)) {
                const std::string path = dir + "/" + file;
                if (!fileExists(path)) throw Error(index + ": lists shard " + file + ", which does not exist");
                shardIndex[file] = m_shards.size();
                m_shards.push_back(std::make_unique<SafetensorsFile>(path));
                m_files.push_back(path);
            }
            const size_t s = shardIndex[file];
            if (!m_shards[s]->contains(it.key()))
                throw Error(index + ": tensor \"" + it.key() + "\" is mapped to " + file + ", which does not contain it");
            m_where[it.key()] = s;
        }
    } else if (fileExists(single)) {
        m_shards.push_back(std::make_unique<SafetensorsFile>(single));
        m_files.push_back(single);
        for (const auto& e : m_shards[0]->entries()) m_where[e.name] = 0;
    } else {
        throw Error(format("%s holds no model.safetensors or model.safetensors.index.json", dir.c_str()),
                    "only safetensors weights are read; convert .bin/.pth checkpoints with save_pretrained");
    }
}

const SafetensorsEntry& ModelWeights::entry(const std::string& name) const {
    const auto it = m_where.find(name);
    if (it == m_where.end()) throw Error("the model's weights have no tensor \"" + name + "\"");
    return m_shards[it->second]->entry(name);
}

torch::Tensor ModelWeights::tensor(const std::string& name) const {
    const auto it = m_where.find(name);
    if (it == m_where.end()) throw Error("the model's weights have no tensor \"" + name + "\"");
    return m_shards[it->second]->tensor(name);
}

std::vector<std::string> ModelWeights::names() const {
    std::vector<std::string> out;
    for (const auto& [name, shard] : m_where) out.push_back(name);
    return out;
}

uint64_t ModelWeights::totalBytes() const {
    uint64_t total = 0;
    for (const auto& [name, shard] : m_where) {
        const auto& e = m_shards[shard]->entry(name);
        total += e.end - e.begin;
    }
    return total;
}

std::string ModelWeights::dominantDtype() const {
    std::map<std::string, uint64_t> bytes;
    for (const auto& [name, shard] : m_where) {
        const auto& e = m_shards[shard]->entry(name);
        bytes[e.dtype] += e.end - e.begin;
    }
    std::string best;
    uint64_t most = 0;
    for (const auto& [dtype, n] : bytes)
        if (n >= most) best = dtype, most = n;
    return best;
}

void saveModelWeights(const std::string& dir, const std::vector<std::pair<std::string, torch::Tensor>>& tensors, uint64_t maxShardBytes) {
    std::vector<std::vector<std::pair<std::string, torch::Tensor>>> shards(1);
    uint64_t current = 0, total = 0;
    for (const auto& item : tensors) {
        const uint64_t n = uint64_t(item.second.numel()) * uint64_t(item.second.element_size());
        if (current > 0 && current + n > maxShardBytes) {
            shards.emplace_back();
            current = 0;
        }
        shards.back().push_back(item);
        current += n;
        total += n;
    }
    if (shards.size() == 1) {
        writeSafetensors(dir + "/model.safetensors", shards[0]);
        return;
    }
    nlohmann::json weightMap = nlohmann::json::object();
    for (size_t i = 0; i < shards.size(); ++i) {
        const std::string file = format("model-%05zu-of-%05zu.safetensors", i + 1, shards.size());
        writeSafetensors(dir + "/" + file, shards[i]);
        for (const auto& [name, t] : shards[i]) weightMap[name] = file;
    }
    nlohmann::json index = {{"metadata", {{"total_size", total}}}, {"weight_map", weightMap}};
    writeFileAtomic(dir + "/model.safetensors.index.json", index.dump(2) + "\n");
}

} // namespace ft
