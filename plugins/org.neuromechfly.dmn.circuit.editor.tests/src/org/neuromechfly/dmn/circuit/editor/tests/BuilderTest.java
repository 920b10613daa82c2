package org.neuromechfly.dmn.circuit.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.circuit.editor.builder.BuildSettings;
import org.neuromechfly.dmn.circuit.editor.builder.CircuitBuilder;
import org.neuromechfly.dmn.circuit.editor.builder.CircuitNature;
import org.neuromechfly.dmn.circuit.editor.builder.EngineArtifacts;
import org.neuromechfly.dmn.circuit.editor.validation.ProblemMarkers;
import org.neuromechfly.dmn.circuit.editor.wizard.NewCircuitWizard;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/**
 * The project builder as a user meets it, with no editor open: a project that gets models gets the
 * circuit builder by itself; saving (auto-build) validates every model into markers and generates
 * what {@code dmn generate} writes; deleting a model deletes what it generated.
 */
class BuilderTest {
  private static final long TIMEOUT_MS = 60_000;

  /** Six wrong units, never opened in an editor. */
  private static final String WRONG_UNITS =
      """
      circuit Units
      population A : ORN { count 50 tau_mem 20 mm tau_syn 5 Hz refractory 2 mm }
      population B : uPN { count 150 tau_mem 10 Hz tau_syn 5 mm refractory 1 Hz }
      """;

  private static final String VALID =
      """
      circuit Tiny
      population ORN : ORN { count 50 tau_mem 10 ms }
      population PN : uPN { count 150 tau_mem 10 ms }
      projection ORN -> PN glomerular weight normal(0.5, 0.1) learn
      """;

  private IProject project;

  @BeforeEach
  void createProjectWithoutNature() throws CoreException {
    project = ResourcesPlugin.getWorkspace().getRoot().getProject("builder-test");
    if (project.exists()) {
      project.delete(true, true, null);
    }
    project.create(null);
    project.open(null);
    assertFalse(project.hasNature(CircuitNature.ID));
  }

  @AfterEach
  void deleteProject() throws CoreException {
    EditorFixtures.awaitBuilds(TIMEOUT_MS);
    project.delete(true, true, null);
  }

  @Test
  void aModelNobodyOpenedIsValidatedAndAValidOneGenerated() throws Exception {
    IFile wrong = EditorFixtures.write(project, "units.circuit", WRONG_UNITS);
    IFile valid = EditorFixtures.write(project, "tiny.circuit", VALID);

    assertTrue(UiWait.until(() -> hasNature(project), TIMEOUT_MS), "the project should get the circuit nature by itself");
    ICommand[] spec = project.getDescription().getBuildSpec();
    assertTrue(Arrays.stream(spec).anyMatch(c -> CircuitBuilder.ID.equals(c.getBuilderName())), "the circuit builder is on the project");

    assertTrue(UiWait.until(() -> markers(wrong, CircuitIssueCodes.WRONG_DIMENSION).size() == 6, TIMEOUT_MS),
        "six wrong units, six markers: " + describe(wrong));
    IMarker first = markers(wrong, CircuitIssueCodes.WRONG_DIMENSION).stream().min((a, b) -> Integer.compare(a.getAttribute(IMarker.CHAR_START, 0), b.getAttribute(IMarker.CHAR_START, 0))).orElseThrow();
    assertEquals(2, first.getAttribute(IMarker.LINE_NUMBER, -1));
    assertTrue(first.getAttribute(IMarker.MESSAGE, "").contains("'mm' is a unit of length"), describe(wrong));
    // the marker type is persistent, so these markers are still there after a restart
    var type = Platform.getExtensionRegistry().getExtension("org.eclipse.core.resources.markers", ProblemMarkers.TYPE);
    assertTrue(Arrays.stream(type.getConfigurationElements()).anyMatch(e -> "persistent".equals(e.getName()) && "true".equals(e.getAttribute("value"))));

    IFile ir = project.getFile("generated/Tiny.ir.json");
    IFile manifest = project.getFile("generated/Tiny.manifest.json");
    IFile program = project.getFile("generated/org/neuromechfly/dmn/generated/TinyTraining.java");
    assertTrue(UiWait.until(() -> ir.exists() && manifest.exists() && program.exists(), TIMEOUT_MS), "generated files of tiny.circuit");
    assertTrue(ir.isDerived() && program.isDerived(), "generated files are derived");
    assertTrue(read(ir).contains("\"name\" : \"Tiny\"") || read(ir).contains("\"name\":\"Tiny\""), read(ir));
    assertTrue(read(manifest).contains("\"source\" : \"tiny.circuit\""), read(manifest));
    assertFalse(project.getFile("generated/Units.ir.json").exists(), "a model with errors generates nothing");
    assertTrue(markers(valid, null).isEmpty(), describe(valid));
  }

