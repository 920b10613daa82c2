package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.NumberValue;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.circuit.SweepAxis;
import org.neuromechfly.dmn.circuit.circuit.SweepBlock;
import org.neuromechfly.dmn.circuit.circuit.SweepValue;
import org.neuromechfly.dmn.circuit.circuit.WordValue;
import org.neuromechfly.dmn.circuit.sweep.SweepValues;
import org.neuromechfly.dmn.circuit.sweep.SweptSetting;
import org.neuromechfly.dmn.circuit.sweep.SweptSetting.Kind;
import org.neuromechfly.dmn.circuit.sweep.SweptSettings;
import org.neuromechfly.dmn.circuit.units.QuantityRules.Expectation;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.Unit;

/**
 * A sweep names settings the model has, with values of the right kind and unit, and asks for a
 * number of runs one can mean. Whether each value is in range for its setting is decided by the
 * ordinary checks on each run's model ({@code dmn sweep} validates every run before any trains).
 */
public class SweepChecks extends CircuitCheck {
  /** Above this many runs, {@code dmn sweep} asks for {@code --yes}. */
  public static final int LARGE = 100;

  @Inject private SweptSettings settings;

  @Check
  public void checkBlock(SweepBlock block) {
    Circuit circuit = (Circuit) block.eContainer();
    if (circuit.getElements().stream().filter(SweepBlock.class::isInstance).findFirst().orElse(block) != block) {
      error("A model declares one sweep; merge the axes into the first 'sweep' block.", block, null,
          CircuitIssueCodes.DUPLICATE_BLOCK);
    }
    if (block.getAxes().isEmpty()) {
      warning("This sweep varies nothing; add an axis such as 'vary training.seed 1 .. 4'.", block, null,
          CircuitIssueCodes.EMPTY_SWEEP);
      return;
    }
    Set<String> seen = new HashSet<>();
    long runs = 1;
    for (SweepAxis axis : block.getAxes()) {
      if (axis.getSetting() != null && !seen.add(axis.getSetting())) {
        error("'" + axis.getSetting() + "' is varied twice; give all its values on one line.", axis,
            Literals.SWEEP_AXIS__SETTING, CircuitIssueCodes.DUPLICATE_SETTING);
      }
      int n = SweepValues.expand(axis).values().size();
      runs = n == 0 ? runs : (runs > Long.MAX_VALUE / n ? Long.MAX_VALUE : runs * n);
    }
    if (runs > LARGE) {
      warning(String.format(java.util.Locale.ROOT, "This sweep trains %,d runs (more than %d): dmn sweep asks for --yes"
          + " before starting it.", runs, LARGE), block, null, CircuitIssueCodes.LARGE_SWEEP);
    }
  }

  @Check
  public void checkAxis(SweepAxis axis) {
    Circuit circuit = (Circuit) axis.eContainer().eContainer();
    String path = axis.getSetting();
    Optional<SweptSetting> found = settings.find(circuit, path);
    if (found.isEmpty()) {
      List<String> paths = settings.paths(circuit);
      Optional<String> nearest = Vocabulary.nearest(path, paths);
      error("A sweep cannot vary '" + path + "': no such setting in this model."
          + nearest.map(n -> " Did you mean '" + n + "'?").orElse(" Settings look like 'loss.energy', 'training.lr',"
              + " 'task.max_speed' or '" + (paths.size() > 0 ? paths.get(paths.size() - 1) : "KC.tau_mem") + "'."),
          axis, Literals.SWEEP_AXIS__SETTING, CircuitIssueCodes.UNKNOWN_CHOICE, nearest.orElse(path));
      return;
    }
    SweptSetting setting = found.get();
    if (setting.block().apply(circuit) == null && setting.missing() != null
        || setting.part() && Optional.ofNullable(setting.block().apply(circuit)).map(setting.setting()).isEmpty()
        || setting.insertion() == null && Optional.ofNullable(setting.block().apply(circuit)).map(setting.setting()).isEmpty()) {
      error("The model has no " + path + " to vary: add " + setting.missing() + " first.", axis,
          Literals.SWEEP_AXIS__SETTING, CircuitIssueCodes.SWEEP_NO_PLACE);
    }
    for (SweepValue value : axis.getValues()) {
      checkValue(setting, value);
    }
    if (axis.isRange()) {
      if (setting.kind() == Kind.WORD) {
        error(path + " takes words, not a range; list them: e.g. '" + String.join(", ", setting.choices()) + "'.", axis,
            Literals.SWEEP_AXIS__TO, CircuitIssueCodes.SWEEP_VALUE);
        return;
      }
      if (axis.getTo() != null) {
        checkNumber(setting, axis.getTo());
      }
    }
    var expansion = SweepValues.expand(axis);
    if (expansion.problem() != null) {
      error(expansion.problem(), axis, axis.isRange() ? Literals.SWEEP_AXIS__TO : Literals.SWEEP_AXIS__VALUES,
          CircuitIssueCodes.SWEEP_VALUE);
    } else if (setting.kind() == Kind.INTEGER) {
      expansion.values().stream().filter(v -> v.number() != null && v.number() != Math.rint(v.number())).findFirst()
          .ifPresent(v -> error(path + " takes whole numbers; this sweep gives it " + v + ".", axis,
              Literals.SWEEP_AXIS__VALUES, CircuitIssueCodes.SWEEP_VALUE));
    }
    if (expansion.values().size() != new HashSet<>(expansion.values()).size()) {
      warning("A value is repeated: the sweep would train the same run twice.", axis, Literals.SWEEP_AXIS__VALUES,
          CircuitIssueCodes.SWEEP_VALUE);
    }
  }

