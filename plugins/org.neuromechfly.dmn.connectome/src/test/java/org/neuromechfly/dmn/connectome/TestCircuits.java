package org.neuromechfly.dmn.connectome;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.WeightInit;

/** Small fluent builder of circuit specs for tests. */
public final class TestCircuits {

  private final List<Population> populations = new ArrayList<>();
  private final List<Projection> projections = new ArrayList<>();
  private final List<ConnectomeSource> sources = new ArrayList<>();
  private long seed = 42;

  public static TestCircuits circuit() {
    return new TestCircuits();
  }

  public TestCircuits population(String name, String type, int count) {
    populations.add(
        new Population(
            name, type, count, NeuronModel.defaults(), List.of(), ParameterSharing.PER_POPULATION));
    return this;
  }

  public TestCircuits projection(String from, String to, Connectivity rule, WeightInit weight) {
    return projection(from, to, rule, weight, Sign.EXCITATORY);
  }

  public TestCircuits projection(
      String from, String to, Connectivity rule, WeightInit weight, Sign sign) {
    projections.add(new Projection(from, to, rule, sign, null, weight, true, null));
    return this;
  }

  public TestCircuits source(ConnectomeSource source) {
    sources.add(source);
    return this;
  }

  public TestCircuits seed(long value) {
    this.seed = value;
    return this;
  }

  public CircuitSpec build() {
    TrainingSpec d = TrainingSpec.defaults();
    TrainingSpec training =
        new TrainingSpec(
            d.optimizer(), d.learningRate(), d.schedule(), d.episodes(), d.batch(), d.clip(), seed,
            d.checkpointEvery(), d.bpttWindow(), d.engine(), d.surrogate(), d.surrogateSlope());
    return new CircuitSpec(
        "Test", null, sources, populations, projections, null, List.of(), training, null);
  }
}
