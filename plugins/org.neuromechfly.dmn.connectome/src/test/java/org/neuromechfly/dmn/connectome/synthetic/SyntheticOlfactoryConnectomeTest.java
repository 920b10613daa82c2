package org.neuromechfly.dmn.connectome.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.connectome.importer.Connectome;
import org.neuromechfly.dmn.connectome.importer.NeuronFilter;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

class SyntheticOlfactoryConnectomeTest {

  private static final long[] SEEDS = {1, 2, 3, 42, 1234};

  @Test
  void sameSeedSameConnectome() {
    Connectome a = SyntheticOlfactoryConnectome.generate(42);
    Connectome b = SyntheticOlfactoryConnectome.generate(42);
    assertEquals(a.neurons(), b.neurons());
    EdgeList ea = a.allEdges(null, 1);
    assertEquals(ea, b.allEdges(null, 1));
    assertArrayEquals(ea.synapses(), b.allEdges(null, 1).synapses());
    assertNotEquals(ea, SyntheticOlfactoryConnectome.generate(43).allEdges(null, 1));
  }

  @Test
  void statisticsMatchTheSourcesOverSeeds() {
    for (long seed : SEEDS) {
      Connectome c = SyntheticOlfactoryConnectome.generate(seed);
      int[] orns = c.select(NeuronFilter.of("ORN_.*", null, null));
      int[] pns = c.select(NeuronFilter.of(".*_uPN", null, null));
      int[] kcs = c.select(NeuronFilter.of("KC.*", null, null));
      int[] mbons = c.select(NeuronFilter.of("MBON_.*", null, null));
      int[] apl = c.select(NeuronFilter.of("APL", null, null));
      // 51 glomeruli x mean 2.55 uPNs = 130; over 51 draws the sd of the total is ~11.
      assertEquals(130, pns.length, 35, "uPNs, seed " + seed);
      // ORNs: 51 x ~23 (log-normal fit, mean 22.1 in Grabe 2016 for these glomeruli).
      assertEquals(1150, orns.length, 250, "ORNs, seed " + seed);
      assertEquals(2000, kcs.length);
      assertEquals(34, mbons.length);
      assertEquals(1, apl.length);
      Map<String, Integer> kcTypes = c.typeCounts(kcs);
      assertEquals(726, kcTypes.get("KCg"), 1);
      assertEquals(922, kcTypes.get("KCab"), 1);

      EdgeList pnKc = c.edges(pns, kcs, "CA", 1);
      double perKc = (double) pnKc.edgeCount() / kcs.length;
      assertEquals(6.5, perKc, 0.25, "distinct PN inputs per KC, seed " + seed);
      double atLeastThree = (double) c.edges(pns, kcs, "CA", 3).edgeCount() / kcs.length;
      assertEquals(5.9, atLeastThree, 0.3, "inputs with >= 3 synapses, seed " + seed);
      for (int f : pnKc.fanIn()) {
        assertTrue(f >= 1);
      }

      // uPNs of a glomerulus receive from every ORN of it and from no other.
      EdgeList ornPn = c.edges(orns, pns, "AL", 1);
      assertEquals(orns.length, ornPn.fanOut().length);
      for (int f : ornPn.fanOut()) {
        assertTrue(f >= 1 && f <= 8, "uPNs per glomerulus " + f);
      }

      // APL: all KCs in, all KCs out.
      assertEquals(kcs.length, c.edges(kcs, apl, "MB", 1).edgeCount());
      assertEquals(kcs.length, c.edges(apl, kcs, "MB", 1).edgeCount());

      // KC -> MBON by compartment: a γ1 MBON hears only γ KCs, ~71 % of them.
      int[] g1 = c.select(NeuronFilter.of("MBON_g1", null, null));
      int[] gammaKcs = c.select(NeuronFilter.of("KCg", null, null));
      EdgeList kcMbon = c.edges(kcs, g1, null, 1);
      EdgeList fromGamma = c.edges(gammaKcs, g1, null, 1);
      assertEquals(kcMbon.edgeCount(), fromGamma.edgeCount());
      assertEquals(0.71, (double) fromGamma.edgeCount() / (g1.length * gammaKcs.length), 0.05);
    }
  }
}
