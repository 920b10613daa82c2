package org.neuromechfly.dmn.analysis.simulate;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;
import org.neuromechfly.dmn.engine.world.Trajectory;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * Writes a {@link Walk} as an HDF5 file laid out after the conventions of NWB 2 where they fit (it is
 * not an NWB file: no NWB schema is embedded). Trials are the held-out episodes, laid end to end on
 * one session clock: trial b runs from b·T·dt to (b + 1)·T·dt seconds.
 *
 * <pre>
 * /                                    attrs: format "dmn-recording", format_version 1, circuit,
 *                                      circuit_sha256, source, session_description, dt (s), steps_per_trial
 * /general/circuit_json                the circuit IR (JSON text)
 * /intervals/trials/                   NWB trials table: id, start_time, stop_time (s), start_x, start_y (m),
 *                                      start_heading (rad), closest_approach (m)
 * /processing/behavior/position/       data [B·T, 2] (m; x, y in the arena), timestamps [B·T] (s)
 * /processing/behavior/speed/          data [B·T] (m/s, commanded forward speed), timestamps
 * /processing/behavior/turn_rate/      data [B·T] (rad/s, commanded, positive to the left), timestamps
 * /units/&lt;population&gt;/                NWB units table per spiking population: id [N], cell_type [N],
 *                                      connectome_id [N] (int64, -1 for cells that are no reconstructed
 *                                      neuron), side [N], spike_times (s, session clock, by unit then
 *                                      time), spike_times_index [N] (end offset of each unit's spikes,
 *                                      NWB VectorIndex); attrs population, model_cell_type, spike_count
 * /acquisition/membrane/&lt;population&gt;/  data [B·T, N] float32 (membrane before reset, normalised: rest 0,
 *                                      threshold 1; unit "1"), starting_time 0, rate 1/dt
 * /acquisition/output/&lt;population&gt;/    graded populations only: data [B·T, N] float32 (rectified membrane)
 * </pre>
 *
 * Every dataset with a physical meaning carries NWB's {@code unit} and {@code conversion} attributes
 * (SI units, conversion 1.0); timestamps carry {@code unit} "seconds".
 */
public final class Hdf5Recording {
  /** What to record. */
  public enum Content { SPIKES, MEMBRANE, TRAJECTORY }

  public static final String FORMAT = "dmn-recording";
  public static final int FORMAT_VERSION = 1;

  private Hdf5Recording() {}

  /**
   * Writes the recording.
   *
   * @param out the .h5 file; replaced if it exists (written beside it first, then moved into place)
   * @param spec the circuit that walked
   * @param wiring its wiring (cell types and connectome ids)
   * @param walk what was simulated
   * @param source where the parameters came from, in words
   * @param content what to record
   * @return spike counts written per population
   */
  public static Map<String, Long> write(Path out, CircuitSpec spec, CircuitWiring wiring, Walk walk, String source,
      Set<Content> content) {
    Map<String, Long> counts = new LinkedHashMap<>();
    RunFolder.write(out, tmp -> {
      Files.delete(tmp); // jhdf creates the file itself
      try (var file = HdfFile.write(tmp)) {
        file.removeAttribute("_jHDF");
        NetworkActivity act = walk.activity();
        int steps = act.state(0).steps();
        int batch = act.state(0).batch();
        file.putAttribute("format", FORMAT);
        file.putAttribute("format_version", FORMAT_VERSION);
        file.putAttribute("circuit", spec.name());
        file.putAttribute("circuit_sha256", org.neuromechfly.dmn.connectome.cache.Checksums.ofText(CircuitJson.write(spec)));
        file.putAttribute("source", source);
        file.putAttribute("session_description", String.format(Locale.ROOT,
            "%s walking from %d held-out starts, %d steps of %s s each, trials end to end on one clock", spec.name(),
            batch, steps, num(walk.dt())));
        file.putAttribute("dt", walk.dt());
        file.putAttribute("steps_per_trial", steps);
        file.putGroup("general").putDataset("circuit_json", CircuitJson.write(spec));
        trials(file.putGroup("intervals").putGroup("trials"), walk, steps);
        if (content.contains(Content.TRAJECTORY)) {
          behaviour(file.putGroup("processing").putGroup("behavior"), walk.trajectory(), walk.dt());
        }
        WritableGroup units = content.contains(Content.SPIKES) ? file.putGroup("units") : null;
        WritableGroup acquisition = content.contains(Content.MEMBRANE) || hasGraded(act) ? file.putGroup("acquisition") : null;
        WritableGroup membrane = content.contains(Content.MEMBRANE) ? acquisition.putGroup("membrane") : null;
        WritableGroup output = hasGraded(act) && content.contains(Content.SPIKES) ? acquisition.putGroup("output") : null;
        for (int p = 0; p < act.populationCount(); p++) {
          LifPopulation population = act.population(p);
          PopulationState st = act.state(p);
          String name = population.name();
          if (units != null && !population.graded()) {
            counts.put(name, spikes(units.putGroup(name), spec, wiring, population, st, walk.dt()));
          }
          if (output != null && population.graded()) {
            timeSeries(output.putGroup(name), trace(st, false), walk.dt(), "1",
                "rectified membrane a graded (non-spiking) population passes on");
          }
          if (membrane != null) {
            timeSeries(membrane.putGroup(name), trace(st, true), walk.dt(), "1",
                "membrane potential before the spike reset, normalised: rest 0, threshold 1");
          }
        }
      }
    });
    return counts;
  }

