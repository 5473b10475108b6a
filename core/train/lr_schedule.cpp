// Learning-rate schedules: warm-up, then constant, linear or cosine decay.
#include "train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace ft {

double learningRate(const TrainSettings& s, int64_t step, int64_t totalSteps) {
    if (step < s.warmupSteps) return s.lr * double(step + 1) / double(s.warmupSteps + 1);
    if (s.schedule == Schedule::Constant) return s.lr;
    const int64_t decaySteps = std::max<int64_t>(1, totalSteps - s.warmupSteps);
    const double progress = std::clamp(double(step - s.warmupSteps) / double(decaySteps), 0.0, 1.0);
    const double factor = s.schedule == Schedule::Linear ? 1.0 - progress : 0.5 * (1.0 + std::cos(M_PI * progress));
    return s.lr * (s.minLrRatio + (1.0 - s.minLrRatio) * factor);
}

} // namespace ft
