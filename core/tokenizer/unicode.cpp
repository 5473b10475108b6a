// UTF-8 decoding and encoding and the Unicode properties the tokenizers need.
#include "tokenizer/unicode.h"

#include "tokenizer/unicode_data.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace ft::unicode {

using namespace unicode_data;

size_t utf8Length(unsigned char b) {
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 1;
}

uint32_t decodeUtf8(std::string_view s, size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    size_t n = utf8Length(b0);
    uint32_t cp = 0, min = 0;
    if (n == 2) cp = b0 & 0x1F, min = 0x80;
    else if (n == 3) cp = b0 & 0x0F, min = 0x800;
    else if (n == 4) cp = b0 & 0x07, min = 0x10000;
    if (n == 1 || pos + n > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (size_t i = 1; i < n; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return 0xFFFD;
    }
    pos += n;
    return cp;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::vector<uint32_t> toCodepoints(std::string_view text) {
    std::vector<uint32_t> out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) out.push_back(decodeUtf8(text, pos));
    return out;
}

std::string fromCodepoints(const std::vector<uint32_t>& cps) {
    std::string out;
    out.reserve(cps.size());
    for (uint32_t cp : cps) appendUtf8(out, cp);
    return out;
}

bool isValidUtf8(std::string_view text, size_t* badOffset) {
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const uint32_t cp = decodeUtf8(text, pos);
        if (cp == 0xFFFD && !(pos - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
            if (badOffset) *badOffset = start;
            return false;
        }
    }
    return true;
}

namespace {

uint8_t lookupCategory(uint32_t cp) {
    size_t lo = 0, hi = kCategoryRangeCount;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (kCategoryRanges[mid].last < cp) lo = mid + 1;
        else hi = mid;
    }
    return lo < kCategoryRangeCount ? kCategoryRanges[lo].value : uint8_t(Other);
}

// The Basic Multilingual Plane, expanded once: one byte per code point.
const std::array<uint8_t, 0x10000>& bmpTable() {
    static const auto table = [] {
        std::array<uint8_t, 0x10000> t{};
        for (size_t i = 0; i < kCategoryRangeCount && kCategoryRanges[i].first < 0x10000; ++i)
            for (uint32_t cp = kCategoryRanges[i].first; cp <= std::min<uint32_t>(kCategoryRanges[i].last, 0xFFFF); ++cp)
                t[cp] = kCategoryRanges[i].value;
        return t;
    }();
    return table;
}

uint8_t categoryBits(uint32_t cp) {
    return cp < 0x10000 ? bmpTable()[cp] : lookupCategory(cp);
}

uint8_t combiningClass(uint32_t cp) {
    if (cp < 0x300) return 0;
    const auto* end = kCombiningClasses + kCombiningClassCount;
    const auto* it = std::lower_bound(kCombiningClasses, end, cp, [](const CombiningClass& c, uint32_t v) { return c.cp < v; });
    return it != end && it->cp == cp ? it->ccc : 0;
}

const Decomposition* findDecomposition(uint32_t cp) {
    const auto* end = kDecompositions + kDecompositionCount;
    const auto* it = std::lower_bound(kDecompositions, end, cp, [](const Decomposition& d, uint32_t v) { return d.cp < v; });
    return it != end && it->cp == cp ? it : nullptr;
}

constexpr uint32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr uint32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

void decomposeInto(uint32_t cp, std::vector<uint32_t>& out) {
    if (cp >= kSBase && cp < kSBase + kSCount) { // Hangul syllables decompose algorithmically
        const uint32_t s = cp - kSBase;
        out.push_back(kLBase + s / kNCount);
        out.push_back(kVBase + (s % kNCount) / kTCount);
        if (s % kTCount) out.push_back(kTBase + s % kTCount);
        return;
    }
    if (cp >= 0xC0) {
        if (const Decomposition* d = findDecomposition(cp)) {
            decomposeInto(d->first, out);
            if (d->second) decomposeInto(d->second, out);
            return;
        }
    }
    out.push_back(cp);
}

std::vector<uint32_t> canonicalDecompose(std::string_view text) {
    std::vector<uint32_t> out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) decomposeInto(decodeUtf8(text, pos), out);
    // Canonical ordering: stable sort each run of non-starters by combining class.
    for (size_t i = 0; i < out.size();) {
        if (combiningClass(out[i]) == 0) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < out.size() && combiningClass(out[j]) != 0) ++j;
        std::stable_sort(out.begin() + long(i), out.begin() + long(j),
                         [](uint32_t a, uint32_t b) { return combiningClass(a) < combiningClass(b); });
        i = j;
    }
    return out;
}

uint32_t composePair(uint32_t a, uint32_t b) {
    if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
        return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
    if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount) return a + (b - kTBase);
    const auto* end = kCompositions + kCompositionCount;
    const auto* it =
        std::lower_bound(kCompositions, end, std::make_pair(a, b), [](const Composition& c, const std::pair<uint32_t, uint32_t>& v) {
            return c.first != v.first ? c.first < v.first : c.second < v.second;
        });
    return it != end && it->first == a && it->second == b ? it->composite : 0;
}

bool isAsciiOnly(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

} // namespace

Category category(uint32_t cp) {
    return Category(categoryBits(cp) & 7);
}

bool isWhiteSpace(uint32_t cp) {
    return (categoryBits(cp) & 8) != 0;
}

std::string nfd(std::string_view text) {
    if (isAsciiOnly(text)) return std::string(text);
    return fromCodepoints(canonicalDecompose(text));
}

std::string nfc(std::string_view text) {
    if (isAsciiOnly(text)) return std::string(text);
    const std::vector<uint32_t> cps = canonicalDecompose(text);
    // Canonical composition: a character combines with the last starter when nothing between them
    // blocks it (a blocker has class 0 or a class >= its own; the input is canonically ordered).
    std::vector<uint32_t> out;
    out.reserve(cps.size());
    long starter = -1;
    int lastClass = 0; // class of the last character kept after the starter
    for (uint32_t cp : cps) {
        const int cls = combiningClass(cp);
        if (starter >= 0) {
            const bool adjacent = out.size() == size_t(starter) + 1;
            if (adjacent || (lastClass != 0 && lastClass < cls)) {
                if (const uint32_t composite = composePair(out[size_t(starter)], cp)) {
                    out[size_t(starter)] = composite;
                    continue;
                }
            }
        }
        if (cls == 0) {
            starter = long(out.size());
            lastClass = 0;
        } else {
            lastClass = cls;
        }
        out.push_back(cp);
    }
    return fromCodepoints(out);
}

uint32_t simpleLowercase(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp < 0xC0) return cp;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
    if (cp == 0x178) return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp % 2 == 1) ? cp + 1 : cp;
        return (cp % 2 == 0) ? cp + 1 : cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

} // namespace ft::unicode
