package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.export.Exports;
import org.neuromechfly.dmn.model.Dimension;
import org.neuromechfly.dmn.model.Quantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmn import model.nir}: an NIR graph trained elsewhere as a {@code .circuit} plus its weights. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Turn an NIR graph into a .circuit model and a weights file.")
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the NIR file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "existing folder for the .circuit and weights files (default: current folder)")
  Path out;

  @Option(names = "--dt", paramLabel = "TIME", description = "time step when the NIR file has no dt in its metadata, with its unit (e.g. 1ms or '0.1 ms')")
  String dt;

  @Option(names = "--cell-type", paramLabel = "NODE=TYPE", description = "the cell type of a neuron node, e.g. lif1=KC (repeatable); unnamed nodes get the cell type 'unmapped', which the reference checks skip")
  Map<String, String> cellTypes = new LinkedHashMap<>();

  @Option(names = "--cell-types", paramLabel = "FILE", description = "a file of NODE=TYPE lines (# starts a comment), as --cell-type")
  Path cellTypeFile;

  @Option(names = "--force", description = "replace existing .circuit and weights files whose content differs (e.g. a hand-edited model)")
  boolean force;

  @Override
  public Integer call() {
    Map<String, String> types = new LinkedHashMap<>();
    if (cellTypeFile != null) {
      types.putAll(readMapping(cellTypeFile));
    }
    types.putAll(cellTypes);
    var result = Exports.importNir(file, out, dt == null ? null : seconds(dt), force, types);
    spec.commandLine().getOut().println("wrote " + result.circuitFile() + " and " + result.weightsFile());
    result.circuit().warnings().forEach(w -> spec.commandLine().getOut().println("note: " + w));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static double seconds(String text) {
    Quantity q;
    try {
      q = Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--dt: " + e.getMessage());
    }
    if (q.dimension() != Dimension.TIME || !(q.si() > 0)) {
      throw new UserError("--dt: '" + text + "' is not a positive time; give the step with a unit, e.g. --dt 1ms");
    }
    return q.si();
  }

  private static Map<String, String> readMapping(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read the cell-type file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        throw new UserError(file + ":" + (i + 1) + ": expected NODE=TYPE, found '" + line + "'");
      }
      out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return out;
  }
}
