// DatasetStore's schema and row conversions (see dataset_store_detail.h).
#include "data/dataset_store_detail.h"

#include "data/curation.h"

#include <cctype>
#include <ctime>

namespace ft::store_detail {

using json = nlohmann::json;

const char* const kSchemaV1 = R"sql(
CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created INTEGER NOT NULL);
CREATE TABLE examples(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  messages TEXT NOT NULL,
  split TEXT NOT NULL DEFAULT 'unassigned' CHECK (split IN ('train', 'validation', 'test', 'unassigned')),
  note TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_line INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX examples_by_dataset ON examples(dataset_id, id);
CREATE INDEX examples_by_split ON examples(dataset_id, split, id);
CREATE INDEX examples_by_hash ON examples(dataset_id, hash);
CREATE TABLE example_tags(
  example_id INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (example_id, tag)) WITHOUT ROWID;
CREATE INDEX example_tags_by_tag ON example_tags(tag, example_id);
CREATE VIRTUAL TABLE examples_fts USING fts5(text);
CREATE TABLE oplog(
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  ids TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL);
)sql";

// Version 2: structural problems per example, and token counts cached per example and tokenizer.
const char* const kSchemaV2 = R"sql(
ALTER TABLE examples ADD COLUMN problems TEXT NOT NULL DEFAULT '';
CREATE INDEX examples_by_problems ON examples(dataset_id, problems, id);
CREATE TABLE token_counts(
  example_id INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  tokenizer TEXT NOT NULL,
  prompt INTEGER NOT NULL,
  reply INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (tokenizer, example_id)) WITHOUT ROWID;
CREATE INDEX token_counts_by_total ON token_counts(tokenizer, total);
)sql";

std::string problemsOf(const std::vector<Message>& messages) {
    std::string joined;
    for (const auto& p : validateMessages(messages)) joined += (joined.empty() ? "" : "; ") + p;
    return joined;
}

int64_t now() {
    return int64_t(std::time(nullptr));
}

json messagesJson(const std::vector<Message>& messages) {
    json arr = json::array();
    for (const auto& m : messages) arr.push_back({{"role", m.role}, {"content", m.content}});
    return arr;
}

std::vector<Message> messagesFrom(const json& arr) {
    std::vector<Message> out;
    for (const auto& m : arr) out.push_back({m.at("role").get<std::string>(), m.at("content").get<std::string>()});
    return out;
}

std::string ftsText(const std::vector<Message>& messages) {
    std::string text;
    for (const auto& m : messages) text += m.content + "\n";
    return text;
}

// A user's search words as an FTS5 query: each word quoted (no syntax errors), all required.
std::string ftsQuery(const std::string& search) {
    std::string q, word;
    auto flush = [&] {
        if (word.empty()) return;
        std::string quoted = "\"";
        for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        q += (q.empty() ? "" : " ") + quoted + "\"";
        word.clear();
    };
    for (char c : search) {
        if (std::isspace(static_cast<unsigned char>(c))) flush();
        else word += c;
    }
    flush();
    return q;
}

} // namespace ft::store_detail
