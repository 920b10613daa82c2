package org.neuromechfly.dmn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.export.CircuitSource;
import org.neuromechfly.dmn.export.Exports;
import org.neuromechfly.dmn.export.OutputTarget;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;
import org.neuromechfly.dmn.export.nir.NirConvention;
import org.neuromechfly.dmn.export.nir.NirOptions;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExportSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmn export RUN_OR_FILE}: a trained run (or a model's initial circuit) as NIR and/or a Loihi 2
 * netx bundle. Paths given here are written where they point; paths declared in the model must stay
 * inside the run (or model) folder.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a trained run folder or a .circuit model to NIR and Loihi 2 (lava-dl netx).")
final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_OR_FILE", description = "a run folder from dmn train, or a .circuit file (initial weights)")
  Path input;

  @Option(names = "--nir", paramLabel = "FILE", description = "NIR HDF5 file to write")
  Path nir;

  @Option(names = "--loihi", paramLabel = "FILE", description = "lava-dl netx HDF5 file to write (+ a quantisation report beside it)")
  Path loihi;

  /** The conventions by the names users know them by (picocli's enum converter reads them). */
  enum Convention {
    norse(NirConvention.NORSE_SINABS),
    sinabs(NirConvention.NORSE_SINABS),
    snntorch(NirConvention.SNNTORCH);

    final NirConvention value;

    Convention(NirConvention value) {
      this.value = value;
    }
  }

  @Option(names = "--convention", paramLabel = "NAME", defaultValue = "norse",
      description = "NIR parameter convention: norse or sinabs (r=1), snntorch (r=tau/dt) (default: ${DEFAULT-VALUE})")
  Convention convention;

  @Option(names = "--force", description = "replace existing export files whose content differs")
  boolean force;

  @Option(names = "--held-out", paramLabel = "N", defaultValue = "16", description = "with a navigation task: held-out starts the Loihi report runs the model and the bundle on (0: none; default: ${DEFAULT-VALUE})")
  int heldOutStarts;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    DataDirectory data = dataDir.directory();
    CircuitSource source;
    CircuitSpec circuit;
    Path folder;
    if (Files.isDirectory(input)) {
      RunFolder run = RunFolder.existing(input);
      source = CircuitSource.runFolder(input, data);
      circuit = org.neuromechfly.dmn.model.json.CircuitJson.read(Files.readString(run.file(RunFolder.CIRCUIT)));
      folder = input;
    } else {
      circuit = new ModelWorkspace(data).compileOrFail(input, spec.commandLine().getErr(), "not exported");
      source = CircuitSource.initial(circuit, data);
      folder = input.toAbsolutePath().getParent();
    }
    ExportSpec declared = circuit.exports();
    OutputTarget nirTarget = nir != null ? OutputTarget.explicit(nir) : declared.nir() != null && loihi == null ? OutputTarget.declared(declared.nir(), folder) : null;
    OutputTarget loihiTarget = loihi != null ? OutputTarget.explicit(loihi) : declared.loihi() != null && nir == null ? OutputTarget.declared(declared.loihi(), folder) : null;
    nirTarget = nirTarget == null ? null : nirTarget.replacing(force);
    loihiTarget = loihiTarget == null ? null : loihiTarget.replacing(force);
    if (nirTarget == null && loihiTarget == null) {
      throw new UserError("nothing to export: give --nir FILE and/or --loihi FILE, or declare 'export nir \"…\"' in the model");
    }
    if (nirTarget != null) {
      var result = Exports.nir(source, nirTarget, NirOptions.of(convention.value));
      out.println("wrote " + result.file());
      result.warnings().forEach(w -> out.println("note: " + w));
    }
    if (loihiTarget != null) {
      var result = Exports.loihi(source, loihiTarget, LoihiOptions.defaults().withHeldOutStarts(heldOutStarts));
      out.println("wrote " + result.file() + " and " + result.reportFile());
      var report = result.report();
      out.println("  input: " + result.network().inputChannels() + " spike channels from " + String.join(", ",
          report.input().stream().map(s -> s.population() + " (" + s.count() + ")").toList()));
      for (var layer : report.layers()) {
        out.printf(Locale.ROOT, "  layer %d %s: %s, %d cells, %d weight bits%n", layer.index(), layer.type(),
            String.join(", ", layer.populations()), layer.cells(), layer.numWeightBits());
      }
      if (report.runs() != null) {
        out.println("  model (" + report.trainedFor() + ") vs bundle over " + report.runs() + ":");
      }
      for (var a : report.agreement()) {
        if (a.countAgreement() == null) {
          out.printf(Locale.ROOT, "  %s: %s%n", a.population(), a.status());
        } else {
          out.printf(Locale.ROOT, "  %s: %d vs %d spikes, count agreement %.1f %%, coincidence factor (+-1 step) %s%n",
              a.population(), a.modelSpikes(), a.bundleSpikes(), 100 * a.countAgreement(),
              a.coincidence() == null ? "n/a (" + a.status() + ")" : String.format(Locale.ROOT, "%.3f", a.coincidence()));
        }
      }
      if (report.task() != null) {
        out.printf(Locale.ROOT, "  held-out success over %d starts: model %.1f %%, bundle %.1f %%%n", report.task().starts(),
            100 * report.task().modelSuccess(), 100 * report.task().bundleSuccess());
      }
      report.warnings().forEach(w -> out.println("note: " + w));
    }
    out.flush();
    return 0;
  }
}
