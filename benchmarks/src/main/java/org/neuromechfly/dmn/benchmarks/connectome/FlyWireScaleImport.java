package org.neuromechfly.dmn.benchmarks.connectome;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.neuromechfly.dmn.benchmarks.Arguments;
import org.neuromechfly.dmn.benchmarks.BenchmarkMain;
import org.neuromechfly.dmn.benchmarks.Machine;
import org.neuromechfly.dmn.connectome.importer.CodexImporter;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.ConnectomeBuilder;
import org.neuromechfly.dmn.connectome.importer.CsvReader;
import org.neuromechfly.dmn.connectome.importer.NeuronFilter;
import org.neuromechfly.dmn.connectome.importer.ShiuImporter;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * FlyWire-scale harness (not a unit test): writes a synthetic Codex folder with 139,255 neurons and
 * 5.34 M connection rows (the v783 sizes), then times import and an olfactory selection
 * (ALPN -> Kenyon_Cell in MB_CA_R) and reports the peak heap; or (mode "all") compares the
 * hand-written CSV reader with embedded DuckDB (read_csv, read_parquet) on the same rows, and
 * ShiuImporter's CSV and Parquet paths. Run with {@code benchmarks/run flywire-import} (see README.md).
 */
public final class FlyWireScaleImport {

  private static final int NEURONS = 139_255;
  private static final int ROWS = 5_340_000;
  private static final String[] NEUROPILS = {"MB_CA_R", "MB_CA_L", "AL_R", "AL_L", "LH_R", "LH_L", "SMP_R", "SMP_L"};

  private FlyWireScaleImport() {}

  /** The arguments: where the generated folder is, how many timed runs, and which paths to time. */
  private record Settings(Path folder, int runs, String mode) {
    static Settings parse(Arguments args) {
      Settings s = new Settings(
          args.path(0, "folder", BenchmarkMain.repositoryRoot().resolve("benchmarks/target/flywire-scale")),
          args.integer(1, "runs", 1, 1), args.text(2, "mode", "all"));
      if (!s.mode.equals("all") && !s.mode.equals("codex")) {
        throw new Arguments.UsageException("mode must be all or codex, not '" + s.mode + "'");
      }
      return s;
    }
  }

  public static void main(String[] args) throws Exception {
    BenchmarkMain.run("flywire-import", args, Settings::parse, FlyWireScaleImport::run);
  }

  private static void run(Settings settings) throws Exception {
    Path folder = settings.folder();
    int runs = settings.runs();
    String mode = settings.mode();
    if (!Files.isRegularFile(folder.resolve("connections.csv.gz"))) {
      long t0 = System.nanoTime();
      generate(folder);
      System.out.printf("generated %s in %.1f s%n", folder, (System.nanoTime() - t0) / 1e9);
    }
    if (mode.equals("codex")) {
      for (int run = 1; run <= runs; run++) {
        codexRun(folder, run);
      }
      return;
    }
    deriveWithDuckDb(folder);
    Path connections = folder.resolve("connections.csv.gz");
    Path parquet = folder.resolve("connections.parquet");
    List<ReadPath> paths = List.of(
        new ReadPath("codex: CodexImporter, 3 csv.gz files", () -> CodexImporter.read(folder)),
        new ReadPath("edges: hand-written CsvReader, csv.gz", () -> edgesCsv(connections)),
        new ReadPath("edges: DuckDB read_csv, csv.gz", () -> edgesDuckDb(connections, "read_csv")),
        new ReadPath("edges: DuckDB read_parquet, parquet", () -> edgesDuckDb(parquet, "read_parquet")),
        new ReadPath("engine only: DuckDB count+sum, parquet", () -> engineOnly(parquet)),
        new ReadPath("shiu: ShiuImporter, Connectivity csv.gz", () -> ShiuImporter.read(folder.resolve("shiu-csv"))),
        new ReadPath("shiu: ShiuImporter, Connectivity parquet",
            () -> ShiuImporter.read(folder.resolve("shiu-parquet"))));
    System.out.printf("%-42s %4s %9s %14s %14s %10s%n", "path", "run", "seconds", "peak heap MiB", "peak RSS MiB",
        "rows");
    for (int run = 1; run <= runs; run++) {
      for (ReadPath path : paths) {
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Connectome c = path.read().get();
        long t1 = System.nanoTime();
        System.out.printf("%-42s %4d %9.2f %14.0f %14.0f %10s%n",
            path.label(), run, (t1 - t0) / 1e9, peakHeapMiB(), peakRssMiB(), c == null ? "-" : c.rowCount());
      }
    }
  }

