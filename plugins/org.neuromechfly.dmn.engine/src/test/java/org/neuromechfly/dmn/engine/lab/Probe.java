package org.neuromechfly.dmn.engine.lab;

import java.util.Locale;
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

/** Rates per population and forward/backward seconds of the golden circuit (a manual probe). */
public final class Probe {
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    CircuitSpec spec = GoldenCircuit.spec();
    NavigationTask task = (NavigationTask) spec.task();
    var t = spec.training();
    Network net = new Network(spec, GoldenCircuit.wiring(spec), task.dt().si(),
        NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope())));
    int batch = t.batch();
    OdourWorld world = new OdourWorld(spec, task, WorldSettings.defaults(), batch, PathLosses.of(spec, task, WorldSettings.defaults()));
    world.setStarts(StartPositions.draw(task, batch, 1), 1);
    BpttKernel k = new BpttKernel(net, task.steps(), batch, Recomputation.none()); // reads activity()
    ActivityTerms terms = new ActivityTerms(net, spec.losses());
    for (int rep = 0; rep < reps; rep++) {
      long t0 = System.nanoTime();
      var losses = k.forward(world, terms);
      long t1 = System.nanoTime();
      k.backward(world, terms);
      long t2 = System.nanoTime();
      System.out.printf("forward %.3fs backward %.3fs %s %s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, losses,
          terms.measured());
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
