package org.neuromechfly.dmn.engine.network;

import java.util.List;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.neuron.PopulationState;

/**
 * Read access to what one episode's forward pass recorded, per population.
 *
 * @param network the network that ran
 * @param states one state per population, in population order
 */
public record NetworkActivity(Network network, List<PopulationState> states) {

  public PopulationState state(int population) {
    return states.get(population);
  }

  public LifPopulation population(int population) {
    return network.populations().get(population);
  }

  public int populationCount() {
    return states.size();
  }
}
