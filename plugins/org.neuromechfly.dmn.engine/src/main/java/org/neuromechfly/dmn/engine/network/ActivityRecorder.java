package org.neuromechfly.dmn.engine.network;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;

/**
 * Records the outputs of the first flies of each episode it observes, every step, in the network's
 * precision: what spike rasters and recordings read. Kept apart from the kernels because a kernel
 * that recomputes segments keeps no record of a whole episode, and pictures need only a few flies
 * (the example's rasters: fly 0, {@code steps × cells × 4} bytes, 45 MB at 5,000 steps). The memory is
 * allocated once and reused while the episode length stays the same.
 */
public final class ActivityRecorder implements ActivityObserver {
  private final Network network;
  private final int flies;
  private final List<PopulationState> record = new ArrayList<>();
  private int kept;
  private boolean observed;

  /** Records the first {@code flies} flies of each episode (all of a smaller batch). */
  public ActivityRecorder(Network network, int flies) {
    if (flies < 1) {
      throw new IllegalArgumentException("record at least one fly, not " + flies);
    }
    this.network = network;
    this.flies = flies;
  }

  @Override
  public void begin(int steps, int batch) {
    int k = Math.min(flies, batch);
    if (record.isEmpty() || record.get(0).steps() != steps || kept != k) {
      record.clear();
      kept = k;
      for (LifPopulation p : network.populations()) {
        record.add(PopulationState.outputRecord(network.options().precision(), steps, k, p.cells()));
      }
    }
    observed = true;
  }

  @Override
  public void observe(int population, int t, double[] output) {
    record.get(population).recordOutput(t, output);
  }

  /** The recorded flies' outputs of the last episode observed. */
  public NetworkActivity activity() {
    if (!observed) {
      throw new IllegalStateException("no episode recorded yet");
    }
    return new NetworkActivity(network, List.copyOf(record));
  }
}
