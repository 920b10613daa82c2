package org.neuromechfly.dmn.engine.neuron;

import java.util.Arrays;
import org.neuromechfly.dmn.engine.parameter.Parameter;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * A population of leaky integrate-and-fire cells in discrete time (step dt) over an episode: the
 * stateful wrapper around the pure {@link LifStep} (masked by {@link Refractoriness} when the cells
 * have a refractory period) that records the traces BPTT needs in a {@link PopulationState} and maps
 * per-cell gradients back to its parameters.
 *
 * <p>Parameters come from a {@link ParameterSet}: raw τ values (τ = τ_floor + softplus(raw)),
 * thresholds and biases, one per cell or one shared per population or per cell type, learnable as the
 * population declares.
 */
public final class LifPopulation {
  private final String name;
  private final int cells;
  private final double dt;
  private final double tauFloor;
  private final int refractorySteps;
  private final RefractoryMode refractoryMode;
  /**
   * Frozen refractory periods that change the step: they drop input and clear the synaptic current
   * (the membrane, reset to its value by the spike, is held there as a clamp holds it).
   */
  private final boolean freezes;
  private final LifCells step;

  private final Parameter tauMem;
  private final Parameter tauSyn;
  private final Parameter threshold;
  private final Parameter bias;

  /**
   * @param population the IR population
   * @param dt time step in seconds
   * @param tauFloor smallest time constant in seconds training can reach
   * @param spike spike function (step or smooth) and surrogate
   * @param parameters where to create (or find shared) parameters
   */
  public LifPopulation(
      Population population, double dt, double tauFloor, SpikeFunction spike, ParameterSet parameters) {
    NeuronModel model = population.neuron();
    this.name = population.name();
    this.cells = population.count();
    this.dt = dt;
    this.tauFloor = tauFloor;
    this.refractorySteps = (int) Math.round(model.refractory().si() / dt);
    this.refractoryMode = model.refractoryBehaviour();
    this.freezes = refractoryMode == RefractoryMode.FREEZE && refractorySteps > 0 && model.tauSyn() != null
        && model.tauSyn().si() > 0;
    double tauM = Math.max(model.tauMem().si(), tauFloor * 1.0001);
    this.tauMem =
        parameter(population, parameters, LearnableParameter.TAU_MEM, PositiveParameter.raw(tauM, tauFloor));
    this.tauSyn =
        model.tauSyn() == null || model.tauSyn().si() <= 0
            ? null
            : parameter(
                population,
                parameters,
                LearnableParameter.TAU_SYN,
                PositiveParameter.raw(Math.max(model.tauSyn().si(), tauFloor * 1.0001), tauFloor));
    this.threshold = parameter(population, parameters, LearnableParameter.THRESHOLD, model.threshold());
    this.bias = parameter(population, parameters, LearnableParameter.BIAS, model.bias());
    this.step = new LifCells(cells, model.graded(), model.resetMode(), model.reset(), spike, tauSyn != null);
  }

  private static Parameter parameter(
      Population population, ParameterSet parameters, LearnableParameter kind, double initial) {
    int size = population.sharing() == ParameterSharing.PER_NEURON ? population.count() : 1;
    String owner =
        population.sharing() == ParameterSharing.PER_CELL_TYPE
            ? "type:" + population.cellType()
            : population.name();
    double[] values = new double[size];
    Arrays.fill(values, initial);
    return parameters.getOrCreate(owner + "." + kind.keyword(), values, population.learns(kind));
  }

  public String name() {
    return name;
  }

  public int cells() {
    return cells;
  }

  public boolean graded() {
    return step.graded;
  }

  /**
   * The per-cell constants the pure step functions ({@link LifStep}, {@link Refractoriness}) read, as
   * {@link #prepare()} last set them: for code that runs the step over state of its own.
   */
  public LifCells stepConstants() {
    return step;
  }

  /** Allocates the traces of one episode. */
  public PopulationState newState(Precision precision, int steps, int batch) {
    return newState(precision, steps, steps, batch);
  }

  /**
   * Allocates traces that hold {@code rows} consecutive steps of an episode of {@code steps} (a
   * segment and the steps before it, in a kernel that recomputes segments).
   */
  public PopulationState newState(Precision precision, int steps, int rows, int batch) {
    return new PopulationState(precision, steps, rows, batch, cells, synapticCurrent(), refractorySteps > 0);
  }

