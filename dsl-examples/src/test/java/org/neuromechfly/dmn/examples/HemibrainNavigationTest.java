package org.neuromechfly.dmn.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiring;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.connectome.wiring.PopulationCells;
import org.neuromechfly.dmn.connectome.wiring.ProjectionWiring;
import org.neuromechfly.dmn.generated.HemibrainNavigationTraining;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;

/**
 * The hemibrain navigation example wires the real data as its comments say, and the same model reads
 * a FlyWire Codex download in place of the hemibrain export (a Codex-shaped fixture made from the same
 * neurons: FlyWire-sized root ids, Codex file names, columns and neuropil names).
 */
class HemibrainNavigationTest {
  /** FlyWire root ids are ~7.2e17: the fixture's ids are hemibrain body ids shifted there. */
  static final long ROOT_ID_OFFSET = 720_575_940_600_000_000L;

  @TempDir Path dir;

  static DataDirectory data() {
    DataDirectory data = DataDirectory.fromSystemProperty().withoutCache();
    Assumptions.assumeTrue(Files.isDirectory(data.root().resolve("hemibrain_v1.2.1_mushroom_body"))
        && Files.isDirectory(data.root().resolve("hemibrain_olf_data_schlegel2021")),
        "needs the connectome data directory (-Ddmn.data.dir)");
    return data;
  }

  @Test
  void wiresTheRightMushroomBodyWithReceptorNeuronsByGlomerulus() {
    CircuitWiring w = CircuitWiringBuilder.build(HemibrainNavigationTraining.circuit(), data());
    assertEquals(4374, w.spec().neuronCount(), "2252 ORN, 119 PN, 1919 KC, APL, 57 MBON, 8 JON, 8 WPN, 10 DN");
    var ornPn = w.projection("ORN", "PN").orElseThrow().edges();
    assertEquals(2252, ornPn.sourceCount());
    long silentPns = java.util.Arrays.stream(ornPn.fanIn()).filter(n -> n == 0).count();
    assertEquals(13, silentPns, "the VP (thermo/hygrosensory) PNs get no receptor input");
    var pnKc = w.projection("PN", "KC").orElseThrow().edges();
    assertEquals(11479, pnKc.edgeCount(), "uPN -> KC pairs in CA(R)");
    assertEquals(1919, w.projection("KC", "APL").orElseThrow().edges().edgeCount(), "every KC drives the APL");
    assertEquals(1919, w.projection("APL", "KC").orElseThrow().edges().edgeCount(), "the APL inhibits every KC");
    assertEquals(57 * 10, w.projection("MBON", "DN").orElseThrow().edges().edgeCount(), "MBON -> DN readout, dense");
    assertEquals(List.of("ORN", "PN", "KC", "APL", "MBON"), w.cells().stream().map(PopulationCells::population).toList());
  }

  @Test
  void theSameModelReadsAFlyWireCodexExport() throws IOException {
    DataDirectory data = data();
    CircuitSpec hemibrain = HemibrainNavigationTraining.circuit();
    Path codex = codexFixture(data.root().resolve("hemibrain_v1.2.1_mushroom_body"), dir.resolve("codex"));
    List<ConnectomeSource> sources = new ArrayList<>();
    for (ConnectomeSource s : hemibrain.connectomes()) {
      sources.add(s.name().equals("hemibrain")
          ? new ConnectomeSource("hemibrain", ConnectomeFormat.FLYWIRE_CODEX, codex.toString(), "fixture", null)
          : s);
    }
    CircuitSpec flywire = new CircuitSpec(hemibrain.name(), hemibrain.referenceData(), sources, hemibrain.populations(),
        hemibrain.projections(), hemibrain.task(), hemibrain.losses(), hemibrain.training(), hemibrain.exports());
    CircuitWiring fromNeuprint = CircuitWiringBuilder.build(hemibrain, data);
    // the fixture lies in a temporary folder, outside the data directory: allowed explicitly
    CircuitWiring fromCodex = CircuitWiringBuilder.build(flywire, data.allowingOutside());
    for (int p = 0; p < fromNeuprint.projections().size(); p++) {
      ProjectionWiring a = fromNeuprint.projections().get(p);
      ProjectionWiring b = fromCodex.projections().get(p);
      assertEquals(a.edges(), b.edges(), a.label());
      assertArrayEquals(a.initialMagnitudes(), b.initialMagnitudes(), a.label());
    }
    for (PopulationCells a : fromNeuprint.cells()) {
      PopulationCells b = fromCodex.cells(a.population()).orElseThrow();
      assertArrayEquals(a.types(), b.types(), a.population());
      if (!a.population().equals("ORN")) {
        assertEquals(a.ids()[0] + ROOT_ID_OFFSET, b.ids()[0], a.population());
      }
    }
    assertEquals("codex", fromCodex.provenance().get(1).format());
  }

