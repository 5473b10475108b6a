// The run's step count (see run_plan.h): the epoch's micro-batches as planEpoch lays them out.
#include "train/run_plan.h"

#include "train/batch_plan.h"
#include "train/run_config.h"

#include <algorithm>
#include <cmath>

namespace ft {

BatchPlanOptions trainingPlanOptions(const TrainSettings& s) {
    return {s.batchSize, s.maxSeqLen, s.packing, uint64_t(s.seed), true};
}

RunPlan planRun(const std::vector<int64_t>& trainLengths, const TrainSettings& s) {
    RunPlan p;
    p.examples = int64_t(trainLengths.size());
    p.microBatchesPerEpoch = s.packing ? int64_t(planEpoch(trainLengths, trainingPlanOptions(s), 0).size())
                                       : (p.examples + s.batchSize - 1) / std::max<int64_t>(1, s.batchSize);
    p.stepsPerEpoch = (p.microBatchesPerEpoch + s.gradAccum - 1) / std::max<int64_t>(1, s.gradAccum);
    p.totalSteps = s.maxSteps > 0 ? s.maxSteps : std::max<int64_t>(1, int64_t(std::ceil(s.epochs * double(p.stepsPerEpoch) - 1e-9)));
    return p;
}

} // namespace ft
