package org.neuromechfly.dmn.circuit.editor.tests;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A UI test class with a workspace project of its own, named after the class, and no editor left open. */
abstract class WorkbenchTest {
  protected IProject project;

  @BeforeEach
  void openProject() throws CoreException {
    project = EditorFixtures.openProject(getClass().getSimpleName());
  }

  @AfterEach
  void closeEditors() {
    EditorFixtures.page().closeAllEditors(false);
  }
}
