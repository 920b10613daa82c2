package org.neuromechfly.dmn.connectome.wiring;

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
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ConnectomeSource;

/** Connectome paths stay inside the data directory unless the user opts out; bad paths are errors. */
class DataDirectoryTest {
  @TempDir Path root;

  @Test
  void relativeAndAbsolutePathsInsideTheRootResolve() throws IOException {
    Files.createDirectories(root.resolve("hemibrain"));
    DataDirectory data = DataDirectory.of(root);
    assertEquals(root.resolve("hemibrain"), data.locate("hemibrain"));
    assertEquals(root.resolve("hemibrain"), data.locate(root.resolve("x/../hemibrain").toString()));
    assertEquals(root.resolve("hemibrain"), data.resolve(new ConnectomeSource("h", ConnectomeFormat.NEUPRINT, "hemibrain", null, null)));
  }

  @Test
  void pathsLeavingTheRootAreRefusedUnlessAllowed() {
    DataDirectory data = DataDirectory.of(root.resolve("data"));
    for (String outside : new String[] {"/etc/passwd", "../secret", "a/../../b"}) {
      ConnectomeException e = assertThrows(ConnectomeException.class, () -> data.locate(outside));
      assertTrue(e.getMessage().contains("lies outside the data directory"), e.getMessage());
      assertTrue(e.getMessage().contains("--allow-outside-data-dir"), e.getMessage());
      assertTrue(data.confined());
    }
    DataDirectory open = data.allowingOutside();
    assertFalse(open.confined());
    assertEquals(Path.of("/etc/passwd"), open.locate("/etc/passwd"));
    assertEquals(root.resolve("secret"), open.locate("../secret"));
    assertFalse(open.withoutCache().confined());
  }

  @Test
  void aNulCharacterIsNotAPath() {
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> DataDirectory.of(root).locate("\u0000"));
    assertTrue(e.getMessage().startsWith("'\\u0000' is not a valid path"), e.getMessage());
    var source = new ConnectomeSource("c", ConnectomeFormat.NEUPRINT, "a\u0000b\nc", null, null);
    e = assertThrows(ConnectomeException.class, () -> DataDirectory.of(root).resolve(source));
    assertTrue(e.getMessage().startsWith("connectome 'c': 'a\\u0000b\\nc' is not a valid path"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aLinkThatLeadsNowhereIsSaidSo() throws IOException {
    Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));
    var source = new ConnectomeSource("c", ConnectomeFormat.NEUPRINT, "loop", null, null);
    ConnectomeException e = assertThrows(ConnectomeException.class, () -> DataDirectory.of(root).resolve(source));
    assertTrue(e.getMessage().contains("is a symbolic link that leads nowhere"), e.getMessage());
  }
}
