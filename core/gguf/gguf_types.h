// GGUF (the file format of llama.cpp and ggml), version 3: value types, tensor types and the
// block layout of the tensor types we write. See shared/docs/formats.md section 12.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft::gguf {

constexpr uint32_t kMagic = 0x46554747; // "GGUF" read as a little-endian u32
constexpr uint32_t kVersion = 3;
constexpr uint32_t kDefaultAlignment = 32;

enum class ValueType : uint32_t {
    U8 = 0,
    I8 = 1,
    U16 = 2,
    I16 = 3,
    U32 = 4,
    I32 = 5,
    F32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    U64 = 10,
    I64 = 11,
    F64 = 12,
};

enum class TensorType : uint32_t { F32 = 0, F16 = 1, Q8_0 = 8, BF16 = 30 };

// general.file_type: what most tensors are stored as.
enum class FileType : uint32_t { AllF32 = 0, MostlyF16 = 1, MostlyQ8_0 = 7, MostlyBF16 = 32 };

// Elements per block and bytes per block; throws ft::Error for a type we do not handle.
int64_t blockSize(TensorType type);
int64_t blockBytes(TensorType type);
// Bytes of a tensor whose innermost dimension is ne[0]; throws when ne[0] is not a whole number of blocks.
uint64_t tensorBytes(TensorType type, const std::vector<uint64_t>& ne);
const char* tensorTypeName(TensorType type); // "F32", "F16", "Q8_0", "BF16"
bool isKnownTensorType(uint32_t type);

// One metadata value: a scalar or an array of scalars (arrays of arrays are not used by llama
// models; the reader skips over them with an error naming the key).
struct Value {
    ValueType type = ValueType::U32;
    ValueType elementType = ValueType::U32; // for arrays
    std::vector<int64_t> ints;              // integer and bool values
    std::vector<double> floats;             // F32 / F64 values
    std::vector<std::string> strings;       // String values

    bool isArray() const { return type == ValueType::Array; }
    ValueType scalarType() const { return isArray() ? elementType : type; }
    size_t size() const; // elements (1 for a scalar)

    static Value string(std::string s);
    static Value u32(uint32_t v);
    static Value i32(int32_t v);
    static Value f32(float v);
    static Value boolean(bool v);
    static Value stringArray(std::vector<std::string> v);
    static Value f32Array(const std::vector<float>& v);
    static Value i32Array(const std::vector<int32_t>& v);
};

} // namespace ft::gguf
