// UTF-8 and Unicode helpers for the tokenizers: code point iteration, general categories,
// White_Space, NFC/NFD. Invalid UTF-8 decodes as U+FFFD one byte at a time.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ft::unicode {

enum Category : uint8_t { Letter = 0, Mark = 1, Number = 2, Punctuation = 3, Symbol = 4, Separator = 5, Other = 6 };

// Decodes the code point at `pos` and advances `pos` past it.
uint32_t decodeUtf8(std::string_view text, size_t& pos);
void appendUtf8(std::string& out, uint32_t cp);
std::vector<uint32_t> toCodepoints(std::string_view text);
std::string fromCodepoints(const std::vector<uint32_t>& cps);
bool isValidUtf8(std::string_view text, size_t* badOffset = nullptr);
size_t utf8Length(unsigned char leadByte); // 1..4, 1 for invalid lead bytes

Category category(uint32_t cp);
bool isWhiteSpace(uint32_t cp); // the Unicode White_Space property

std::string nfc(std::string_view text);
std::string nfd(std::string_view text);
uint32_t simpleLowercase(uint32_t cp); // ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic

} // namespace ft::unicode
