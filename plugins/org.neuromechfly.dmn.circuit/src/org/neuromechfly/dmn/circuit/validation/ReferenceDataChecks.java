package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.Optional;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.CountSetting;
import org.neuromechfly.dmn.circuit.circuit.FanInRule;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.SignOption;
import org.neuromechfly.dmn.circuit.circuit.SparsityLoss;
import org.neuromechfly.dmn.circuit.circuit.TransmitterOption;
import org.neuromechfly.dmn.circuit.reference.ReferenceDataProvider;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.connectome.reference.CellType;
import org.neuromechfly.dmn.connectome.reference.Range;
import org.neuromechfly.dmn.connectome.reference.ReferenceData;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;

/** The model against biology: cell types, transmitter signs, parameter ranges, known projections. */
public class ReferenceDataChecks extends CircuitCheck {

  /**
   * Models are routinely scaled down (50 ORNs for ~1,200); only counts off by more than this factor
   * are worth a note.
   */
  static final double COUNT_FACTOR = 50;

  @Inject private ReferenceDataProvider provider;
  @Inject private QuantityRules quantities;

  @Check
  public void checkReferenceReadable(Circuit circuit) {
    var lookup = provider.forCircuit(circuit);
    if (!lookup.ok()) {
      error(lookup.problem(), circuit, Literals.CIRCUIT__REFERENCE, CircuitIssueCodes.REFERENCE_UNREADABLE);
    }
  }

  @Check
  public void checkCellType(Population population) {
    var data = reference(population);
    if (data.isEmpty() || population.getCellType() == null) {
      return;
    }
    if (population.getSettings().stream().anyMatch(org.neuromechfly.dmn.circuit.circuit.SelectionSetting.class::isInstance)) {
      return; // neurons of a connectome (a whole brain): their types come from the data
    }
    if (org.neuromechfly.dmn.model.Population.UNMAPPED_CELL_TYPE.equals(population.getCellType())) {
      info("The cell type of " + population.getName() + " is not named yet ('"
          + org.neuromechfly.dmn.model.Population.UNMAPPED_CELL_TYPE + "'), so the reference checks skip it; name it"
          + " (e.g. KC) to check its parameters, count and projections against the reference data.", population,
          Literals.POPULATION__CELL_TYPE, CircuitIssueCodes.UNMAPPED_CELL_TYPE);
      return;
    }
    if (data.get().cellType(population.getCellType()).isEmpty()) {
      var nearest = data.get().nearest(population.getCellType(), 3);
      error(
          "Unknown cell type '" + population.getCellType() + "'."
              + (nearest.isEmpty() ? " Known types: " + String.join(", ", data.get().cellTypes().stream().map(CellType::name).toList()) : " Did you mean " + String.join(", ", nearest.stream().map(n -> "'" + n + "'").toList()) + "?"),
          population,
          Literals.POPULATION__CELL_TYPE,
          CircuitIssueCodes.UNKNOWN_CELL_TYPE,
          nearest.toArray(String[]::new));
    }
  }

  @Check
  public void checkParameterRange(NeuronParameter parameter) {
    Population population = (Population) parameter.eContainer();
    var type = cellType(population);
    if (type.isEmpty() || !Settings.written(parameter.getValue())) {
      return;
    }
    if ("tau_mem".equals(parameter.getParameter()) && type.get().tauMem() != null && quantities.unit(parameter.getValue()).isPresent()) {
      double seconds = quantities.toModel(parameter.getValue()).si();
      Range range = type.get().tauMem();
      if (!range.contains(seconds)) {
        warning(
            "tau_mem " + quantities.toModel(parameter.getValue()) + " is outside the plausible range for " + type.get().name() + ", "
                + ms(range.low()) + "–" + ms(range.high()) + " ms (" + range.source() + ").",
            parameter,
            Literals.NEURON_PARAMETER__VALUE,
            CircuitIssueCodes.TAU_OUT_OF_RANGE,
            NumberText.format(Math.round(range.typical() * 1e4) / 10.0) + " ms");
      }
    }
    if ("threshold".equals(parameter.getParameter()) && type.get().threshold() != null && !type.get().threshold().contains(parameter.getValue().getValue())) {
      Range range = type.get().threshold();
      warning(
          "threshold " + NumberText.format(parameter.getValue().getValue()) + " is outside the plausible range for " + type.get().name() + ", "
              + NumberText.format(range.low()) + "–" + NumberText.format(range.high()) + " (" + range.source() + ").",
          parameter,
          Literals.NEURON_PARAMETER__VALUE,
          CircuitIssueCodes.THRESHOLD_OUT_OF_RANGE,
          NumberText.format(range.typical()));
    }
  }

