package org.neuromechfly.dmn.connectome.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Issue #12's broken connectome folders: every one is an error that names the file (and the line
 * and column where there is one), never an empty selection further on, and never a copy of the
 * file's contents.
 */
class BrokenConnectomeDataTest {
  private static final String NEURONS = "bodyId,type,instance\n1,DA1_lPN,DA1_lPN_R\n2,KCg-m,KCg-m_R\n";
  private static final String EDGES = "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),5\n";

  @TempDir Path dir;

  private Path folder(String edges) throws IOException {
    Files.writeString(dir.resolve("neurons.csv"), NEURONS);
    Path file = dir.resolve("uPN_to_KC.csv");
    Files.writeString(file, edges);
    return file;
  }

  private ConnectomeException failure() {
    return assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(dir));
  }

  @Test
  void theValidFolderReads() throws IOException {
    folder(EDGES);
    Files.writeString(dir.resolve("meta_PN.csv"), "bodyId,instance,type,pre,post\n1,DA1_lPN_R,DA1_lPN,3,4\n");
    assertEquals(5, NeuprintImporter.read(dir).totalSynapses());
  }

  @Test
  void aNegativeBodyIdIsAnError() throws IOException {
    Path file = folder("bodyId_pre,bodyId_post,roi,weight\n-1,2,CA(R),5\n");
    ConnectomeException e = failure();
    assertTrue(e.getMessage().startsWith(file + ":2:1: negative id '-1'"), e.getMessage());
  }

  @Test
  void aFractionalOrHugeSynapseCountIsAnErrorWithItsPlace() throws IOException {
    Path file = folder("bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),3.5\n");
    assertTrue(failure().getMessage().startsWith(file + ":2:4: synapse count 3.5 is not a whole number"));
    folder("bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),2147483648\n");
    assertTrue(failure().getMessage().startsWith(file + ":2:4: synapse count 2147483648 is above 16777216"));
    folder("bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),1e300\n");
    ConnectomeException e = failure();
    assertEquals(2, e.line());
    assertEquals(4, e.column());
    assertTrue(e.getMessage().startsWith(file + ":2:4: synapse count 1e300 is above"), e.getMessage());
  }

  @Test
  void aDuplicatedColumnIsAmbiguous() throws IOException {
    Path file = folder("bodyId_pre,bodyId_post,roi,weight,weight\n1,2,CA(R),5,7\n");
    ConnectomeException e = failure();
    assertTrue(e.getMessage().startsWith(file + ":1:5: the header names column 'weight' twice"), e.getMessage());
  }

  @Test
  void aMissingOrRenamedHeaderNamesTheFile() throws IOException {
    Path file = folder("1,2,CA(R),5\n1,3,CA(R),5\n");
    ConnectomeException e = failure();
    assertTrue(e.getMessage().startsWith(file + ":1: neither a neuPrint connection table"), e.getMessage());
    folder("pre,post,roi,weight\n1,2,CA(R),5\n");
    e = failure();
    assertTrue(e.getMessage().startsWith(file + ":1: missing column bodyId_pre; the header has columns pre, post, roi, weight"),
        e.getMessage());
  }

  @Test
  void anEmptyFileOrAFolderOrALoopNamesTheFile() throws IOException {
    Path file = folder("");
    assertTrue(failure().getMessage().startsWith(file + ":1: the file is empty"));
    Files.delete(file);
    Files.createDirectory(file);
    assertTrue(failure().getMessage().startsWith(file + ": is a folder, not a table"));
    Files.delete(file);
    Path other = dir.resolve("loop.csv");
    Files.createSymbolicLink(file, other);
    Files.createSymbolicLink(other, file);
    ConnectomeException e = failure();
    assertTrue(e.getMessage().startsWith(other + ": is a symbolic link that leads nowhere")
        || e.getMessage().startsWith(file + ": is a symbolic link that leads nowhere"), e.getMessage());
    Files.delete(other);
    Files.delete(file);
    Files.delete(dir.resolve("neurons.csv"));
    Files.createSymbolicLink(dir.resolve("neurons.csv"), dir.resolve("neurons.csv"));
    Files.writeString(dir.resolve("e.csv"), EDGES);
    e = failure();
    assertTrue(e.getMessage().startsWith(dir.resolve("neurons.csv") + ": is a symbolic link that leads nowhere"), e.getMessage());
  }

  @Test
  void binaryDataAndOtherEncodingsAreNotTables() throws IOException {
    Path file = folder("");
    Files.write(file, new byte[] {'b', 'o', 'd', 'y', 0, 1, 2, 3, '\n'});
    assertTrue(failure().getMessage().startsWith(file + ":1: binary data (a NUL character)"), failure().getMessage());
    Files.write(file, "bodyId_pre,bodyId_post,roi,weight\n1,2,CA(R),5\n1,2,\u00e9,5\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(failure().getMessage().startsWith(file + ":3: not UTF-8 text"), failure().getMessage());
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
    assertTrue(failure().getMessage().contains(file + ""), failure().getMessage());
    assertTrue(failure().getMessage().contains("gzip"), failure().getMessage());
  }

  @Test
  void aWrongSeparatorIsNamed() throws IOException {
    Path file = folder("bodyId_pre;bodyId_post;roi;weight\n1;2;CA(R);5\n");
    ConnectomeException e = failure();
    assertTrue(e.getMessage().startsWith(file + ":1: neither a neuPrint connection table"), e.getMessage());
    assertTrue(e.getMessage().contains("contains ';': columns must be separated by commas"), e.getMessage());
  }

  @Test
  void aLineLongerThanTheLimitIsAnErrorNotACrash() throws IOException {
    Path file = folder("");
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("bodyId_pre,bodyId_post,roi,weight\n1,2,");
      char[] chunk = new char[1 << 16];
      java.util.Arrays.fill(chunk, 'x');
      for (int written = 0; written <= CsvReader.MAX_LINE; written += chunk.length) {
        w.write(chunk);
      }
      w.write(",5\n");
    }
    ConnectomeException e = failure();
    assertTrue(e.getMessage().startsWith(file + ":2: line 2 is longer than " + CsvReader.MAX_LINE + " characters"), e.getMessage());
  }

  @Test
  void messagesNeverEchoAFilesContents() throws IOException {
    String secret = "root:x:0:0:root:/root:/bin/bash";
    Path file = folder(secret + "\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
    ConnectomeException e = failure();
    assertFalse(e.getMessage().contains("root:x"), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":1: neither a neuPrint connection table"), e.getMessage());
    // a single file given as the export: still named, still not echoed
    e = assertThrows(ConnectomeException.class, () -> NeuprintImporter.read(file));
    assertFalse(e.getMessage().contains("root:x"), e.getMessage());
    // a bad value deep in a valid table is quoted only as far as it identifies the problem
    folder("bodyId_pre,bodyId_post,roi,weight\n1," + "9".repeat(10) + secret + ",CA(R),5\n");
    e = failure();
    assertFalse(e.getMessage().contains("root:/root"), e.getMessage());
  }
}
