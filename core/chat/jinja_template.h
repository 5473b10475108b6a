// Template: a parsed Jinja chat template and its renderer. Globals: raise_exception, strftime_now,
// range, namespace, dict. Filters and tests are those chat templates use (see jinja_template.cpp).
// {% generation %} blocks record the spans of output they produce (assistant turns for training).
#pragma once
#include "chat/jinja_ast.h"

#include <string>
#include <utility>
#include <vector>

namespace ft::jinja {

struct RenderResult {
    std::string text;
    std::vector<std::pair<size_t, size_t>> generationSpans; // byte ranges of {% generation %} output
};

class Template {
public:
    explicit Template(const std::string& source); // throws ft::Error naming the line
    // `context` is a dict of variables (messages, add_generation_prompt, bos_token, ...).
    RenderResult render(const Value& context) const;
    bool hasGenerationBlocks() const { return m_hasGeneration; }

private:
    StmtList m_body;
    bool m_hasGeneration = false;
};

} // namespace ft::jinja
