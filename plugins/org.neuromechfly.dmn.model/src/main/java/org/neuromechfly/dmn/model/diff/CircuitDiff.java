package org.neuromechfly.dmn.model.diff;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.Projection;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.WeightInit;

/**
 * Semantic difference of two circuits for model review: compares the IR, so layout, comments and
 * declaration order of unchanged things never show, and speaks in the language's words ("KC tau_mem
 * 20 ms → 15 ms; PN -> KC fan_in 7 → 6; loss energy 0.1 → 0.2").
 */
public final class CircuitDiff {
  private CircuitDiff() {}

  public static List<ModelChange> between(CircuitSpec before, CircuitSpec after) {
    List<ModelChange> changes = new ArrayList<>();
    property(changes, "circuit", "name", before.name(), after.name());
    property(changes, "circuit", "reference", before.referenceData(), after.referenceData());
    keyed(changes, "connectome", before.connectomes(), after.connectomes(), c -> c.name(), (subject, a, b) -> fields(changes, subject, a, b));
    keyed(changes, "population", before.populations(), after.populations(), Population::name, (subject, a, b) -> population(changes, a, b));
    keyed(changes, "projection", before.projections(), after.projections(), Projection::label, (subject, a, b) -> projection(changes, a, b));
    if (before.task() == null || after.task() == null || before.task().getClass() != after.task().getClass()) {
      property(changes, "task", "", before.task() == null ? null : "navigation", after.task() == null ? null : "navigation");
    } else {
      fields(changes, "task", before.task(), after.task());
    }
    keyed(changes, "loss", before.losses(), after.losses(), CircuitDiff::lossKey, (subject, a, b) -> fields(changes, subject, a, b));
    fields(changes, "training", before.training(), after.training());
    fields(changes, "export", before.exports(), after.exports());
    return changes;
  }

  private interface Pair<T> {
    void compare(String subject, T before, T after);
  }

  private static <T> void keyed(List<ModelChange> changes, String kind, List<T> before, List<T> after, Function<T, String> key, Pair<T> common) {
    Map<String, T> old = index(before, key);
    Map<String, T> now = index(after, key);
    old.forEach((k, v) -> {
      if (!now.containsKey(k)) {
        changes.add(new ModelChange(ModelChange.Kind.REMOVED, kind + " " + k, "", "", null));
      }
    });
    now.forEach((k, v) -> {
      if (!old.containsKey(k)) {
        changes.add(new ModelChange(ModelChange.Kind.ADDED, kind + " " + k, "", null, ""));
      } else {
        common.compare(kind.equals("loss") ? "loss " + k : k, old.get(k), v);
      }
    });
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(i -> map.putIfAbsent(key.apply(i), i));
    return map;
  }

  private static void population(List<ModelChange> changes, Population a, Population b) {
    property(changes, a.name(), "cell type", a.cellType(), b.cellType());
    property(changes, a.name(), "count", Integer.toString(a.count()), Integer.toString(b.count()));
    fields(changes, a.name(), a.neuron(), b.neuron());
    property(changes, a.name(), "learn", words(a.learned()), words(b.learned()));
    property(changes, a.name(), "shared", words(List.of(a.sharing())), words(List.of(b.sharing())));
    property(changes, a.name(), "initial rate", text(a.initialRate()), text(b.initialRate()));
  }

  private static void projection(List<ModelChange> changes, Projection a, Projection b) {
    String subject = a.label();
    if (a.connectivity() instanceof Connectivity.RandomFanIn x && b.connectivity() instanceof Connectivity.RandomFanIn y) {
      property(changes, subject, "fan_in", Integer.toString(x.fanIn()), Integer.toString(y.fanIn()));
      property(changes, subject, "ipsilateral", Boolean.toString(x.ipsilateral()), Boolean.toString(y.ipsilateral()));
    } else {
      property(changes, subject, "rule", rule(a.connectivity()), rule(b.connectivity()));
    }
    property(changes, subject, "sign", words(List.of(a.sign())), words(List.of(b.sign())));
    property(changes, subject, "weight", weight(a.weight()), weight(b.weight()));
    property(changes, subject, "learn", Boolean.toString(a.learnable()), Boolean.toString(b.learnable()));
    property(changes, subject, "delay", text(a.delay()), text(b.delay()));
  }

  /** Compares two records component by component, descending into nested records. */
  private static void fields(List<ModelChange> changes, String subject, Object a, Object b) {
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      Object x = value(component, a);
      Object y = value(component, b);
      if (x != null && y != null && x.getClass().isRecord() && !(x instanceof Quantity) && x.getClass() == y.getClass()) {
        fields(changes, subject + " " + snake(component.getName()), x, y);
      } else {
        String property = component.getName().equals("weight") && subject.startsWith("loss ") ? "" : snake(component.getName());
        property(changes, subject, property, text(x), text(y));
      }
    }
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static void property(List<ModelChange> changes, String subject, String property, String before, String after) {
    if (!Objects.equals(before, after)) {
      ModelChange.Kind kind = before == null ? ModelChange.Kind.ADDED : after == null ? ModelChange.Kind.REMOVED : ModelChange.Kind.CHANGED;
      changes.add(new ModelChange(kind, subject, property, before, after));
    }
  }

  private static String lossKey(LossTerm term) {
    String name = term.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return term instanceof LossTerm.Sparsity s ? name + " on " + s.population() : name;
  }

  private static String rule(Connectivity c) {
    if (c instanceof Connectivity.OneToOne) {
      return "one_to_one";
    }
    if (c instanceof Connectivity.Glomerular g) {
      if (g.map() != null) {
        return "glomerular by " + g.map();
      }
      return g.glomeruli() == 0 ? "glomerular" : "glomerular " + g.glomeruli() + " glomeruli";
    }
    if (c instanceof Connectivity.RandomFanIn f) {
      return "random fan_in " + f.fanIn() + (f.ipsilateral() ? " ipsilateral" : "");
    }
    if (c instanceof Connectivity.Dense) {
      return "dense";
    }
    Connectivity.FromConnectome f = (Connectivity.FromConnectome) c;
    return "from " + f.source() + " " + f.query();
  }

  private static String weight(WeightInit w) {
    if (w instanceof WeightInit.Constant c) {
      return "constant(" + NumberText.format(c.value()) + ")";
    }
    if (w instanceof WeightInit.Normal n) {
      return "normal(" + NumberText.format(n.mean()) + ", " + NumberText.format(n.std()) + ")";
    }
    if (w instanceof WeightInit.Uniform u) {
      return "uniform(" + NumberText.format(u.low()) + ", " + NumberText.format(u.high()) + ")";
    }
    if (w instanceof WeightInit.SynapseScaled s) {
      return "synapses * " + NumberText.format(s.scale());
    }
    return w instanceof WeightInit.Xavier ? "xavier" : "kaiming";
  }

  private static String words(List<? extends Enum<?>> values) {
    return String.join(", ", values.stream().map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList());
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double d) {
      return NumberText.format(d);
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    return value.toString();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
