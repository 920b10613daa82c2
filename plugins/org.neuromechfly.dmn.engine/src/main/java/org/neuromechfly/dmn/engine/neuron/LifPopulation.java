package org.neuromechfly.dmn.engine.neuron;

import java.util.Arrays;
import org.neuromechfly.dmn.engine.Parameter;
import org.neuromechfly.dmn.engine.ParameterSet;
import org.neuromechfly.dmn.engine.Precision;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * A population of leaky integrate-and-fire cells in discrete time (step dt):
 *
 * <pre>
 *   syn[t]  = α · syn[t−1] + I[t]                       (only with a synaptic time constant)
 *   v[t]    = β · u[t−1] + (1 − β) · (syn[t] or I[t]) + (1 − β) · bias
 *   s[t]    = H(v[t] − θ)            spiking;   s[t] = max(0, v[t])  graded
 *   u[t]    = v[t] − θ·s[t]  (subtract)   or   v[t]·(1 − s[t]) + reset·s[t]  (to value)
 *   β = exp(−dt/τ_mem), α = exp(−dt/τ_syn), τ = τ_floor + softplus(raw)
 * </pre>
 *
 * The reset stays in the gradient (no detach), so the backward pass is the exact derivative of the
 * forward pass once the step is replaced by the surrogate. A refractory cell is clamped to the reset
 * value and cannot spike; the clamp is treated as a constant by the backward pass.
 *
 * <p>Parameters come from a {@link ParameterSet}: raw τ values, thresholds and biases, one per cell or
 * one shared per population or per cell type, learnable as the population declares.
 */
public final class LifPopulation {
  private final String name;
  private final int cells;
  private final double dt;
  private final double tauFloor;
  private final boolean graded;
  private final ResetMode resetMode;
  private final double resetValue;
  private final int refractorySteps;
  private final SpikeFunction spike;

  private final Parameter tauMem;
  private final Parameter tauSyn;
  private final Parameter threshold;
  private final Parameter bias;

