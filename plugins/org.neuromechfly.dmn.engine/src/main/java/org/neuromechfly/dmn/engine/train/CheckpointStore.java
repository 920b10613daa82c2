package org.neuromechfly.dmn.engine.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Checkpoint files in a run folder: {@code checkpoint.json} (resumable state) and {@code best.json}
 * (parameters of the best held-out score). Every write goes to a temporary file first and is moved
 * into place atomically, so a crash never leaves a truncated checkpoint.
 */
public final class CheckpointStore {
  public static final String CHECKPOINT = "checkpoint.json";
  public static final String BEST = "best.json";
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Path folder;

  public CheckpointStore(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  public Path write(TrainingState state) {
    return writeAtomically(folder.resolve(CHECKPOINT), state);
  }

  public Path writeBest(Map<String, double[]> parameters) {
    return writeAtomically(folder.resolve(BEST), parameters);
  }

  /** Reads the checkpoint of a run folder. */
  public static TrainingState read(Path runFolder) {
    Path file = runFolder.resolve(CHECKPOINT);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + CHECKPOINT + " in " + runFolder + ": nothing to resume");
    }
    try {
      return MAPPER.readValue(file.toFile(), TrainingState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + file, e);
    }
  }

  /** Writes {@code value} as JSON to {@code target} through a temporary file and an atomic move. */
  public static Path writeAtomically(Path target, Object value) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      MAPPER.writeValue(tmp.toFile(), value);
      return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
