package org.neuromechfly.dmn.export.nir;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.export.CircuitParameters;
import org.neuromechfly.dmn.export.PopulationParameters;
import org.neuromechfly.dmn.export.ProjectionWeights;
import org.neuromechfly.dmn.model.CircuitKeywords;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;

/**
 * Renders an imported circuit as {@code .circuit} text: structure and summaries; numbers in the sidecar.
 * Names spelled like the language's keywords are written escaped ({@code ^population}).
 */
final class CircuitText {
  private CircuitText() {}

  static String render(CircuitParameters c, List<ImportedCircuit.ExternalInput> inputs,
      Map<String, String> nodeToPop, String source, String version, TauMapping mapping, List<String> warnings) {
    StringBuilder s = new StringBuilder();
    s.append("// Imported from ").append(source).append(" (NIR ").append(version).append(", dt ")
        .append(NirImporter.number(c.dt() * 1e3)).append(" ms, tau mapping ").append(mapping.key()).append(").\n");
    s.append("// The .circuit language has no per-edge weights: each projection states the mean magnitude and\n");
    s.append("// the weights sidecar holds every matrix (out x in) and per-neuron value in the engine's form.\n");
    if (c.populations().stream().anyMatch(p -> Population.UNMAPPED_CELL_TYPE.equals(p.population().cellType()))) {
      s.append("// Cell types marked '").append(Population.UNMAPPED_CELL_TYPE).append("' are not named yet: the reference"
          + " checks skip them. Name them\n// when importing (dmn import FILE --cell-type NODE=TYPE) or here.\n");
    }
    for (String w : warnings) {
      s.append("// note: ").append(w).append('\n');
    }
    s.append("circuit ").append(CircuitKeywords.escape(c.spec().name())).append("\n\n");
    for (PopulationParameters p : c.populations()) {
      var m = p.population().neuron();
      String node = nodeToPop.entrySet().stream().filter(e -> e.getValue().equals(p.name()))
          .map(Map.Entry::getKey).findFirst().orElse(p.name());
      if (!node.equals(p.name())) {
        s.append("// NIR node '").append(node).append("'\n");
      }
      for (ImportedCircuit.ExternalInput in : inputs) {
        if (in.population().equals(p.name())) {
          s.append("// receives the graph's input '").append(in.input()).append("' (").append(in.channels())
              .append(in.channels() == 1 ? " channel)" : " channels)")
              .append(in.node() == null ? " directly" : " through '" + in.node() + "' (weights in the sidecar's inputs)")
              .append(in.delaySteps() > 0 ? ", " + in.delaySteps() + " steps late" : "").append('\n');
        }
      }
      s.append("population ").append(CircuitKeywords.escape(p.name())).append(" : ")
          .append(CircuitKeywords.escape(p.population().cellType())).append(" {\n");
      s.append("  count ").append(p.count()).append('\n');
      s.append("  tau_mem ").append(NirImporter.number(m.tauMem().value())).append(" ms").append(range(p.tauMem(), 1e3, " ms"))
          .append('\n');
      if (m.tauSyn() != null) {
        s.append("  tau_syn ").append(NirImporter.number(m.tauSyn().value())).append(" ms")
            .append(range(p.tauSyn(), 1e3, " ms")).append('\n');
      }
      if (!m.graded()) {
        s.append("  threshold ").append(NirImporter.number(m.threshold())).append(range(p.threshold(), 1, "")).append('\n');
        s.append(m.resetMode() == ResetMode.SUBTRACT ? "  reset subtract\n"
            : "  reset to " + NirImporter.number(m.reset()) + "\n");
      }
      if (Arrays.stream(p.bias()).anyMatch(b -> b != 0)) {
        s.append("  bias ").append(NirImporter.number(m.bias())).append(range(p.bias(), 1, "")).append('\n');
      }
      if (m.graded()) {
        s.append("  graded\n");
      }
      s.append("}\n\n");
    }
    int index = 0;
    for (ProjectionWeights w : c.projections()) {
      var p = w.projection();
      boolean oneToOne = p.connectivity() instanceof Connectivity.OneToOne;
      s.append("projection ").append(CircuitKeywords.escape(p.source())).append(" -> ")
          .append(CircuitKeywords.escape(p.target())).append(oneToOne ? " one_to_one" : " dense");
      s.append(" sign ").append(p.sign() == Sign.INHIBITORY ? "inhibitory" : "excitatory");
      s.append(" weight constant(").append(NirImporter.number(((org.neuromechfly.dmn.model.WeightInit.Constant) p.weight()).value()))
          .append(')');
      if (p.delay() != null) {
        s.append(" delay ").append(NirImporter.number(p.delay().value())).append(" ms");
      }
      s.append("  // sidecar projections[").append(index++).append("]: ").append(w.edgeCount()).append(" non-zero of ")
          .append((long) w.sourceCount() * w.targetCount()).append('\n');
    }
    return s.toString();
  }

  private static String range(double[] values, double scale, String unit) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
      return "";
    }
    return "  // mean; per neuron " + NirImporter.number(min * scale) + " .. " + NirImporter.number(max * scale) + unit
        + " (sidecar)";
  }
}
