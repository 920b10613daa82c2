package org.neuromechfly.dmn.circuit.validation;

import com.google.inject.Inject;
import org.eclipse.xtext.validation.Check;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeRule;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.reference.ConnectomeIndex;
import org.neuromechfly.dmn.circuit.compiler.ProjectionCompiler;
import org.neuromechfly.dmn.connectome.importer.QuerySelection;

/**
 * Connectome queries against the data they name: a query must select neurons, as many as the
 * population holds, and synapses between them. Checked against the real files, cached per file.
 */
public class ConnectomeQueryChecks extends CircuitCheck {
  @Inject private ConnectomeIndex connectomes;

  @Check
  public void checkQuery(ConnectomeRule rule) {
    if (rule.getSource() == null || rule.getSource().eIsProxy()
        || org.neuromechfly.dmn.circuit.units.Vocabulary.CONNECTOME_FORMATS.lookup(rule.getSource().getFormat()).filter(f -> !f.hasSynapses()).isPresent()) {
      return; // a glomerulus table: ConnectivityChecks says it cannot be queried
    }
    var loaded = connectomes.load(rule.getSource());
    if (loaded.problem() != null) {
      warning(loaded.problem() + ".", rule, Literals.CONNECTOME_RULE__SOURCE, CircuitIssueCodes.CONNECTOME_UNAVAILABLE);
      return;
    }
    if (loaded.connectome() == null) {
      return;
    }
    var query = ProjectionCompiler.query(rule);
    Projection projection = (Projection) rule.eContainer();
    QuerySelection selection;
    try {
      selection = QuerySelection.of(loaded.connectome(), query);
    } catch (RuntimeException e) {
      return; // an invalid pattern: reported by ConnectivityChecks
    }
    if (selection.pre().length == 0 || selection.post().length == 0) {
      error(
          "The query selects no " + (selection.pre().length == 0 ? "presynaptic neurons (pre \"" + query.preType() + "\")" : "postsynaptic neurons (post \"" + query.postType() + "\")")
              + " in " + loaded.path().getFileName() + "; check the cell-type pattern (it must match the whole type name) and side.",
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.EMPTY_CONNECTOME_QUERY);
      return;
    }
    if (selection.edges().edgeCount() == 0) {
      error(
          "No synapses between the " + selection.pre().length + " pre- and " + selection.post().length + " postsynaptic neurons"
              + (query.roi() == null ? "" : " in roi \"" + query.roi() + "\"") + " with at least " + query.minSynapses() + " synapses. Known rois: "
              + String.join(", ", loaded.connectome().rois()),
          rule,
          Literals.CONNECTOME_RULE__FILTERS,
          CircuitIssueCodes.EMPTY_CONNECTOME_QUERY);
      return;
    }
    checkCount(projection.getSource(), selection.pre().length, query.preType(), rule);
    checkCount(projection.getTarget(), selection.post().length, query.postType(), rule);
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
