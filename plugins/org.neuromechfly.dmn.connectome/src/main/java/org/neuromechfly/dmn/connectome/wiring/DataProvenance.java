package org.neuromechfly.dmn.connectome.wiring;

/**
 * Where the edges of a connectome-backed projection came from, recorded so a trained model can be
 * traced back to, and rebuilt from, the exact data.
 *
 * @param source the model's name for the connectome source
 * @param format the export format keyword, e.g. {@code neuprint}
 * @param version the dataset version as declared, or {@code null}
 * @param sha256 checksum over the source files that were read
 * @param query the selection in a stable, readable form
 * @param cacheKey key of the cached imported subset (sha256 of files and query)
 */
public record DataProvenance(
    String source, String format, String version, String sha256, String query, String cacheKey) {}
