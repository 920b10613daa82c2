package org.neuromechfly.dmn.engine.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.neuromechfly.dmn.engine.run.RunFolder;

/**
 * The checkpoint files of a run folder: {@code checkpoint.json} (resumable state) and
 * {@code best.json} (parameters of the best held-out score), written atomically. A checkpoint read
 * back is checked before anything trains from it, and a damaged one is refused with a message that
 * names the file, not an internal error.
 */
public final class CheckpointStore {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final RunFolder folder;

  public CheckpointStore(RunFolder folder) {
    this.folder = folder;
  }

  public RunFolder folder() {
    return folder;
  }

  public Path write(TrainingState state) {
    return writeJson(folder.file(RunFolder.CHECKPOINT), state);
  }

  public Path writeBest(Map<String, double[]> parameters) {
    return writeJson(folder.file(RunFolder.BEST), parameters);
  }

  /** Reads and checks the checkpoint of a run folder. */
  public static TrainingState read(RunFolder runFolder) {
    Path file = runFolder.file(RunFolder.CHECKPOINT);
    TrainingState state;
    try {
      state = MAPPER.readValue(file.toFile(), TrainingState.class);
    } catch (JsonProcessingException e) {
      throw damaged(file, "it is not a complete checkpoint (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + file, e);
    }
    if (state == null) {
      throw damaged(file, "it is empty");
    }
    if (state.nextEpisode < 0 || state.optimizerStep < 0) {
      throw damaged(file, "it says the next episode is " + state.nextEpisode + " after " + state.optimizerStep
          + " optimiser steps; both must be 0 or more");
    }
    if (state.parameters == null || state.parameters.isEmpty()) {
      throw damaged(file, "it holds no parameters");
    }
    for (var e : state.parameters.entrySet()) {
      if (e.getValue() == null) {
        throw damaged(file, "parameter " + e.getKey() + " has no values");
      }
    }
    if (state.firstMoments == null || state.secondMoments == null || state.history == null) {
      throw damaged(file, "it lacks the optimiser state or the history");
    }
    return state;
  }

  /** Parameters of {@code best.json} or, without one, of the last checkpoint. */
  public static Map<String, double[]> readParameters(Path file) {
    try {
      var type = MAPPER.getTypeFactory().constructMapType(Map.class, String.class, double[].class);
      if (file.getFileName().toString().equals(RunFolder.CHECKPOINT)) {
        return MAPPER.readValue(file.toFile(), TrainingState.class).parameters;
      }
      return MAPPER.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw damaged(file, "it is not a complete parameter file (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes {@code value} as JSON to {@code target} through a temporary file and an atomic move. */
  public static Path writeJson(Path target, Object value) {
    return RunFolder.write(target, tmp -> MAPPER.writeValue(tmp.toFile(), value));
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static IllegalArgumentException damaged(Path file, String why) {
    return new IllegalArgumentException(file + " cannot be resumed: " + why
        + "; start a new run, or resume a copy of the run folder that holds an intact checkpoint");
  }
}
