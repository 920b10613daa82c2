package org.neuromechfly.dmn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.Point;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSlice;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Schedule;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * The olfactory navigation circuit of ARCHITECTURE.md — ORN 50 → PN 150 → KC 2000 (+APL) → MBON 50
 * → DN 10 — with lateralised antennal lobes (left ORNs feed the first half of the PNs) and, when
 * {@code lateralHorn}, a learnable PN → DN pathway: the "separate left/right pathway to the turning
 * DNs" that NAVIGATION_NOTES.md lists as untried.
 */
public final class OlfactoryCircuit {
  private OlfactoryCircuit() {}

  public static CircuitSpec spec(int steps, int batch, int episodes, double lr, boolean lateralHorn, long seed) {
    return spec(steps, batch, episodes, lr, lateralHorn, seed, 300);
  }

  public static CircuitSpec spec(
      int steps, int batch, int episodes, double lr, boolean lateralHorn, long seed, double maxSpeedMmPerS) {
    List<LearnableParameter> all = List.of(LearnableParameter.TAU_MEM, LearnableParameter.THRESHOLD, LearnableParameter.BIAS);
    List<LearnableParameter> bias = List.of(LearnableParameter.BIAS);
    List<Population> pops = List.of(
        new Population("ORN", "ORN", 50, lif(5, 1.1), bias, ParameterSharing.PER_NEURON),
        new Population("PN", "uPN", 150, lif(10, 0.5), all, ParameterSharing.PER_NEURON),
        new Population("KC", "KC", 2000, lif(10, 0.0), bias, ParameterSharing.PER_NEURON),
        new Population("APL", "APL", 1, new NeuronModel(ms(5), null, 1, 0, ms(0), ResetMode.SUBTRACT, true, 0), List.of(),
            ParameterSharing.PER_POPULATION),
        new Population("MBON", "MBON", 50, lif(5, 0.3), all, ParameterSharing.PER_NEURON),
        new Population("DN", "DN", 10, lif(5, 0.3), all, ParameterSharing.PER_NEURON));
    List<Projection> prs = new ArrayList<>(List.of(
        proj("ORN", "PN", new Connectivity.Glomerular(50), Sign.EXCITATORY, true),
        proj("PN", "KC", new Connectivity.RandomFanIn(7), Sign.EXCITATORY, true),
        proj("KC", "APL", new Connectivity.Dense(), Sign.EXCITATORY, false),
        proj("APL", "KC", new Connectivity.Dense(), Sign.INHIBITORY, false),
        proj("KC", "MBON", new Connectivity.Dense(), Sign.EXCITATORY, true),
        proj("MBON", "DN", new Connectivity.Dense(), Sign.EXCITATORY, true)));
    if (lateralHorn) {
      prs.add(proj("PN", "DN", new Connectivity.Dense(), Sign.EXCITATORY, true));
    }
    NavigationTask task = new NavigationTask(mm(200), mm(200), new Point(mm(150), mm(100)),
        TinyCircuit.gaussian(mm(40)), null, new Point(mm(50), mm(100)), mm(40), steps, ms(1), ms(10), null, null,
        new PopulationSlice("DN", 0, 3), new PopulationSlice("DN", 4, 9),
        Quantity.of(maxSpeedMmPerS, Unit.MILLIMETRE_PER_SECOND), Quantity.of(8, Unit.RADIAN_PER_SECOND), 0.8, mm(15), 0,
        GradientPath.MOTOR_ONLY);
    List<LossTerm> losses = List.of(
        new LossTerm.Navigation(1.0, mm(15)),
        new LossTerm.Energy(0.02),
        new LossTerm.Sparsity(0.01, "KC", Quantity.of(5, Unit.PERCENT)),
        new LossTerm.Activity(0.001, Quantity.of(1, Unit.HERTZ), Quantity.of(200, Unit.HERTZ)));
    TrainingSpec training = new TrainingSpec(Optimizer.ADAM, lr, Schedule.constant(), episodes, batch, 5.0, seed,
        10, 0, ExecutionEngine.FUSED, SurrogateKind.FAST_SIGMOID, 5.0);
    return new CircuitSpec("OlfactoryNavigation", null, List.of(), pops, prs, task, losses, training, null);
  }

  /** Rule-based wiring (what the connectome module's builder produces for these rules). */
  public static List<EdgeArrays> wiring(CircuitSpec spec, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<EdgeArrays> out = new ArrayList<>();
    for (Projection p : spec.projections()) {
      int ns = spec.population(p.source()).orElseThrow().count();
      int nt = spec.population(p.target()).orElseThrow().count();
      List<int[]> rows = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        int[] row;
        if (p.connectivity() instanceof Connectivity.Glomerular g) {
          // contiguous blocks: target block t*g/nt receives the source block of the same index
          int gl = g.glomeruli();
          int block = t * gl / nt;
          row = java.util.stream.IntStream.range(0, ns).filter(s -> s * gl / ns == block).toArray();
        } else if (p.connectivity() instanceof Connectivity.RandomFanIn f) {
          row = r.ints(0, ns).distinct().limit(f.fanIn()).sorted().toArray();
        } else {
          row = java.util.stream.IntStream.range(0, ns).toArray();
        }
        rows.add(row);
      }
      int[] rowPtr = new int[nt + 1];
      for (int t = 0; t < nt; t++) {
        rowPtr[t + 1] = rowPtr[t] + rows.get(t).length;
      }
      int[] src = new int[rowPtr[nt]];
      float[] mag = new float[src.length];
      double scale = initialScale(p);
      for (int t = 0; t < nt; t++) {
        System.arraycopy(rows.get(t), 0, src, rowPtr[t], rows.get(t).length);
        for (int e = rowPtr[t]; e < rowPtr[t + 1]; e++) {
          mag[e] = (float) (scale * (0.5 + r.nextDouble()));
        }
      }
      out.add(new EdgeArrays(p, ns, nt, rowPtr, src, mag, p.sign().factor()));
    }
    return out;
  }

  private static double initialScale(Projection p) {
    return switch (p.label()) {
      case "ORN -> PN" -> 10;
      case "PN -> KC" -> 2.5;
      case "KC -> APL" -> 0.2;
      case "APL -> KC" -> 1.0;
      case "KC -> MBON" -> 0.3;
      case "MBON -> DN" -> 0.3;
      default -> 0.05;
    };
  }

  private static NeuronModel lif(double tau, double bias) {
    return new NeuronModel(ms(tau), null, 1.0, 0.0, ms(0), ResetMode.SUBTRACT, false, bias);
  }

  private static Projection proj(String s, String t, Connectivity c, Sign sign, boolean learn) {
    return new Projection(s, t, c, sign, null, new WeightInit.Uniform(0, 1), learn, null);
  }

  static Quantity ms(double v) {
    return Quantity.of(v, Unit.MILLISECOND);
  }

  static Quantity mm(double v) {
    return Quantity.of(v, Unit.MILLIMETRE);
  }
}
