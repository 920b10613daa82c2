package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmn export} and {@code dmn import} from the command line: files written, bad input refused. */
class ExportCommandTest {
  @TempDir Path dir;

  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  @Test
  void exportsTheInitialCircuitToNirAndImportsItBack() throws Exception {
    Path model = dir.resolve("tiny.circuit");
    Files.writeString(model, GeneratedProgramTest.TINY);
    Path nir = dir.resolve("out/tiny.nir");
    Files.createDirectories(nir.getParent());
    var r = DmnCommandLineTest.dmn("export", model.toString(), "--nir", nir.toString());
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(HDF5_SIGNATURE, Arrays.copyOf(Files.readAllBytes(nir), 8));
    var back = DmnCommandLineTest.dmn("import", nir.toString(), "--out", dir.resolve("imported").toString());
    assertEquals(0, back.exit(), back.err());
    try (var files = Files.list(dir.resolve("imported"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".circuit")));
    }
  }

  @Test
  void refusesWhatItCannotExportWithAOneLineMessage() throws Exception {
    Path notNir = dir.resolve("bad.nir");
    Files.writeString(notNir, "not an HDF5 file");
    var r = DmnCommandLineTest.dmn("import", notNir.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    var nothing = DmnCommandLineTest.dmn("export", dir.toString());
    assertEquals(1, nothing.exit());
    assertTrue(nothing.err().contains("not a run folder"), nothing.err());
  }
}
