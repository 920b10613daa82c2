package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.QueryFilter;
import org.neuromechfly.dmn.circuit.reference.ConnectomeIndex;
import org.neuromechfly.dmn.connectome.importer.NeuronFilter;

/**
 * Connectome queries against the data they name: a query must select neurons, as many as the
 * population holds, and synapses between them. Checked against the real files, cached per file.
 */
public class ConnectomeQueryChecks extends CircuitCheck {
  @Inject private ConnectomeIndex connectomes;

  @Check
  public void checkQuery(ConnectomeRule rule) {
    if (rule.getSource() == null || rule.getSource().eIsProxy()) {
      return;
    }
    var loaded = connectomes.load(rule.getSource());
    if (loaded.problem() != null) {
      warning(loaded.problem() + ".", rule, Literals.CONNECTOME_RULE__SOURCE, CircuitIssueCodes.CONNECTOME_UNAVAILABLE);
      return;
    }
    if (loaded.connectome() == null) {
      return;
    }
    String pre = text(rule, "pre");
    String post = text(rule, "post");
    String side = text(rule, "side");
    String roi = text(rule, "roi");
    int minSynapses = rule.getFilters().stream().filter(f -> "min_synapses".equals(f.getKey())).mapToInt(QueryFilter::getNumber).findFirst().orElse(1);
    Projection projection = (Projection) rule.eContainer();
    int[] sources;
    int[] targets;
    try {
      sources = loaded.connectome().select(NeuronFilter.of(pre, null, side));
      targets = loaded.connectome().select(NeuronFilter.of(post, null, side));
    } catch (RuntimeException e) {
      return; // an invalid pattern: reported by ConnectivityChecks
    }
    if (sources.length == 0 || targets.length == 0) {
      error(
          "The query selects no " + (sources.length == 0 ? "presynaptic neurons (pre \"" + pre + "\")" : "postsynaptic neurons (post \"" + post + "\")")
              + " in " + loaded.path().getFileName() + "; check the cell-type pattern (it must match the whole type name) and side.",
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.EMPTY_CONNECTOME_QUERY);
      return;
    }
    var edges = loaded.connectome().edges(sources, targets, roi, minSynapses);
    if (edges.edgeCount() == 0) {
      error(
          "No synapses between the " + sources.length + " pre- and " + targets.length + " postsynaptic neurons"
              + (roi == null ? "" : " in roi \"" + roi + "\"") + " with at least " + minSynapses + " synapses. Known rois: "
              + String.join(", ", loaded.connectome().rois()),
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.EMPTY_CONNECTOME_QUERY);
      return;
    }
    checkCount(projection.getSource(), sources.length, pre, rule);
    checkCount(projection.getTarget(), targets.length, post, rule);
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

  private static String text(ConnectomeRule rule, String key) {
    return rule.getFilters().stream().filter(f -> key.equals(f.getKey())).map(QueryFilter::getText).findFirst().orElse(null);
  }
}
