package org.neuromechfly.dmn.circuit.compiler;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.eclipse.xtext.EcoreUtil2;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ConnectivityRule;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.ConstantInit;
import org.neuromechfly.dmn.circuit.circuit.DelayOption;
import org.neuromechfly.dmn.circuit.circuit.DenseRule;
import org.neuromechfly.dmn.circuit.circuit.FanInRule;
import org.neuromechfly.dmn.circuit.circuit.GlomerularRule;
import org.neuromechfly.dmn.circuit.circuit.KaimingInit;
import org.neuromechfly.dmn.circuit.circuit.LearnableOption;
import org.neuromechfly.dmn.circuit.circuit.NormalInit;
import org.neuromechfly.dmn.circuit.circuit.OneToOneRule;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.QueryFilter;
import org.neuromechfly.dmn.circuit.circuit.SignOption;
import org.neuromechfly.dmn.circuit.circuit.SynapseInit;
import org.neuromechfly.dmn.circuit.circuit.TransmitterOption;
import org.neuromechfly.dmn.circuit.circuit.UniformInit;
import org.neuromechfly.dmn.circuit.circuit.WeightInit;
import org.neuromechfly.dmn.circuit.circuit.WeightOption;
import org.neuromechfly.dmn.circuit.circuit.XavierInit;
import org.neuromechfly.dmn.circuit.reference.ReferenceDataProvider;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * Compiles projections. The sign comes, in order, from an explicit {@code sign}, a named
 * {@code transmitter}, or the source cell type's transmitter in the reference data (Dale's law).
 */
@Singleton
public class ProjectionCompiler {
  /** Synapse-count weights: ~0.05 per synapse keeps a few dozen synapses near threshold 1. */
  static final double DEFAULT_SYNAPSE_SCALE = 0.05;

  @Inject private QuantityRules quantities;
  @Inject private ReferenceDataProvider reference;

  public org.neuromechfly.dmn.model.Projection compile(Projection projection) {
    Transmitter transmitter = Settings.option(projection, TransmitterOption.class)
        .flatMap(t -> Transmitter.parse(t.getTransmitter()))
        .orElseGet(() -> cellTypeTransmitter(projection));
    Sign sign = Settings.option(projection, SignOption.class)
        .flatMap(s -> Vocabulary.SIGNS.lookup(s.getSign()))
        .orElse(transmitter == null ? Sign.EXCITATORY : transmitter.sign());
    boolean stated = Settings.option(projection, SignOption.class).isPresent()
        && Settings.option(projection, TransmitterOption.class).isEmpty();
    var weight = Settings.option(projection, WeightOption.class)
        .map(w -> weight(w.getInit()))
        .orElse(projection.getRule() instanceof ConnectomeRule
            ? new org.neuromechfly.dmn.model.WeightInit.SynapseScaled(DEFAULT_SYNAPSE_SCALE)
            : new org.neuromechfly.dmn.model.WeightInit.Xavier());
    boolean learnable = Settings.option(projection, LearnableOption.class).map(LearnableOption::isLearn).orElse(false);
    var delay = Settings.option(projection, DelayOption.class).map(d -> quantities.toModel(d.getDelay())).orElse(null);
    return new org.neuromechfly.dmn.model.Projection(
        projection.getSource().getName(),
        projection.getTarget().getName(),
        connectivity(projection.getRule()),
        sign,
        stated ? null : transmitter,
        weight,
        learnable,
        delay);
  }

  private Transmitter cellTypeTransmitter(Projection projection) {
    Circuit circuit = EcoreUtil2.getContainerOfType(projection, Circuit.class);
    var data = reference.forCircuit(circuit).data();
    if (data == null) {
      return null;
    }
    return data.cellType(projection.getSource().getCellType()).map(t -> t.transmitter()).orElse(null);
  }

  /** The IR rule of a written rule (a connectome rule needs a resolved source). */
  public static Connectivity connectivity(ConnectivityRule rule) {
    if (rule instanceof OneToOneRule) {
      return new Connectivity.OneToOne();
    }
    if (rule instanceof GlomerularRule g) {
      return new Connectivity.Glomerular(g.getGlomeruli(), g.getMap() == null ? null : g.getMap().getName());
    }
    if (rule instanceof FanInRule f) {
      return new Connectivity.RandomFanIn(f.getFanIn(), f.isIpsilateral());
    }
    if (rule instanceof DenseRule) {
      return new Connectivity.Dense();
    }
    ConnectomeRule c = (ConnectomeRule) rule;
    return new Connectivity.FromConnectome(c.getSource().getName(), query(c));
  }

  /** The query a rule's filters state; unset filters do not restrict, min_synapses defaults to 1. */
  public static Connectivity.ConnectomeQuery query(ConnectomeRule rule) {
    String roi = null;
    String pre = null;
    String post = null;
    String side = null;
    int minSynapses = 1;
    for (QueryFilter filter : rule.getFilters()) {
      switch (filter.getKey()) {
        case "roi" -> roi = filter.getText();
        case "pre" -> pre = filter.getText();
        case "post" -> post = filter.getText();
        case "side" -> side = filter.getText();
        case "min_synapses" -> minSynapses = filter.getNumber();
        default -> throw new IllegalStateException("unknown query key " + filter.getKey());
      }
    }
    return new Connectivity.ConnectomeQuery(roi, pre, post, side, minSynapses);
  }

  private static org.neuromechfly.dmn.model.WeightInit weight(WeightInit init) {
    if (init instanceof ConstantInit c) {
      return new org.neuromechfly.dmn.model.WeightInit.Constant(c.getValue());
    }
    if (init instanceof NormalInit n) {
      return new org.neuromechfly.dmn.model.WeightInit.Normal(n.getMean(), n.getStd());
    }
    if (init instanceof UniformInit u) {
      return new org.neuromechfly.dmn.model.WeightInit.Uniform(u.getLow(), u.getHigh());
    }
    if (init instanceof XavierInit) {
      return new org.neuromechfly.dmn.model.WeightInit.Xavier();
    }
    if (init instanceof KaimingInit) {
      return new org.neuromechfly.dmn.model.WeightInit.Kaiming();
    }
    SynapseInit s = (SynapseInit) init;
    double scale = org.neuromechfly.dmn.circuit.ast.WrittenValues.written(s, org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.SYNAPSE_INIT__SCALE) ? s.getScale() : DEFAULT_SYNAPSE_SCALE;
    return new org.neuromechfly.dmn.model.WeightInit.SynapseScaled(scale);
  }
}