  /** One way of reading the same rows; {@code read} returns null when no connectome is built. */
  private record ReadPath(String label, Supplier<Connectome> read) {}

  private static void codexRun(Path folder, int run) {
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    Connectome c = CodexImporter.read(folder);
    long t1 = System.nanoTime();
    int[] pns = c.select(NeuronFilter.of("ALPN", null, "right"));
    int[] kcs = c.select(NeuronFilter.of("Kenyon_Cell", null, "right"));
    EdgeList pnKc = c.edges(pns, kcs, "MB_CA_R", 5);
    long t2 = System.nanoTime();
    System.out.printf(
        "run %d: import %.2f s (%d neurons, %d rows), selection %.3f s (%d PN -> %d KC, %d edges), peak heap %.0f MiB%n",
        run, (t1 - t0) / 1e9, c.neurons().size(), c.rowCount(), (t2 - t1) / 1e9, pns.length,
        kcs.length, pnKc.edgeCount(), peakHeapMiB());
  }

  /** The same connection rows through the module's hand-written streaming CSV reader. */
  private static Connectome edgesCsv(Path file) {
    ConnectomeBuilder b = new ConnectomeBuilder("csv");
    int f = b.file(file);
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int pre = csv.requireColumn("pre_root_id");
      int post = csv.requireColumn("post_root_id");
      int roi = csv.requireColumn("neuropil");
      int count = csv.requireColumn("syn_count");
      while (csv.next()) {
        b.row(b.neuron(csv.id(pre)), b.neuron(csv.id(post)), csv.text(roi), (float) csv.count(count), f, csv.line());
      }
    }
    return b.build();
  }

  /** The same rows through embedded DuckDB (read_csv or read_parquet), streamed over JDBC. */
  private static Connectome edgesDuckDb(Path file, String function) {
    ConnectomeBuilder b = new ConnectomeBuilder(function);
    int f = b.file(file);
    try (Connection c = duckdb();
        PreparedStatement s = c.prepareStatement(
            "SELECT pre_root_id::BIGINT, post_root_id::BIGINT, neuropil, syn_count::DOUBLE FROM " + function + "(?)")) {
      s.setString(1, file.toString());
      try (ResultSet r = s.executeQuery()) {
        long row = 1;
        while (r.next()) {
          b.row(b.neuron(r.getLong(1)), b.neuron(r.getLong(2)), r.getString(3), (float) r.getDouble(4), f, ++row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return b.build();
  }

  /** What the engine alone costs: the scan and an aggregate inside DuckDB, no rows cross JDBC. */
  private static Connectome engineOnly(Path parquet) {
    try (Connection c = duckdb();
        PreparedStatement s = c.prepareStatement(
            "SELECT count(*), sum(pre_root_id % 7), sum(post_root_id % 7), count(DISTINCT neuropil), sum(syn_count) FROM read_parquet(?)")) {
      s.setString(1, parquet.toString());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getLong(1) != ROWS) {
          throw new IllegalStateException("rows " + r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return null;
  }

  private static Connection duckdb() throws SQLException {
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    return new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", p);
  }

  /** Once: a Parquet copy of connections.csv.gz and Shiu-shaped folders (csv.gz and parquet) of the same rows. */
  private static void deriveWithDuckDb(Path folder) throws Exception {
    Path parquet = folder.resolve("connections.parquet");
    Path shiuCsv = folder.resolve("shiu-csv");
    Path shiuParquet = folder.resolve("shiu-parquet");
    if (Files.isRegularFile(shiuCsv.resolve("Completeness_783.csv"))
        && Files.isRegularFile(shiuParquet.resolve("Completeness_783.csv"))) {
      return;
    }
    long t0 = System.nanoTime();
    Files.createDirectories(shiuCsv);
    Files.createDirectories(shiuParquet);
    String in = "read_csv('" + folder.resolve("connections.csv.gz") + "')";
    // Neuron index = completeness row = (id - base) / 1000 for the generated ids.
    String shiu = "SELECT pre_root_id AS Presynaptic_ID, post_root_id AS Postsynaptic_ID,"
        + " ((pre_root_id - 720575940596125868) // 1000)::INTEGER AS Presynaptic_Index,"
        + " ((post_root_id - 720575940596125868) // 1000)::INTEGER AS Postsynaptic_Index,"
        + " syn_count::BIGINT AS Connectivity, 1::BIGINT AS Excitatory,"
        + " syn_count::BIGINT AS \"Excitatory x Connectivity\" FROM " + in;
    try (Connection c = duckdb(); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT * FROM " + in + ") TO '" + parquet + "' (FORMAT PARQUET)");
      s.execute("COPY (" + shiu + ") TO '" + shiuParquet.resolve("Connectivity_783.parquet") + "' (FORMAT PARQUET)");
      s.execute("COPY (" + shiu + ") TO '" + shiuCsv.resolve("Connectivity_783.csv.gz") + "' (FORMAT CSV, HEADER, COMPRESSION GZIP)");
    }
    for (Path shiuFolder : new Path[] {shiuCsv, shiuParquet}) {
      // Completeness row order = neuron index; the generated ids are base + 1000 i.
      StringBuilder completeness = new StringBuilder(",Completed\n");
      for (int i = 0; i < NEURONS; i++) {
        completeness.append(720575940596125868L + 1000L * i).append(",True\n");
      }
      Files.writeString(shiuFolder.resolve("Completeness_783.csv"), completeness);
    }
    System.out.printf("derived parquet and Shiu folders with DuckDB in %.1f s (connections.parquet %.0f MiB,"
        + " connections.csv.gz %.0f MiB)%n", (System.nanoTime() - t0) / 1e9, Files.size(parquet) / 1048576.0,
        Files.size(folder.resolve("connections.csv.gz")) / 1048576.0);
  }

  private static void generate(Path folder) throws IOException {
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(783);
    long base = 720575940596125868L;
    try (BufferedWriter n = writer(folder.resolve("neurons.csv.gz"));
        BufferedWriter k = writer(folder.resolve("classification.csv.gz"))) {
      n.write("root_id,group,nt_type,nt_type_score,da_avg,ser_avg,gaba_avg,glut_avg,ach_avg,oct_avg\n");
      k.write("root_id,flow,super_class,class,sub_class,hemilineage,side,nerve\n");
      for (int i = 0; i < NEURONS; i++) {
        long id = base + 1000L * i;
        n.write(id + ",G" + (i % 5000) + ",ACH,0.9,0,0,0,0,0.9,0\n");
        String cls = i % 100 < 2 ? "ALPN" : i % 100 < 5 ? "Kenyon_Cell" : "other";
        k.write(id + ",intrinsic,central," + cls + ",,," + (i % 2 == 0 ? "right" : "left") + ",\n");
      }
    }
    try (BufferedWriter w = writer(folder.resolve("connections.csv.gz"))) {
      w.write("pre_root_id,post_root_id,neuropil,syn_count,nt_type\n");
      // Rows unique by construction: each pre gets 39 distinct posts (39 x 139,255 > 5.34 M).
      for (int r = 0; r < ROWS; r++) {
        int pre = r / 39;
        int post = (int) ((pre * 7919L + (r % 39) * 3677L + 1) % NEURONS);
        w.write((base + 1000L * pre) + "," + (base + 1000L * post) + "," + NEUROPILS[r % NEUROPILS.length]
            + "," + (5 + random.nextInt(60)) + ",ACH\n");
      }
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8),
        1 << 16);
  }

  private static void resetPeaks() {
    Machine.resetHeapPeaks();
    Machine.resetPeakRss(); // elsewhere than Linux peak RSS is then the process's peak so far
  }

  /** Peak resident set (heap + JIT + DuckDB's native buffers) since the last reset. */
  private static double peakRssMiB() {
    return Machine.peakRssBytes() / (1024.0 * 1024.0);
  }

  private static double peakHeapMiB() {
    return Machine.heapPeakBytes() / (1024.0 * 1024.0);
  }
}
