package org.neuromechfly.dmn.engine.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;

/**
 * Writes a {@link SpikingNetwork} and the Poisson events of its trials for Brian2
 * ({@code brian2_trials.py}, shipped beside this class), so that the same network with the same
 * inputs runs in both simulators. Our discrete conventions map onto Brian2's exactly:
 * <ul>
 *   <li>a synaptic input w enters the current of the step that integrates it (exponential Euler, see
 *       {@code LifStep}); Brian2 integrates the current exactly, so the same effect on the membrane is
 *       a jump g += w / κ with κ = τ_s (α − β) / ((τ_s − τ_m)(1 − β)), α = e^(−dt/τ_s), β = e^(−dt/τ_m);</li>
 *   <li>our delay of D steps (the target sees the source's spike of step t at step t + D) is Brian2's
 *       (D − 1)·dt, whose events land after the membrane update of their step;</li>
 *   <li>our refractory period of R steps is Brian2's (R + 1)·dt, which counts from the spike's own step.</li>
 * </ul>
 * Only spiking populations with a synaptic time constant are written (the Shiu et al. 2024 cell).
 *
 * <p>Layout of the folder: {@code network.json} (dt, steps, trials, cells, populations with τ_m, τ_s,
 * threshold, reset, bias, κ, refractory mode and offset), {@code synapse_source.i32},
 * {@code synapse_target.i32}, {@code synapse_weight.f64}, {@code synapse_delay.i32} (steps), one value
 * per synapse, {@code refractory_steps.i32} per cell, and {@code events_T.bin} per trial (records of
 * step int32, cell int32, kick float64), all little-endian.
 */
public final class Brian2Export {
  /** The script's resource name, next to this class. */
  public static final String SCRIPT = "brian2_trials.py";

  private Brian2Export() {}

  /** Writes the network and the trials' inputs into {@code folder} (created if needed). */
  public static void write(SpikingNetwork net, int steps, List<InputEvents> trials, Path folder) {
    try {
      Files.createDirectories(folder);
      List<Map<String, Object>> pops = new ArrayList<>();
      for (int p = 0; p < net.populationCount(); p++) {
        LifPopulation pop = net.population(p);
        if (pop.alpha(0) == 0) {
          throw new IllegalArgumentException("population " + pop.name()
              + " has no synaptic time constant; the Brian2 export writes the Shiu et al. cell (tau_syn)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", pop.name());
        m.put("offset", net.offset(p));
        m.put("cells", pop.cells());
        double beta = pop.beta(0);
        double alpha = pop.alpha(0);
        for (int n = 1; n < pop.cells(); n++) {
          if (pop.beta(n) != beta || pop.alpha(n) != alpha || pop.threshold(n) != pop.threshold(0)
              || pop.bias(n) != pop.bias(0)) {
            throw new IllegalArgumentException("population " + pop.name()
                + " has per-cell parameters; the Brian2 export takes one value per population");
          }
        }
        double tauMem = -net.dt() / Math.log(beta);
        double tauSyn = -net.dt() / Math.log(alpha);
        m.put("tau_mem", tauMem);
        m.put("tau_syn", tauSyn);
        m.put("threshold", pop.threshold(0));
        m.put("reset", pop.resetValue());
        if (pop.resetMode() != org.neuromechfly.dmn.model.ResetMode.ZERO) {
          throw new IllegalArgumentException("population " + pop.name()
              + " resets by subtraction; the Brian2 export writes a reset to a value");
        }
        m.put("bias", pop.bias(0));
        m.put("kappa", kappa(tauMem, tauSyn, net.dt()));
        m.put("refractory_mode", pop.refractoryMode().keyword());
        pops.add(m);
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("format", "dmn-brian2-export");
      meta.put("dt", net.dt());
      meta.put("steps", steps);
      meta.put("trials", trials.size());
      meta.put("cells", net.size());
      meta.put("synapses", net.synapseCount());
      meta.put("populations", pops);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("network.json").toFile(), meta);

      try (Column source = new Column(folder.resolve("synapse_source.i32"));
          Column target = new Column(folder.resolve("synapse_target.i32"));
          Column weight = new Column(folder.resolve("synapse_weight.f64"));
          Column delay = new Column(folder.resolve("synapse_delay.i32"))) {
        net.forEachSynapse((s, t, w, d) -> {
          source.putInt(s);
          target.putInt(t);
          weight.putDouble(w);
          delay.putInt(d);
        });
      }
      try (Column refractory = new Column(folder.resolve("refractory_steps.i32"))) {
        for (int p = 0; p < net.populationCount(); p++) {
          int[] period = net.refractoryPeriods(p);
          for (int n = 0; n < net.population(p).cells(); n++) {
            refractory.putInt(period == null ? net.population(p).refractorySteps() : period[n]);
          }
        }
      }
      for (int t = 0; t < trials.size(); t++) {
        InputEvents ev = trials.get(t);
        try (Column events = new Column(folder.resolve("events_" + t + ".bin"))) {
          for (int i = 0; i < ev.size(); i++) {
            events.putInt(ev.step(i));
            events.putInt(ev.cell(i));
            events.putDouble(ev.kick(i));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The factor between our synaptic input and Brian2's exactly integrated current jump:
   * κ = τ_s (α − β) / ((τ_s − τ_m)(1 − β)).
   */
  public static double kappa(double tauMem, double tauSyn, double dt) {
    double alpha = Math.exp(-dt / tauSyn);
    double beta = Math.exp(-dt / tauMem);
    return tauSyn * (alpha - beta) / ((tauSyn - tauMem) * (1 - beta));
  }

  /** Copies the Brian2 script into {@code folder}; returns its path. */
  public static Path script(Path folder) {
    try (InputStream in = Brian2Export.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the engine jar");
      }
      Path file = folder.resolve(SCRIPT);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the counts the script wrote: {@code [trial][cell]}. */
  public static int[][] readCounts(Path out, int trials, int cells) {
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out.resolve("brian2_counts.i32"))).order(ByteOrder.LITTLE_ENDIAN);
      if (b.remaining() != (long) trials * cells * Integer.BYTES) {
        throw new IllegalStateException("brian2_counts.i32 has " + b.remaining() + " bytes, expected "
            + (long) trials * cells * Integer.BYTES);
      }
      int[][] counts = new int[trials][cells];
      for (int t = 0; t < trials; t++) {
        for (int k = 0; k < cells; k++) {
          counts[t][k] = b.getInt();
        }
      }
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A little-endian binary column. */
  private static final class Column implements AutoCloseable {
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

    Column(Path file) throws IOException {
      out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    void putInt(int v) {
      buffer.clear();
      buffer.putInt(v);
      write(4);
    }

    void putDouble(double v) {
      buffer.clear();
      buffer.putDouble(v);
      write(8);
    }

    private void write(int n) {
      try {
        out.write(buffer.array(), 0, n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
