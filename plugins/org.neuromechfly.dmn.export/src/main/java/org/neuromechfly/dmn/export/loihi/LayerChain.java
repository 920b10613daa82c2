package org.neuromechfly.dmn.export.loihi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.ExportException;
import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;

/**
 * The circuit as netx sees it: a single chain of populations, each fed by the previous one, with a
 * population's own recurrence allowed. Anything else is refused with a message naming the feature:
 * a loop through another population (KC → APL → KC), a branch, several inputs or disconnected parts.
 *
 * @param populations the chain, input first
 * @param feedForward projection into each population (null for the input)
 * @param recurrent each population's projection onto itself, or null
 */
record LayerChain(
    List<PopulationParameters> populations, List<ProjectionWeights> feedForward, List<ProjectionWeights> recurrent) {

  private static final ExportTarget T = ExportTarget.LOIHI2_NETX;

  static LayerChain of(CircuitParameters c) {
    Map<String, List<ProjectionWeights>> in = new LinkedHashMap<>();
    Map<String, List<ProjectionWeights>> out = new LinkedHashMap<>();
    Map<String, ProjectionWeights> self = new HashMap<>();
    for (PopulationParameters p : c.populations()) {
      in.put(p.name(), new ArrayList<>());
      out.put(p.name(), new ArrayList<>());
    }
    for (ProjectionWeights w : c.projections()) {
      if (w.source().equals(w.target())) {
        if (self.put(w.source(), w) != null) {
          throw new ExportException(T, ExportFeature.RECURRENT_PROJECTION, "population " + w.source()
              + " has two recurrent projections; netx has one weight_rec per layer");
        }
        continue;
      }
      in.get(w.target()).add(w);
      out.get(w.source()).add(w);
    }
    String loop = findLoop(c, out);
    if (loop != null) {
      throw new ExportException(T, ExportFeature.LOOP_BETWEEN_POPULATIONS, "circuit " + c.spec().name()
          + " has the loop " + loop + "; netx layers form a chain in which only a population's own recurrence "
          + "(dense_rec) is allowed. Export it to NIR instead, or remove the loop for Loihi.");
    }
    List<String> sources = in.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    if (sources.size() != 1) {
      throw new ExportException(T, ExportFeature.BRANCHING, "netx has exactly one input layer, but populations "
          + sources + " receive no projection (each would be an input)");
    }
    for (var e : in.entrySet()) {
      if (e.getValue().size() > 1) {
        throw new ExportException(T, ExportFeature.BRANCHING, "population " + e.getKey() + " receives "
            + e.getValue().stream().map(ProjectionWeights::label).toList()
            + "; a netx layer is fed by the previous layer only");
      }
    }
    for (var e : out.entrySet()) {
      if (e.getValue().size() > 1) {
        throw new ExportException(T, ExportFeature.BRANCHING, "population " + e.getKey() + " projects to "
            + e.getValue().stream().map(ProjectionWeights::target).toList() + "; netx layers form a single chain");
      }
    }
    List<PopulationParameters> chain = new ArrayList<>();
    List<ProjectionWeights> ff = new ArrayList<>();
    List<ProjectionWeights> rec = new ArrayList<>();
    String current = sources.get(0);
    ProjectionWeights into = null;
    while (current != null) {
      chain.add(c.population(current));
      ff.add(into);
      rec.add(self.get(current));
      List<ProjectionWeights> next = out.get(current);
      into = next.isEmpty() ? null : next.get(0);
      current = into == null ? null : into.target();
    }
    if (chain.size() != c.populations().size()) {
      Set<String> inChain = new HashSet<>();
      chain.forEach(p -> inChain.add(p.name()));
      throw new ExportException(T, ExportFeature.BRANCHING, "populations "
          + c.populations().stream().map(PopulationParameters::name).filter(n -> !inChain.contains(n)).toList()
          + " are not on the chain starting at " + sources.get(0));
    }
    return new LayerChain(chain, ff, rec);
  }

  /** A loop through two or more populations as "A -> B -> A", or null. */
  private static String findLoop(CircuitParameters c, Map<String, List<ProjectionWeights>> out) {
    Map<String, Integer> state = new HashMap<>();
    for (PopulationParameters p : c.populations()) {
      List<String> path = new ArrayList<>();
      String loop = dfs(p.name(), out, state, path);
      if (loop != null) {
        return loop;
      }
    }
    return null;
  }

  private static String dfs(String node, Map<String, List<ProjectionWeights>> out, Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return null;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return String.join(" -> ", cycle);
    }
    state.put(node, 1);
    path.add(node);
    for (ProjectionWeights w : out.get(node)) {
      String loop = dfs(w.target(), out, state, path);
      if (loop != null) {
        return loop;
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
    return null;
  }
}
