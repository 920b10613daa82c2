package org.neuromechfly.dmn.engine.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.neuromechfly.dmn.engine.Parameter;
import org.neuromechfly.dmn.engine.Precision;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.fused.ActivityObjective;
import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.fused.Network;
import org.neuromechfly.dmn.engine.fused.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.Magnitude;
import org.neuromechfly.dmn.engine.synapse.SynapseLayout;
import org.neuromechfly.dmn.engine.world.Environment;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.SurrogateKind;

/**
 * The fused kernel and the SameDiff graph of the same tiny circuit (synaptic currents, both resets,
 * a graded APL, shared parameters, a 2-step delay, recurrent inhibition) agree on every parameter's
 * gradient in float64, with real spikes forward and the surrogate backward.
 */
class SameDiffGraphTest {
  private static final int T = 20;
  private static final int B = 2;

  @TempDir Path dir;

  @Test
  void gradientsMatchTheFusedKernel() throws Exception {
    CircuitSpec spec = TinyCircuit.spec(T, GradientPath.MOTOR_ONLY);
    NetworkOptions options = new NetworkOptions(Precision.FLOAT64,
        new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5.0), false, 1e-3, Magnitude.ABS,
        new SynapseLayout(SynapseLayout.Kind.AUTO, 0.5, 0));
    Network net = new Network(spec, TinyCircuit.wiring(spec, 7, 4.0, 12.0), 1e-3, options);
    int nIn = spec.population("ORN").orElseThrow().count();
    int nOut = spec.population("DN").orElseThrow().count();
    SplittableRandom r = new SplittableRandom(3);
    double[][] drive = new double[T][B * nIn];
    double[][] readout = new double[T][B * nOut];
    for (int t = 0; t < T; t++) {
      for (int i = 0; i < drive[t].length; i++) {
        drive[t][i] = 4 * r.nextDouble();
      }
      for (int i = 0; i < readout[t].length; i++) {
        readout[t][i] = 2 * r.nextDouble() - 1;
      }
    }
    Readout env = new Readout(drive, readout);
    BpttKernel kernel = new BpttKernel(net, T, B);
    net.parameters().zeroGradients();
    double fusedLoss = kernel.forward(env, ActivityObjective.NONE).get("readout");
    kernel.backward(env, ActivityObjective.NONE);

    SameDiffGraph graph = SameDiffGraph.build(net, T, B, "ORN", "DN");
    assertEquals(fusedLoss, graph.loss(drive, readout), 1e-9 * Math.max(1, Math.abs(fusedLoss)));
    Map<String, double[]> g = graph.gradients(drive, readout);
    double worst = 0;
    double spikes = 0;
    StringBuilder report = new StringBuilder();
    for (Parameter p : net.parameters().all()) {
      double[] a = p.gradient();
      double[] b = g.get(p.name());
      double diff = 0;
      double norm = 0;
      for (int i = 0; i < a.length; i++) {
        double bi = b == null ? 0 : b[i];
        diff += (a[i] - bi) * (a[i] - bi);
        norm += a[i] * a[i];
      }
      double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-300);
      report.append(String.format("%-22s |g| %.3e rel %.2e%n", p.name(), Math.sqrt(norm), rel));
      if (Math.sqrt(norm) > 1e-12) {
        worst = Math.max(worst, rel);
      }
    }
    for (int p = 0; p < net.populations().size(); p++) {
      var st = kernel.activity().state(p);
      for (int i = 0; i < st.outputTrace().length(); i++) {
        spikes += st.outputTrace().get(i) > 0 ? 1 : 0;
      }
    }
    System.out.println("SameDiff vs fused\n" + report + "worst " + worst + ", nonzero outputs " + spikes);
    for (String deep : new String[] {"w:KC -> MBON", "w:MBON -> DN", "DN.bias"}) {
      double[] gd = net.parameters().get(deep).orElseThrow().gradient();
      assertTrue(java.util.Arrays.stream(gd).anyMatch(x -> x != 0), deep + " should get a gradient\n" + report);
    }
    assertTrue(spikes > 20, "the circuit should be active");
    assertTrue(worst < 1e-6, "worst relative error " + worst + "\n" + report);

    File file = dir.resolve("training-graph.fb").toFile();
    graph.save(file);
    assertTrue(file.length() > 0);
    SameDiff loaded = SameDiff.load(file, false);
    assertTrue(loaded.hasVariable("loss"));
  }

  /** Open loop: fixed sensory drive, loss Σ readout · motor output. */
  private record Readout(double[][] drive, double[][] readout, double[] total) implements Environment {
    Readout(double[][] drive, double[][] readout) {
      this(drive, readout, new double[1]);
    }

    @Override
    public int batch() {
      return B;
    }

    @Override
    public int steps() {
      return T;
    }

    @Override
    public String sensoryPopulation() {
      return "ORN";
    }

    @Override
    public String motorPopulation() {
      return "DN";
    }

    @Override
    public void begin() {
      total[0] = 0;
    }

    @Override
    public void sense(int t, double[] input) {
      System.arraycopy(drive[t], 0, input, 0, input.length);
    }

    @Override
    public void act(int t, double[] motorOutput) {
      for (int i = 0; i < motorOutput.length; i++) {
        total[0] += readout[t][i] * motorOutput[i];
      }
    }

    @Override
    public Map<String, Double> endForward() {
      return Map.of("readout", total[0]);
    }

    @Override
    public void motorGradient(int t, double[] gradient) {
      System.arraycopy(readout[t], 0, gradient, 0, gradient.length);
    }

    @Override
    public void sensoryGradient(int t, double[] gradient) {}
  }
}
