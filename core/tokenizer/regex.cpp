// The regex engine's compiler and matcher: a syntax tree into a small program of instructions, run
// by depth-first backtracking (see regex.h).
#include "tokenizer/regex.h"

#include "tokenizer/regex_syntax.h"

namespace ft {

using namespace regex_detail;

namespace {

enum class Op : uint8_t { Char, CharFold, Class, Any, Split, Jmp, Match, LookAhead, LookAheadNot, AssertBegin, AssertEnd };

struct Inst {
    Op op;
    uint32_t cp = 0;  // Char / CharFold
    int x = 0, y = 0; // Class index; Split targets (x preferred); Jmp target; LookAhead: sub-program start, continue pc
};

} // namespace

struct Regex::Program {
    std::vector<Inst> code;
    std::vector<CharClass> classes;

    int emit(Inst i) {
        code.push_back(i);
        return int(code.size()) - 1;
    }

    void compile(const Node& n) {
        switch (n.kind) {
        case Node::Empty: break;
        case Node::Literal: emit({n.fold ? Op::CharFold : Op::Char, n.cp}); break;
        case Node::ClassRef: emit({Op::Class, 0, n.classIndex}); break;
        case Node::Any: emit({Op::Any}); break;
        case Node::Begin: emit({Op::AssertBegin}); break;
        case Node::End: emit({Op::AssertEnd}); break;
        case Node::Concat:
            for (const auto& c : n.children) compile(c);
            break;
        case Node::Alt: {
            std::vector<int> jumps;
            for (size_t i = 0; i < n.children.size(); ++i) {
                if (i + 1 < n.children.size()) {
                    const int split = emit({Op::Split});
                    code[size_t(split)].x = split + 1;
                    compile(n.children[i]);
                    jumps.push_back(emit({Op::Jmp}));
                    code[size_t(split)].y = int(code.size());
                } else {
                    compile(n.children[i]);
                }
            }
            for (int j : jumps) code[size_t(j)].x = int(code.size());
            break;
        }
        case Node::Repeat: {
            const Node& body = n.children[0];
            for (int i = 0; i < n.min; ++i) compile(body);
            if (n.max == -1) {
                const int split = emit({Op::Split});
                compile(body);
                emit({Op::Jmp, 0, split});
                setSplit(split, split + 1, int(code.size()), n.greedy);
            } else {
                std::vector<int> splits;
                for (int i = n.min; i < n.max; ++i) {
                    splits.push_back(emit({Op::Split}));
                    compile(body);
                }
                for (int s : splits) setSplit(s, s + 1, int(code.size()), n.greedy);
            }
            break;
        }
        case Node::Look: {
            const int look = emit({n.negative ? Op::LookAheadNot : Op::LookAhead});
            const int jmp = emit({Op::Jmp});
            code[size_t(look)].x = int(code.size());
            compile(n.children[0]);
            emit({Op::Match});
            code[size_t(jmp)].x = int(code.size());
            code[size_t(look)].y = jmp; // continue with the jump over the sub-program
            break;
        }
        }
    }

    void setSplit(int at, int body, int exit, bool greedy) {
        code[size_t(at)].x = greedy ? body : exit;
        code[size_t(at)].y = greedy ? exit : body;
    }

    // Depth-first backtracking from (pc, pos); returns the end of the first match in priority order or -1.
    // `stack` is scratch space, reused between calls to avoid an allocation per position.
    long run(const std::vector<uint32_t>& text, int startPc, size_t startPos, std::vector<std::pair<int, size_t>>& stack) const {
        stack.clear();
        stack.emplace_back(startPc, startPos);
        while (!stack.empty()) {
            auto [pc, pos] = stack.back();
            stack.pop_back();
            while (true) {
                const Inst& in = code[size_t(pc)];
                bool ok = true;
                switch (in.op) {
                case Op::Char:
                    ok = pos < text.size() && text[pos] == in.cp;
                    ++pos, ++pc;
                    break;
                case Op::CharFold:
                    ok = pos < text.size() && foldCase(text[pos]) == in.cp;
                    ++pos, ++pc;
                    break;
                case Op::Class:
                    ok = pos < text.size() && classes[size_t(in.x)].matches(text[pos]);
                    ++pos, ++pc;
                    break;
                case Op::Any:
                    ok = pos < text.size() && text[pos] != '\n';
                    ++pos, ++pc;
                    break;
                case Op::AssertBegin:
                    ok = pos == 0;
                    ++pc;
                    break;
                case Op::AssertEnd:
                    ok = pos == text.size();
                    ++pc;
                    break;
                case Op::Split:
                    stack.emplace_back(in.y, pos);
                    pc = in.x;
                    break;
                case Op::Jmp: pc = in.x; break;
                case Op::Match: return long(pos);
                case Op::LookAhead:
                case Op::LookAheadNot: {
                    std::vector<std::pair<int, size_t>> lookStack;
                    const bool found = run(text, in.x, pos, lookStack) >= 0;
                    ok = found == (in.op == Op::LookAhead);
                    pc = in.y;
                    break;
                }
                }
                if (!ok) break;
            }
        }
        return -1;
    }
};

Regex::Regex(const std::string& pattern) : m_pattern(pattern), m_program(std::make_unique<Program>()) {
    m_program->compile(parseRegex(pattern, m_program->classes));
    m_program->emit({Op::Match});
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

long Regex::matchAt(const std::vector<uint32_t>& text, size_t pos) const {
    thread_local std::vector<std::pair<int, size_t>> stack;
    const long end = m_program->run(text, 0, pos, stack);
    return end < 0 ? -1 : end - long(pos);
}

std::vector<std::pair<size_t, size_t>> Regex::findAll(const std::vector<uint32_t>& text) const {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t pos = 0; pos < text.size();) {
        const long len = matchAt(text, pos);
        if (len > 0) {
            out.emplace_back(pos, pos + size_t(len));
            pos += size_t(len);
        } else {
            ++pos;
        }
    }
    return out;
}

} // namespace ft
