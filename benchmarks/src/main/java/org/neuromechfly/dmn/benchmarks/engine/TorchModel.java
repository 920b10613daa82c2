package org.neuromechfly.dmn.benchmarks.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.ResetMode;

/** The model as the PyTorch references read it: physical parameters, projections, world, starts. */
final class TorchModel {
  private TorchModel() {}

  /** For {@code torch_step.py}: projections as dense masked matrices {@code [source][target]}. */
  static void writeDense(ClosedLoop loop, Path file) throws IOException {
    Map<String, Object> m = common(loop);
    Network net = loop.network;
    List<Map<String, Object>> prs = new ArrayList<>();
    for (Synapses s : net.synapses()) {
      EdgeArrays e = s.edges();
      double[] w = new double[e.sourceCount() * e.targetCount()];
      int[] tgt = e.targetIndex();
      for (int k = 0; k < e.edgeCount(); k++) {
        w[e.sourceIndex()[k] * e.targetCount() + tgt[k]] = s.weight(k);
      }
      Map<String, Object> o = projection(s);
      o.put("weights", w);
      prs.add(o);
    }
    m.put("projections", prs);
    new ObjectMapper().writeValue(file.toFile(), m);
  }

  /**
   * For {@code torch_sparse_step.py}: {@code model.json} plus {@code edges-<q>.bin} per projection
   * (little-endian int32 sources, int32 targets, float64 signed weights; edges by target, then source).
   */
  static void writeWithEdgeFiles(ClosedLoop loop, Path dir) throws IOException {
    Map<String, Object> m = common(loop);
    Network net = loop.network;
    List<Map<String, Object>> prs = new ArrayList<>();
    for (int q = 0; q < net.synapses().size(); q++) {
      Synapses s = net.synapses().get(q);
      EdgeArrays e = s.edges();
      int n = e.edgeCount();
      ByteBuffer b = ByteBuffer.allocate(n * 16).order(ByteOrder.LITTLE_ENDIAN);
      for (int k = 0; k < n; k++) {
        b.putInt(e.sourceIndex()[k]);
      }
      for (int t : e.targetIndex()) {
        b.putInt(t);
      }
      for (int k = 0; k < n; k++) {
        b.putDouble(s.weight(k));
      }
      b.flip();
      try (FileChannel c = FileChannel.open(dir.resolve("edges-" + q + ".bin"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        while (b.hasRemaining()) {
          c.write(b);
        }
      }
      Map<String, Object> o = projection(s);
      o.put("edges", n);
      prs.add(o);
    }
    m.put("projections", prs);
    new ObjectMapper().writeValue(dir.resolve("model.json").toFile(), m);
  }

  private static Map<String, Object> projection(Synapses s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", s.sourcePopulation());
    o.put("target", s.targetPopulation());
    o.put("delay", s.delay());
    o.put("sources", s.edges().sourceCount());
    o.put("targets", s.edges().targetCount());
    o.put("sign", s.edges().sign());
    return o;
  }

  private static Map<String, Object> common(ClosedLoop loop) {
    Network net = loop.network;
    CircuitSpec spec = loop.spec;
    NavigationTask task = loop.task;
    StartPositions starts = loop.starts;
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> pops = new ArrayList<>();
    for (LifPopulation p : net.populations()) {
      int n = p.cells();
      double[] beta = new double[n];
      double[] theta = new double[n];
      double[] bias = new double[n];
      for (int i = 0; i < n; i++) {
        beta[i] = p.beta(i);
        theta[i] = p.threshold(i);
        bias[i] = p.bias(i);
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", p.name());
      o.put("cells", n);
      o.put("graded", p.graded());
      o.put("subtract", p.resetMode() == ResetMode.SUBTRACT);
      o.put("reset", p.resetValue());
      o.put("beta", beta);
      o.put("theta", theta);
      o.put("bias", bias);
      pops.add(o);
    }
    m.put("populations", pops);
    m.put("sensory", net.populationIndex(OdourWorld.sensoryOf(spec)));
    m.put("motor", net.populationIndex(task.forward().population()));
    m.put("steps", task.steps());
    m.put("dt", task.dt().si());
    m.put("delay", (int) Math.round(task.motorDelay().si() / task.dt().si()));
    m.put("arena", new double[] {task.arenaWidth().si(), task.arenaHeight().si()});
    m.put("source", new double[] {task.source().x().si(), task.source().y().si()});
    m.put("startCentre", new double[] {task.startCentre().x().si(), task.startCentre().y().si()});
    m.put("sigma", task.plume().sigma().si());
    m.put("vmax", task.maxSpeed().si());
    m.put("forward", new int[] {task.forward().first(), task.forward().last()});
    m.put("turn", new int[] {task.turn().first(), task.turn().last()});
    // the world's transduction constants, and the motor limits the task states
    Map<String, Object> world = new java.util.LinkedHashMap<>(
        new com.fasterxml.jackson.databind.ObjectMapper().convertValue(loop.settings, Map.class));
    world.put("speedFloor", task.speedFloor());
    world.put("maxTurnRate", task.maxTurnRate().si());
    m.put("world", world);
    m.put("slope", spec.training().surrogateSlope());
    m.put("navigationWeight", 1.0);
    m.put("goalRadius", 0.015);
    for (LossTerm term : spec.losses()) {
      if (term instanceof LossTerm.Navigation n) {
        m.put("navigationWeight", n.weight());
        m.put("goalRadius", n.goalRadius().si());
      } else if (term instanceof LossTerm.Energy en) {
        m.put("energyWeight", en.weight());
      }
    }
    m.put("startX", starts.x());
    m.put("startY", starts.y());
    m.put("startH", starts.heading());
    return m;
  }
}
