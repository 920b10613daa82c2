package org.neuromechfly.dmn.circuit;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each element sits in the long containment lists of one resource, so that naming an element
 * (its URI fragment: {@code /0/@elements.12/@settings.40000}) does not search its list from the start.
 * EMF searches it: a diagnostic on each of n settings of one population costs n²/2 comparisons, and a
 * model with 46,000 repeated settings took seconds to validate (issue #12's long fuzz run).
 *
 * <p>Every answer is checked against the list ({@code list.get(i) == element}), and a list whose
 * answer is stale (it was edited) is indexed again: an edited model never gets a wrong position.
 */
final class SiblingPositions {

  /** Lists shorter than this are searched as EMF does: the index would cost more than it saves. */
  static final int LONG_LIST = 64;

  private final Map<List<?>, Map<Object, Integer>> byList = new IdentityHashMap<>();

  /** The position of {@code element} in {@code siblings}, which contains it. */
  synchronized int indexOf(List<?> siblings, Object element) {
    Map<Object, Integer> positions = byList.get(siblings);
    Integer at = positions == null ? null : positions.get(element);
    if (at == null || at >= siblings.size() || siblings.get(at) != element) {
      positions = new IdentityHashMap<>(siblings.size() * 2);
      for (int i = 0; i < siblings.size(); i++) {
        positions.put(siblings.get(i), i);
      }
      byList.put(siblings, positions);
      at = positions.get(element);
    }
    return at == null ? -1 : at;
  }

  /** Forgets every list (the resource was parsed again or unloaded). */
  synchronized void clear() {
    byList.clear();
  }
}
