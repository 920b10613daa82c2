package org.neuromechfly.dmn.circuit.validation;

import org.neuromechfly.dmn.circuit.ast.WrittenValues;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.ConstantInit;
import org.neuromechfly.dmn.circuit.circuit.DelayOption;
import org.neuromechfly.dmn.circuit.circuit.FanInRule;
import org.neuromechfly.dmn.circuit.circuit.GlomerularRule;
import org.neuromechfly.dmn.circuit.circuit.NormalInit;
import org.neuromechfly.dmn.circuit.circuit.OneToOneRule;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.ProjectionOption;
import org.neuromechfly.dmn.circuit.circuit.QueryFilter;
import org.neuromechfly.dmn.circuit.circuit.SignOption;
import org.neuromechfly.dmn.circuit.circuit.TransmitterOption;
import org.neuromechfly.dmn.circuit.circuit.UniformInit;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;

/** Projections can be realised: rules fit the populations' sizes, signs and queries make sense. */
public class ConnectivityChecks extends CircuitCheck {

  @Check
  public void checkDuplicateProjections(Circuit circuit) {
    Map<String, Projection> seen = new HashMap<>();
    for (var element : circuit.getElements()) {
      if (element instanceof Projection p && p.getSource() != null && p.getTarget() != null && !p.getSource().eIsProxy() && !p.getTarget().eIsProxy()) {
        String key = p.getSource().getName() + "->" + p.getTarget().getName();
        if (seen.putIfAbsent(key, p) != null) {
          error(
              "The projection " + p.getSource().getName() + " -> " + p.getTarget().getName() + " is declared twice" + NameChecks.where(seen.get(key)) + "; merge them.",
              p,
              Literals.PROJECTION__TARGET,
              CircuitIssueCodes.DUPLICATE_PROJECTION);
        }
      }
    }
  }

  @Check
  public void checkOneToOne(OneToOneRule rule) {
    Projection projection = (Projection) rule.eContainer();
    var source = Settings.count(projection.getSource());
    var target = Settings.count(projection.getTarget());
    if (source.isPresent() && target.isPresent() && source.getAsInt() != target.getAsInt()) {
      error(
          "one_to_one needs equal counts, but " + projection.getSource().getName() + " has " + source.getAsInt() + " cells and "
              + projection.getTarget().getName() + " has " + target.getAsInt() + ". Use 'glomerular' or 'random fan_in N' instead.",
          projection,
          Literals.PROJECTION__RULE,
          CircuitIssueCodes.COUNT_MISMATCH);
    }
  }