  /** Whether the cells integrate a synaptic current (a {@code tau_syn}), which the traces then record. */
  public boolean synapticCurrent() {
    return tauSyn != null;
  }

  /** Maps raw parameters to per-cell physical values; call after every optimiser step. */
  public void prepare() {
    for (int n = 0; n < cells; n++) {
      double tau = PositiveParameter.value(at(tauMem, n), tauFloor);
      step.beta[n] = Math.exp(-dt / tau);
      step.alpha[n] = tauSyn == null ? 0 : Math.exp(-dt / PositiveParameter.value(at(tauSyn, n), tauFloor));
      step.theta[n] = at(threshold, n);
      step.bias[n] = at(bias, n);
      step.leak[n] = 1 - step.beta[n];
    }
    if (step.loihi != null) {
      useLoihi(step.loihi); // stays in Loihi mode: its 12-bit decays replace the float ones
    }
  }

  private static double at(Parameter p, int n) {
    return p.value()[p.size() == 1 ? 0 : n];
  }

  /** Resets the running state to rest before an episode. */
  public void begin(PopulationState st) {
    st.cachedStep = -1; // a new episode: nothing read back or written yet
    st.exactStep = -1;
    Arrays.fill(st.membraneAfterReset, 0);
    Arrays.fill(st.synapticNow, 0);
    Arrays.fill(st.refractoryLeft, 0);
  }

  /**
   * Advances one step and records it.
   *
   * @param t step index
   * @param input synaptic plus external input current {@code [B][N]}, without the bias; under frozen
   *     refractory periods the entries of cells that drop their input are zeroed
   */
  public void forward(int t, double[] input, PopulationState st) {
    int size = st.batch * cells;
    int base = st.offset(t);
    boolean refracts = st.clamped != null && step.loihi == null; // Loihi's CUBA neuron has no refractory period
    if (refracts && freezes) {
      Refractoriness.dropInput(st.refractoryLeft, input, st.synapticNow, size);
    }
    LifStep.forward(step, input, st.synapticNow, st.membraneAfterReset, st.vNow, st.sNow, size);
    if (refracts) {
      Refractoriness.forward(step, refractorySteps, freezes, st.refractoryLeft, st.clamped, base,
          st.vNow, st.sNow, st.membraneAfterReset, size);
    }
    if (st.synaptic != null) {
      st.synaptic.write(base, st.synapticNow, size);
    }
    st.membrane.write(base, st.vNow, size);
    st.output.write(base, st.sNow, size);
    // spikes (0 or 1) are stored exactly in any precision: readers of this step may copy them from sNow
    st.exactStep = step.loihi != null || !(step.graded || step.spike.smooth()) ? t : -1;
  }

  /** Clears the backward carries and accumulators; call once before the first backward step. */
  public void beginBackward(PopulationState st) {
    st.beginBackward();
  }

  /**
   * One reverse step: from d loss / d output at step t (and the carries from step t+1) to d loss / d
   * input current at step t; accumulates the per-cell parameter gradients. {@code gradOutput} may be
   * overwritten.
   */
  public void backward(int t, double[] gradOutput, double[] gradInput, PopulationState st) {
    int size = st.batch * cells;
    st.exactStep = -1; // sNow is about to hold step t's output as read back, or the buffer swapped in
    int base = st.offset(t);
    if (t == st.steps - 1 || st.cachedStep != t) {
      st.membrane.read(base, st.vNow, size);
      st.output.read(base, st.sNow, size);
    } else {
      st.promotePrevious();
    }
    double[] v = st.vNow;
    double[] s = st.sNow;
    // v[t−1] and s[t−1], from which the step reconstructs u[t−1], the membrane after reset one step earlier
    if (t == 0) {
      Arrays.fill(st.vPrev, 0, size, 0);
      Arrays.fill(st.sPrev, 0, size, 0);
      st.cachedStep = -1;
    } else {
      int previous = st.offset(t - 1);
      st.membrane.read(previous, st.vPrev, size);
      st.output.read(previous, st.sPrev, size);
      st.cachedStep = t - 1;
    }
    if (st.clamped != null && step.loihi == null) { // Loihi's CUBA neuron has no refractory period
      Refractoriness.backward(st.clamped, base, gradOutput, st.gradMembraneCarry, size);
    }
    LifStep.backward(step, v, s, st.vPrev, st.sPrev, gradOutput, st.gradMembraneCarry, st.cellRows, gradInput,
        st.gradients, size);
    if (st.synaptic != null) {
      double[] before = st.before;
      if (t == 0) {
        Arrays.fill(before, 0, size, 0);
      } else {
        st.synaptic.read(st.offset(t - 1), before, size);
      }
      if (freezes && step.loihi == null) {
        Refractoriness.backwardCleared(st.clamped, base, gradInput, st.gradSynapticCarry, size);
      }
      LifStep.backwardSynapse(step, before, gradInput, st.gradSynapticCarry, st.gradients, size);
    }
  }

