package org.neuromechfly.dmn.circuit.sweep;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.SweepBlock;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;
import org.neuromechfly.dmn.model.SweepSpec.Value;

/**
 * The model of one run of a sweep, as text: the model as written with each swept setting set to the
 * run's value and the sweep block removed. Each run is then exactly the model one would write by hand
 * for it, so it is parsed, validated (every check, every range) and compiled like any other model, and
 * can be trained alone with {@code dmn train}.
 */
@Singleton
public class SweepPoints {
  @Inject private SweptSettings settings;

  /** A replacement of {@code length} characters at {@code offset}. */
  private record Edit(int offset, int length, String text) {}

  /**
   * The text of the run whose settings take {@code values} (path → value).
   *
   * @throws IllegalArgumentException naming the setting when the model has no place for it
   */
  public String text(Circuit circuit, Map<String, Value> values) {
    ICompositeNode root = NodeModelUtils.getNode(circuit).getRootNode();
    String text = root.getText();
    List<Edit> edits = new ArrayList<>();
    for (var element : circuit.getElements()) {
      if (element instanceof SweepBlock sweep) {
        INode node = NodeModelUtils.getNode(sweep);
        edits.add(new Edit(node.getOffset(), node.getLength(), "// (sweep block: see the sweep folder)"));
      }
    }
    values.forEach((path, value) -> edits.add(edit(circuit, text, path, SweepValues.text(value))));
    edits.sort(Comparator.comparingInt(Edit::offset).reversed());
    StringBuilder b = new StringBuilder(text);
    for (Edit e : edits) {
      b.replace(e.offset(), e.offset() + e.length(), e.text());
    }
    return b.toString();
  }

  private Edit edit(Circuit circuit, String text, String path, String value) {
    SweptSetting s = settings.find(circuit, path)
        .orElseThrow(() -> new IllegalArgumentException("'" + path + "' is not a setting a sweep of this model can vary"));
    EObject block = s.block().apply(circuit);
    if (block == null) {
      if (s.missing() != null) {
        throw new IllegalArgumentException("the model has no place for " + path + ": add " + s.missing() + " first");
      }
      // a training or loss block the model omits: add one at the end
      String keyword = s.path().startsWith("training.") ? "training" : "loss";
      return new Edit(text.length(), 0, "\n" + keyword + " {\n  " + String.format(s.insertion(), value) + "\n}\n");
    }
    EObject setting = s.setting().apply(block);
    if (setting == null) {
      if (s.part() || s.insertion() == null) {
        throw new IllegalArgumentException("the model has no place for " + path + ": add " + s.missing() + " first");
      }
      return insertInto(block, String.format(s.insertion(), value));
    }
    Object current = setting.eGet(s.feature());
    if (current instanceof EObject quantity) {
      INode node = NodeModelUtils.findActualNodeFor(quantity);
      return new Edit(node.getOffset(), node.getLength(), value);
    }
    List<INode> nodes = NodeModelUtils.findNodesForFeature(setting, s.feature());
    if (nodes.isEmpty()) { // an optional part the setting omits: append it
      if (s.insertion() == null) {
        throw new IllegalArgumentException("the model has no place for " + path + ": add " + s.missing() + " first");
      }
      INode node = NodeModelUtils.findActualNodeFor(setting);
      return new Edit(node.getOffset() + node.getLength(), 0, " " + String.format(s.insertion(), value));
    }
    INode node = nodes.get(0);
    return new Edit(node.getOffset(), node.getLength(), value);
  }

  /** Declares a setting as the first of a block (after its '{'), giving a population without one a block. */
  private static Edit insertInto(EObject block, String declaration) {
    ICompositeNode node = NodeModelUtils.findActualNodeFor(block);
    for (ILeafNode leaf : node.getLeafNodes()) {
      if (!leaf.isHidden() && "{".equals(leaf.getText())) {
        return new Edit(leaf.getOffset() + 1, 0, "\n  " + declaration);
      }
    }
    if (block instanceof Population) {
      return new Edit(node.getOffset() + node.getLength(), 0, " {\n  " + declaration + "\n}");
    }
    throw new IllegalArgumentException("cannot add '" + declaration + "' to " + block.eClass().getName()
        + (block instanceof TrainingBlock || block instanceof LossBlock ? " (incomplete block)" : ""));
  }
}
