package org.neuromechfly.dmn.engine.samediff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuromechfly.dmn.engine.parameter.ParameterSet;
import org.neuromechfly.dmn.engine.neuron.Precision;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.neuron.LifPopulation;
import org.neuromechfly.dmn.engine.synapse.Synapses;

/**
 * The network over a fixed chunk of K steps as one SameDiff graph whose state is passed in and out
 * ({@link ChunkState}), so that one graph of fixed size serves an episode of any length: SameDiff
 * spends ~150–230 µs per op and its gradient graph grows ~T² with an unrolled episode
 * (ARCHITECTURE.md). All populations are stepped side by side on {@code [B, N]} rows (N = all cells,
 * {@link SideBySideLif}); each projection reads its source's columns of an earlier step's row.
 *
 * <p>Inputs: {@value #DRIVE} {@code [K, B, N]} (external current into every cell: the world's sensory
 * populations get theirs, every other cell zero) and the start state. Outputs: {@value #OUTPUT} {@code [K, B, N]} and the end state. A training
 * graph adds placeholders {@value #READOUT} {@code [K, B, N]} (d loss / d output from the world and
 * the activity losses) and the end state's adjoint λ, and the loss
 * {@code Σ readout · output + Σ λ · end state}: its gradients are the chunk's share of the parameter
 * gradients and the adjoint of the start state, which is the previous chunk's λ (exact BPTT across
 * chunks).
 */
final class ChunkGraph {
  static final String DRIVE = "drive";
  static final String MEMBRANE_IN = "membrane_in";
  static final String SYNAPTIC_IN = "synaptic_in";
  static final String HISTORY_IN = "history_in";
  static final String REFRACTORY_IN = "refractory_in";
  static final String OUTPUT = "output";
  static final String MEMBRANE_OUT = "membrane_out";
  static final String SYNAPTIC_OUT = "synaptic_out";
  static final String HISTORY_OUT = "history_out";
  static final String REFRACTORY_OUT = "refractory_out";
  static final String READOUT = "readout";
  static final String MEMBRANE_ADJOINT = "membrane_adjoint";
  static final String SYNAPTIC_ADJOINT = "synaptic_adjoint";
  static final String HISTORY_ADJOINT = "history_adjoint";
  static final String LOSS = "loss";

  private final SameDiff sd = SameDiff.create();
  private final NetworkVariables vars;
  private final DataType type;
  private final int steps;
  private final int batch;
  private final int cells;
  private final int history;
  private final int[] offset;
  private final boolean synaptic;
  private final boolean refractory;
  private final boolean training;
  private final List<String> gradientTargets = new ArrayList<>();

  // graph under construction
  private final List<SDVariable> outputs = new ArrayList<>();
  private final Map<Long, SDVariable> sourceRows = new HashMap<>();
  private SDVariable[] historyRows;

