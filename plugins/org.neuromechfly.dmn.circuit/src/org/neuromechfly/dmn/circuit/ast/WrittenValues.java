package org.neuromechfly.dmn.circuit.ast;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/**
 * What the modeller actually wrote, from the node model rather than the EMF values: an optional
 * number written as {@code 0} is set although EMF calls it "unset" (its default), and a number the
 * parser could not hold ({@link CircuitIssueCodes#NUMBER_OUT_OF_RANGE}) is left at its default
 * although it was written.
 */
public final class WrittenValues {
  private WrittenValues() {}

  private static final IResourceScopeCache CACHE = new OnChangeEvictingCache();

  /** Whether the feature was written in the text (for models without text: whether EMF has it set). */
  public static boolean written(EObject owner, EStructuralFeature feature) {
    if (NodeModelUtils.getNode(owner) == null) {
      return owner.eIsSet(feature);
    }
    return NodeModelUtils.findNodesForFeature(owner, feature).stream().anyMatch(n -> !n.getText().isBlank());
  }

  /** Whether the feature was written and holds what was written (its number was not out of range). */
  public static boolean readable(EObject owner, EStructuralFeature feature) {
    return written(owner, feature) && !unreadable(owner, feature);
  }

  /**
   * Whether the text of the feature (or, with a null feature, of the whole element) holds a number
   * the parser could not hold: checks must not report its default value as if it were written.
   */
  public static boolean unreadable(EObject owner, EStructuralFeature feature) {
    if (owner == null || !(owner.eResource() instanceof XtextResource resource)) {
      return false;
    }
    List<int[]> bad = CACHE.get(WrittenValues.class, resource, () -> outOfRangeRegions(resource));
    if (bad.isEmpty()) {
      return false;
    }
    List<INode> nodes = feature == null
        ? java.util.Optional.ofNullable(NodeModelUtils.getNode(owner)).map(List::<INode>of).orElse(List.of())
        : NodeModelUtils.findNodesForFeature(owner, feature);
    for (INode node : nodes) {
      int from = node.getOffset();
      int to = node.getEndOffset();
      for (int[] region : bad) {
        if (region[0] >= from && region[1] <= to) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<int[]> outOfRangeRegions(XtextResource resource) {
    List<int[]> regions = new ArrayList<>();
    if (resource.getParseResult() == null) {
      return regions;
    }
    for (INode node : resource.getParseResult().getSyntaxErrors()) {
      var error = node.getSyntaxErrorMessage();
      if (error != null && CircuitIssueCodes.NUMBER_OUT_OF_RANGE.equals(error.getIssueCode())) {
        regions.add(new int[] {node.getOffset(), node.getEndOffset()});
      }
    }
    return regions;
  }
}
