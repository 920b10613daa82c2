package org.neuromechfly.dmn.connectome.reference;

import java.util.Optional;

/**
 * A projection between cell types documented in the literature or the data.
 *
 * @param preType presynaptic cell type as declared in the reference file
 * @param postType postsynaptic cell type as declared in the reference file
 * @param fanIn distinct presynaptic cells per postsynaptic cell, or {@code null} when unknown
 * @param source citation
 */
public record KnownProjection(String preType, String postType, Range fanIn, String source) {

  /** The typical fan-in, when known. */
  public Optional<Range> typicalFanIn() {
    return Optional.ofNullable(fanIn);
  }
}