  private final double[] beta;
  private final double[] alpha;
  private final double[] theta;
  private final double[] biasNow;

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
    this.graded = model.graded();
    this.resetMode = model.resetMode();
    this.resetValue = model.reset();
    this.refractorySteps = (int) Math.round(model.refractory().si() / dt);
    this.spike = spike;
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
    beta = new double[cells];
    alpha = new double[cells];
    theta = new double[cells];
    biasNow = new double[cells];
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
    return graded;
  }

  /** Allocates the traces of one episode. */
  public PopulationState newState(Precision precision, int steps, int batch) {
    return new PopulationState(
        precision, steps, batch, cells, tauSyn != null, refractorySteps > 0 && !spike.smooth());
  }

  /** Maps raw parameters to per-cell physical values; call after every optimiser step. */
  public void prepare() {
    for (int n = 0; n < cells; n++) {
      double tau = PositiveParameter.value(at(tauMem, n), tauFloor);
      beta[n] = Math.exp(-dt / tau);
      alpha[n] = tauSyn == null ? 0 : Math.exp(-dt / PositiveParameter.value(at(tauSyn, n), tauFloor));
      theta[n] = at(threshold, n);
      biasNow[n] = at(bias, n);
    }
  }

  private static double at(Parameter p, int n) {
    return p.value()[p.size() == 1 ? 0 : n];
  }

  /** Resets the running state to rest before an episode. */
  public void begin(PopulationState st) {
    Arrays.fill(st.membraneAfterReset, 0);
    Arrays.fill(st.synapticNow, 0);
    Arrays.fill(st.refractoryLeft, 0);
  }

  /**
   * Advances one step.
   *
   * @param t step index
   * @param input synaptic plus external input current {@code [B][N]}, without the bias
   */
  public void forward(int t, double[] input, PopulationState st) {
    int base = t * st.batch * cells;
    for (int b = 0; b < st.batch; b++) {
      for (int n = 0; n < cells; n++) {
        int k = b * cells + n;
        int at = base + k;
        double current = input[k];
        if (st.synaptic != null) {
          current = alpha[n] * st.synapticNow[k] + current;
          st.synapticNow[k] = current;
          st.synaptic.set(at, current);
        }
        if (st.clamped != null && st.refractoryLeft[k] > 0) {
          st.refractoryLeft[k]--;
          st.clamped[at] = 1;
          st.membrane.set(at, resetValue);
          st.output.set(at, 0);
          st.membraneAfterReset[k] = resetValue;
          continue;
        }
        double v = beta[n] * st.membraneAfterReset[k] + (1 - beta[n]) * (current + biasNow[n]);
        st.membrane.set(at, v);
        if (graded) {
          st.output.set(at, Math.max(0, v));
          st.membraneAfterReset[k] = v;
          continue;
        }
        double s = spike.value(v - theta[n]);
        st.output.set(at, s);
        st.membraneAfterReset[k] =
            resetMode == ResetMode.SUBTRACT ? v - theta[n] * s : v * (1 - s) + resetValue * s;
        if (s > 0 && st.clamped != null) {
          st.refractoryLeft[k] = refractorySteps;
        }
      }
    }
  }

  /** Clears the backward carries and accumulators; call once before the first backward step. */
  public void beginBackward(PopulationState st) {
    st.beginBackward();
  }

  /**
   * One reverse step: from d loss / d output at step t (and the carries from step t+1) to d loss / d
   * input current at step t; accumulates the per-cell parameter gradients.
   */
  public void backward(int t, double[] gradOutput, double[] gradInput, PopulationState st) {
    int base = t * st.batch * cells;
    int previous = (t - 1) * st.batch * cells;
    for (int b = 0; b < st.batch; b++) {
      for (int n = 0; n < cells; n++) {
        int k = b * cells + n;
        int at = base + k;
        double gradDrive;
        if (st.clamped != null && st.clamped[at] == 1) {
          gradDrive = 0;
          st.gradMembraneCarry[k] = 0;
        } else {
          double v = st.membrane.get(at);
          double gv = st.gradMembraneCarry[k];
          if (graded) {
            gv += v > 0 ? gradOutput[k] : 0;
          } else {
            double x = v - theta[n];
            double sd = spike.derivative(x);
            double s = st.output.get(at);
            if (resetMode == ResetMode.SUBTRACT) {
              double gs = gradOutput[k] - theta[n] * gv;
              st.gradThreshold[n] += -gs * sd - gv * s;
              gv = gv + gs * sd;
            } else {
              double gs = gradOutput[k] + gv * (resetValue - v);
              st.gradThreshold[n] += -gs * sd;
              gv = gv * (1 - s) + gs * sd;
            }
          }
          double before = t == 0 ? 0 : membraneAfterReset(st, previous + k, n);
          gradDrive = gv * (1 - beta[n]);
          st.gradBeta[n] += gv * (before - v) / (1 - beta[n]);
          st.gradBias[n] += gradDrive;
          st.gradMembraneCarry[k] = gv * beta[n];
        }
        if (st.synaptic != null) {
          double gs = gradDrive + st.gradSynapticCarry[k];
          double before = t == 0 ? 0 : st.synaptic.get(previous + k);
          st.gradAlpha[n] += gs * before;
          st.gradSynapticCarry[k] = gs * alpha[n];
          gradInput[k] = gs;
        } else {
          gradInput[k] = gradDrive;
        }
      }
    }
  }

  private double membraneAfterReset(PopulationState st, int at, int n) {
    if (st.clamped != null && st.clamped[at] == 1) {
      return resetValue;
    }
    double v = st.membrane.get(at);
    if (graded) {
      return v;
    }
    double s = st.output.get(at);
    return resetMode == ResetMode.SUBTRACT ? v - theta[n] * s : v * (1 - s) + resetValue * s;
  }

  /** Adds the accumulated per-cell gradients to the (possibly shared) raw parameters. */
  public void finishBackward(PopulationState st) {
    for (int n = 0; n < cells; n++) {
      int i = tauMem.size() == 1 ? 0 : n;
      double tau = PositiveParameter.value(tauMem.value()[i], tauFloor);
      tauMem.gradient()[i] +=
          st.gradBeta[n] * beta[n] * dt / (tau * tau) * PositiveParameter.derivative(tauMem.value()[i]);
      if (tauSyn != null) {
        int j = tauSyn.size() == 1 ? 0 : n;
        double ts = PositiveParameter.value(tauSyn.value()[j], tauFloor);
        tauSyn.gradient()[j] +=
            st.gradAlpha[n] * alpha[n] * dt / (ts * ts) * PositiveParameter.derivative(tauSyn.value()[j]);
      }
      threshold.gradient()[threshold.size() == 1 ? 0 : n] += st.gradThreshold[n];
      bias.gradient()[bias.size() == 1 ? 0 : n] += st.gradBias[n];
    }
  }

  /** The membrane time constant of cell {@code n} in seconds. */
  public double tauMem(int n) {
    return PositiveParameter.value(at(tauMem, n), tauFloor);
  }

  /** The threshold of cell {@code n}. */
  public double threshold(int n) {
    return at(threshold, n);
  }
}
