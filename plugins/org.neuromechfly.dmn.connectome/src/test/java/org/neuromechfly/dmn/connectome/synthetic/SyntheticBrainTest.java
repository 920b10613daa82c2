package org.neuromechfly.dmn.connectome.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.ShiuImporter;

/**
 * The synthetic brain is read by the Shiu importer like real files: no connection may be written
 * twice. Small dense brains are where the generator's draws collide most: a neuron whose degree is
 * close to the brain's size runs out of tries with its last draws not yet made unique (this seed did).
 */
class SyntheticBrainTest {
  @TempDir Path dir;

  @Test
  void aSmallDenseBrainHasEveryConnectionOnceAndImports() {
    SyntheticBrain.Summary written = SyntheticBrain.write(new SyntheticBrain.Parameters(3000, 321_227, 783), dir);
    Connectome read = ShiuImporter.read(dir);
    assertEquals(written.neurons(), read.neurons().size());
    assertEquals(written.connections(), read.rowCount());
    assertEquals(written.synapses(), read.totalSynapses(), 0.0);
  }
}
