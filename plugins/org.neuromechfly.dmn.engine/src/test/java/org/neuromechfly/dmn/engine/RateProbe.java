package org.neuromechfly.dmn.engine;

import org.neuromechfly.dmn.engine.fused.BpttKernel;
import org.neuromechfly.dmn.engine.loss.ActivityTerms;
import org.neuromechfly.dmn.engine.loss.PathLosses;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkActivity;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.network.Recomputation;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.world.OdourWorld;
import org.neuromechfly.dmn.engine.world.StartPositions;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.SurrogateKind;

/** Prints mean firing per population and forward/backward time of one episode (a manual probe). */
public final class RateProbe {
  public static void main(String[] args) {
    int steps = Integer.parseInt(args.length > 0 ? args[0] : "1000");
    CircuitSpec spec = OlfactoryCircuit.spec(steps, 16, 1, 1e-2, true, 42);
    NavigationTask task = (NavigationTask) spec.task();
    Network net = new Network(spec, OlfactoryCircuit.wiring(spec, 42), task.dt().si(),
        NetworkOptions.training(new SurrogateSpike(SurrogateKind.FAST_SIGMOID, 5)));
    OdourWorld world = new OdourWorld(spec, task, WorldSettings.defaults(), 16, PathLosses.of(spec, task, WorldSettings.defaults()));
    world.setStarts(StartPositions.draw(task, 16, 1), 1);
    BpttKernel k = new BpttKernel(net, steps, 16, Recomputation.none()); // reads activity()
    ActivityTerms terms = new ActivityTerms(net, spec.losses());
    for (int rep = 0; rep < 4; rep++) {
      long t0 = System.nanoTime();
      k.forward(world, terms);
      long t1 = System.nanoTime();
      k.backward(world, terms);
      long t2 = System.nanoTime();
      System.out.printf("forward %.3fs backward %.3fs%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
    NetworkActivity a = k.activity();
    for (int p = 0; p < a.populationCount(); p++) {
      var st = a.state(p);
      double sum = 0;
      for (int i = 0; i < st.outputTrace().length(); i++) {
        sum += st.outputTrace().get(i);
      }
      System.out.printf("%s mean output per step %.4f (%.1f Hz)%n", a.population(p).name(),
          sum / st.outputTrace().length(), sum / st.outputTrace().length() / task.dt().si());
    }
  }
}
