package org.neuromechfly.dmn.engine.synapse;

import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.engine.neuron.Precision;

/**
 * A projection's synapses during training: effective weights {@code sign × magnitude(raw)} per edge,
 * a fixed integer delay of at least one step, and the three products BPTT needs — the input current
 * (forward), the gradient to presynaptic outputs and the gradient to the weights (backward). Raw
 * magnitudes live in one {@link Parameter} in the wiring's edge order (rows by target), whatever the
 * layout, so checkpoints do not depend on the kernel chosen.
 */
public abstract sealed class Synapses permits DenseSynapses, SparseSynapses {
  protected final EdgeArrays edges;
  protected final int sourcePopulation;
  protected final int targetPopulation;
  protected final int delay;
  protected final Magnitude magnitude;
  protected final Parameter raw;
  /** Log of the projection's gain: weights are sign × e^gain × magnitude(raw). */
  protected final Parameter gain;
  protected final int[] targetOfEdge;
  private double scale;
  private double gainGradient;
  /** The weights of the forward pass in Loihi mode (integers in the engine's units), else null. */
  private double[] forwardWeights;

  protected Synapses(
      EdgeArrays edges,
      int sourcePopulation,
      int targetPopulation,
      int delay,
      Magnitude magnitude,
      ParameterSet parameters) {
    if (delay < 1) {
      throw new IllegalArgumentException(edges.projection().label() + ": delay must be >= 1 step");
    }
    this.edges = edges;
    this.sourcePopulation = sourcePopulation;
    this.targetPopulation = targetPopulation;
    this.delay = delay;
    this.magnitude = magnitude;
    double[] initial = new double[edges.edgeCount()];
    for (int e = 0; e < initial.length; e++) {
      initial[e] = magnitude.raw(edges.magnitudes()[e]);
    }
    boolean learns = edges.projection().learnable() && edges.sign() != 0;
    this.raw = parameters.getOrCreate("w:" + edges.projection().label(), initial, learns);
    // A gain per projection, set by the initial rate calibration (RateCalibration) and not trained:
    // tried as a learnable log-gain with raw values normalised to O(1), per-edge steps became too
    // small to learn within the time budget.
    this.gain = parameters.getOrCreate("gain:" + edges.projection().label(), new double[] {0.0}, false);
    this.targetOfEdge = edges.targetIndex();
  }

  /** Chooses the layout: masked dense above a density, edge lists below it. */
  public static Synapses create(
      EdgeArrays edges,
      int sourcePopulation,
      int targetPopulation,
      int delay,
      Magnitude magnitude,
      ParameterSet parameters,
      SynapseLayout layout,
      Precision precision) {
    boolean dense =
        switch (layout.kind()) {
          case DENSE -> true;
          case SPARSE -> false;
          case AUTO -> edges.density() >= layout.denseAbove();
        };
    return dense
        ? new DenseSynapses(
            edges, sourcePopulation, targetPopulation, delay, magnitude, parameters, layout, precision)
        : new SparseSynapses(edges, sourcePopulation, targetPopulation, delay, magnitude, parameters);
  }

  public String label() {
    return edges.projection().label();
  }

  public int sourcePopulation() {
    return sourcePopulation;
  }

  public int targetPopulation() {
    return targetPopulation;
  }

  /** Delay in steps (≥ 1): the target at step t sees the source's output at step t − delay. */
  public int delay() {
    return delay;
  }

  public EdgeArrays edges() {
    return edges;
  }

  /** Effective signed weight of edge {@code e} (wiring order). */
  public double weight(int e) {
    return edges.sign(e) * scale * magnitude.value(raw.value()[e]);
  }

  /**
   * The weight of edge {@code e} as the forward pass uses it: the effective weight, or in Loihi mode
   * the integer weight Loihi 2 runs (expressed in the engine's units).
   */
  public double forwardWeight(int e) {
    return forwardWeights == null ? weight(e) : forwardWeights[e];
  }

  /**
   * Runs the forward pass (and the gradient to presynaptic outputs) with these per-edge weights instead
   * of the effective ones, {@code null} to go back. The weight gradient is still taken as that of the
   * effective weight: the quantisation passes it straight through.
   */
  public void useForwardWeights(double[] perEdge) {
    if (perEdge != null && perEdge.length != edges.edgeCount()) {
      throw new IllegalArgumentException(label() + ": " + perEdge.length + " forward weights for "
          + edges.edgeCount() + " edges");
    }
    forwardWeights = perEdge;
    load();
  }

  /** Fills the layout's weight arrays from {@link #forwardWeight}. */
  protected abstract void load();

  /** Recomputes the gain factor; subclasses call this first in {@link #prepare()}. */
  protected void prepareScale() {
    scale = Math.exp(gain.value()[0]);
  }

  /** The projection's gain factor e^gain. */
  public double scale() {
    return scale;
  }

  /** Log-gain parameter. */
  public Parameter gain() {
    return gain;
  }

  /** Recomputes effective weights from the raw parameter; call after every optimiser step. */
  public void prepare() {
    prepareScale();
    load();
  }

  /**
   * Adds {@code W·source} to {@code targetInput}; both {@code [B][N]} flattened, {@code active} the
   * source's non-zero entries.
   */
  public abstract void forward(double[] source, ActiveCells active, double[] targetInput, int batch);

  /**
   * Adds {@code Wᵀ·gradTarget} to {@code gradSource} and {@code source ⊗ gradTarget} to the weight
   * accumulator from {@link #newAccumulator()}; {@code active} are the source's non-zero entries.
   */
  public abstract void backward(double[] source, ActiveCells active, double[] gradTarget, double[] gradSource,
      double[] accumulator, int batch);

  /** A zeroed weight-gradient accumulator in this layout. */
  public abstract double[] newAccumulator();

  /** Adds an accumulator, mapped through sign and magnitude, to the raw parameter's gradient. */
  public abstract void finishBackward(double[] accumulator);

  /** The raw magnitudes (wiring edge order), live. */
  public Parameter rawMagnitudes() {
    return raw;
  }

  /** Multiplies every weight by {@code factor} relative to the log-gain {@code originalGain}. */
  public void scaleFrom(double originalGain, double factor) {
    gain.value()[0] = originalGain + Math.log(factor);
  }

  protected void addEdgeGradient(int e, double gradWeight) {
    double r = raw.value()[e];
    int sign = edges.sign(e);
    raw.gradient()[e] += sign * scale * magnitude.derivative(r) * gradWeight;
    gainGradient += sign * scale * magnitude.value(r) * gradWeight;
  }

  /** Starts collecting edge gradients (call before the first {@link #addEdgeGradient}). */
  protected void beginEdgeGradients() {
    gainGradient = 0;
  }

  /** Adds the collected log-gain gradient. */
  protected void endEdgeGradients() {
    gain.gradient()[0] += gainGradient;
  }
}
