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
  SHIU("shiu");

  private final String keyword;

  ConnectomeFormat(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<ConnectomeFormat> byKeyword(String text) {
    return Arrays.stream(values()).filter(f -> f.keyword.equals(text)).findFirst();
  }
}
