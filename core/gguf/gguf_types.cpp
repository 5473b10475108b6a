// GGUF's value and tensor types and their block sizes.
#include "gguf/gguf_types.h"

#include "util/error.h"

namespace ft::gguf {

int64_t blockSize(TensorType type) {
    switch (type) {
    case TensorType::F32:
    case TensorType::F16:
    case TensorType::BF16: return 1;
    case TensorType::Q8_0: return 32;
    }
    throw Error(format("GGUF tensor type %u is not supported", unsigned(type)));
}

int64_t blockBytes(TensorType type) {
    switch (type) {
    case TensorType::F32: return 4;
    case TensorType::F16:
    case TensorType::BF16: return 2;
    case TensorType::Q8_0: return 34;
    }
    throw Error(format("GGUF tensor type %u is not supported", unsigned(type)));
}

uint64_t tensorBytes(TensorType type, const std::vector<uint64_t>& ne) {
    if (ne.empty()) throw Error("a GGUF tensor needs at least one dimension");
    const uint64_t block = uint64_t(blockSize(type));
    if (ne[0] % block != 0)
        throw Error(format("%s needs rows that are a multiple of %llu values, not %llu", tensorTypeName(type), (unsigned long long)block,
                           (unsigned long long)ne[0]));
    uint64_t bytes = ne[0] / block * uint64_t(blockBytes(type));
    for (size_t i = 1; i < ne.size(); ++i) bytes *= ne[i];
    return bytes;
}

const char* tensorTypeName(TensorType type) {
    switch (type) {
    case TensorType::F32: return "F32";
    case TensorType::F16: return "F16";
    case TensorType::Q8_0: return "Q8_0";
    case TensorType::BF16: return "BF16";
    }
    return "?";
}

bool isKnownTensorType(uint32_t type) {
    return type == 0 || type == 1 || type == 8 || type == 30;
}

size_t Value::size() const {
    if (!isArray()) return 1;
    switch (elementType) {
    case ValueType::String: return strings.size();
    case ValueType::F32:
    case ValueType::F64: return floats.size();
    default: return ints.size();
    }
}

Value Value::string(std::string s) {
    Value v;
    v.type = ValueType::String;
    v.strings.push_back(std::move(s));
    return v;
}
Value Value::u32(uint32_t x) {
    Value v;
    v.type = ValueType::U32;
    v.ints.push_back(x);
    return v;
}
Value Value::i32(int32_t x) {
    Value v;
    v.type = ValueType::I32;
    v.ints.push_back(x);
    return v;
}
Value Value::f32(float x) {
    Value v;
    v.type = ValueType::F32;
    v.floats.push_back(x);
    return v;
}
Value Value::boolean(bool x) {
    Value v;
    v.type = ValueType::Bool;
    v.ints.push_back(x ? 1 : 0);
    return v;
}
Value Value::stringArray(std::vector<std::string> s) {
    Value v;
    v.type = ValueType::Array;
    v.elementType = ValueType::String;
    v.strings = std::move(s);
    return v;
}
Value Value::f32Array(const std::vector<float>& x) {
    Value v;
    v.type = ValueType::Array;
    v.elementType = ValueType::F32;
    v.floats.assign(x.begin(), x.end());
    return v;
}
Value Value::i32Array(const std::vector<int32_t>& x) {
    Value v;
    v.type = ValueType::Array;
    v.elementType = ValueType::I32;
    v.ints.assign(x.begin(), x.end());
    return v;
}

} // namespace ft::gguf
