package org.neuromechfly.dmn.model;

import java.util.Arrays;
import java.util.Optional;

/** Export formats of connectome data that importers read, named by their {@code .circuit} keyword. */
public enum ConnectomeFormat {
  /** FlyWire Codex download folder: neurons, classification, connections (gzipped CSV). */
  FLYWIRE_CODEX("codex"),
  /** neuPrint bulk export or neuprint-python CSVs (hemibrain). */
  NEUPRINT("neuprint"),
  /** flyvis connectome JSON (cell types with hexagonal offsets). */
  FLYVIS("flyvis"),
  /** Synapse-count adjacency matrix with a labels file (e.g. larval mushroom body). */
  ADJACENCY("adjacency"),
  /** Shiu et al. 2024 Completeness CSV + Connectivity Parquet. */
  SHIU("shiu"),
  /**
   * Glomerulus tables of the antennal lobe (Schlegel et al. 2021, hemibrain_olf_data): PN type →
   * glomerulus, receptor neurons per glomerulus and their laterality. No synapses: it maps receptor
   * neurons onto the projection neurons of a {@code glomerular by} projection.
   */
  GLOMERULUS_MAP("glomerulus_map");

  private final String keyword;

  ConnectomeFormat(String keyword) {
    this.keyword = keyword;
  }

  /** Whether the format holds synapses that {@code from} queries can select. */
  public boolean hasSynapses() {
    return this != GLOMERULUS_MAP;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<ConnectomeFormat> byKeyword(String text) {
    return Arrays.stream(values()).filter(f -> f.keyword.equals(text)).findFirst();
  }
}
