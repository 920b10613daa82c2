package org.neuromechfly.dmn.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a training run left behind.
 *
 * @param runDir the run folder
 * @param episodes episodes trained in total (including any before a resume)
 * @param finalLoss total loss of the last episode (NaN when no episode ran)
 * @param successBefore held-out success before this process trained (fraction)
 * @param successAfter held-out success of the final parameters (fraction)
 * @param closestApproachAfter mean held-out closest approach after training, metres
 * @param bestEpisode episode of the best held-out success at a checkpoint (-1 if none)
 * @param secondsPerEpisode mean wall time per episode in this process
 * @param measures held-out activity figures after training, e.g. {@code active:KC}
 * @param checkpoint the resumable checkpoint file
 * @param bestModel parameters of the best checkpoint
 */
public record TrainingResult(
    Path runDir,
    int episodes,
    double finalLoss,
    double successBefore,
    double successAfter,
    double closestApproachAfter,
    int bestEpisode,
    double secondsPerEpisode,
    Map<String, Double> measures,
    Path checkpoint,
    Path bestModel) {}
