package org.neuromechfly.dmn.connectome.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.Transmitter;

class CodexImporterTest {

  static final long PN = 720575940596125868L;
  static final long KC = 720575940597856265L;
  static final long APL = 720575940597944841L;

  static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  static Path codexFolder(Path dir, String connections) throws IOException {
    gzip(
        dir.resolve("neurons.csv.gz"),
        "root_id,group,nt_type,nt_type_score,da_avg,ser_avg,gaba_avg,glut_avg,ach_avg,oct_avg\n"
            + PN + ",AL.MB,ACH,0.9,0,0,0,0,0.9,0\n" + KC + ",MB.MB,ACH,0.8,0,0,0,0,0.8,0\n"
            + APL + ",MB.MB,GABA,0.9,0,0,0.9,0,0,0\n");
    gzip(
        dir.resolve("classification.csv.gz"),
        "root_id,flow,super_class,class,sub_class,hemilineage,side,nerve\n"
            + PN + ",intrinsic,central,ALPN,uniglomerular,ALad1,right,\n"
            + KC + ",intrinsic,central,Kenyon_Cell,KCg,MBp1,right,\n"
            + APL + ",intrinsic,central,MBIN,APL,,left,\n");
    Files.writeString(
        dir.resolve("consolidated_cell_types.csv"),
        "root_id,primary_type,additional_type(s)\n" + PN + ",DA1_lPN,\n" + KC + ",KCg-m,\n");
    gzip(dir.resolve("connections.csv.gz"), connections);
    return dir;
  }

  static final String HEADER = "pre_root_id,post_root_id,neuropil,syn_count,nt_type\n";

  @Test
  void readsGzippedCodexFolders(@TempDir Path dir) throws IOException {
    Connectome c =
        CodexImporter.read(
            codexFolder(dir, HEADER + PN + "," + KC + ",MB_CA_R,12,ACH\n" + PN + "," + KC
                + ",MB_PED_R,5,ACH\n" + KC + "," + APL + ",MB_ML_R,40,ACH\n"));
    assertEquals(3, c.neurons().size());
    Neuron pn = c.neuron(PN).orElseThrow();
    assertEquals("DA1_lPN", pn.type());
    assertEquals("ALPN", pn.cellClass());
    assertEquals("right", pn.side());
    assertEquals(Transmitter.ACETYLCHOLINE, pn.transmitter());
    // No primary type: selection falls back to the class.
    assertEquals(1, c.select(NeuronFilter.of("MBIN", null, "left")).length);
    int[] pre = c.select(NeuronFilter.of(".*PN", null, null));
    int[] post = c.select(NeuronFilter.of("KC.*", null, "right"));
    assertEquals(17, c.edges(pre, post, null, 1).totalSynapses());
    assertEquals(12, c.edges(pre, post, "MB_CA_R", 1).totalSynapses());
    assertEquals(4, CodexImporter.sourceFiles(dir).size());
  }

  @Test
  void rejectsBadIdsWithFileLineColumn(@TempDir Path dir) throws IOException {
    codexFolder(dir, HEADER + PN + "," + KC + ",MB_CA_R,12,ACH\n" + "7.2e17," + KC + ",MB_CA_R,5,ACH\n");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> CodexImporter.read(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("connections.csv.gz") + ":3:1: '7.2e17' is not an integer id"), e.getMessage());

    codexFolder(dir, HEADER + PN + ",99999999999999999999,MB_CA_R,12,ACH\n");
    e = assertThrows(ConnectomeException.class, () -> CodexImporter.read(dir));
    assertTrue(e.getMessage().contains(":2:2: '99999999999999999999' does not fit in a 64-bit id"), e.getMessage());

    codexFolder(dir, HEADER + PN + "," + KC + ",MB_CA_R,twelve,ACH\n");
    e = assertThrows(ConnectomeException.class, () -> CodexImporter.read(dir));
    assertTrue(e.getMessage().contains(":2:4: 'twelve' is not a number"), e.getMessage());
    assertTrue(e.getMessage().contains("(column 'syn_count')"), e.getMessage());
  }

  @Test
  void rejectsTruncatedGzip(@TempDir Path dir) throws IOException {
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 5000; i++) {
      rows.append(PN).append(',').append(KC + i).append(",MB_CA_R,").append(5 + i % 7).append(",ACH\n");
    }
    codexFolder(dir, rows.toString());
    Path connections = dir.resolve("connections.csv.gz");
    byte[] full = Files.readAllBytes(connections);
    Files.write(connections, Arrays.copyOf(full, full.length / 2));
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> CodexImporter.read(dir));
    assertTrue(e.getMessage().startsWith(connections + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    assertTrue(e.line() > 1, e.getMessage());
  }

  @Test
  void missingFilesSayWhereToGetThem(@TempDir Path dir) throws IOException {
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> CodexImporter.read(dir));
    assertTrue(e.getMessage().contains("codex.flywire.ai"), e.getMessage());
    gzip(dir.resolve("neurons.csv.gz"), "id,group\n1,x\n");
    gzip(dir.resolve("connections.csv.gz"), HEADER);
    e = assertThrows(ConnectomeException.class, () -> CodexImporter.read(dir));
    assertTrue(e.getMessage().contains("missing column root_id"), e.getMessage());
  }

  @Test
  void quotedFieldsAndCrLf(@TempDir Path dir) throws IOException {
    codexFolder(dir, HEADER.replace("\n", "\r\n") + PN + "," + KC + ",\"MB_CA_R\",12,ACH\r\n");
    Connectome c = CodexImporter.read(dir);
    assertEquals("MB_CA_R", c.rois().get(0));
  }
}
