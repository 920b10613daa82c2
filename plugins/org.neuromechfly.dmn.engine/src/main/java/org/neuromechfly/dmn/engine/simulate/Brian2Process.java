package org.neuromechfly.dmn.engine.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code brian2_trials.py} on a folder written by {@link Brian2Export} with a python3 that has
 * Brian2 (Debian: {@code apt-get install python3-brian}).
 */
public final class Brian2Process {
  private Brian2Process() {}

  /** Whether {@code python} can import brian2. */
  public static boolean available(String python) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import brian2").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs the trials in Brian2 and returns what the script printed.
   *
   * @param target Brian2's code generation target ({@code numpy} or {@code cython})
   * @param batch trials simulated at once as copies of the network
   * @throws IllegalStateException when the script fails, with its output
   */
  public static String run(String python, Path export, Path out, String target, int batch, long timeoutSeconds) {
    try {
      Path script = Brian2Export.script(export);
      List<String> command = new ArrayList<>(List.of(python, script.toString(), export.toString(), out.toString(),
          "--target", target, "--batch", Integer.toString(batch)));
      Path log = Files.createTempFile("brian2", ".log");
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("Brian2 did not finish in " + timeoutSeconds + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException("Brian2 failed (exit " + p.exitValue() + "):\n" + output);
        }
        return output;
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Brian2 ran", e);
    }
  }
}
