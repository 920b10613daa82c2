package org.neuromechfly.dmn.export;

import org.neuromechfly.dmn.model.export.ExportFeature;
import org.neuromechfly.dmn.model.export.ExportTarget;
import org.neuromechfly.dmn.model.export.SupportLevel;
import org.neuromechfly.dmn.model.export.TargetCapabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesAndPathsTest {
  @TempDir Path tmp;

  @Test
  void everyTargetFeaturePairIsDefined() {
    for (ExportTarget t : ExportTarget.values()) {
      for (ExportFeature f : ExportFeature.values()) {
        assertNotNull(TargetCapabilities.of(t, f), t + " × " + f);
      }
    }
    assertEquals(ExportTarget.values().length * ExportFeature.values().length, TargetCapabilities.all().size());
    assertEquals(SupportLevel.FULL, TargetCapabilities.level(ExportTarget.LOIHI2_NETX, ExportFeature.LOOP_BETWEEN_POPULATIONS));
    assertEquals(SupportLevel.UNSUPPORTED,
        TargetCapabilities.level(ExportTarget.LOIHI2_NETX, ExportFeature.LAYER_TIME_CONSTANTS));
    assertEquals(8, TargetCapabilities.of(ExportTarget.LOIHI2_NETX, ExportFeature.WEIGHT_PRECISION).limit());
    assertEquals(62, TargetCapabilities.of(ExportTarget.LOIHI2_NETX, ExportFeature.SYNAPTIC_DELAY).limit());
    assertTrue(TargetCapabilities.of(ExportTarget.LOIHI2_NETX, ExportFeature.WEIGHT_PRECISION).message()
        .startsWith("Loihi 2 (lava-dl netx): weight precision approximated (limit 8)"));
  }

  @Test
  void modelPathsStayInsideTheOutputFolder() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    assertEquals(out.resolve("a/b.nir"), OutputTarget.declared("a/b.nir", out).file());
    var climb = assertThrows(IllegalArgumentException.class, () -> OutputTarget.declared("../evil.nir", out));
    assertTrue(climb.getMessage().contains("leaves the output folder"), climb.getMessage());
    var abs = assertThrows(IllegalArgumentException.class, () -> OutputTarget.declared("/tmp/evil.nir", out));
    assertTrue(abs.getMessage().contains("is absolute"), abs.getMessage());
    Files.createSymbolicLink(out.resolve("link"), tmp);
    var link = assertThrows(IllegalArgumentException.class, () -> OutputTarget.declared("link/x.nir", out));
    assertTrue(link.getMessage().contains("symbolic link"), link.getMessage());
    // an explicit path is written where it points
    assertEquals(tmp.resolve("elsewhere.nir"), OutputTarget.explicit(tmp.resolve("x/../elsewhere.nir")).file());
  }
}
