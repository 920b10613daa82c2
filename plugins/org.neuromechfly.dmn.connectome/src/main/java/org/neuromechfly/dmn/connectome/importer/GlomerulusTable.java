package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * The antennal lobe's glomeruli as tabulated with the hemibrain olfactory connectome (Schlegel et al.
 * 2021 eLife 10:e66018, github.com/flyconnectome/hemibrain_olf_data): which glomerulus each
 * uniglomerular PN type innervates ({@value #UPNS}), which PN types are thermo- or hygrosensory
 * ({@value #VP_PNS}, VP glomeruli) and how many receptor neurons each glomerulus receives per antenna
 * and whether from both antennae ({@value #RECEPTORS}: expected counts from Grabe et al. 2016 and
 * Marin et al. 2020, laterality). It holds no synapses: {@code glomerular by} uses it to give receptor
 * neurons to connectome PNs.
 *
 * <p>PN types are looked up in the table as they are ({@code DM1_lPN}; FlyWire's types use the
 * table's names), and else with the glomerulus part renamed as Schlegel et al. renamed three of
 * hemibrain v1.2's glomeruli ({@link #HEMIBRAIN_RENAMES}: VC5 → VM6, VC3l → VC3, VC3m → VC5), so
 * hemibrain's {@code VC3l_adPN} is the table's {@code VC3_adPN}.
 *
 * @param glomerulusOfType uniglomerular olfactory PN type → glomerulus
 * @param nonOlfactoryTypes thermo/hygrosensory PN type → its VP glomerulus (these get no odour input)
 * @param glomeruli receptor-neuron facts per glomerulus
 */
public record GlomerulusTable(
    Map<String, String> glomerulusOfType, Map<String, String> nonOlfactoryTypes, Map<String, Glomerulus> glomeruli) {

  /** Hemibrain v1.2 glomerulus names the tables renamed (Schlegel et al. 2021). */
  public static final Map<String, String> HEMIBRAIN_RENAMES = Map.of("VC5", "VM6", "VC3l", "VC3", "VC3m", "VC5");

  static final String UPNS = "FIB_uPNs.csv";
  static final String VP_PNS = "FIB_VP_PNs.csv";
  static final String RECEPTORS = "AL_gloms_RN_info.csv";

  /**
   * Receptor neurons of one glomerulus.
   *
   * @param name glomerulus, e.g. {@code DM1}
   * @param receptorNeurons expected receptor neurons per antenna (female)
   * @param bilateral whether receptor neurons of both antennae innervate it (else only the
   *     ipsilateral antenna's)
   * @param receptor the receptor gene(s), e.g. {@code Or42b}
   */
  public record Glomerulus(String name, double receptorNeurons, boolean bilateral, String receptor) {}

  /**
   * Reads the folder.
   *
   * @throws ConnectomeException for a missing file or column, a PN type listed under two glomeruli,
   *     or a bad receptor count, naming file, line and column
   */
  public static GlomerulusTable read(Path folder) {
    Map<String, String> upn = typeTable(require(folder, UPNS), true);
    // VP PNs are often multiglomerular (VP1m + VP2), listed in either order: only their types matter
    Map<String, String> vp = Files.isRegularFile(folder.resolve(VP_PNS)) ? typeTable(folder.resolve(VP_PNS), false) : Map.of();
    Map<String, Glomerulus> glomeruli = new TreeMap<>();
    Path receptors = require(folder, RECEPTORS);
    try (CsvReader csv = CsvReader.open(receptors)) {
      csv.readHeader();
      int name = csv.requireColumn("glomerulus");
      int count = csv.requireColumn("expected_RN_female_1h");
      int laterality = csv.requireColumn("laterality");
      int receptor = csv.column("RN", "receptor");
      while (csv.next()) {
        String g = csv.text(name).trim();
        double n = receptorCount(csv, count);
        String side = csv.text(laterality).trim();
        if (!side.equals("bilateral") && !side.equals("unilateral")) {
          throw csv.error(laterality, "laterality '" + side + "' is neither bilateral nor unilateral.");
        }
        glomeruli.put(g, new Glomerulus(g, n, side.equals("bilateral"), receptor < 0 ? null : csv.text(receptor).trim()));
      }
    }
    return new GlomerulusTable(Map.copyOf(upn), Map.copyOf(vp), java.util.Collections.unmodifiableMap(glomeruli));
  }

  /** The files {@link #read} uses, in reading order (for checksums). */
  public static List<Path> sourceFiles(Path folder) {
    Path vp = folder.resolve(VP_PNS);
    return Files.isRegularFile(vp)
        ? List.of(require(folder, UPNS), vp, require(folder, RECEPTORS))
        : List.of(require(folder, UPNS), require(folder, RECEPTORS));
  }

  /** The glomerulus of an olfactory uniglomerular PN type, if the table lists it. */
  public Optional<Glomerulus> glomerulusOf(String pnType) {
    String glomerulus = glomerulusOfType.get(pnType);
    int cut = pnType.indexOf('_');
    if (glomerulus == null && cut > 0 && HEMIBRAIN_RENAMES.containsKey(pnType.substring(0, cut))) {
      glomerulus = glomerulusOfType.get(HEMIBRAIN_RENAMES.get(pnType.substring(0, cut)) + pnType.substring(cut));
    }
    return Optional.ofNullable(glomerulus).map(glomeruli::get);
  }

  /** Whether the type is a thermo- or hygrosensory PN (a VP glomerulus: no odour input). */
  public boolean nonOlfactory(String pnType) {
    return nonOlfactoryTypes.containsKey(pnType);
  }

  private static Map<String, String> typeTable(Path file, boolean oneGlomerulus) {
    Map<String, String> map = new TreeMap<>();
    try (CsvReader csv = CsvReader.open(file)) {
      csv.readHeader();
      int type = csv.requireColumn("type");
      int glomerulus = csv.requireColumn("glomerulus");
      while (csv.next()) {
        String t = csv.text(type).trim();
        String g = csv.text(glomerulus).trim();
        String before = map.putIfAbsent(t, g);
        if (oneGlomerulus && before != null && !before.equals(g)) {
          throw csv.error(glomerulus, "PN type " + t + " is listed under glomerulus " + before + " and " + g
              + "; a uniglomerular type has one glomerulus. Is the file edited?");
        }
      }
    }
    return map;
  }

  private static double receptorCount(CsvReader csv, int column) {
    try {
      double n = Double.parseDouble(csv.text(column).trim());
      if (n >= 0 && Double.isFinite(n)) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw csv.error(column, "'" + csv.text(column) + "' is not a receptor-neuron count (a number >= 0).");
  }

  private static Path require(Path folder, String name) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ConnectomeException(folder, 0, 0, "no " + name + " in " + folder + "; a glomerulus table folder holds "
          + UPNS + " and " + RECEPTORS + " (Schlegel et al. 2021, hemibrain_olf_data).");
    }
    return file;
  }
}