  @Check
  public void checkCount(CountSetting count) {
    var type = cellType((Population) count.eContainer());
    if (type.isEmpty() || count.getCount() <= 0) {
      return;
    }
    Range range = type.get().count();
    if (count.getCount() * COUNT_FACTOR < range.low() || count.getCount() > range.high() * COUNT_FACTOR) {
      info(
          count.getCount() + " cells is far from the reference count of " + type.get().name() + ", "
              + NumberText.format(range.low()) + "–" + NumberText.format(range.high()) + " per hemisphere (" + range.source() + ").",
          count,
          Literals.COUNT_SETTING__COUNT,
          CircuitIssueCodes.COUNT_FAR_FROM_REFERENCE,
          NumberText.format(range.typical()));
    }
  }

  @Check
  public void checkSign(Projection projection) {
    var type = cellType(projection.getSource());
    if (type.isEmpty()) {
      return;
    }
    Optional<Sign> declared = Settings.option(projection, SignOption.class).flatMap(s -> Vocabulary.SIGNS.lookup(s.getSign()));
    Optional<Transmitter> named = Settings.option(projection, TransmitterOption.class).flatMap(t -> Transmitter.parse(t.getTransmitter()));
    Sign stated = declared.orElse(named.map(Transmitter::sign).orElse(null));
    if (stated == null || stated == type.get().sign()) {
      return;
    }
    boolean someCellsUseIt = type.get().otherTransmitters().stream().anyMatch(t -> t.sign() == stated);
    if (!someCellsUseIt) {
      String citation = type.get().citation("transmitter").map(c -> " (" + c + ")").orElse("");
      error(
          projection.getSource().getName() + " cells are " + type.get().name() + ", which release " + type.get().transmitter().symbol() + citation
              + ": their synapses are " + type.get().sign().name().toLowerCase() + ", not " + stated.name().toLowerCase() + ". Remove the sign to take it from the transmitter.",
          projection,
          Literals.PROJECTION__OPTIONS,
          CircuitIssueCodes.SIGN_CONTRADICTS_TRANSMITTER,
          type.get().sign().name().toLowerCase());
    }
  }

  @Check
  public void checkKnownProjection(Projection projection) {
    var pre = cellType(projection.getSource());
    var post = cellType(projection.getTarget());
    if (pre.isEmpty() || post.isEmpty()) {
      return;
    }
    var data = reference(projection).orElseThrow();
    var known = data.projection(pre.get().name(), post.get().name());
    if (known.isEmpty()) {
      warning(
          "The reference data knows no projection from " + pre.get().name() + " to " + post.get().name() + "; check the wiring, or add it to your reference file with its source.",
          projection,
          Literals.PROJECTION__TARGET,
          CircuitIssueCodes.UNKNOWN_PROJECTION);
      return;
    }
    if (projection.getRule() instanceof FanInRule fanIn) {
      known.get().typicalFanIn().ifPresent(range -> {
        if (fanIn.getFanIn() < range.low() / 2 || fanIn.getFanIn() > range.high() * 2) {
          info(
              "fan_in " + fanIn.getFanIn() + " is far from the " + NumberText.format(range.typical()) + " inputs per cell the reference reports for "
                  + pre.get().name() + " -> " + post.get().name() + " (" + range.source() + ").",
              fanIn,
              Literals.FAN_IN_RULE__FAN_IN,
              CircuitIssueCodes.COUNT_FAR_FROM_REFERENCE,
              Long.toString(Math.round(range.typical())));
        }
      });
    }
  }

  @Check
  public void checkSparsityTarget(SparsityLoss loss) {
    var type = cellType(loss.getPopulation());
    if (type.isEmpty() || loss.getTarget() == null || quantities.unit(loss.getTarget()).isEmpty() && loss.getTarget().getUnit() != null) {
      return;
    }
    var data = reference(loss).orElseThrow();
    if (!data.isA(type.get().name(), "KC")) {
      return;
    }
    double fraction = quantities.toModel(loss.getTarget()).si();
    Range range = data.kcSparsity();
    if (!range.contains(fraction)) {
      warning(
          "A KC activity target of " + NumberText.format(fraction * 100) + " % is outside the observed KC coding range "
              + NumberText.format(range.low() * 100) + "–" + NumberText.format(range.high() * 100) + " % (" + range.source() + ").",
          loss,
          Literals.SPARSITY_LOSS__TARGET,
          CircuitIssueCodes.SPARSITY_OUT_OF_RANGE,
          NumberText.format(range.typical() * 100) + " %");
    }
  }

  private Optional<ReferenceData> reference(org.eclipse.emf.ecore.EObject inModel) {
    var root = org.eclipse.xtext.EcoreUtil2.getContainerOfType(inModel, Circuit.class);
    return root == null ? Optional.empty() : Optional.ofNullable(provider.forCircuit(root).data());
  }

  private Optional<CellType> cellType(Population population) {
    if (population == null || population.eIsProxy() || population.getCellType() == null) {
      return Optional.empty();
    }
    return reference(population).flatMap(d -> d.cellType(population.getCellType()));
  }

  private static String ms(double seconds) {
    return NumberText.format(Math.round(seconds * 1e4) / 10.0);
  }
}
