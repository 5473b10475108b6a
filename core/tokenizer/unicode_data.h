// Raw Unicode tables (generated into unicode_data.cpp by scripts/gen-unicode-tables).
// Use the functions of unicode.h rather than these arrays.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ft::unicode_data {

struct CategoryRange {
    uint32_t first, last;
    uint8_t value;
}; // value: category (0..6) | 8 if White_Space
struct CombiningClass {
    uint32_t cp;
    uint8_t ccc;
};
struct Decomposition {
    uint32_t cp, first, second;
}; // canonical, one level; second 0 if single
struct Composition {
    uint32_t first, second, composite;
}; // sorted by (first, second)

extern const CategoryRange kCategoryRanges[];
extern const size_t kCategoryRangeCount;
extern const CombiningClass kCombiningClasses[];
extern const size_t kCombiningClassCount;
extern const Decomposition kDecompositions[];
extern const size_t kDecompositionCount;
extern const Composition kCompositions[];
extern const size_t kCompositionCount;

} // namespace ft::unicode_data
