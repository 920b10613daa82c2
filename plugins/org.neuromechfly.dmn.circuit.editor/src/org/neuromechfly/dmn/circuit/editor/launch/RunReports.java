package org.neuromechfly.dmn.circuit.editor.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * What a finished training run shows: its HTML report where the run wrote one ({@code report.html}),
 * in the workbench's browser; otherwise the Training Run view with the summary and the plots.
 */
public final class RunReports {
  public static final String REPORT = "report.html";

  private RunReports() {}

  /** Refreshes the run folder and shows the run; callable from any thread. */
  public static void show(IFolder runFolder) {
    try {
      runFolder.getParent().refreshLocal(IResource.DEPTH_INFINITE, null);
    } catch (CoreException e) {
      ILog.of(RunReports.class).warn("Cannot refresh " + runFolder, e);
    }
    Display display = PlatformUI.getWorkbench().getDisplay();
    display.asyncExec(() -> {
      IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
      if (window == null) {
        return;
      }
      IFile report = runFolder.getFile(REPORT);
      if (report.exists() && openInBrowser(report)) {
        return;
      }
      try {
        TrainingRunView view = (TrainingRunView) window.getActivePage().showView(TrainingRunView.ID);
        view.show(runFolder);
      } catch (PartInitException e) {
        ILog.of(RunReports.class).error("Cannot show the training run " + runFolder, e);
      }
    });
  }

  private static boolean openInBrowser(IFile report) {
    try {
      PlatformUI.getWorkbench().getBrowserSupport().createBrowser("org.neuromechfly.dmn.report")
          .openURL(report.getLocationURI().toURL());
      return true;
    } catch (Exception e) {
      // no browser widget (e.g. no WebKit) and no external browser: the view shows the plots instead
      ILog.of(RunReports.class).warn("Cannot open " + report + " in a browser", e);
      return false;
    }
  }
}
