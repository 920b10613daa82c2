package org.neuromechfly.dmn.circuit.ide.outline;

import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.neuromechfly.dmn.circuit.ast.Settings;
import org.neuromechfly.dmn.circuit.circuit.ActivityLoss;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.EnergyLoss;
import org.neuromechfly.dmn.circuit.circuit.ExportBlock;
import org.neuromechfly.dmn.circuit.circuit.LossTerm;
import org.neuromechfly.dmn.circuit.circuit.NavigationLoss;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.SparsityLoss;

/**
 * One-line summaries of model elements in the words a modeller reads them: "2000 × KC" for a
 * population, "PN → KC" for a projection. Shared by the outline (LSP document symbols), content assist
 * and hovers, so every view names an element the same way.
 */
public final class ElementSummaries {
  /** Longest detail shown for a block's settings; the outline is a list, not a copy of the file. */
  private static final int MAX_DETAIL = 80;

  private ElementSummaries() {}

  /** "2000 × KC", or the cell type alone while no count is written. */
  public static String population(Population population) {
    String type = population.getCellType() == null ? "?" : population.getCellType();
    var count = Settings.count(population);
    return count.isPresent() ? String.format(java.util.Locale.ROOT, "%d × %s", count.getAsInt(), type) : type;
  }

  /** "PN → KC", with "?" for a side that is not written yet. */
  public static String projectionName(Projection projection) {
    return side(projection, true) + " → " + side(projection, false);
  }

  /** The connectivity rule and options as written: "random fan_in 7 ipsilateral weight uniform(0, 1) learn". */
  public static String projectionDetail(Projection projection) {
    StringBuilder detail = new StringBuilder(text(projection.getRule()));
    projection.getOptions().forEach(o -> detail.append(' ').append(text(o)));
    return shorten(detail.toString().trim());
  }

  public static String connectomeDetail(ConnectomeSource source) {
    return shorten((source.getFormat() == null ? "" : source.getFormat()) + " \"" + (source.getPath() == null ? "" : source.getPath()) + "\"");
  }

  /** A loss term's name: "navigation", "sparsity on KC". */
  public static String lossName(LossTerm term) {
    if (term instanceof NavigationLoss) {
      return "navigation";
    }
    if (term instanceof EnergyLoss) {
      return "energy";
    }
    if (term instanceof SparsityLoss sparsity) {
      Population on = sparsity.getPopulation();
      return "sparsity on " + (on == null || on.eIsProxy() ? "?" : on.getName());
    }
    if (term instanceof ActivityLoss) {
      return "activity";
    }
    return term.eClass().getName();
  }

  /** What follows the term's keyword: "1.0 goal radius 15 mm". */
  public static String lossDetail(LossTerm term) {
    String text = text(term);
    int space = text.indexOf(' ');
    return space < 0 ? "" : shorten(text.substring(space + 1));
  }

  /** The settings of a block on one line, e.g. a training block's "optimizer adam lr 0.02 …". */
  public static String settings(List<? extends EObject> settings) {
    return shorten(settings.stream().map(ElementSummaries::text).collect(Collectors.joining(", ")));
  }

  public static String exports(ExportBlock block) {
    return settings(block.getTargets());
  }

  /** An element's tokens as written, with layout and comments normalised to single spaces. */
  public static String text(EObject element) {
    if (element == null) {
      return "";
    }
    ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
    return node == null ? "" : NodeModelUtils.getTokenText(node);
  }

  private static String side(Projection projection, boolean source) {
    Population population = source ? projection.getSource() : projection.getTarget();
    if (population == null) {
      return "?";
    }
    if (!population.eIsProxy()) {
      return population.getName();
    }
    // unresolved: show what was written
    var feature = source
        ? org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.PROJECTION__SOURCE
        : org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals.PROJECTION__TARGET;
    return NodeModelUtils.findNodesForFeature(projection, feature).stream().map(n -> NodeModelUtils.getTokenText(n)).findFirst().orElse("?");
  }

  private static String shorten(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
  }
}
