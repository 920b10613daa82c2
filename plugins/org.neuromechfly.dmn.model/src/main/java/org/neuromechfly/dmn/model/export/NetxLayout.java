package org.neuromechfly.dmn.model.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Sign;

/**
 * How a circuit maps onto a lava-dl netx bundle, whose layers form a single chain: layer k receives
 * only from layer k − 1 (its {@code weight}) and from itself ({@code weight_rec}, one step later).
 *
 * <ul>
 *   <li>Populations that no projection reaches (the world's sensors, or the inputs of a circuit without
 *       a task) are the bundle's <b>spike source</b>: their spikes are its input, one channel per cell,
 *       in declaration order. They are computed off-chip (by the host or the sensor).
 *   <li>Every other population lives in a layer. Populations are staged by their longest distance
 *       from the sources (populations joined by loops, such as KC ↔ APL, share a stage); a projection
 *       that skips stages (WPN → DN past the mushroom body) merges the stages it spans. Projections
 *       between populations of one stage become the layer's recurrent weights, which act after one
 *       step — exactly the engine's one-step hop — so loops, branches and convergence are all
 *       expressed without relays or extra delays.
 * </ul>
 *
 * The price is that populations sharing a layer share what netx holds once per layer: one current
 * and voltage decay, one threshold mantissa (per-cell thresholds are folded into the weights) and one
 * weight exponent. Modulatory projections carry no fast drive and are ignored, as in the engine.
 *
 * @param sources the spike-source populations, in declaration order
 * @param layers the chain of layers after the spike source
 */
public record NetxLayout(List<String> sources, List<Layer> layers) {

  /**
   * One netx layer.
   *
   * @param index position in the bundle (1 = the first layer after the input)
   * @param populations its populations, in declaration order; their cells are consecutive
   * @param recurrent whether projections run between (or within) its populations ({@code dense_rec})
   */
  public record Layer(int index, List<String> populations, boolean recurrent) {
    public Layer {
      populations = List.copyOf(populations);
    }
  }

  public NetxLayout {
    sources = List.copyOf(sources);
    layers = List.copyOf(layers);
  }

  /** The layout of a circuit (never fails: what netx cannot express is found by {@link Loihi2Constraints}). */
  public static NetxLayout of(CircuitSpec spec) {
    List<String> names = spec.populations().stream().map(Population::name).toList();
    Map<String, List<String>> into = new LinkedHashMap<>();
    Map<String, List<String>> outOf = new LinkedHashMap<>();
    names.forEach(n -> {
      into.put(n, new ArrayList<>());
      outOf.put(n, new ArrayList<>());
    });
    for (Projection p : drives(spec)) {
      if (into.containsKey(p.target()) && outOf.containsKey(p.source())) {
        into.get(p.target()).add(p.source());
        outOf.get(p.source()).add(p.target());
      }
    }
    List<String> sources = names.stream().filter(n -> into.get(n).isEmpty()).toList();
    List<String> onChip = names.stream().filter(n -> !into.get(n).isEmpty()).toList();
    Map<String, Integer> component = components(onChip, outOf);
    Map<String, Integer> stage = new HashMap<>();
    for (String n : onChip) {
      stage.put(n, level(n, component, into, new HashMap<>()));
    }
    // a projection that skips stages merges the stages it spans (stages stay ordered, so repeat until none)
    boolean merged = true;
    while (merged) {
      merged = false;
      for (Projection p : drives(spec)) {
        Integer to = stage.get(p.target());
        int from = stage.getOrDefault(p.source(), 0);
        if (to != null && to > from + 1) {
          int first = from + 1;
          int span = to - first;
          stage.replaceAll((n, s) -> s > first && s <= to ? first : s > to ? s - span : s);
          merged = true;
        }
      }
    }
    int stages = stage.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Layer> layers = new ArrayList<>();
    for (int s = 1; s <= stages; s++) {
      final int k = s;
      List<String> members = onChip.stream().filter(n -> stage.get(n) == k).toList();
      if (members.isEmpty()) {
        continue;
      }
      boolean recurrent = drives(spec).stream()
          .anyMatch(p -> members.contains(p.source()) && members.contains(p.target()));
      layers.add(new Layer(layers.size() + 1, members, recurrent));
    }
    return new NetxLayout(sources, layers);
  }

  /** The projections with fast drive (modulatory ones carry none). */
  public static List<Projection> drives(CircuitSpec spec) {
    return spec.projections().stream().filter(p -> p.sign() != Sign.MODULATORY).toList();
  }

  /** Whether a population is part of the spike source. */
  public boolean isSource(String population) {
    return sources.contains(population);
  }

  /** The layer that holds a population, or empty for a spike source (or an unknown name). */
  public Optional<Layer> layerOf(String population) {
    return layers.stream().filter(l -> l.populations().contains(population)).findFirst();
  }

  /** Strongly connected components of the on-chip graph (Tarjan), as an index per population. */
  private static Map<String, Integer> components(List<String> onChip, Map<String, List<String>> outOf) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Map<String, Integer> component = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    int[] counter = {0, 0};
    for (String n : onChip) {
      if (!index.containsKey(n)) {
        strongConnect(n, onChip, outOf, index, low, component, stack, counter);
      }
    }
    return component;
  }

  private static void strongConnect(String v, List<String> onChip, Map<String, List<String>> outOf,
      Map<String, Integer> index, Map<String, Integer> low, Map<String, Integer> component, Deque<String> stack,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    for (String w : outOf.get(v)) {
      if (!onChip.contains(w)) {
        continue;
      }
      if (!index.containsKey(w)) {
        strongConnect(w, onChip, outOf, index, low, component, stack, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      int c = counter[1]++;
      String w;
      do {
        w = stack.pop();
        component.put(w, c);
      } while (!w.equals(v));
    }
  }

  /**
   * 1 + the longest distance from a spike source, counted over components (members of one loop share
   * a level); 1 for a population driven only from within its own component.
   */
  private static int level(String n, Map<String, Integer> component, Map<String, List<String>> into,
      Map<Integer, Integer> memo) {
    int c = component.get(n);
    Integer known = memo.get(c);
    if (known != null) {
      return known;
    }
    memo.put(c, 1); // guards the recursion; members of c never count as predecessors of c
    int level = 1;
    for (var e : component.entrySet()) {
      if (e.getValue() != c) {
        continue;
      }
      for (String pre : into.get(e.getKey())) {
        Integer pc = component.get(pre);
        if (pc != null && pc != c) {
          level = Math.max(level, 1 + level(pre, component, into, memo));
        }
      }
    }
    memo.put(c, level);
    return level;
  }
}