  private void checkValue(SweptSetting setting, SweepValue value) {
    if (value instanceof WordValue word) {
      if (setting.kind() != Kind.WORD) {
        error(setting.path() + " takes " + (setting.kind() == Kind.QUANTITY ? "a number with a unit" : "a number")
            + ", not the word '" + word.getWord() + "'.", word, Literals.WORD_VALUE__WORD, CircuitIssueCodes.SWEEP_VALUE);
      } else {
        checkChoice(setting.words(), word.getWord(), word, Literals.WORD_VALUE__WORD);
      }
      return;
    }
    Quantity q = ((NumberValue) value).getQuantity();
    if (setting.kind() == Kind.WORD) {
      error(setting.path() + " takes one of: " + String.join(", ", setting.choices()) + ".", value, null,
          CircuitIssueCodes.SWEEP_VALUE);
    } else if (q != null) {
      checkNumber(setting, q);
    }
  }

  /** A number of the setting's kind: plain where the setting is plain, with a unit of its dimension otherwise. */
  private void checkNumber(SweptSetting setting, Quantity q) {
    var owner = q;
    var feature = Literals.QUANTITY__UNIT;
    String written = q.getUnit();
    if (setting.kind() != Kind.QUANTITY) {
      if (written != null) {
        error(setting.path() + " is a plain number; remove the unit '" + written + "'.", owner, feature,
            CircuitIssueCodes.UNEXPECTED_UNIT);
      }
      return;
    }
    Expectation expected = settings.expectation(setting);
    if (expected.dimensionless()) {
      if (written != null) {
        error(setting.path() + " is a plain number in normalised membrane units; remove the unit '" + written + "'.",
            owner, feature, CircuitIssueCodes.UNEXPECTED_UNIT);
      }
      return;
    }
    String units = String.join(", ", Unit.symbolsOf(expected.dimension()));
    if (written == null) {
      if (!expected.unitOptional()) {
        error(setting.path() + " is a " + expected.dimension().description() + ": give each value a unit, e.g. '"
            + NumberText.format(q.getValue()) + " " + Unit.symbolsOf(expected.dimension()).get(0) + "' (units: " + units
            + ").", owner, Literals.QUANTITY__VALUE, CircuitIssueCodes.MISSING_UNIT);
      }
      return;
    }
    Optional<Unit> unit = Unit.bySymbol(written);
    if (unit.isEmpty()) {
      error("Unknown unit '" + written + "'. " + setting.path() + " takes one of: " + units + ".", owner, feature,
          CircuitIssueCodes.UNKNOWN_UNIT);
    } else if (unit.get().dimension() != expected.dimension()) {
      error(setting.path() + " is a " + expected.dimension().description() + ", but '" + written + "' is a unit of "
          + unit.get().dimension().description() + ". Use one of: " + units + ".", owner, feature,
          CircuitIssueCodes.WRONG_DIMENSION);
    }
  }
}
