package org.neuromechfly.dmn.circuit.editor.wizard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > Circuit model: a {@code .circuit} file started from a template, a small olfactory
 * navigation circuit (ORN → PN → KC (+APL) → MBON → DN) that validates and trains as it is.
 */
public class NewCircuitWizard extends Wizard implements INewWizard {
  private IWorkbench workbench;
  private IStructuredSelection selection;
  private WizardNewFileCreationPage page;

  @Override
  public void init(IWorkbench workbench, IStructuredSelection selection) {
    this.workbench = workbench;
    this.selection = selection;
    setWindowTitle("New Circuit Model");
    setNeedsProgressMonitor(true);
  }

  @Override
  public void addPages() {
    page = new WizardNewFileCreationPage("circuit", selection) {
      @Override
      protected InputStream getInitialContents() {
        return new ByteArrayInputStream(template(circuitName(getFileName())).getBytes(StandardCharsets.UTF_8));
      }
    };
    page.setTitle("Circuit model");
    page.setDescription("A spiking circuit of the fly in the .circuit language, started from a small olfactory navigation model.");
    page.setFileExtension("circuit");
    page.setFileName("olfaction.circuit");
    addPage(page);
  }

  @Override
  public boolean performFinish() {
    IFile file = page.createNewFile();
    if (file == null) {
      return false;
    }
    try {
      IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file, true);
    } catch (PartInitException e) {
      // the file exists: the user can open it from the Project Explorer
    }
    return true;
  }

  /** The template with its circuit named after the file: "odour-search.circuit" → OdourSearch. */
  public static String template(String circuitName) {
    try (InputStream in = NewCircuitWizard.class.getResourceAsStream("template.circuit")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${name}", circuitName);
    } catch (IOException e) {
      throw new UncheckedIOException("the template is missing from the bundle", e);
    }
  }

  static String circuitName(String fileName) {
    String base = fileName == null ? "" : fileName.replaceFirst("\\.circuit$", "");
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (char c : base.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Circuit");
    }
    return name.toString();
  }
}
