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
  private final double[] leak;

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
    leak = new double[cells];
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
      leak[n] = 1 - beta[n];
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
    if (st.clamped != null) {
      forwardRefractory(t, input, st);
      return;
    }
    int size = st.batch * cells;
    int base = t * size;
    double[] in = input;
    if (st.synaptic != null) {
      double[] syn = st.synapticNow;
      for (int o = 0; o < size; o += cells) {
        for (int n = 0; n < cells; n++) {
          syn[o + n] = alpha[n] * syn[o + n] + input[o + n];
        }
      }
      st.synaptic.write(base, syn, size);
      in = syn;
    }
    double[] u = st.membraneAfterReset;
    double[] v = st.vNow;
    double[] out = st.sNow;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        v[o + n] = beta[n] * u[o + n] + leak[n] * (in[o + n] + biasNow[n]);
      }
    }
    if (graded) {
      for (int k = 0; k < size; k++) {
        out[k] = Math.max(0, v[k]);
        u[k] = v[k];
      }
    } else {
      if (spike.smooth()) {
        for (int o = 0; o < size; o += cells) {
          for (int n = 0; n < cells; n++) {
            out[o + n] = spike.value(v[o + n] - theta[n]);
          }
        }
      } else {
        for (int o = 0; o < size; o += cells) {
          for (int n = 0; n < cells; n++) {
            out[o + n] = v[o + n] > theta[n] ? 1.0 : 0.0;
          }
        }
      }
      if (resetMode == ResetMode.SUBTRACT) {
        for (int o = 0; o < size; o += cells) {
          for (int n = 0; n < cells; n++) {
            u[o + n] = v[o + n] - theta[n] * out[o + n];
          }
        }
      } else {
        for (int k = 0; k < size; k++) {
          u[k] = v[k] * (1 - out[k]) + resetValue * out[k];
        }
      }
    }
    st.membrane.write(base, v, size);
    st.output.write(base, out, size);
  }

  private void forwardRefractory(int t, double[] input, PopulationState st) {
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
    if (st.clamped != null) {
      backwardRefractory(t, gradOutput, gradInput, st);
      return;
    }
    int size = st.batch * cells;
    double[] v = st.vNow;
    double[] s = st.sNow;
    if (t == st.steps - 1 || st.cachedStep != t) {
      st.membrane.read(t * size, v, size);
      st.output.read(t * size, s, size);
    } else {
      System.arraycopy(st.vPrev, 0, v, 0, size);
      System.arraycopy(st.sPrev, 0, s, 0, size);
    }
    // u[t−1], the membrane after reset one step earlier
    double[] before = st.vPrev;
    if (t == 0) {
      java.util.Arrays.fill(before, 0, size, 0);
      st.cachedStep = -1;
    } else {
      st.membrane.read((t - 1) * size, before, size);
      st.output.read((t - 1) * size, st.sPrev, size);
      st.cachedStep = t - 1;
    }
    double[] carry = st.gradMembraneCarry;
    double[] g = st.surrogate; // the gradient to the drive, per cell and batch element
    if (graded) {
      for (int k = 0; k < size; k++) {
        g[k] = carry[k] + (v[k] > 0 ? gradOutput[k] : 0);
      }
    } else {
      double[] sd = st.surrogate;
      spike.surrogate().derivatives(v, theta, cells, sd, size);
      double[] gTheta = st.gradThreshold;
      if (resetMode == ResetMode.SUBTRACT) {
        for (int o = 0; o < size; o += cells) {
          for (int n = 0; n < cells; n++) {
            int k = o + n;
            double gv = carry[k];
            double gs = gradOutput[k] - theta[n] * gv;
            gTheta[n] += -gs * sd[k] - gv * s[k];
            g[k] = gv + gs * sd[k];
          }
        }
      } else {
        for (int o = 0; o < size; o += cells) {
          for (int n = 0; n < cells; n++) {
            int k = o + n;
            double gv = carry[k];
            double gs = gradOutput[k] + gv * (resetValue - v[k]);
            gTheta[n] += -gs * sd[k];
            g[k] = gv * (1 - s[k]) + gs * sd[k];
          }
        }
      }
    }
    // u[t−1] from v[t−1] and s[t−1] (sPrev holds s[t−1])
    if (t > 0 && !graded) {
      double[] sp = st.sPrev;
      if (resetMode == ResetMode.SUBTRACT) {
        for (int o = 0; o < size; o += cells) {
          for (int n = 0; n < cells; n++) {
            st.surrogateBefore[o + n] = before[o + n] - theta[n] * sp[o + n];
          }
        }
      } else {
        for (int k = 0; k < size; k++) {
          st.surrogateBefore[k] = before[k] * (1 - sp[k]) + resetValue * sp[k];
        }
      }
    } else {
      System.arraycopy(before, 0, st.surrogateBefore, 0, size);
    }
    double[] ub = st.surrogateBefore;
    double[] gBeta = st.gradBeta;
    double[] gBias = st.gradBias;
    for (int o = 0; o < size; o += cells) {
      for (int n = 0; n < cells; n++) {
        int k = o + n;
        double gv = g[k];
        double drive = gv * leak[n];
        gBeta[n] += gv * (ub[k] - v[k]) / leak[n];
        gBias[n] += drive;
        carry[k] = gv * beta[n];
        gradInput[k] = drive;
      }
    }
    if (st.synaptic != null) {
      double[] sc = st.gradSynapticCarry;
      double[] synBefore = st.surrogateBefore;
      if (t == 0) {
        java.util.Arrays.fill(synBefore, 0, size, 0);
      } else {
        st.synaptic.read((t - 1) * size, synBefore, size);
      }
      for (int o = 0; o < size; o += cells) {
        for (int n = 0; n < cells; n++) {
          int k = o + n;
          double gs = gradInput[k] + sc[k];
          st.gradAlpha[n] += gs * synBefore[k];
          sc[k] = gs * alpha[n];
          gradInput[k] = gs;
        }
      }
    }
  }

  private void backwardRefractory(int t, double[] gradOutput, double[] gradInput, PopulationState st) {
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

  /** Membrane decay per step of cell {@code n}, exp(−dt/τ). */
  public double beta(int n) {
    return beta[n];
  }

  /** Synaptic decay per step of cell {@code n} (0 without a synaptic time constant). */
  public double alpha(int n) {
    return alpha[n];
  }

  /** The bias current of cell {@code n}. */
  public double bias(int n) {
    return biasNow[n];
  }

  public ResetMode resetMode() {
    return resetMode;
  }

  public double resetValue() {
    return resetValue;
  }

  /** Refractory period in steps. */
  public int refractorySteps() {
    return refractorySteps;
  }

  /** The threshold of cell {@code n}. */
  public double threshold(int n) {
    return at(threshold, n);
  }
}
