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
import org.eclipse.ui.browser.IWorkbenchBrowserSupport;

/**
 * What a finished training run shows: the Training Run view with the summary and the plots, and the
 * run's HTML report ({@code report.html}) in the workbench's own browser where it has one. Never the
 * external system browser: where none is configured Eclipse answers with a modal error dialog, which
 * would stop the workbench until someone closes it.
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
      try {
        TrainingRunView view = (TrainingRunView) window.getActivePage().showView(TrainingRunView.ID);
        view.show(runFolder);
      } catch (PartInitException e) {
        ILog.of(RunReports.class).error("Cannot show the training run " + runFolder, e);
      }
      IFile report = runFolder.getFile(REPORT);
      if (report.exists() && PlatformUI.getWorkbench().getBrowserSupport().isInternalWebBrowserAvailable()) {
        openInBrowser(report);
      }
    });
  }

  private static void openInBrowser(IFile report) {
    try {
      PlatformUI.getWorkbench().getBrowserSupport()
          .createBrowser(IWorkbenchBrowserSupport.AS_EDITOR, "org.neuromechfly.dmn.report", report.getParent().getName(),
              report.getFullPath().toString())
          .openURL(report.getLocationURI().toURL());
    } catch (Exception e) {
      // the Training Run view already shows the summary and the plots
      ILog.of(RunReports.class).warn("Cannot open " + report + " in the workbench's browser", e);
    }
  }
}
