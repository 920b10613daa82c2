package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A connectome dataset a model draws projections from, pinned so the model can be rebuilt.
 *
 * @param name the model's name for it
 * @param format export format
 * @param path folder or file, relative to the data directory unless absolute
 * @param version dataset version, e.g. {@code v1.2.1}
 * @param sha256 pinned checksum of the source files, or {@code null} when not pinned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectomeSource(
    String name, ConnectomeFormat format, String path, String version, String sha256) {

  public ConnectomeSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(path, "path");
  }
}