  /** Truncates BPTT before the step last run backward: the state it started from becomes a constant. */
  public void cutBackward(PopulationState st) {
    Arrays.fill(st.gradMembraneCarry, 0);
    Arrays.fill(st.gradSynapticCarry, 0);
  }

  /** Adds the accumulated per-cell gradients to the (possibly shared) raw parameters. */
  public void finishBackward(PopulationState st) {
    CellGradients g = st.gradients;
    for (int n = 0; n < cells; n++) {
      int i = tauMem.size() == 1 ? 0 : n;
      double tau = PositiveParameter.value(tauMem.value()[i], tauFloor);
      // dβ/dτ of the unquantised β: in Loihi mode the 12-bit decay passes the gradient straight through
      tauMem.gradient()[i] +=
          g.beta[n] * Math.exp(-dt / tau) * dt / (tau * tau) * PositiveParameter.derivative(tauMem.value()[i]);
      if (tauSyn != null) {
        int j = tauSyn.size() == 1 ? 0 : n;
        double ts = PositiveParameter.value(tauSyn.value()[j], tauFloor);
        tauSyn.gradient()[j] +=
            g.alpha[n] * Math.exp(-dt / ts) * dt / (ts * ts) * PositiveParameter.derivative(tauSyn.value()[j]);
      }
      threshold.gradient()[threshold.size() == 1 ? 0 : n] += g.threshold[n];
      bias.gradient()[bias.size() == 1 ? 0 : n] += g.bias[n];
    }
  }

  /**
   * Puts the cells into Loihi mode with these integers ({@code null}: back to float): the step then
   * computes Lava's bit-accurate CUBA neuron (see {@link LifStep}), and the decays it uses backward are
   * the 12-bit ones. Call after {@link #prepare()}, which refreshes the float values.
   */
  public void useLoihi(LoihiCells integers) {
    step.loihi = integers;
    if (integers == null) {
      return;
    }
    if (integers.scale().length != cells) {
      throw new IllegalArgumentException(name + ": Loihi integers for " + integers.scale().length + " of " + cells
          + " cells");
    }
    double leak = integers.vDecay() / (double) LoihiCells.DECAY_UNITY;
    double alpha = 1 - integers.iDecay() / (double) LoihiCells.DECAY_UNITY;
    for (int n = 0; n < cells; n++) {
      step.leak[n] = leak;
      step.beta[n] = 1 - leak;
      step.alpha[n] = tauSyn == null ? 0 : alpha;
    }
  }

  /** The Loihi integers the cells run with, or {@code null} in float mode. */
  public LoihiCells loihi() {
    return step.loihi;
  }

  /** Whether the cells have a synaptic current (a synaptic time constant). */
  public boolean synaptic() {
    return tauSyn != null;
  }

  /** The synaptic time constant of cell {@code n} in seconds (0 without a synaptic current). */
  public double tauSyn(int n) {
    return tauSyn == null ? 0 : PositiveParameter.value(at(tauSyn, n), tauFloor);
  }

  /** The membrane time constant of cell {@code n} in seconds. */
  public double tauMem(int n) {
    return PositiveParameter.value(at(tauMem, n), tauFloor);
  }

  /** Membrane decay per step of cell {@code n}, exp(−dt/τ). */
  public double beta(int n) {
    return step.beta[n];
  }

  /** Synaptic decay per step of cell {@code n} (0 without a synaptic time constant). */
  public double alpha(int n) {
    return step.alpha[n];
  }

  /** The bias current of cell {@code n}. */
  public double bias(int n) {
    return step.bias[n];
  }

  public ResetMode resetMode() {
    return step.resetMode;
  }

  public double resetValue() {
    return step.resetValue;
  }

  /** Refractory period in steps. */
  public int refractorySteps() {
    return refractorySteps;
  }

  /** What the refractory period does to the cells. */
  public RefractoryMode refractoryMode() {
    return refractoryMode;
  }

  /** The threshold of cell {@code n}. */
  public double threshold(int n) {
    return at(threshold, n);
  }
}
