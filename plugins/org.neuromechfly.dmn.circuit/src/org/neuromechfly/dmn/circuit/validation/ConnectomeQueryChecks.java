package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.compiler.ProjectionCompiler;
import org.neuromechfly.dmn.circuit.reference.ConnectomeIndex;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.QuerySelection;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connectome sources against the data they name: the path must lie in the data directory and the data
 * must read (an error naming the file otherwise — a circuit wired from broken data would be wrong);
 * missing data is a warning (it may be on another machine). A query must select neurons, as many as
 * the population holds, and synapses between them. These checks read files, so they run on save
 * ({@link CheckType#NORMAL}) and in {@code dmn validate}, not on every keystroke; loads are cached per
 * file.
 */
public class ConnectomeQueryChecks extends CircuitCheck {
  @Inject private ConnectomeIndex connectomes;

  @Check(CheckType.NORMAL)
  public void checkSource(ConnectomeSource source) {
    var loaded = connectomes.load(source);
    if (loaded.problem() == null) {
      return;
    }
    String message = "Connectome '" + source.getName() + "': " + loaded.problem();
    if (loaded.missing()) {
      warning(message, source, Literals.CONNECTOME_SOURCE__PATH, CircuitIssueCodes.CONNECTOME_UNAVAILABLE);
    } else {
      error(message, source, Literals.CONNECTOME_SOURCE__PATH, CircuitIssueCodes.CONNECTOME_UNREADABLE);
    }
  }

  @Check(CheckType.NORMAL)
  public void checkQuery(ConnectomeRule rule) {
    if (rule.getSource() == null || rule.getSource().eIsProxy()
        || org.neuromechfly.dmn.circuit.units.Vocabulary.CONNECTOME_FORMATS.lookup(rule.getSource().getFormat()).filter(f -> !f.hasSynapses()).isPresent()) {
      return; // a glomerulus table: ConnectivityChecks says it cannot be queried
    }
    var loaded = connectomes.load(rule.getSource());
    if (loaded.connectome() == null) {
      return; // reported on the source
    }
    var query = ProjectionCompiler.query(rule);
    Projection projection = (Projection) rule.eContainer();
    Selected selection;
    try {
      selection = selected(loaded.connectome(), query, selection(projection.getSource(), rule),
          selection(projection.getTarget(), rule));
    } catch (org.neuromechfly.dmn.connectome.ConnectomeException e) {
      if (compiles(query.preType()) && compiles(query.postType())) {
        // e.g. a pattern that backtracks exponentially on the data's names
        error(e.getMessage(), rule, Literals.CONNECTOME_RULE__FILTERS, CircuitIssueCodes.VALUE_OUT_OF_RANGE);
      }
      return; // otherwise an invalid pattern: reported by ConnectivityChecks
    }
    if (selection.pre() == 0 || selection.post() == 0) {
      error(
          "The query selects no " + (selection.pre() == 0 ? "presynaptic neurons (pre \"" + query.preType() + "\")" : "postsynaptic neurons (post \"" + query.postType() + "\")")
              + " in " + loaded.path().getFileName() + "; check the cell-type pattern (it must match the whole type name) and side.",
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.EMPTY_CONNECTOME_QUERY);
      return;
    }
    if (selection.edges() == 0) {
      error(
          "No synapses between the " + selection.pre() + " pre- and " + selection.post() + " postsynaptic neurons"
              + (query.roi() == null ? "" : " in roi \"" + query.roi() + "\"") + " with at least " + query.minSynapses() + " synapses. Known rois: "
              + String.join(", ", loaded.connectome().rois()),
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.EMPTY_CONNECTOME_QUERY);
      return;
    }
    checkCount(projection.getSource(), selection.pre(), query.preType(), rule);
    checkCount(projection.getTarget(), selection.post(), query.postType(), rule);
  }

  /** What a check needs of a query's selection: how many neurons on each side and synapses between them. */
  private record Selected(int pre, int post, long edges) {}

  /**
   * Selections already made, per loaded connectome (a reload is a new object, so a changed file is
   * selected again): a model that repeats one query thousands of times (the fuzzing suite makes such
   * models) selects once instead of scanning the data for every copy.
   */
  private static final Map<Connectome, Map<List<Object>, Selected>> SELECTED = Collections.synchronizedMap(new WeakHashMap<>());

  private static Selected selected(Connectome connectome, org.neuromechfly.dmn.model.Connectivity.ConnectomeQuery query,
      org.neuromechfly.dmn.model.PopulationSelection source, org.neuromechfly.dmn.model.PopulationSelection target) {
    Map<List<Object>, Selected> byQuery = SELECTED.computeIfAbsent(connectome, c -> new ConcurrentHashMap<>());
    List<Object> key = Arrays.asList(query, source, target);
    Selected known = byQuery.get(key);
    if (known == null) {
      QuerySelection s = QuerySelection.of(connectome, query, source, target);
      known = new Selected(s.pre().length, s.post().length, s.edges().edgeCount());
      byQuery.put(key, known);
    }
    return known;
  }

  /** A population's own selection when it is neurons of the rule's source, else null. */
  private static org.neuromechfly.dmn.model.PopulationSelection selection(
      org.neuromechfly.dmn.circuit.circuit.Population population, ConnectomeRule rule) {
    return Settings.first(population.getSettings(), org.neuromechfly.dmn.circuit.circuit.SelectionSetting.class)
        .filter(s -> s.getSource() == rule.getSource())
        .map(org.neuromechfly.dmn.circuit.compiler.CircuitCompiler::selection).orElse(null);
  }

  private static boolean compiles(String pattern) {
    try {
      if (pattern != null) {
        java.util.regex.Pattern.compile(pattern);
      }
      return true;
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  private void checkCount(org.neuromechfly.dmn.circuit.circuit.Population population, int selected, String pattern, ConnectomeRule rule) {
    var count = Settings.count(population);
    if (count.isPresent() && count.getAsInt() != selected) {
      error(
          "The query selects " + selected + " neurons for " + population.getName() + " (\"" + pattern + "\"), but " + population.getName()
              + " has count " + count.getAsInt() + ". Set 'count " + selected + "'.",
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.CONNECTOME_COUNT_MISMATCH,
          population.getName(),
          Integer.toString(selected));
    }
  }
}
