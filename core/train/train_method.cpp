// The training methods' names.
#include "train/train_method.h"

#include "util/error.h"

namespace ft {

const char* trainMethodName(TrainMethod m) {
    switch (m) {
    case TrainMethod::Lora: return "lora";
    case TrainMethod::Qlora: return "qlora";
    case TrainMethod::Dora: return "dora";
    case TrainMethod::Full: return "full";
    }
    return "lora";
}

TrainMethod trainMethodFromName(const std::string& n) {
    for (TrainMethod m : {TrainMethod::Lora, TrainMethod::Qlora, TrainMethod::Dora, TrainMethod::Full})
        if (n == trainMethodName(m)) return m;
    throw Error("\"" + n + "\" is not a training method", "use lora, qlora, dora or full");
}

} // namespace ft
