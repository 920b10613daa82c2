package org.neuromechfly.dmn.analysis.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.cache.Checksums;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.DataProvenance;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * What a run's wiring was made of, written beside the trained parameters ({@value RunFolder#CONNECTOME})
 * so that an analysis can rebuild the wiring and prove it is the same: the checksum of the circuit IR
 * trained, the checksum and query of every connectome-backed projection, and the id, type and side of
 * every cell taken from data.
 *
 * @param format layout version of this file ({@value #FORMAT})
 * @param circuit the circuit's name
 * @param circuitSha256 SHA-256 of the canonical circuit IR ({@link CircuitJson#write})
 * @param sources one entry per connectome-backed projection, in projection order
 * @param populations the cells of every population taken from data, in population order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunProvenance(
    int format, String circuit, String circuitSha256, List<Source> sources, List<Cells> populations) {

  public static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A connectome-backed projection's data (see {@link DataProvenance}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(String source, String format, String version, String sha256, String query) {}

  /** The cells of one population (see {@link PopulationCells}). */
  public record Cells(String population, String origin, long[] ids, String[] types, String[] sides) {}

  /** The provenance of a wiring. */
  public static RunProvenance of(CircuitWiring wiring) {
    List<Source> sources = new ArrayList<>();
    for (DataProvenance p : wiring.provenance()) {
      sources.add(new Source(p.source(), p.format(), p.version(), p.sha256(), p.query()));
    }
    List<Cells> cells = new ArrayList<>();
    for (PopulationCells c : wiring.cells()) {
      cells.add(new Cells(c.population(), c.origin(), c.ids(), c.types(), c.sides()));
    }
    return new RunProvenance(FORMAT, wiring.spec().name(), circuitSha256(wiring.spec()), sources, cells);
  }

  /** SHA-256 of the canonical IR: equal for equal circuits, whatever the layout of their source text. */
  public static String circuitSha256(CircuitSpec spec) {
    return Checksums.ofText(CircuitJson.write(spec));
  }

  /** Writes the provenance of {@code wiring} into the run folder (atomically). */
  public static Path write(RunFolder folder, CircuitWiring wiring) {
    try {
      return folder.writeText(RunFolder.CONNECTOME, JSON.writeValueAsString(of(wiring)) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The provenance a run folder holds, if it has one (runs by older versions or programs may not). */
  public static Optional<RunProvenance> read(RunFolder folder) {
    Path file = folder.file(RunFolder.CONNECTOME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      RunProvenance p = JSON.readValue(file.toFile(), RunProvenance.class);
      if (p.format() != FORMAT) {
        throw new AnalysisException(file + ": provenance format " + p.format() + ", this dmn reads format " + FORMAT
            + ". Analyse the run with the dmn version that trained it.");
      }
      return Optional.of(p);
    } catch (IOException e) {
      throw new AnalysisException(file + ": not a readable provenance file (" + e.getMessage() + ")", e);
    }
  }

  /** The recorded cells of a population, if they came from data. */
  public Optional<Cells> cells(String population) {
    return populations == null ? Optional.empty()
        : populations.stream().filter(c -> c.population().equals(population)).findFirst();
  }

  /**
   * Requires that {@code rebuilt} (the wiring made now from the run's circuit and today's data) is the
   * one the run was trained on.
   *
   * @throws AnalysisException naming the circuit checksum, the source whose checksum changed (recorded
   *     vs now) or the population whose neuron ids differ (first differing cell)
   */
  public void requireSameAs(CircuitWiring rebuilt, Path runDir) {
    String now = circuitSha256(rebuilt.spec());
    if (!now.equals(circuitSha256)) {
      throw new AnalysisException(runDir + ": " + RunFolder.CIRCUIT + " is not the circuit this run's wiring was recorded"
          + " for (IR sha256 " + now + ", recorded " + circuitSha256 + "): the run folder mixes files of two model"
          + " versions. Retrain, or analyse the folder the files came from.");
    }
    List<DataProvenance> current = rebuilt.provenance();
    for (int i = 0; i < Math.min(current.size(), sources.size()); i++) {
      Source was = sources.get(i);
      DataProvenance is = current.get(i);
      if (!Objects.equals(was.sha256(), is.sha256())) {
        throw new AnalysisException(runDir + ": connectome '" + was.source() + "' (" + was.format() + ") has changed since"
            + " training: sha256 now " + is.sha256() + ", recorded " + was.sha256() + " (query " + was.query() + ")."
            + " Point --data-dir at the data the run was trained on (" + (was.version() == null ? "same files" : "version "
            + was.version()) + ").");
      }
    }
    if (current.size() != sources.size()) {
      throw new AnalysisException(runDir + ": the run recorded " + sources.size() + " connectome-backed projections, the"
          + " circuit now wires " + current.size() + ".");
    }
    for (PopulationCells c : rebuilt.cells()) {
      Optional<Cells> was = cells(c.population());
      if (was.isEmpty()) {
        throw new AnalysisException(runDir + ": population " + c.population() + " now comes from " + c.origin()
            + " but the run recorded no data-backed cells for it.");
      }
      long[] ids = was.get().ids();
      if (ids.length != c.size()) {
        throw new AnalysisException(runDir + ": population " + c.population() + " had " + ids.length + " neurons of "
            + was.get().origin() + " in training and has " + c.size() + " now.");
      }
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] != c.ids()[i]) {
          throw new AnalysisException(runDir + ": population " + c.population() + " cell " + i + " was neuron "
              + ids[i] + " of " + was.get().origin() + " in training but is neuron " + c.ids()[i]
              + " in the data now: the connectome's neuron ids no longer match the run's provenance.");
        }
      }
    }
  }

  /** Reads a provenance file written by {@link #write} from any path (for tests). */
  static RunProvenance readFile(Path file) throws IOException {
    return JSON.readValue(file.toFile(), RunProvenance.class);
  }
}
