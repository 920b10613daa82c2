package org.neuromechfly.dmn.circuit.generator.java;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuromechfly.dmn.model.Quantity;

/**
 * Java source that re-creates an IR value through the model's public API: records as constructor
 * calls, enums as constants, lists as {@code List.of}. Generic over the IR, so a new IR field needs no
 * generator change.
 */
final class JavaLiterals {
  private final Set<String> imports;

  /** @param imports receives the fully qualified names of the classes the literals use */
  JavaLiterals(Set<String> imports) {
    this.imports = imports;
  }

  String of(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Long l) {
      return Math.abs(l) <= Integer.MAX_VALUE ? Long.toString(l) : l + "L";
    }
    if (value instanceof Integer || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return type(e.getDeclaringClass()) + "." + e.name();
    }
    if (value instanceof Quantity q) {
      return type(Quantity.class) + ".of(" + number(q.value()) + ", " + of(q.unit()) + ")";
    }
    if (value instanceof List<?> list) {
      imports.add(List.class.getName());
      return "List.of(" + list.stream().map(this::of).collect(Collectors.joining(", ")) + ")";
    }
    if (value.getClass().isRecord()) {
      return record(value);
    }
    throw new IllegalArgumentException("no Java literal for " + value.getClass().getName());
  }

  /** A list with one element per line, for the top-level lists of a circuit. */
  String lines(List<?> list, String indent) {
    if (list.isEmpty()) {
      imports.add(List.class.getName());
      return "List.of()";
    }
    imports.add(List.class.getName());
    return "List.of(\n" + list.stream().map(v -> indent + "    " + of(v)).collect(Collectors.joining(",\n")) + ")";
  }

  private String record(Object record) {
    StringBuilder source = new StringBuilder("new ").append(type(record.getClass())).append('(');
    RecordComponent[] components = record.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      try {
        source.append(i == 0 ? "" : ", ").append(of(components[i].getAccessor().invoke(record)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + components[i], e);
      }
    }
    return source.append(')').toString();
  }

  /** The class's name as written after importing its top-level class: {@code Connectivity.RandomFanIn}. */
  String type(Class<?> type) {
    Class<?> top = type;
    String name = type.getSimpleName();
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
      name = top.getSimpleName() + "." + name;
    }
    imports.add(top.getName());
    return name;
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      return Long.toString((long) d);
    }
    String text = org.neuromechfly.dmn.model.NumberText.format(d);
    return text.contains(".") || text.contains("E") ? text : Double.toString(d);
  }
}