  @Check
  public void checkFanIn(FanInRule rule) {
    Projection projection = (Projection) rule.eContainer();
    var source = Settings.count(projection.getSource());
    if (rule.getFanIn() <= 0) {
      error("fan_in must be at least 1.", rule, Literals.FAN_IN_RULE__FAN_IN, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    } else if (source.isPresent() && rule.getFanIn() > available(rule, source.getAsInt())) {
      int available = available(rule, source.getAsInt());
      error(
          "fan_in " + rule.getFanIn() + " exceeds the " + available + " cells of " + projection.getSource().getName()
              + (rule.isIpsilateral() ? " on each side" : "") + "; each target cell draws distinct inputs.",
          rule,
          Literals.FAN_IN_RULE__FAN_IN,
          CircuitIssueCodes.FAN_IN_TOO_LARGE,
          Integer.toString(available));
    }
  }

  /** Ipsilateral targets draw from their own half of the source population. */
  private static int available(FanInRule rule, int sources) {
    return rule.isIpsilateral() ? sources / 2 : sources;
  }

  @Check
  public void checkGlomeruli(GlomerularRule rule) {
    if (!WrittenValues.written(rule, Literals.GLOMERULAR_RULE__GLOMERULI)) {
      return;
    }
    Projection projection = (Projection) rule.eContainer();
    int smallest = Math.min(
        Settings.count(projection.getSource()).orElse(Integer.MAX_VALUE),
        Settings.count(projection.getTarget()).orElse(Integer.MAX_VALUE));
    if (rule.getGlomeruli() <= 0 || rule.getGlomeruli() > smallest) {
      error(
          "The number of glomeruli must be between 1 and the smaller population's count (" + smallest + ").",
          rule,
          Literals.GLOMERULAR_RULE__GLOMERULI,
          CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  /**
   * {@code glomerular by MAP}: the map is a glomerulus table, the target's cells are connectome
   * neurons (their types name the glomeruli) and the source splits into two antennae.
   */
  @Check
  public void checkGlomerulusMap(GlomerularRule rule) {
    ConnectomeSource map = rule.getMap();
    if (map == null || map.eIsProxy()) {
      return;
    }
    var format = Vocabulary.CONNECTOME_FORMATS.lookup(map.getFormat());
    if (format.isPresent() && format.get() != ConnectomeFormat.GLOMERULUS_MAP) {
      error(
          "'glomerular by' takes a glomerulus table (format " + ConnectomeFormat.GLOMERULUS_MAP.keyword() + "), but '" + map.getName() + "' is a "
              + map.getFormat() + " connectome. Declare e.g. 'connectome antenna glomerulus_map \"hemibrain_olf_data_schlegel2021\"'.",
          rule,
          Literals.GLOMERULAR_RULE__MAP,
          CircuitIssueCodes.GLOMERULUS_MAP_MISUSE);
      return;
    }
    Projection projection = (Projection) rule.eContainer();
    Population target = projection.getTarget();
    Circuit circuit = (Circuit) projection.eContainer();
    boolean drawn = circuit.getElements().stream().anyMatch(e -> e instanceof Projection p && p.getRule() instanceof ConnectomeRule
        && (p.getSource() == target || p.getTarget() == target));
    if (target != null && !target.eIsProxy() && !drawn) {
      error(
          "'glomerular by " + map.getName() + "' reads each " + target.getName() + " cell's glomerulus from its connectome cell type, but no projection"
              + " draws " + target.getName() + " from a connectome. Add one (e.g. '" + target.getName() + " -> KC from hemibrain where ...') or use plain 'glomerular'.",
          rule,
          Literals.GLOMERULAR_RULE__MAP,
          CircuitIssueCodes.GLOMERULUS_MAP_MISUSE);
    }
    var count = Settings.count(projection.getSource());
    if (count.isPresent() && count.getAsInt() % 2 != 0) {
      error(
          projection.getSource().getName() + " has " + count.getAsInt() + " cells, but 'glomerular by' needs an even count: the first half are the"
              + " left antenna's receptor neurons, the second half the right antenna's.",
          rule,
          Literals.GLOMERULAR_RULE__MAP,
          CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  /** A glomerulus table has no synapses for a {@code from} query. */
  @Check
  public void checkQuerySource(ConnectomeRule rule) {
    ConnectomeSource source = rule.getSource();
    if (source != null && !source.eIsProxy()
        && Vocabulary.CONNECTOME_FORMATS.lookup(source.getFormat()).filter(f -> !f.hasSynapses()).isPresent()) {
      error(
          "'" + source.getName() + "' is a glomerulus table without synapses; a 'from' query needs a connectome (neuprint, codex, …)."
              + " Use the table as 'glomerular by " + source.getName() + "'.",
          rule,
          Literals.CONNECTOME_RULE__SOURCE,
          CircuitIssueCodes.GLOMERULUS_MAP_MISUSE);
    }
  }

  @Check
  public void checkSignAndTransmitter(Projection projection) {
    var sign = Settings.option(projection, SignOption.class);
    var transmitter = Settings.option(projection, TransmitterOption.class);
    Sign stated = sign.flatMap(s -> checkChoice(Vocabulary.SIGNS, s.getSign(), s, Literals.SIGN_OPTION__SIGN)).orElse(null);
    Transmitter named = null;
    if (transmitter.isPresent()) {
      named = Transmitter.parse(transmitter.get().getTransmitter()).orElse(null);
      if (named == null) {
        error(
            "Unknown transmitter '" + transmitter.get().getTransmitter() + "'. Use one of: ACh, GABA, Glu, DA, 5-HT, OA.",
            transmitter.get(),
            Literals.TRANSMITTER_OPTION__TRANSMITTER,
            CircuitIssueCodes.UNKNOWN_CHOICE);
      }
    }
    if (stated != null && named != null && stated != named.sign()) {
      error(
          "sign " + sign.get().getSign() + " contradicts transmitter " + named.symbol() + ", which is " + named.sign().name().toLowerCase()
              + " (Dale's law). Drop one of them.",
          sign.get(),
          Literals.SIGN_OPTION__SIGN,
          CircuitIssueCodes.SIGN_CONFLICT);
    }
  }

  @Check
  public void checkOptionsOnce(Projection projection) {
    Set<String> seen = new HashSet<>();
    for (ProjectionOption option : projection.getOptions()) {
      if (!seen.add(option.eClass().getName())) {
        error("'" + SettingKeys.spelling(option) + "' is given twice for this projection; keep one.", option, null, CircuitIssueCodes.DUPLICATE_SETTING);
      }
    }
  }

  @Check
  public void checkDelay(DelayOption delay) {
    if (delay.getDelay() != null && delay.getDelay().getValue() < 0) {
      error("A delay cannot be negative.", delay, Literals.DELAY_OPTION__DELAY, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      return;
    }
    var seconds = Settings.si(delay.getDelay(), org.neuromechfly.dmn.model.Dimension.TIME);
    var episode = Settings.task(delay).flatMap(t -> {
      var e = Settings.episodeSeconds(t);
      return e.isPresent() ? java.util.Optional.of(e.getAsDouble()) : java.util.Optional.empty();
    });
    if (seconds.isPresent() && episode.isPresent() && seconds.getAsDouble() >= episode.get()) {
      error("A delay of " + TaskChecks.seconds(seconds.getAsDouble()) + " is as long as the episode (steps × dt = "
              + TaskChecks.seconds(episode.get()) + ") or longer: no spike would arrive. Use a shorter delay.",
          delay, Literals.DELAY_OPTION__DELAY, CircuitIssueCodes.DELAY_TOO_LONG);
    }
  }

  @Check
  public void checkSynapseScale(org.neuromechfly.dmn.circuit.circuit.SynapseInit init) {
    if (org.neuromechfly.dmn.circuit.ast.WrittenValues.readable(init, Literals.SYNAPSE_INIT__SCALE) && !(init.getScale() > 0)) {
      error("The scale of 'synapses * scale' must be positive: weights are synapse counts times the scale.", init,
          Literals.SYNAPSE_INIT__SCALE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkConstant(ConstantInit init) {
    if (init.getValue() < 0) {
      error("Weights are non-negative magnitudes; the sign comes from the projection. Use a value >= 0.", init, Literals.CONSTANT_INIT__VALUE, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkNormal(NormalInit init) {
    if (init.getStd() < 0) {
      error("The standard deviation cannot be negative.", init, Literals.NORMAL_INIT__STD, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkUniform(UniformInit init) {
    if (init.getLow() < 0 || init.getHigh() <= init.getLow()) {
      error("uniform(low, high) needs 0 <= low < high: weights are magnitudes, the sign comes from the projection.", init, Literals.UNIFORM_INIT__HIGH, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkConnectomeFormat(ConnectomeSource source) {
    checkChoice(Vocabulary.CONNECTOME_FORMATS, source.getFormat(), source, Literals.CONNECTOME_SOURCE__FORMAT);
    if (source.getChecksum() != null && !source.getChecksum().matches("[0-9a-fA-F]{64}")) {
      error("sha256 must be 64 hexadecimal digits.", source, Literals.CONNECTOME_SOURCE__CHECKSUM, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
    }
  }

  @Check
  public void checkQuery(ConnectomeRule rule) {
    Set<String> seen = new HashSet<>();
    for (QueryFilter filter : rule.getFilters()) {
      boolean numeric = "min_synapses".equals(filter.getKey());
      boolean hasText = filter.getText() != null;
      if (numeric == hasText) {
        error(
            numeric ? "min_synapses takes a number, e.g. 'min_synapses 3'." : filter.getKey() + " takes a quoted text, e.g. '" + filter.getKey() + " \"CA(R)\"'.",
            filter,
            Literals.QUERY_FILTER__KEY,
            CircuitIssueCodes.QUERY_FILTER_TYPE);
      }
      if (!seen.add(filter.getKey())) {
        error("'" + filter.getKey() + "' is given twice in this query.", filter, Literals.QUERY_FILTER__KEY, CircuitIssueCodes.DUPLICATE_FILTER);
      }
      // roi and side match literally; pre and post are cell-type patterns
      if (hasText && ("pre".equals(filter.getKey()) || "post".equals(filter.getKey()))) {
        try {
          java.util.regex.Pattern.compile(filter.getText());
        } catch (java.util.regex.PatternSyntaxException e) {
          error("'" + filter.getText() + "' is not a valid pattern: " + e.getDescription() + ".", filter, Literals.QUERY_FILTER__TEXT, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
        }
      }
    }
  }
}
