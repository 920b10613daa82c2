package org.neuromechfly.dmn.engine.fused;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;

/** The whole episode's record, every step of every population: nothing to recompute. */
final class WholeHistory implements History {
  private final List<PopulationState> states = new ArrayList<>();

  WholeHistory(Network network, int steps, int batch) {
    for (LifPopulation pop : network.populations()) {
      states.add(pop.newState(network.options().precision(), steps, batch));
    }
  }

  @Override
  public PopulationState state(int population) {
    return states.get(population);
  }

  @Override
  public void beforeStep(int t, double[][] drive) {}

  @Override
  public void beforeBackwardStep(int t, Replay replay) {}

  @Override
  public NetworkActivity activity(Network network) {
    return new NetworkActivity(network, List.copyOf(states));
  }

  @Override
  public int segmentSteps() {
    return 0;
  }

  @Override
  public long bytes() {
    return states.stream().mapToLong(PopulationState::recordBytes).sum();
  }
}