  /**
   * @param net the network (its parameters become the graph's variables)
   * @param steps K, steps per chunk
   * @param batch episodes side by side
   * @param training whether to add the loss and the gradient function
   */
  ChunkGraph(Network net, int steps, int batch, boolean training) {
    this.type = net.options().precision() == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    this.vars = new NetworkVariables(sd, net, type);
    this.steps = steps;
    this.batch = batch;
    this.training = training;
    List<LifPopulation> pops = net.populations();
    int np = pops.size();
    offset = new int[np + 1];
    for (int p = 0; p < np; p++) {
      offset[p + 1] = offset[p] + pops.get(p).cells();
    }
    cells = offset[np];
    history = net.maxDelay();

    SideBySideLif lif = new SideBySideLif(sd, vars, pops, net.options(), type);
    synaptic = lif.synaptic();
    refractory = lif.refractory();
    List<Synapses> syn = net.synapses();
    SDVariable[] weights = new SDVariable[syn.size()];
    for (int q = 0; q < syn.size(); q++) {
      weights[q] = vars.weights(syn.get(q));
    }
    SDVariable[] silent = new SDVariable[np];
    for (int p = 0; p < np; p++) {
      silent[p] = sd.constant(Nd4j.zeros(type, batch, pops.get(p).cells()));
    }

    SDVariable drive = sd.placeHolder(DRIVE, type, steps, batch, cells);
    SDVariable u = sd.placeHolder(MEMBRANE_IN, type, batch, cells);
    SDVariable current = synaptic ? sd.placeHolder(SYNAPTIC_IN, type, batch, cells) : null;
    SDVariable left = refractory ? sd.placeHolder(REFRACTORY_IN, type, batch, cells) : null;
    SDVariable historyIn = sd.placeHolder(HISTORY_IN, type, history, batch, cells);
    // unstack, not get(point(i), …): strided_slice_bp fails on the last index of an axis (M2.1)
    historyRows = sd.unstack(historyIn, 0, history);
    SDVariable[] driveRows = sd.unstack(drive, 0, steps);
    for (int j = 0; j < steps; j++) {
      // every projection delays by at least one step: this step's input is all in the past
      SDVariable[] input = new SDVariable[np];
      for (int q = 0; q < syn.size(); q++) {
        Synapses s = syn.get(q);
        SDVariable x = sourceOutput(s.sourcePopulation(), j - s.delay()).mmul(weights[q]);
        int tp = s.targetPopulation();
        input[tp] = input[tp] == null ? x : input[tp].add(x);
      }
      for (int p = 0; p < np; p++) {
        if (input[p] == null) {
          input[p] = silent[p];
        }
      }
      // the world's current enters every cell (zero outside its sensory populations)
      SDVariable all = (np == 1 ? input[0] : sd.concat(1, input)).add(driveRows[j]);
      SideBySideLif.Step step = lif.advance(u, current, all, left);
      u = step.membrane();
      current = step.current();
      left = step.refractoryLeft();
      outputs.add(step.output());
    }
    SDVariable output = sd.stack(OUTPUT, 0, outputs.toArray(new SDVariable[0]));
    SDVariable membraneOut = sd.identity(MEMBRANE_OUT, u);
    SDVariable synapticOut = synaptic ? sd.identity(SYNAPTIC_OUT, current) : null;
    if (refractory) {
      sd.identity(REFRACTORY_OUT, left);
    }
    SDVariable[] last = new SDVariable[history];
    for (int r = 0; r < history; r++) {
      int j = steps - history + r;
      last[r] = j >= 0 ? outputs.get(j) : historyRows[steps + r];
    }
    SDVariable historyOut = sd.stack(HISTORY_OUT, 0, last);
    if (training) {
      SDVariable readout = sd.placeHolder(READOUT, type, steps, batch, cells);
      SDVariable loss = output.mul(readout).sum()
          .add(membraneOut.mul(sd.placeHolder(MEMBRANE_ADJOINT, type, batch, cells)).sum())
          .add(historyOut.mul(sd.placeHolder(HISTORY_ADJOINT, type, history, batch, cells)).sum());
      if (synaptic) {
        loss = loss.add(synapticOut.mul(sd.placeHolder(SYNAPTIC_ADJOINT, type, batch, cells)).sum());
      }
      sd.identity(LOSS, loss);
      sd.setLossVariables(LOSS);
      gradientTargets.addAll(vars.names().values());
      List<String> state = new ArrayList<>(List.of(DRIVE, MEMBRANE_IN, HISTORY_IN));
      if (synaptic) {
        state.add(SYNAPTIC_IN);
      }
      gradientTargets.addAll(state);
      // ND4J 1.0.0-M2.1 prints one line per op to System.out while it builds the gradient graph
      QuietConsole.run(() -> sd.createGradFunction(state.toArray(new String[0])));
    }
    outputs.clear();
    sourceRows.clear();
  }

  /** The rest state: everything zero (no output before the episode's first step). */
  ChunkState rest() {
    return new ChunkState(Nd4j.zeros(type, batch, cells), synaptic ? Nd4j.zeros(type, batch, cells) : null,
        Nd4j.zeros(type, history, batch, cells), refractory ? Nd4j.zeros(type, batch, cells) : null);
  }

  /** Copies the network's current parameter values into the graph. */
  void load(ParameterSet parameters) {
    vars.load(parameters);
  }

