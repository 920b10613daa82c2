package org.neuromechfly.dmn.engine.synapse;

/**
 * How projections are laid out in memory.
 *
 * @param kind dense, sparse, or chosen per projection by density
 * @param denseAbove density from which {@link Kind#AUTO} chooses dense
 * @param blasAbove matrix size (sources × targets) from which dense backward products go to BLAS
 */
public record SynapseLayout(Kind kind, double denseAbove, long blasAbove) {

  /** Layout choices. */
  public enum Kind {
    AUTO,
    DENSE,
    SPARSE
  }

  public static SynapseLayout auto() {
    return new SynapseLayout(Kind.AUTO, 0.25, 16_384);
  }
}
