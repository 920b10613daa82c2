package org.neuromechfly.dmn.circuit.editor.builder;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.neuromechfly.dmn.circuit.editor.CircuitEditorPlugin;

/**
 * A project's generator settings, kept in its {@code .settings/org.neuromechfly.dmn.circuit.editor.prefs}
 * so they travel with the project: where generated files go, and whether the SameDiff training graph
 * is generated too (the model's {@code export} block decides about NIR and Loihi).
 *
 * @param outputFolder project-relative folder of generated files
 * @param trainingGraph whether to generate the SameDiff training graph of each model
 */
public record BuildSettings(IPath outputFolder, boolean trainingGraph) {
  public static final String OUTPUT_FOLDER = "output.folder";
  public static final String TRAINING_GRAPH = "generate.trainingGraph";
  public static final String DEFAULT_OUTPUT = "generated";

  public static BuildSettings of(IProject project) {
    IEclipsePreferences node = node(project);
    String folder = node.get(OUTPUT_FOLDER, DEFAULT_OUTPUT).trim();
    return new BuildSettings(IPath.fromPortableString(folder.isEmpty() ? DEFAULT_OUTPUT : folder), node.getBoolean(TRAINING_GRAPH, false));
  }

  /** The project's preference node for these settings. */
  public static IEclipsePreferences node(IProject project) {
    return new ProjectScope(project).getNode(CircuitEditorPlugin.PLUGIN_ID);
  }

  public IFolder folderIn(IProject project) {
    return project.getFolder(outputFolder);
  }
}