  /**
   * Runs the chunk forward.
   *
   * @param drive {@code [K, B, N]}
   * @return the outputs {@code [K, B, N]} and the end state
   */
  Result run(INDArray drive, ChunkState start) {
    List<String> wanted = new ArrayList<>(List.of(OUTPUT, MEMBRANE_OUT, HISTORY_OUT));
    if (synaptic) {
      wanted.add(SYNAPTIC_OUT);
    }
    if (refractory) {
      wanted.add(REFRACTORY_OUT);
    }
    Map<String, INDArray> out = sd.output(feed(drive, start), wanted.toArray(new String[0]));
    // copies: the end state is kept as the next chunk's start for the whole episode
    return new Result(out.get(OUTPUT), new ChunkState(out.get(MEMBRANE_OUT).dup(),
        synaptic ? out.get(SYNAPTIC_OUT).dup() : null, out.get(HISTORY_OUT).dup(),
        refractory ? out.get(REFRACTORY_OUT).dup() : null));
  }

  /**
   * Backpropagates through the chunk: adds the parameter gradients to {@code parameters} and returns
   * the start state's adjoint and d loss / d drive.
   *
   * @param readout d loss / d output {@code [K, B, N]} from outside the network
   * @param adjoint d loss / d end state (the next chunk's start adjoint; zero after the last chunk)
   */
  Adjoint backward(INDArray drive, ChunkState start, INDArray readout, ChunkState adjoint, ParameterSet parameters) {
    if (!training) {
      throw new IllegalStateException("a forward-only chunk graph has no gradient");
    }
    Map<String, INDArray> feed = feed(drive, start);
    feed.put(READOUT, readout);
    feed.put(MEMBRANE_ADJOINT, adjoint.membrane());
    feed.put(HISTORY_ADJOINT, adjoint.history());
    if (synaptic) {
      feed.put(SYNAPTIC_ADJOINT, adjoint.synaptic());
    }
    Map<String, INDArray> g = sd.calculateGradients(feed, gradientTargets);
    vars.addGradients(g, parameters);
    return new Adjoint(new ChunkState(orZero(g.get(MEMBRANE_IN), start.membrane()),
        synaptic ? orZero(g.get(SYNAPTIC_IN), start.synaptic()) : null, orZero(g.get(HISTORY_IN), start.history()),
        null), orZero(g.get(DRIVE), drive));
  }

  int steps() {
    return steps;
  }

  /** All cells of all populations side by side. */
  int cells() {
    return cells;
  }

  /** First cell of population p in a row (p = population count gives {@link #cells()}). */
  int offset(int p) {
    return offset[p];
  }

  DataType type() {
    return type;
  }

  SameDiff sameDiff() {
    return sd;
  }

  /** A chunk's outputs and end state. */
  record Result(INDArray output, ChunkState end) {}

  /** d loss / d start state and d loss / d drive of a chunk. */
  record Adjoint(ChunkState start, INDArray drive) {}

  private Map<String, INDArray> feed(INDArray drive, ChunkState start) {
    Map<String, INDArray> m = new HashMap<>();
    m.put(DRIVE, drive);
    m.put(MEMBRANE_IN, start.membrane());
    m.put(HISTORY_IN, start.history());
    if (synaptic) {
      m.put(SYNAPTIC_IN, start.synaptic());
    }
    if (refractory) {
      m.put(REFRACTORY_IN, start.refractory());
    }
    return m;
  }

  /** A copy of the gradient (kept past the next call), or zeros where the loss does not reach. */
  private static INDArray orZero(INDArray gradient, INDArray like) {
    return gradient != null ? gradient.dup() : Nd4j.zerosLike(like);
  }

  /** Output of population p at local step j of the chunk {@code [B, N_p]}; j &lt; 0 reads the history. */
  private SDVariable sourceOutput(int p, int j) {
    long key = (long) p * (history + steps + 1) + (j + history);
    return sourceRows.computeIfAbsent(key, k -> {
      int np = offset.length - 1;
      SDVariable row = j >= 0 ? outputs.get(j) : historyRows[history + j];
      return np == 1 ? row : row.get(SDIndex.all(), SDIndex.interval(offset[p], offset[p + 1]));
    });
  }
}
