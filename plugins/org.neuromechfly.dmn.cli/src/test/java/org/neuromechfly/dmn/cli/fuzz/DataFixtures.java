package org.neuromechfly.dmn.cli.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.connectome.importer.ConnectomeReader;
import org.neuromechfly.dmn.connectome.importer.QuerySelection;
import org.neuromechfly.dmn.model.Connectivity;

/**
 * Small, valid connectome exports in every format the language reads, each with a model that
 * selects from it and trains: the starting points the data fuzzing breaks. Written afresh per case
 * (the fuzzing mutates them in place).
 */
public final class DataFixtures {
  private DataFixtures() {}

  /** A fixture: its data folder (under a data root) and a model naming it. */
  public record Fixture(String format, Path dataRoot, Path folder, String model) {}

  /** The formats with a fixture. */
  public static final List<String> FORMATS = List.of("neuprint", "codex", "adjacency", "shiu", "shiu-parquet", "flyvis");

  /** Writes the fixture of a format under {@code dataRoot} (flyvis needs the shared data: else neuprint). */
  public static Fixture write(String format, Path dataRoot, Path sharedData) throws IOException {
    Path folder = Files.createDirectories(dataRoot.resolve(format));
    switch (format) {
      case "codex" -> {
        gzip(folder.resolve("neurons.csv.gz"), "root_id,group,nt_type\n1,ORN_DA1,ACH\n2,ORN_DA1,ACH\n11,DNa01,ACH\n12,DNa01,GABA\n13,DNa02,ACH\n14,DNa02,ACH\n");
        gzip(folder.resolve("classification.csv.gz"), "root_id,class,super_class,side\n1,ORN,sensory,right\n2,ORN,sensory,left\n11,DN,descending,right\n12,DN,descending,right\n13,DN,descending,left\n14,DN,descending,left\n");
        gzip(folder.resolve("consolidated_cell_types.csv.gz"), "root_id,primary_type\n1,ORN_DA1\n2,ORN_DA1\n11,DNa01\n12,DNa01\n13,DNa02\n14,DNa02\n");
        gzip(folder.resolve("connections.csv.gz"), "pre_root_id,post_root_id,neuropil,syn_count\n1,11,AL_R,5\n1,13,AL_R,3\n2,12,AL_L,4\n2,14,AL_L,6\n");
        return new Fixture(format, dataRoot, folder, model("codex", format, folder, "ORN.*", "DN.*"));
      }
      case "adjacency" -> {
        Files.writeString(folder.resolve("x_cell_labels.csv"), "ORN1\nORN2\nDN1\nDN2\nDN3\nDN4\n");
        Files.writeString(folder.resolve("x_adjacency.csv"), "0 0 5 0 3 0\n0 0 0 4 0 6\n0 0 0 0 0 0\n0 0 0 0 0 0\n0 0 0 0 0 0\n0 0 0 0 0 0\n");
        return new Fixture(format, dataRoot, folder, model("adjacency", format, folder, "ORN.*", "DN.*"));
      }
      case "shiu", "shiu-parquet" -> {
        Files.writeString(folder.resolve("Completeness_783.csv"), ",Completed\n1,True\n2,True\n11,True\n12,True\n13,True\n14,False\n");
        String rows = "1,11,0,2,5,1\n1,13,0,4,3,1\n2,12,1,3,4,1\n2,14,1,5,6,-1\n";
        String header = "Presynaptic_ID,Postsynaptic_ID,Presynaptic_Index,Postsynaptic_Index,Connectivity,Excitatory\n";
        if (format.equals("shiu")) {
          Files.writeString(folder.resolve("Connectivity_783.csv"), header + rows);
        } else {
          parquet(folder.resolve("Connectivity_783.parquet"), header + rows);
        }
        return new Fixture(format, dataRoot, folder, model("shiu", format, folder, null, null));
      }
      case "flyvis" -> {
        Path real = sharedData == null ? null : sharedData.resolve("flyvis/fib25-fib19_v2.2.json");
        if (real != null && Files.isRegularFile(real)) {
          Files.copy(real, folder.resolve("connectome.json"));
          Path file = folder.resolve("connectome.json");
          return new Fixture(format, dataRoot, file, model("flyvis", format + "/connectome.json", file, "R[1-6]", "L[1-4]"));
        }
        return write("neuprint", dataRoot, sharedData);
      }
      default -> {
        Files.writeString(folder.resolve("neurons.csv"), "bodyId,type,instance\n1,ORN_DA1,a_R\n2,ORN_DA1,b_L\n11,DNa01,c_R\n12,DNa01,d_R\n13,DNa02,e_L\n14,DNa02,f_L\n");
        Files.writeString(folder.resolve("ORN_to_DN.csv"), "bodyId_pre,bodyId_post,roi,weight\n1,11,AL(R),5\n1,13,AL(R),3\n2,12,AL(L),4\n2,14,AL(L),6\n");
        Files.writeString(folder.resolve("meta_ORN.csv"), "bodyId,instance,type,pre,post\n1,a_R,ORN_DA1,10,2\n2,b_L,ORN_DA1,12,1\n");
        return new Fixture("neuprint", dataRoot, folder, model("neuprint", "neuprint", folder, "ORN.*", "DN.*"));
      }
    }
  }

  /**
   * A model reading the fixture: ORN -> DN from the connectome (population sizes as the query selects
   * in the fixture, so the model validates), a task the fly can solve, one short episode.
   */
  static String model(String format, String path, Path data, String pre, String post) {
    var connectome = ConnectomeReader.read(Vocabulary.CONNECTOME_FORMATS.lookup(format).orElseThrow(), data);
    var selection = QuerySelection.of(connectome, new Connectivity.ConnectomeQuery(null, pre, post, null, 1));
    int orn = selection.pre().length;
    int dn = selection.post().length;
    String where = (pre == null ? "" : " pre \"" + pre + "\"") + (post == null ? "" : " post \"" + post + "\"");
    return """
        circuit DataFuzz

        connectome c %s "%s"

        population ORN : ORN { count %d }
        population DN : DN { count %d }

        projection ORN -> DN from c%s weight synapses * 0.1 learn

        task navigation {
          arena 200 mm x 200 mm
          source at (150 mm, 100 mm)
          start within 10 mm of (140 mm, 100 mm)
          steps 40
          dt 1 ms
          forward from DN[0..%d]
          turn from DN[%d..%d]
        }
        loss { navigation 1.0 }
        training { episodes 1 batch 2 }
        """.formatted(format, path, orn, dn, where.isEmpty() ? "" : " where" + where, dn / 2 - 1, dn / 2, dn - 1);
  }

  private static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A Parquet file of the CSV rows, written by DuckDB (the reader the connectome module uses). */
  private static void parquet(Path file, String csv) throws IOException {
    Path source = Files.writeString(file.resolveSibling("rows.tmp.csv"), csv);
    try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var statement = connection.createStatement()) {
      statement.execute("COPY (SELECT * FROM read_csv('" + source + "', header = true)) TO '" + file + "' (FORMAT PARQUET)");
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot write the Parquet fixture: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(source);
    }
  }
}
