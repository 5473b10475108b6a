// The Hugging Face Hub's local cache (what `hf download` and transformers fill): where it is, and
// the models in it that a run can use (a snapshot folder holding config.json). Read only; nothing
// here downloads. Layout: <cache>/models--<org>--<name>/snapshots/<revision>/..., refs/main naming
// the revision the branch points at.
#pragma once
#include <string>
#include <vector>

namespace ft {

// $HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
std::string huggingFaceHubCacheDir();

struct CachedModel {
    std::string repoId;      // "HuggingFaceTB/SmolLM2-135M-Instruct"
    std::string snapshotDir; // the folder to open: refs/main's revision, else the newest snapshot
    std::string revision;    // the snapshot's folder name (a commit hash)
    bool hasWeights = false; // *.safetensors or *.bin beside config.json (a config-only download has none)
};

// The cached models with a config.json, sorted by repo id; an absent or unreadable cache is empty.
std::vector<CachedModel> listCachedModels(const std::string& cacheDir);

} // namespace ft
