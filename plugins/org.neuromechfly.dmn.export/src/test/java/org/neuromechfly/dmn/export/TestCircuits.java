package org.neuromechfly.dmn.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Unit;
import org.neuromechfly.dmn.model.WeightInit;

/** Small circuits built in code (no data files needed). */
final class TestCircuits {
  private TestCircuits() {}

  static NeuronModel lif(double tauMs, Double tauSynMs, double threshold, double bias, ResetMode mode) {
    return new NeuronModel(Quantity.of(tauMs, Unit.MILLISECOND),
        tauSynMs == null ? null : Quantity.of(tauSynMs, Unit.MILLISECOND), threshold, 0.0,
        Quantity.of(0, Unit.MILLISECOND), mode, false, bias);
  }

  static Population pop(String name, int count, NeuronModel m) {
    return new Population(name, name, count, m, List.of(), ParameterSharing.PER_NEURON);
  }

  static Projection proj(String s, String t, Connectivity c, Sign sign, WeightInit w, Quantity delay) {
    return new Projection(s, t, c, sign, null, w, true, delay);
  }

  /**
   * IN(12) → HID(10, self-recurrent inhibitory, tau_syn 5 ms) → OUT(6, delay 3 ms); chain-shaped, so
   * both NIR and netx accept it.
   */
  static CircuitSpec chain() {
    List<Population> pops = List.of(
        pop("IN", 12, lif(10, null, 1.0, 0.0, ResetMode.SUBTRACT)),
        pop("HID", 10, lif(20, 5.0, 1.0, 0.05, ResetMode.SUBTRACT)),
        pop("OUT", 6, lif(15, null, 0.8, 0.0, ResetMode.ZERO)));
    List<Projection> projs = new ArrayList<>();
    projs.add(proj("IN", "HID", new Connectivity.RandomFanIn(5), Sign.EXCITATORY, new WeightInit.Uniform(0.5, 1.5), null));
    projs.add(proj("HID", "HID", new Connectivity.Dense(), Sign.INHIBITORY, new WeightInit.Uniform(0.0, 0.2), null));
    projs.add(proj("HID", "OUT", new Connectivity.Dense(), Sign.EXCITATORY, new WeightInit.Uniform(0.2, 1.0),
        Quantity.of(3, Unit.MILLISECOND)));
    return new CircuitSpec("SmallChain", null, List.of(), pops, projs, null, List.of(), null, null);
  }

  /** The mushroom-body motif: PN → KC, KC → APL (graded) → KC, KC → MBON. */
  static CircuitSpec loop() {
    return loop(1);
  }

  /** {@link #loop()} with every initial weight multiplied by {@code gain}. */
  static CircuitSpec loop(double gain) {
    NeuronModel graded = new NeuronModel(Quantity.of(10, Unit.MILLISECOND), null, 1.0, 0.0,
        Quantity.of(0, Unit.MILLISECOND), ResetMode.SUBTRACT, true, 0.0);
    List<Population> pops = List.of(
        pop("PN", 8, lif(10, null, 1.0, 0.0, ResetMode.SUBTRACT)),
        pop("KC", 20, lif(10, null, 1.0, 0.0, ResetMode.SUBTRACT)),
        pop("APL", 1, graded),
        pop("MBON", 4, lif(10, null, 1.0, 0.0, ResetMode.SUBTRACT)));
    List<Projection> projs = List.of(
        proj("PN", "KC", new Connectivity.RandomFanIn(3), Sign.EXCITATORY, new WeightInit.Uniform(0, gain), null),
        proj("KC", "APL", new Connectivity.Dense(), Sign.EXCITATORY, new WeightInit.Constant(0.01 * gain), null),
        proj("APL", "KC", new Connectivity.Dense(), Sign.INHIBITORY, new WeightInit.Constant(0.5 * gain), null),
        proj("KC", "MBON", new Connectivity.Dense(), Sign.EXCITATORY, new WeightInit.Uniform(0, 0.5 * gain), null));
    return new CircuitSpec("MushroomLoop", null, List.of(), pops, projs, null, List.of(), null, null);
  }

  static CircuitWiring wire(CircuitSpec spec, Path tmp) {
    return CircuitWiringBuilder.build(spec, DataDirectory.of(tmp));
  }
}