  @Test
  void savingRegeneratesOnlyWhatChangedAndDeletingAModelDeletesItsFiles() throws Exception {
    IFile model = EditorFixtures.write(project, "tiny.circuit", VALID);
    IFile ir = project.getFile("generated/Tiny.ir.json");
    assertTrue(UiWait.until(ir::exists, TIMEOUT_MS), "generated on the first build");
    // the file appears while the build that writes it may still be running (and refreshing it)
    assertTrue(EditorFixtures.awaitBuilds(TIMEOUT_MS));
    long stamp = ir.getModificationStamp();

    // same model, other layout: the same bytes, so the file is not rewritten
    EditorFixtures.write(project, "tiny.circuit", VALID.replace("\n", "\n\n"));
    assertTrue(EditorFixtures.awaitBuilds(TIMEOUT_MS));
    assertEquals(stamp, ir.getModificationStamp(), "an unchanged IR is not rewritten");

    EditorFixtures.write(project, "tiny.circuit", VALID.replace("count 150", "count 130"));
    assertTrue(UiWait.until(() -> read(ir).contains("130"), TIMEOUT_MS), "saving regenerates");

    // a full build from Project > Build Project / Clean gives the same files
    project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
    assertFalse(ir.exists(), "clean removes generated files");
    project.build(IncrementalProjectBuilder.FULL_BUILD, null);
    assertTrue(ir.exists(), "a full build generates again");

    model.delete(true, null);
    assertTrue(UiWait.until(() -> !ir.exists() && !project.getFile("generated/org/neuromechfly/dmn/generated/TinyTraining.java").exists(), TIMEOUT_MS),
        "the files of a deleted model are deleted");
  }

  @Test
  void declaredExportsAndTheTrainingGraphAreMadeByADmnProcess() throws Exception {
    String command = System.getProperty("dmn.command", "");
    assumeTrue(Files.exists(Path.of(command, "dmn.jar")), "no dmn command built (-Ddmn.command)");
    var settings = BuildSettings.node(project);
    settings.putBoolean(BuildSettings.TRAINING_GRAPH, true);
    settings.flush();
    String template = NewCircuitWizard.template("Exported");
    IFile model = EditorFixtures.write(project, "exported.circuit", template + "\nexport nir \"exported.nir\"\n");
    IFile nir = project.getFile("generated/exported.nir");
    IFile graph = project.getFile("generated/Exported.samediff.fb");
    assertTrue(UiWait.until(() -> nir.exists() && graph.exists(), 180_000),
        "the declared NIR export and the training graph appear in generated/: " + artifactProblems(model));
    assertTrue(UiWait.until(() -> nir.isDerived() && graph.isDerived(), 10_000), "the artifacts are marked derived");
    assertTrue(nir.getLocation().toFile().length() > 1_000 && graph.getLocation().toFile().length() > 1_000);
    assertEquals("", artifactProblems(model));
  }

  private static String artifactProblems(IFile model) {
    try {
      return Arrays.stream(model.findMarkers(EngineArtifacts.MARKER, false, IResource.DEPTH_ZERO))
          .map(m -> m.getAttribute(IMarker.MESSAGE, "")).reduce("", (a, b) -> a + b);
    } catch (CoreException e) {
      return e.toString();
    }
  }

  // --- helpers --------------------------------------------------------------------------------------

  private static boolean hasNature(IProject project) {
    try {
      return project.hasNature(CircuitNature.ID);
    } catch (CoreException e) {
      return false;
    }
  }

  static List<IMarker> markers(IFile file, String code) {
    try {
      return Arrays.stream(file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO))
          .filter(m -> code == null || code.equals(m.getAttribute(Issue.CODE_KEY, null)))
          .toList();
    } catch (CoreException e) {
      return List.of();
    }
  }

  static String describe(IFile file) {
    return markers(file, null).stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList().toString();
  }

  private static String read(IFile file) {
    try (InputStream in = file.getContents(true)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "";
    }
  }
}
