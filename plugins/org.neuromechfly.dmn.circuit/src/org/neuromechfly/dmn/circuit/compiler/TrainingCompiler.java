package org.neuromechfly.dmn.circuit.compiler;

import org.neuromechfly.dmn.circuit.ast.WrittenValues;
import com.google.inject.Singleton;
import org.neuromechfly.dmn.circuit.circuit.BatchSetting;
import org.neuromechfly.dmn.circuit.circuit.CheckpointSetting;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ClipSetting;
import org.neuromechfly.dmn.circuit.circuit.EngineSetting;
import org.neuromechfly.dmn.circuit.circuit.EpisodesSetting;
import org.neuromechfly.dmn.circuit.circuit.LearningRateSetting;
import org.neuromechfly.dmn.circuit.circuit.OptimizerSetting;
import org.neuromechfly.dmn.circuit.circuit.ScheduleSetting;
import org.neuromechfly.dmn.circuit.circuit.SeedSetting;
import org.neuromechfly.dmn.circuit.circuit.SurrogateSetting;
import org.neuromechfly.dmn.circuit.circuit.TargetSetting;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.circuit.circuit.TrainingSetting;
import org.neuromechfly.dmn.circuit.circuit.WindowSetting;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.ScheduleKind;
import org.neuromechfly.dmn.model.TrainingSpec;

/** Compiles the training block over {@link TrainingSpec#defaults()}; the first of duplicates wins. */
@Singleton
public class TrainingCompiler {

  public TrainingSpec compile(TrainingBlock block) {
    TrainingSpec.Builder t = TrainingSpec.defaults().toBuilder();
    var seen = new java.util.HashSet<String>();
    for (TrainingSetting s : block.getSettings()) {
      if (seen.add(s.eClass().getName())) {
        apply(t, s);
      }
    }
    return t.build();
  }

  private static void apply(TrainingSpec.Builder t, TrainingSetting s) {
    if (s instanceof OptimizerSetting o) {
      t.optimizer(Vocabulary.OPTIMIZERS.lookup(o.getName()).orElseThrow());
    } else if (s instanceof LearningRateSetting lr) {
      t.learningRate(lr.getValue());
    } else if (s instanceof ScheduleSetting sc) {
      ScheduleKind kind = Vocabulary.SCHEDULES.lookup(sc.getKind()).orElseThrow();
      double defaultGamma = kind == ScheduleKind.EXPONENTIAL ? 0.99 : 0.5;
      double gamma = WrittenValues.written(sc, Literals.SCHEDULE_SETTING__GAMMA) ? sc.getGamma() : defaultGamma;
      t.schedule(new Schedule(kind, sc.getWarmup(), sc.getEvery(), gamma));
    } else if (s instanceof EpisodesSetting e) {
      t.episodes(e.getValue());
    } else if (s instanceof BatchSetting b) {
      t.batch(b.getValue());
    } else if (s instanceof ClipSetting c) {
      t.clip(c.getValue());
    } else if (s instanceof SeedSetting seed) {
      t.seed(seed.getValue());
    } else if (s instanceof CheckpointSetting cp) {
      t.checkpointEvery(cp.getValue());
    } else if (s instanceof WindowSetting w) {
      t.bpttWindow(w.getValue());
    } else if (s instanceof EngineSetting en) {
      t.engine(Vocabulary.ENGINES.lookup(en.getName()).orElseThrow());
    } else if (s instanceof TargetSetting target) {
      t.target(Vocabulary.TARGETS.lookup(target.getName()).orElseThrow());
    } else if (s instanceof SurrogateSetting sg) {
      double slope = WrittenValues.written(sg, Literals.SURROGATE_SETTING__SLOPE) ? sg.getSlope() : TrainingSpec.defaults().surrogateSlope();
      t.surrogate(Vocabulary.SURROGATES.lookup(sg.getName()).orElseThrow(), slope);
    }
  }
}
