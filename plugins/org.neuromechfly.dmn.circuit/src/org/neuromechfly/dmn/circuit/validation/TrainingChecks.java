package org.neuromechfly.dmn.circuit.validation;

import org.neuromechfly.dmn.circuit.ast.WrittenValues;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.circuit.BatchSetting;
import org.neuromechfly.dmn.circuit.circuit.CheckpointSetting;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ClipSetting;
import org.neuromechfly.dmn.circuit.circuit.EngineSetting;
import org.neuromechfly.dmn.circuit.circuit.EpisodesSetting;
import org.neuromechfly.dmn.circuit.circuit.LearningRateSetting;
import org.neuromechfly.dmn.circuit.circuit.OptimizerSetting;
import org.neuromechfly.dmn.circuit.circuit.ScheduleSetting;
import org.neuromechfly.dmn.circuit.circuit.SurrogateSetting;
import org.neuromechfly.dmn.circuit.circuit.TargetSetting;
import org.neuromechfly.dmn.circuit.circuit.WindowSetting;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.ScheduleKind;

/** Training settings name known algorithms and hold values the trainer can use. */
public class TrainingChecks extends CircuitCheck {

  @Check
  public void checkOptimizer(OptimizerSetting setting) {
    checkChoice(Vocabulary.OPTIMIZERS, setting.getName(), setting, Literals.OPTIMIZER_SETTING__NAME);
  }

  @Check
  public void checkEngine(EngineSetting setting) {
    checkChoice(Vocabulary.ENGINES, setting.getName(), setting, Literals.ENGINE_SETTING__NAME);
  }

  @Check
  public void checkTarget(TargetSetting setting) {
    checkChoice(Vocabulary.TARGETS, setting.getName(), setting, Literals.TARGET_SETTING__NAME);
  }

  @Check
  public void checkSurrogate(SurrogateSetting setting) {
    checkChoice(Vocabulary.SURROGATES, setting.getName(), setting, Literals.SURROGATE_SETTING__NAME);
    if (WrittenValues.written(setting, Literals.SURROGATE_SETTING__SLOPE) && setting.getSlope() <= 0) {
      error("The surrogate slope must be positive.", setting, Literals.SURROGATE_SETTING__SLOPE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkSchedule(ScheduleSetting setting) {
    var kind = checkChoice(Vocabulary.SCHEDULES, setting.getKind(), setting, Literals.SCHEDULE_SETTING__KIND);
    if (kind.isPresent() && kind.get() == ScheduleKind.STEP && setting.getEvery() <= 0) {
      error("A step schedule needs 'every N' episodes between decays, e.g. 'schedule step every 20 gamma 0.5'.", setting, Literals.SCHEDULE_SETTING__KIND, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
    if (WrittenValues.written(setting, Literals.SCHEDULE_SETTING__GAMMA) && (setting.getGamma() <= 0 || setting.getGamma() > 1)) {
      error("gamma is a decay factor in (0, 1].", setting, Literals.SCHEDULE_SETTING__GAMMA, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkLearningRate(LearningRateSetting setting) {
    if (setting.getValue() <= 0 || setting.getValue() > 10) {
      error("The learning rate must be in (0, 10].", setting, Literals.LEARNING_RATE_SETTING__VALUE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkEpisodes(EpisodesSetting setting) {
    atLeast(setting.getValue(), 1, "episodes", setting, Literals.EPISODES_SETTING__VALUE);
  }

  @Check
  public void checkBatch(BatchSetting setting) {
    atLeast(setting.getValue(), 1, "batch", setting, Literals.BATCH_SETTING__VALUE);
  }

  @Check
  public void checkCheckpoint(CheckpointSetting setting) {
    atLeast(setting.getValue(), 1, "checkpoint every", setting, Literals.CHECKPOINT_SETTING__VALUE);
  }

  @Check
  public void checkWindow(WindowSetting setting) {
    atLeast(setting.getValue(), 1, "bptt window", setting, Literals.WINDOW_SETTING__VALUE);
  }

  @Check
  public void checkClip(ClipSetting setting) {
    if (setting.getValue() < 0) {
      error("clip is a gradient-norm limit; use a positive value, or 0 for none.", setting, Literals.CLIP_SETTING__VALUE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  private void atLeast(int value, int min, String what, org.eclipse.emf.ecore.EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature) {
    if (value < min) {
      error(what + " must be at least " + min + ".", owner, feature, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }
}
