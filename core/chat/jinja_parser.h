// Parses a Jinja template as transformers configures it for chat templates: trim_blocks and
// lstrip_blocks on, "-" and "+" whitespace control, comments, raw blocks. Statements: if/elif/else,
// for (with else, loop filters and tuple targets), set (also ns.attr and block form), macro,
// generation, break, continue. Errors name the line.
#pragma once
#include "chat/jinja_ast.h"

namespace ft::jinja {

StmtList parseTemplate(const std::string& source);

} // namespace ft::jinja