  /** The hemibrain export rewritten as a FlyWire Codex download (neurons, classification, types, connections). */
  static Path codexFixture(Path hemibrain, Path out) throws IOException {
    Files.createDirectories(out);
    Map<Long, String> types = new HashMap<>();
    try (var lines = Files.lines(hemibrain.resolve("neurons.csv"))) {
      lines.skip(1).forEach(l -> {
        String[] f = l.split(",", -1);
        types.put(Long.parseLong(f[0]), f[1]);
      });
    }
    try (BufferedWriter n = Files.newBufferedWriter(out.resolve("neurons.csv"));
        BufferedWriter c = Files.newBufferedWriter(out.resolve("classification.csv"));
        BufferedWriter t = Files.newBufferedWriter(out.resolve("consolidated_cell_types.csv"))) {
      n.write("root_id,group,nt_type,nt_type_score,da_avg,ser_avg,gaba_avg,glut_avg,ach_avg,oct_avg\n");
      c.write("root_id,flow,super_class,class,sub_class,hemilineage,side,nerve\n");
      t.write("root_id,primary_type,additional_type(s)\n");
      for (var e : new java.util.TreeMap<>(types).entrySet()) {
        long root = e.getKey() + ROOT_ID_OFFSET;
        n.write(root + ",,ACH,0.9,0,0,0,0,0.9,0\n");
        c.write(root + ",intrinsic,central,,,,right,\n");
        t.write(root + "," + e.getValue() + ",\n");
      }
    }
    // several hemibrain rois fall into one FlyWire neuropil (the lobes): Codex has one row per pair and
    // neuropil, so their counts are summed (the importer rejects repeated rows)
    Map<String, Long> rows = new java.util.LinkedHashMap<>();
    try (var files = Files.list(hemibrain)) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        if (lines.isEmpty() || !lines.get(0).startsWith("bodyId_pre,bodyId_post,roi,weight")) {
          continue;
        }
        for (String l : lines.subList(1, lines.size())) {
          String[] x = l.split(",", -1);
          rows.merge((Long.parseLong(x[0]) + ROOT_ID_OFFSET) + "," + (Long.parseLong(x[1]) + ROOT_ID_OFFSET) + ","
              + neuropil(x[2]), Long.parseLong(x[3].trim()), Long::sum);
        }
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("connections.csv"))) {
      w.write("pre_root_id,post_root_id,neuropil,syn_count,nt_type\n");
      for (var row : rows.entrySet()) {
        w.write(row.getKey() + "," + row.getValue() + ",ACH\n");
      }
    }
    assertTrue(Files.size(out.resolve("connections.csv")) > 1000);
    return out;
  }

  /** FlyWire's neuropil names for the hemibrain's rois (the lobes are one neuropil each in FlyWire). */
  static String neuropil(String roi) {
    return switch (roi) {
      case "CA(R)" -> "MB_CA_R";
      case "PED(R)" -> "MB_PED_R";
      case "aL(R)", "a'L(R)" -> "MB_VL_R";
      case "bL(R)", "b'L(R)", "gL(R)" -> "MB_ML_R";
      default -> roi.replace("(R)", "_R").replace("(L)", "_L");
    };
  }
}
