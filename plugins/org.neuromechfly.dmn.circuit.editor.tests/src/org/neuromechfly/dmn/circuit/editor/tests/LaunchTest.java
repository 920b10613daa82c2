package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.TextConsole;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.launch.TrainLaunch;
import org.neuromechfly.dmn.circuit.editor.launch.TrainLaunchShortcut;
import org.neuromechfly.dmn.circuit.editor.launch.TrainingRunView;

/**
 * Run As > Train circuit on the example model, two episodes: {@code dmn train} runs as a separate
 * process with its output in a console, the run folder appears in the project, and the Training Run
 * view shows the summary and plots. Needs the command line built by this reactor ({@code -Ddmn.command}).
 */
class LaunchTest {
  private static final long TRAINING_TIMEOUT_MS = 600_000; // two episodes took 265 s on 2 busy cores

  @Test
  void trainsTwoEpisodesInAProcessWithAConsoleAndShowsTheRun() throws Exception {
    String command = System.getProperty("dmn.command", "");
    assumeTrue(!command.isBlank() && Files.exists(Path.of(command, "dmn.jar")), "no dmn command built (-Ddmn.command): " + command);
    IProject project = EditorFixtures.openProject("launch-test");
    String example = Files.readString(Path.of(System.getProperty("dmn.examples.dir", "../../dsl-examples"), "olfactory.circuit"));
    IFile model = EditorFixtures.write(project, "olfactory.circuit", example.replace("export nir \"olfactory.nir\"", ""));

    ILaunchConfigurationWorkingCopy configuration = TrainLaunchShortcut.configurationFor(model).getWorkingCopy();
    configuration.setAttribute(TrainLaunch.EPISODES, 2);
    ILaunch launch = DebugUITools.buildAndLaunch(configuration.doSave(), ILaunchManager.RUN_MODE, new org.eclipse.core.runtime.NullProgressMonitor());
    assertNotNull(launch);
    assertTrue(Arrays.asList(DebugPlugin.getDefault().getLaunchManager().getLaunches()).contains(launch));
    var process = launch.getProcesses()[0];
    assertTrue(process.getLabel().startsWith("dmn train olfactory.circuit"), process.getLabel());

    assertTrue(UiWait.until(launch::isTerminated, TRAINING_TIMEOUT_MS), "two episodes train within " + TRAINING_TIMEOUT_MS / 1000 + " s");
    UiWait.until(() -> !console().isBlank(), 10_000); // the console takes the process's last output
    assertEquals(0, process.getExitValue(), console());
    assertTrue(UiWait.until(() -> console().contains("done: 2 episodes"), 30_000), console());
    assertTrue(console().contains("episode 1  loss"), "per-episode progress in the console: " + console());

    IFolder run = project.getFolder("runs/OlfactoryNavigation");
    assertTrue(UiWait.until(() -> run.getFile("summary.txt").exists(), 30_000), "the run folder appears in the project");
    assertTrue(run.getFile("loss.png").exists() && run.getFile("checkpoint.json").exists());
    assertTrue(UiWait.until(() -> EditorFixtures.page().findView(TrainingRunView.ID) instanceof TrainingRunView v && v.plotCount() >= 2, 30_000),
        "the Training Run view shows the plots");
    TrainingRunView view = (TrainingRunView) EditorFixtures.page().findView(TrainingRunView.ID);
    assertTrue(view.summary().contains("successAfter") && view.summary().contains("episodes                   2"), view.summary());

    // the evidence README points to: the console of the finished launch and the Training Run view
    Path pictures = Path.of("target", "screenshots");
    Files.createDirectories(pictures);
    Files.writeString(pictures.resolve("launch-console.txt"), console());
    Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea());
    EditorFixtures.page().activate(view);
    UiWait.until(() -> false, 1_000); // the plots lay out at the new size
    Screenshots.capture(window, null, pictures.resolve("launch.png"));
  }

  /** What the training consoles show. */
  private static String console() {
    StringBuilder text = new StringBuilder();
    for (var console : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
      if (console instanceof TextConsole textConsole && console.getName().contains("dmn train")) {
        text.append(textConsole.getDocument().get());
      }
    }
    return text.toString();
  }
}
