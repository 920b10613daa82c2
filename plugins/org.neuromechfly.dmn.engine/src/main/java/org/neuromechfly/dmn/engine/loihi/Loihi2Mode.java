package org.neuromechfly.dmn.engine.loihi;

import java.util.ArrayList;
import java.util.List;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.Synapses;
import org.neuromechfly.dmn.model.export.NetxLayout;

/**
 * Hardware-faithful training for Loihi 2 ({@code training { target loihi2 }}): after every
 * optimiser step the network's float parameters are mapped, layer by layer of the circuit's
 * {@link NetxLayout}, onto the integers Loihi 2 runs ({@link Loihi2FixedPoint}, the exporter's own
 * mapping), and the on-chip populations and the projections into them run with those integers: the
 * LIF step in its Loihi mode (Lava's bit-accurate arithmetic, reset to zero) and the synapses with
 * the 8-bit weights. Gradients reach the float parameters through the straight-through estimator:
 * each rounding counts as the identity backward, and the layer's scale (which depends on its largest
 * weight) as a constant. The spike source (populations no projection reaches) stays in float, as it
 * runs off-chip.
 */
public final class Loihi2Mode {
  private final double dt;
  private final List<Block> blocks = new ArrayList<>();

  /** One layer: its populations with their first cell, and the projections into it. */
  private record Block(List<LifPopulation> populations, int[] offsets, int cells, List<Synapses> inputs,
      List<int[]> targetCells) {}

  /**
   * @param layout the circuit's layers
   * @param populations the network's populations, in IR order
   * @param synapses the network's projections
   * @param dt the step, seconds
   */
  public Loihi2Mode(NetxLayout layout, List<LifPopulation> populations, List<Synapses> synapses, double dt) {
    this.dt = dt;
    for (NetxLayout.Layer layer : layout.layers()) {
      List<LifPopulation> pops = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      for (String name : layer.populations()) {
        for (int p = 0; p < populations.size(); p++) {
          if (populations.get(p).name().equals(name)) {
            pops.add(populations.get(p));
            indices.add(p);
          }
        }
      }
      int[] offsets = new int[pops.size()];
      int cells = 0;
      for (int i = 0; i < pops.size(); i++) {
        offsets[i] = cells;
        cells += pops.get(i).cells();
      }
      List<Synapses> inputs = new ArrayList<>();
      List<int[]> targets = new ArrayList<>();
      for (Synapses s : synapses) {
        int at = indices.indexOf(s.targetPopulation());
        if (at >= 0) {
          int[] t = s.edges().targetIndex();
          for (int e = 0; e < t.length; e++) {
            t[e] += offsets[at];
          }
          inputs.add(s);
          targets.add(t);
        }
      }
      blocks.add(new Block(pops, offsets, cells, inputs, targets));
    }
  }

  /** Maps the current float parameters onto Loihi's integers and runs with them (after {@code prepare}). */
  public void apply() {
    for (Block b : blocks) {
      Loihi2FixedPoint.Layer q = integers(b);
      for (int i = 0; i < b.populations().size(); i++) {
        LifPopulation p = b.populations().get(i);
        p.useLoihi(q.slice(b.offsets()[i], p.cells()));
      }
      for (int k = 0; k < b.inputs().size(); k++) {
        Synapses s = b.inputs().get(k);
        int[] cell = b.targetCells().get(k);
        double[] w = new double[cell.length];
        for (int e = 0; e < w.length; e++) {
          w[e] = q.value(cell[e], q.weight(cell[e], s.weight(e)));
        }
        s.useForwardWeights(w);
      }
    }
  }

  private Loihi2FixedPoint.Layer integers(Block b) {
    double[] theta = new double[b.cells()];
    double[] bias = new double[b.cells()];
    double[] maxIncoming = new double[b.cells()];
    for (int i = 0; i < b.populations().size(); i++) {
      LifPopulation p = b.populations().get(i);
      for (int n = 0; n < p.cells(); n++) {
        theta[b.offsets()[i] + n] = p.threshold(n);
        bias[b.offsets()[i] + n] = p.bias(n);
      }
    }
    for (int k = 0; k < b.inputs().size(); k++) {
      Synapses s = b.inputs().get(k);
      int[] cell = b.targetCells().get(k);
      for (int e = 0; e < cell.length; e++) {
        maxIncoming[cell[e]] = Math.max(maxIncoming[cell[e]], Math.abs(s.weight(e)));
      }
    }
    // the constraints give every population of a layer the same time constants: the first one's are the layer's
    LifPopulation first = b.populations().get(0);
    return Loihi2FixedPoint.layer(dt, first.tauMem(0), first.synaptic() ? first.tauSyn(0) : 0, theta, bias,
        maxIncoming, Loihi2FixedPoint.DecayRounding.ENGINE_EXACT);
  }
}
