package org.neuromechfly.dmn.circuit.editor.launch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.runtime.Platform;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * How the IDE runs the {@code dmn} command line, for what needs the engine (training, exports, the
 * SameDiff graph): ND4J never loads inside Eclipse, so these run as a separate process. The command is
 * the preference {@code dmn.command} (Preferences > Circuit models), else {@code -Ddmn.command}, else
 * {@code $DMN_COMMAND}: either the checkout's {@code dmn} launcher script or a folder with {@code dmn.jar}
 * and {@code lib/} (what the command line module builds), run with this IDE's Java.
 */
public final class DmnCommand {
  public static final String PREFERENCE = "dmn.command";
  public static final String DATA_DIR_PREFERENCE = "dmn.dataDir";

  private DmnCommand() {}

  /** The command line that starts {@code dmn}, without arguments; empty when none is configured. */
  public static Optional<List<String>> prefix() {
    return configured(PREFERENCE, "dmn.command", "DMN_COMMAND").map(DmnCommand::commandFor);
  }

  /** The data directory connectome sources resolve in, when one is configured. */
  public static Optional<String> dataDirectory() {
    return configured(DATA_DIR_PREFERENCE, "dmn.data.dir", "DMN_DATA_DIR");
  }

  /** The full command line for {@code dmn ARGS}, or empty when no command is configured. */
  public static Optional<List<String>> of(List<String> arguments) {
    return prefix().map(p -> {
      List<String> command = new ArrayList<>(p);
      command.addAll(arguments);
      return command;
    });
  }

  /** What to tell a user who has not configured the command. */
  public static String notConfigured() {
    return "The dmn command is not set: choose the checkout's 'dmn' script (or the command line's target folder) in"
        + " Preferences > Circuit models, or start the IDE with -Ddmn.command=PATH.";
  }

  private static Optional<String> configured(String preference, String property, String variable) {
    String value = Platform.getPreferencesService().getString(CircuitEditorPlugin.PLUGIN_ID, preference, null, null);
    if (value == null || value.isBlank()) {
      value = System.getProperty(property);
    }
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static List<String> commandFor(String configured) {
    Path path = Path.of(configured);
    Path jar = Files.isDirectory(path) ? path.resolve("dmn.jar") : path;
    if (jar.getFileName() != null && jar.getFileName().toString().endsWith(".jar")) {
      Path folder = jar.toAbsolutePath().getParent();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = jar.toAbsolutePath() + File.pathSeparator + folder.resolve("lib") + File.separator + "*";
      return List.of(java, "-cp", classPath, "org.neuromechfly.dmn.cli.Dmn");
    }
    return List.of(path.toAbsolutePath().toString());
  }
}
