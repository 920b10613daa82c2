package org.neuromechfly.dmn.analysis.simulate;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.simulate.PoissonDrive;
import org.neuromechfly.dmn.engine.simulate.SpikeTrain;
import org.neuromechfly.dmn.engine.simulate.SpikingNetwork;
import org.neuromechfly.dmn.engine.simulate.Trials;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * Writes the trials of a stimulus experiment ({@code task experiment}, {@code dmn simulate}) as HDF5, in
 * the layout of {@link Hdf5Recording} where they share content, and ranks the most activated neurons
 * as Shiu et al. 2024 report them (mean rate over the trials).
 *
 * <pre>
 * /                              attrs: format "dmn-experiment", format_version 1, circuit, circuit_sha256,
 *                                source, dt (s), steps_per_trial, trials
 * /general/circuit_json          the circuit IR (JSON text)
 * /intervals/trials/             id, start_time, stop_time (s): trials end to end on one session clock
 * /units/&lt;population&gt;/          id [N], connectome_id [N] (int64, -1 for model cells), cell_type [N],
 *                                side [N], stimulated [N] (int8), rate [N] (Hz, mean over trials),
 *                                spike_counts [trials, N] (int32), spike_times (s, session clock, by
 *                                unit then time), spike_times_index [N] (NWB VectorIndex)
 * /analysis/most_activated/      population, cell, connectome_id, cell_type, rate (Hz), rate_sd (Hz,
 *                                across trials), stimulated: the top neurons by mean rate
 * </pre>
 */
public final class ExperimentRecording {
  public static final String FORMAT = "dmn-experiment";
  public static final int FORMAT_VERSION = 1;

  private ExperimentRecording() {}

  /**
   * One of the most activated neurons.
   *
   * @param rate mean rate over the trials, Hz
   * @param rateSd standard deviation of the rate across trials, Hz
   */
  public record Activated(String population, int cell, long connectomeId, String cellType, double rate,
      double rateSd, boolean stimulated) {
    /** "720575940624402173 (DNa02, Brain[17]) 112.3 ± 4.1 Hz". */
    public String describe() {
      return String.format(Locale.ROOT, "%s (%s, %s[%d])%s %.1f ± %.1f Hz",
          connectomeId == PopulationCells.NO_ID ? "-" : Long.toString(connectomeId),
          cellType == null || cellType.isEmpty() ? "?" : cellType, population, cell, stimulated ? " stimulated" : "",
          rate, rateSd);
    }
  }

