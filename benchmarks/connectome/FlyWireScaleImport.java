import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.neuromechfly.dmn.connectome.importer.CodexImporter;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.NeuronFilter;
import org.neuromechfly.dmn.connectome.wiring.EdgeList;

/**
 * FlyWire-scale harness (not a unit test): writes a synthetic Codex folder with 139,255 neurons and
 * 5.34 M connection rows (the v783 sizes), then times import and an olfactory selection
 * (ALPN -> Kenyon_Cell in MB_CA_R) and reports the peak heap. Run: see README.md.
 */
public final class FlyWireScaleImport {

  private static final int NEURONS = 139_255;
  private static final int ROWS = 5_340_000;
  private static final String[] NEUROPILS = {"MB_CA_R", "MB_CA_L", "AL_R", "AL_L", "LH_R", "LH_L", "SMP_R", "SMP_L"};

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "target/flywire-scale");
    if (!Files.isRegularFile(folder.resolve("connections.csv.gz"))) {
      long t0 = System.nanoTime();
      generate(folder);
      System.out.printf("generated %s in %.1f s%n", folder, (System.nanoTime() - t0) / 1e9);
    }
    for (int run = 1; run <= (args.length > 1 ? Integer.parseInt(args[1]) : 1); run++) {
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
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static double peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024.0 * 1024.0);
  }
}
