package org.neuromechfly.dmn.circuit.compiler;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.OptionalInt;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.SelectionSetting;
import org.neuromechfly.dmn.circuit.reference.ConnectomeIndex;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.connectome.importer.NeuronFilter;

/**
 * The neurons a population's {@code from SOURCE where …} setting selects, read from the data the
 * validator and the tools share ({@link ConnectomeIndex}): the compiler takes the population's count
 * from it, the checks report an empty or unreadable selection.
 */
@Singleton
public class PopulationSelections {
  @Inject private ConnectomeIndex index;

  /**
   * What a selection found.
   *
   * @param count neurons selected, or -1 when the data could not be read
   * @param problem why the data could not be read (or the patterns are invalid), else null
   * @param missing whether the data are simply absent (they may be on another machine)
   * @param neurons neurons in the source, for messages
   */
  public record Selected(int count, String problem, boolean missing, int neurons) {}

  /** The selection of a population with a {@code from} setting, or null for a population without one. */
  public Selected select(Population population) {
    var setting = Settings.first(population.getSettings(), SelectionSetting.class).orElse(null);
    if (setting == null || setting.getSource() == null || setting.getSource().eIsProxy()) {
      return null;
    }
    ConnectomeIndex.Loaded loaded = index.load(setting.getSource());
    if (loaded.connectome() == null) {
      return new Selected(-1, loaded.problem() == null ? "the connectome format is unknown" : loaded.problem(),
          loaded.missing(), 0);
    }
    try {
      int[] picked = loaded.connectome().select(NeuronFilter.of(CircuitCompiler.selection(setting)));
      return new Selected(picked.length, null, false, loaded.connectome().neurons().size());
    } catch (ConnectomeException e) {
      return new Selected(-1, e.getMessage(), false, loaded.connectome().neurons().size());
    }
  }

  /** The number of neurons a population with a {@code from} setting is, when its data can be read. */
  public OptionalInt count(Population population) {
    Selected s = select(population);
    return s == null || s.count() < 0 ? OptionalInt.empty() : OptionalInt.of(s.count());
  }
}
