package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code dmn} in a child JVM, for what an in-process run cannot show: environment variables
 * ({@code DMN_DEBUG}), a small heap, and a process that is killed.
 */
final class ChildProcess {
  private ChildProcess() {}

  record Result(int exit, String out, String err) {}

  /** The command line that starts {@code dmn} with this test's class path. */
  static List<String> command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    String data = System.getProperty("dmn.data.dir");
    if (data != null) {
      command.add("-Ddmn.data.dir=" + data);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Dmn.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code dmn args} to completion (at most {@code seconds}) in {@code dir}. */
  static Result run(Path dir, Map<String, String> environment, List<String> jvmOptions, long seconds, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, args)).directory(dir.toFile());
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("dmn " + String.join(" ", args) + " did not finish in " + seconds + " s");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
