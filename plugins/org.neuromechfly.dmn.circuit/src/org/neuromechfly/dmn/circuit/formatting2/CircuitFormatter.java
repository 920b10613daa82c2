package org.neuromechfly.dmn.circuit.formatting2;

import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.neuromechfly.dmn.circuit.circuit.CellSlice;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.Element;
import org.neuromechfly.dmn.circuit.circuit.LossBlock;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.SweepBlock;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.TrainingBlock;

/**
 * The one canonical layout of {@code .circuit} files, so that reviews diff content, not whitespace:
 * single spaces between tokens, one declaration per line, blank lines between kinds of declaration,
 * one setting per line inside braces (two-space indent), no spaces inside brackets and before commas.
 */
public class CircuitFormatter extends AbstractJavaFormatter {

  protected void format(Circuit circuit, IFormattableDocument doc) {
    List<ISemanticRegion> all = com.google.common.collect.Lists.newArrayList(getTextRegionAccess().regionForEObject(circuit).getAllSemanticRegions());
    for (ISemanticRegion region : all) {
      doc.append(region, it -> weak(it).oneSpace());
    }
    if (!all.isEmpty()) {
      doc.prepend(all.get(0), IHiddenRegionFormatter::noSpace);
      doc.append(all.get(all.size() - 1), IHiddenRegionFormatter::newLine);
    }
    doc.prepend(regionFor(circuit).keyword("reference"), IHiddenRegionFormatter::newLine);
    punctuation(circuit, doc);
    Element previous = null;
    for (Element element : circuit.getElements()) {
      boolean blank = previous == null || previous.eClass() != element.eClass() || hasBraces(element) || hasBraces(previous);
      doc.prepend(regionFor(element).keyword(firstKeyword(element)), it -> it.setNewLines(blank ? 2 : 1));
      braces(element, doc);
      previous = element;
    }
  }

  private void punctuation(Circuit circuit, IFormattableDocument doc) {
    var everywhere = allRegionsFor(circuit);
    for (ISemanticRegion open : everywhere.keywords("(")) {
      doc.append(open, IHiddenRegionFormatter::noSpace);
      if (!(open.getSemanticElement() instanceof org.neuromechfly.dmn.circuit.circuit.Position)) {
        doc.prepend(open, IHiddenRegionFormatter::noSpace);
      }
    }
    for (ISemanticRegion close : everywhere.keywords(")")) {
      doc.prepend(close, IHiddenRegionFormatter::noSpace);
    }
    for (ISemanticRegion comma : everywhere.keywords(",")) {
      doc.prepend(comma, IHiddenRegionFormatter::noSpace);
    }
    for (CellSlice slice : EcoreUtil2.getAllContentsOfType(circuit, CellSlice.class)) {
      var slices = regionFor(slice);
      doc.surround(slices.keyword("["), IHiddenRegionFormatter::noSpace);
      doc.surround(slices.keyword(".."), IHiddenRegionFormatter::noSpace);
      doc.prepend(slices.keyword("]"), IHiddenRegionFormatter::noSpace);
    }
  }

  private void braces(Element element, IFormattableDocument doc) {
    if (!hasBraces(element)) {
      return;
    }
    ISemanticRegion open = regionFor(element).keyword("{");
    ISemanticRegion close = regionFor(element).keyword("}");
    List<? extends EObject> settings = settings(element);
    if (settings.isEmpty()) {
      doc.append(open, IHiddenRegionFormatter::noSpace);
      return;
    }
    doc.interior(open, close, IHiddenRegionFormatter::indent);
    for (EObject setting : settings) {
      doc.prepend(firstRegion(setting), IHiddenRegionFormatter::newLine);
    }
    doc.prepend(close, IHiddenRegionFormatter::newLine);
  }

  private ISemanticRegion firstRegion(EObject object) {
    var regions = getTextRegionAccess().regionForEObject(object).getAllSemanticRegions().iterator();
    return regions.hasNext() ? regions.next() : null;
  }

  private static boolean hasBraces(Element element) {
    return element instanceof Task
        || element instanceof LossBlock
        || element instanceof TrainingBlock
        || element instanceof SweepBlock
        || element instanceof Population p && !p.getSettings().isEmpty();
  }

  private static List<? extends EObject> settings(Element element) {
    if (element instanceof Population p) {
      return p.getSettings();
    }
    if (element instanceof Task t) {
      return t.getSettings();
    }
    if (element instanceof LossBlock l) {
      return l.getTerms();
    }
    if (element instanceof SweepBlock s) {
      return s.getAxes();
    }
    return ((TrainingBlock) element).getSettings();
  }

  private static String firstKeyword(Element element) {
    return switch (element.eClass().getName()) {
      case "ConnectomeSource" -> "connectome";
      case "Population" -> "population";
      case "Projection" -> "projection";
      case "Task" -> "task";
      case "LossBlock" -> "loss";
      case "TrainingBlock" -> "training";
      case "SweepBlock" -> "sweep";
      default -> "export";
    };
  }

  private static IHiddenRegionFormatter weak(IHiddenRegionFormatter formatter) {
    formatter.lowPriority();
    return formatter;
  }
}