  /** The simplest reading of a list of record names ({@code spikes,membrane,trajectory}). */
  public static Set<Content> parse(List<String> names) {
    Set<Content> set = EnumSet.noneOf(Content.class);
    for (String n : names) {
      try {
        set.add(Content.valueOf(n.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot record '" + n + "'; choose from spikes, membrane, trajectory");
      }
    }
    return set;
  }

  private static void trials(WritableGroup trials, Walk walk, int steps) {
    Trajectory tr = walk.trajectory();
    int batch = tr.batch();
    long[] id = new long[batch];
    double[] start = new double[batch];
    double[] stop = new double[batch];
    double[] closest = new double[batch];
    for (int b = 0; b < batch; b++) {
      id[b] = b;
      start[b] = b * steps * walk.dt();
      stop[b] = (b + 1) * steps * walk.dt();
      double c = Double.POSITIVE_INFINITY;
      for (int t = 0; t < tr.steps(); t++) {
        c = Math.min(c, tr.distance(b, t));
      }
      closest[b] = c;
    }
    trials.putAttribute("description", "held-out episodes, laid end to end on the session clock");
    trials.putDataset("id", id);
    seconds(trials.putDataset("start_time", start));
    seconds(trials.putDataset("stop_time", stop));
    metres(trials.putDataset("start_x", walk.starts().x()));
    metres(trials.putDataset("start_y", walk.starts().y()));
    trials.putDataset("start_heading", walk.starts().heading()).putAttribute("unit", "radians");
    metres(trials.putDataset("closest_approach", closest));
  }

  private static void behaviour(WritableGroup behaviour, Trajectory tr, double dt) {
    int n = tr.batch() * tr.steps();
    double[][] position = new double[n][2];
    double[] speed = new double[n];
    double[] turn = new double[n];
    for (int b = 0; b < tr.batch(); b++) {
      for (int t = 0; t < tr.steps(); t++) {
        int i = b * tr.steps() + t;
        position[i][0] = tr.x()[b][t];
        position[i][1] = tr.y()[b][t];
        speed[i] = tr.speed()[b][t];
        turn[i] = tr.turn()[b][t];
      }
    }
    double[] timestamps = clock(n, dt);
    WritableGroup pos = behaviour.putGroup("position");
    pos.putAttribute("reference_frame", "arena: origin at the lower left corner, x to the right, y up");
    unit(pos.putDataset("data", position), "m");
    seconds(pos.putDataset("timestamps", timestamps));
    WritableGroup sp = behaviour.putGroup("speed");
    unit(sp.putDataset("data", speed), "m/s");
    seconds(sp.putDataset("timestamps", timestamps));
    WritableGroup tu = behaviour.putGroup("turn_rate");
    unit(tu.putDataset("data", turn), "rad/s");
    seconds(tu.putDataset("timestamps", timestamps));
  }

  /** The units table of one spiking population; returns its spike count. */
  private static long spikes(WritableGroup g, CircuitSpec spec, CircuitWiring wiring, LifPopulation population,
      PopulationState st, double dt) {
    int cells = st.cells();
    List<Double> times = new ArrayList<>();
    long[] index = new long[cells];
    for (int n = 0; n < cells; n++) {
      for (int b = 0; b < st.batch(); b++) {
        for (int t = 0; t < st.steps(); t++) {
          if (st.output(t, b, n) > 0.5) {
            times.add(((double) b * st.steps() + t + 1) * dt); // a spike of step t is emitted at its end
          }
        }
      }
      index[n] = times.size();
    }
    long[] id = new long[cells];
    long[] connectomeId = new long[cells];
    String[] type = new String[cells];
    String[] side = new String[cells];
    Optional<PopulationCells> known = wiring.cells(population.name());
    String modelType = spec.population(population.name()).map(p -> p.cellType()).orElse("");
    for (int n = 0; n < cells; n++) {
      id[n] = n;
      connectomeId[n] = known.isPresent() ? known.get().ids()[n] : PopulationCells.NO_ID;
      type[n] = known.isPresent() && known.get().types()[n] != null ? known.get().types()[n] : modelType;
      side[n] = known.isPresent() && known.get().sides()[n] != null ? known.get().sides()[n] : "";
    }
    g.putAttribute("population", population.name());
    g.putAttribute("model_cell_type", modelType);
    g.putAttribute("spike_count", (long) times.size());
    g.putAttribute("description", "units table (NWB 2 style) of population " + population.name());
    g.putDataset("id", id);
    g.putDataset("cell_type", type);
    g.putDataset("connectome_id", connectomeId).putAttribute("description",
        "neuPrint body id or FlyWire root id of the cell; -1 for cells that are no reconstructed neuron");
    g.putDataset("side", side);
    double[] t = new double[times.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = times.get(i);
    }
    seconds(g.putDataset("spike_times", t));
    g.putDataset("spike_times_index", index).putAttribute("description",
        "end offset into spike_times of each unit's spikes (NWB VectorIndex)");
    return times.size();
  }

  private static float[][] trace(PopulationState st, boolean membrane) {
    float[][] data = new float[st.batch() * st.steps()][st.cells()];
    for (int b = 0; b < st.batch(); b++) {
      for (int t = 0; t < st.steps(); t++) {
        for (int n = 0; n < st.cells(); n++) {
          data[b * st.steps() + t][n] = (float) (membrane ? st.membrane(t, b, n) : st.output(t, b, n));
        }
      }
    }
    return data;
  }

  private static void timeSeries(WritableGroup g, float[][] data, double dt, String unit, String description) {
    g.putAttribute("description", description);
    g.putAttribute("starting_time", 0.0);
    g.putAttribute("rate", 1.0 / dt);
    unit(g.putDataset("data", data), unit);
  }

  private static boolean hasGraded(NetworkActivity act) {
    for (int p = 0; p < act.populationCount(); p++) {
      if (act.population(p).graded()) {
        return true;
      }
    }
    return false;
  }

  private static double[] clock(int n, double dt) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = (i + 1) * dt;
    }
    return t;
  }

  static void unit(io.jhdf.api.WritableDataset d, String unit) {
    d.putAttribute("unit", unit);
    d.putAttribute("conversion", 1.0);
  }

  static void metres(io.jhdf.api.WritableDataset d) {
    unit(d, "m");
  }

  static void seconds(io.jhdf.api.WritableDataset d) {
    d.putAttribute("unit", "seconds");
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%g", v);
  }

}
