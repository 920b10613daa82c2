package org.neuromechfly.dmn.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;
import org.neuromechfly.dmn.export.loihi.LoihiQuantiser;
import org.neuromechfly.dmn.export.loihi.BundleSimulation;
import org.neuromechfly.dmn.export.loihi.NetxFile;
import org.neuromechfly.dmn.export.loihi.NetxNetwork;
import org.neuromechfly.dmn.export.loihi.QuantisationReport;
import org.neuromechfly.dmn.export.nir.ImportedCircuit;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirGraph;
import org.neuromechfly.dmn.export.nir.NirImporter;
import org.neuromechfly.dmn.export.nir.NirOptions;
import org.neuromechfly.dmn.export.nir.NirRules;
import org.neuromechfly.dmn.export.nir.NirWriter;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * The export module's entry points, as the CLI calls them. Every failure that is about the circuit
 * raises an {@link ExportException} whose message names the target and the feature (or, for NIR files,
 * the node) and says what to change. Output paths follow {@link OutputTarget}'s rule: a path the user
 * gave explicitly is written where it points; a path from the model must stay inside the output folder.
 */
public final class Exports {
  private Exports() {}

  /** A written NIR file, its graph and the approximations made. */
  public record NirResult(Path file, NirGraph graph, List<String> warnings) {}

  /** A written netx file, its quantisation report (also written as {@code <file>.quantisation.json}). */
  public record LoihiResult(Path file, Path reportFile, NetxNetwork network, QuantisationReport report) {}

  /** An imported NIR graph: the {@code .circuit} file, the weights sidecar and what was read. */
  public record NirImport(Path circuitFile, Path weightsFile, ImportedCircuit circuit) {}

  /**
   * Exports a circuit as a NIR graph. The file is checked against {@link NirRules} after writing by
   * reading it back.
   *
   * @param source a run folder (trained values), the IR with its wiring (initial values), or parameters
   * @param output where to write ({@link OutputTarget#explicit} or {@link OutputTarget#declared})
   * @param options importer convention (r, v_leak), τ mapping, strictness
   * @throws ExportException for a feature NIR cannot express (naming it), or a file that fails the rules
   */
  public static NirResult nir(CircuitSource source, OutputTarget output, NirOptions options) {
    CircuitParameters circuit = source.load();
    NirWriter.Built built = NirWriter.build(circuit, options);
    NirRules.check(built.graph());
    output.writeAtomically(tmp -> NirFile.write(built.graph(), tmp));
    NirRules.check(NirFile.read(output.file()));
    return new NirResult(output.file(), built.graph(), built.warnings());
  }

  /** {@link #nir(CircuitSource, OutputTarget, NirOptions)} for an explicitly named file. */
  public static NirResult nir(CircuitSource source, Path file, NirOptions options) {
    return nir(source, OutputTarget.explicit(file), options);
  }

  /**
   * Exports a circuit to Loihi 2 as a lava-dl netx file and writes the quantisation report next to it
   * ({@code <file>.quantisation.json}): per-layer fixed-point values and errors, and how the bundle's
   * integers follow the model on the same input (spike agreement per population; with a task, held-out
   * success of both), see {@link BundleSimulation}.
   *
   * @throws ExportException when the circuit is not a netx layer chain or uses a feature Loihi cannot
   *     express, naming the feature
   */
  public static LoihiResult loihi(CircuitSource source, OutputTarget output, LoihiOptions options) {
    CircuitParameters circuit = source.load();
    NetxNetwork net = LoihiQuantiser.quantise(circuit, options);
    BundleSimulation.Result run = net.layers().isEmpty() ? null : BundleSimulation.run(source, circuit, net, options);
    boolean trainedForLoihi = circuit.spec().training().target() == TrainingTarget.LOIHI2;
    QuantisationReport report = QuantisationReport.of(net, trainedForLoihi, run);
    output.writeAtomically(tmp -> NetxFile.write(net, tmp));
    OutputTarget reportTarget = output.siblingTarget(".quantisation.json");
    Path reportFile = reportTarget.file();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("circuit", net.circuit());
    json.put("source", circuit.origin());
    json.put("dt_s", net.dt());
    json.put("report", report);
    writeJson(reportTarget, json);
    return new LoihiResult(output.file(), reportFile, net, report);
  }

  public static LoihiResult loihi(CircuitSource source, Path file, LoihiOptions options) {
    return loihi(source, OutputTarget.explicit(file), options);
  }

  /**
   * Imports a NIR graph: writes {@code <name>.circuit} and {@code <name>.weights.json} into
   * {@code outputFolder} (name from the file), so that models trained elsewhere can be inspected.
   *
   * @param nirFile the NIR file
   * @param outputFolder folder for the two files (created if its parent exists)
   * @param fallbackDt step in seconds when the graph's metadata has none, or {@code null}
   * @throws org.neuromechfly.dmn.export.nir.NirFormatException for a malformed file, naming the node
   */
  public static NirImport importNir(Path nirFile, Path outputFolder, Double fallbackDt) {
    return importNir(nirFile, outputFolder, fallbackDt, true);
  }

  /**
   * As {@link #importNir(Path, Path, Double)}; with {@code replace} off, existing files that would
   * change are refused. The output folder must exist. File names are the circuit's name, cut to
   * {@value #MAX_FILE_BASE} characters (file systems allow 255 bytes).
   */
  public static NirImport importNir(Path nirFile, Path outputFolder, Double fallbackDt, boolean replace) {
    return importNir(nirFile, outputFolder, fallbackDt, replace, Map.of());
  }

  /**
   * As {@link #importNir(Path, Path, Double, boolean)}, naming the cell types of neuron nodes (node name
   * → cell type); nodes not named get {@link org.neuromechfly.dmn.model.Population#UNMAPPED_CELL_TYPE},
   * which the reference checks skip.
   */
  public static NirImport importNir(Path nirFile, Path outputFolder, Double fallbackDt, boolean replace,
      Map<String, String> cellTypes) {
    NirFile.Document doc = NirFile.read(nirFile);
    String fileName = nirFile.getFileName().toString();
    ImportedCircuit imported = NirImporter.importGraph(doc, fallbackDt, fileName, cellTypes);
    String name = imported.parameters().spec().name();
    String base = name.length() > MAX_FILE_BASE ? name.substring(0, MAX_FILE_BASE) : name;
    OutputTarget circuitFile = OutputTarget.declared(base + ".circuit", outputFolder).replacing(replace);
    OutputTarget weightsFile = OutputTarget.declared(base + ".weights.json", outputFolder).replacing(replace);
    String text = imported.circuitText().replace("the weights sidecar",
        "the weights sidecar " + weightsFile.file().getFileName());
    String json = json(weightsFile, imported.sidecar());
    // both refused before either is written: never half an import
    circuitFile.requireReplaceable(text.getBytes(StandardCharsets.UTF_8));
    weightsFile.requireReplaceable(json.getBytes(StandardCharsets.UTF_8));
    circuitFile.writeAtomically(tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    weightsFile.writeAtomically(tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
    return new NirImport(circuitFile.file(), weightsFile.file(), imported);
  }

  /** Longest file name (before the extension) an import writes. */
  static final int MAX_FILE_BASE = 100;

  private static void writeJson(OutputTarget target, Object value) {
    String json = json(target, value);
    target.writeAtomically(tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
  }

  private static String json(OutputTarget target, Object value) {
    try {
      return CircuitJson.pretty(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + target.file(), new IOException(e));
    }
  }
}