  /** The {@code top} neurons by mean rate over the trials (ties by index line), active ones only. */
  public static List<Activated> mostActivated(SpikingNetwork net, CircuitWiring wiring, Trials trials, int top) {
    int[][] counts = trials.counts();
    double seconds = trials.steps() * trials.dt();
    int size = net.size();
    double[] mean = new double[size];
    double[] sd = new double[size];
    for (int k = 0; k < size; k++) {
      double s = 0;
      double ss = 0;
      for (int[] trial : counts) {
        double r = trial[k] / seconds;
        s += r;
        ss += r * r;
      }
      int n = counts.length;
      mean[k] = s / n;
      sd[k] = n > 1 ? Math.sqrt(Math.max(0, (ss - s * s / n) / (n - 1))) : 0;
    }
    boolean[] stimulated = stimulated(net);
    Integer[] order = new Integer[size];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -mean[k]).thenComparingInt(k -> k));
    List<Activated> out = new ArrayList<>();
    for (int i = 0; i < size && out.size() < top && mean[order[i]] > 0; i++) {
      int k = order[i];
      int p = net.populationOf(k);
      int cell = k - net.offset(p);
      String name = net.population(p).name();
      Optional<PopulationCells> known = wiring.cells(name);
      long id = known.map(c -> c.ids()[cell]).orElse(PopulationCells.NO_ID);
      String type = known.map(c -> c.types()[cell]).orElseGet(
          () -> wiring.spec().population(name).map(x -> x.cellType()).orElse(""));
      out.add(new Activated(name, cell, id, type, mean[k], sd[k], stimulated[k]));
    }
    return out;
  }

  private static boolean[] stimulated(SpikingNetwork net) {
    boolean[] s = new boolean[net.size()];
    for (PoissonDrive d : net.drives()) {
      for (int n : d.cells()) {
        s[net.offset(d.population()) + n] = true;
      }
    }
    return s;
  }

  /**
   * Writes the recording (atomically: beside {@code out} first, then moved into place).
   *
   * @param top how many of the most activated neurons to list under /analysis
   * @return the most activated neurons written
   */
  public static List<Activated> write(Path out, CircuitSpec spec, CircuitWiring wiring, SpikingNetwork net,
      Trials trials, String source, int top) {
    List<Activated> activated = mostActivated(net, wiring, trials, top);
    int[][] counts = trials.counts();
    boolean[] stimulated = stimulated(net);
    RunFolder.write(out, tmp -> {
      Files.delete(tmp); // jhdf creates the file itself
      try (var file = HdfFile.write(tmp)) {
        file.removeAttribute("_jHDF");
        int steps = trials.steps();
        double dt = trials.dt();
        file.putAttribute("format", FORMAT);
        file.putAttribute("format_version", FORMAT_VERSION);
        file.putAttribute("circuit", spec.name());
        file.putAttribute("circuit_sha256",
            org.neuromechfly.dmn.connectome.cache.Checksums.ofText(CircuitJson.write(spec)));
        file.putAttribute("source", source);
        file.putAttribute("session_description", String.format(Locale.ROOT,
            "%s: %d trials of %d steps of %s s, Poisson stimulation, trials end to end on one clock", spec.name(),
            counts.length, steps, Hdf5Recording.num(dt)));
        file.putAttribute("dt", dt);
        file.putAttribute("steps_per_trial", steps);
        file.putAttribute("trials", counts.length);
        file.putGroup("general").putDataset("circuit_json", CircuitJson.write(spec));
        WritableGroup intervals = file.putGroup("intervals").putGroup("trials");
        long[] id = new long[counts.length];
        double[] start = new double[counts.length];
        double[] stop = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
          id[b] = b;
          start[b] = b * steps * dt;
          stop[b] = (b + 1) * steps * dt;
        }
        intervals.putDataset("id", id);
        Hdf5Recording.seconds(intervals.putDataset("start_time", start));
        Hdf5Recording.seconds(intervals.putDataset("stop_time", stop));
        WritableGroup units = file.putGroup("units");
        for (int p = 0; p < net.populationCount(); p++) {
          population(units.putGroup(net.population(p).name()), spec, wiring, net, p, trials, counts, stimulated);
        }
        WritableGroup top_ = file.putGroup("analysis").putGroup("most_activated");
        top_.putAttribute("description", "neurons by mean rate over the trials, highest first");
        top_.putDataset("population", activated.stream().map(Activated::population).toArray(String[]::new));
        top_.putDataset("cell", activated.stream().mapToLong(Activated::cell).toArray());
        top_.putDataset("connectome_id", activated.stream().mapToLong(Activated::connectomeId).toArray());
        top_.putDataset("cell_type", activated.stream().map(a -> a.cellType() == null ? "" : a.cellType())
            .toArray(String[]::new));
        Hdf5Recording.unit(top_.putDataset("rate", activated.stream().mapToDouble(Activated::rate).toArray()), "Hz");
        Hdf5Recording.unit(top_.putDataset("rate_sd", activated.stream().mapToDouble(Activated::rateSd).toArray()),
            "Hz");
        byte[] stim = new byte[activated.size()];
        for (int i = 0; i < stim.length; i++) {
          stim[i] = (byte) (activated.get(i).stimulated() ? 1 : 0);
        }
        top_.putDataset("stimulated", stim);
      }
    });
    return activated;
  }

  private static void population(WritableGroup g, CircuitSpec spec, CircuitWiring wiring, SpikingNetwork net, int p,
      Trials trials, int[][] counts, boolean[] stimulated) {
    String name = net.population(p).name();
    int base = net.offset(p);
    int cells = net.population(p).cells();
    double dt = trials.dt();
    int steps = trials.steps();
    // spike times by unit then time: bucket each trial's spikes (in time order) by cell
    long[] index = new long[cells];
    for (int[] trial : counts) {
      for (int n = 0; n < cells; n++) {
        index[n] += trial[base + n];
      }
    }
    long total = 0;
    for (int n = 0; n < cells; n++) {
      total += index[n];
      index[n] = total;
    }
    double[] times = new double[Math.toIntExact(total)];
    int[] fill = new int[cells];
    for (int n = 1; n < cells; n++) {
      fill[n] = (int) index[n - 1];
    }
    for (int b = 0; b < trials.spikes().size(); b++) {
      SpikeTrain train = trials.spikes().get(b);
      for (int i = 0; i < train.spikeCount(); i++) {
        int n = train.cell(i) - base;
        if (n >= 0 && n < cells) {
          times[fill[n]++] = ((double) b * steps + train.step(i) + 1) * dt; // emitted at the step's end
        }
      }
    }
    Optional<PopulationCells> known = wiring.cells(name);
    String modelType = spec.population(name).map(x -> x.cellType()).orElse("");
    long[] id = new long[cells];
    long[] connectomeId = new long[cells];
    String[] type = new String[cells];
    String[] side = new String[cells];
    byte[] stim = new byte[cells];
    double[] rate = new double[cells];
    int[][] perTrial = new int[counts.length][cells];
    for (int n = 0; n < cells; n++) {
      id[n] = n;
      connectomeId[n] = known.isPresent() ? known.get().ids()[n] : PopulationCells.NO_ID;
      type[n] = known.isPresent() && known.get().types()[n] != null ? known.get().types()[n] : modelType;
      side[n] = known.isPresent() && known.get().sides()[n] != null ? known.get().sides()[n] : "";
      stim[n] = (byte) (stimulated[base + n] ? 1 : 0);
      for (int b = 0; b < counts.length; b++) {
        perTrial[b][n] = counts[b][base + n];
        rate[n] += counts[b][base + n];
      }
      rate[n] /= counts.length * steps * dt;
    }
    g.putAttribute("population", name);
    g.putAttribute("model_cell_type", modelType);
    g.putAttribute("spike_count", total);
    g.putAttribute("description", "units table (NWB 2 style) of population " + name);
    g.putDataset("id", id);
    g.putDataset("cell_type", type);
    g.putDataset("connectome_id", connectomeId).putAttribute("description",
        "neuPrint body id or FlyWire root id of the cell; -1 for cells that are no reconstructed neuron");
    g.putDataset("side", side);
    g.putDataset("stimulated", stim);
    Hdf5Recording.unit(g.putDataset("rate", rate), "Hz");
    g.putDataset("spike_counts", perTrial).putAttribute("description", "spikes per trial and unit");
    Hdf5Recording.seconds(g.putDataset("spike_times", times));
    g.putDataset("spike_times_index", index).putAttribute("description",
        "end offset into spike_times of each unit's spikes (NWB VectorIndex)");
  }
}
